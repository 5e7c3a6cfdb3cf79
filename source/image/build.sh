#!/usr/bin/env bash
# Builds the container image berth:VERSION and berth:latest on the current engine (DOCKER_HOST, else the
# docker CLI's default) from the single executable dist/berth-linux-x64 (npm run build:exe) and the shared
# libraries it links, on an empty root file system: nothing is pulled.
#
#   npm run build:image            (builds the executable first)
#   bash source/image/build.sh [EXE]      an executable built already
#
# Environment: BERTH_DOCKER_CLI, the docker client (default: docker on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."

EXE="${1:-dist/berth-linux-x64}"
DOCKER="${BERTH_DOCKER_CLI:-docker}"
VERSION="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)"
[ -x "$EXE" ] || { echo "source/image/build.sh: $EXE is missing: npm run build:exe first" >&2; exit 1; }
[ -n "$VERSION" ] || { echo "source/image/build.sh: no version in package.json" >&2; exit 1; }

ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT

install -D -m 0755 "$EXE" "$ROOT/usr/local/bin/berth"
# The dynamic loader and every library ldd names, at the paths the executable asks for.
ldd "$EXE" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u | while read -r lib; do
	install -D -m 0755 "$(readlink -f "$lib")" "$ROOT$lib"
done
# berth asks who it runs as (an ssh engine without a user logs in as that user) and where HOME is
# (~/.ssh, ~/.docker): root, /root.
mkdir -p "$ROOT/etc" "$ROOT/root" "$ROOT/tmp"
chmod 1777 "$ROOT/tmp"
printf 'root:x:0:0:root:/root:/usr/local/bin/berth\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\n' >"$ROOT/etc/group"
printf 'hosts: files dns\n' >"$ROOT/etc/nsswitch.conf"

# docker import makes an image of a file system tarball: no Dockerfile, no base image, no registry.
tar -C "$ROOT" --numeric-owner --owner=0 --group=0 -c . |
	"$DOCKER" import \
		-c 'ENTRYPOINT ["/usr/local/bin/berth"]' \
		-c 'ENV HOME=/root TERM=xterm-256color' \
		-c 'WORKDIR /root' \
		-c "LABEL org.opencontainers.image.title=berth org.opencontainers.image.version=$VERSION" \
		-m "berth $VERSION: the single executable on an empty root file system" \
		- "berth:$VERSION" >/dev/null
"$DOCKER" tag "berth:$VERSION" berth:latest
"$DOCKER" image ls berth --format '{{.Repository}}:{{.Tag}} {{.Size}}'
