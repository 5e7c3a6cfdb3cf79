#!/usr/bin/env bash
# Docker 26.1 for berth's tests: Debian 13's docker.io and containerd, unpacked into a cache folder.
#
#   bash test/support/docker26.sh [install]   install when missing; last stdout line: the folder to put first
#                                              on PATH (dockerd, containerd, shims, docker-proxy, runc)
#   bash test/support/docker26.sh path        print that folder if installed; exit 1 if not
#
# engine.sh runs this for BERTH_ENGINE_VERSION=26.1 and starts the engine itself (socket, bridge, image).
#
# How: a private apt configuration (a sources entry for Debian 13 "trixie", its own lists and cache under the
# cache folder, so the system's sources stay as they are), `apt-get download docker.io containerd`, and
# `dpkg-deb -x` of both. Debian 13's dockerd 26.1 and containerd 1.7 are Go programs that run on Debian 12's
# C library; its runc needs GLIBC_2.38, so the system's runc (Debian 12, 1.1) is linked in instead, and so is
# the system's docker-init (Debian 13's is a link to a tini-static that is not downloaded).
#
# Environment:
#   BERTH_ENGINE_CACHE   cache folder (default /var/cache/berth/docker-26.1): debs/, root/ (unpacked), bin/
#   BERTH_DEBIAN_MIRROR  Debian mirror (default: the one the system's own apt sources use for Debian 12)
set -euo pipefail
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

CACHE="${BERTH_ENGINE_CACHE:-/var/cache/berth/docker-26.1}"
BIN="$CACHE/bin"
WANT_DOCKER='26.1.'
WANT_CONTAINERD='1.7.'

log() { printf 'docker26.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# The Debian mirror the system's apt already uses for its own release (not the security one): trixie's
# packages come from the same place, by the same client, so nothing names a host of its own here.
system_mirror() {
	local uri
	uri=$(awk '/^URIs:/ {uri = $2} /^Suites:/ && uri != "" && $0 !~ /-security/ {print uri; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $3 !~ /-security|-updates/ {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
	[ -n "$uri" ] || die "no Debian mirror in the system's apt sources: set BERTH_DEBIAN_MIRROR"
	echo "$uri"
}

installed() {
	[ -x "$BIN/dockerd" ] && [ -x "$BIN/containerd" ] && [ -x "$BIN/containerd-shim-runc-v2" ] && [ -x "$BIN/runc" ] &&
		"$BIN/dockerd" --version 2>/dev/null | grep -q "version $WANT_DOCKER"
}

system_runc() {
	local runc
	for runc in /usr/sbin/runc /usr/bin/runc "$(command -v runc 2>/dev/null || true)"; do
		[ -n "$runc" ] && [ -x "$runc" ] && { echo "$runc"; return 0; }
	done
	return 1
}

install() {
	[ "$(id -u)" = 0 ] || die "installing Docker 26.1 needs root (apt-get, dpkg-deb)"
	command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || die "apt-get and dpkg-deb are needed to install Docker 26.1"
	local runc
	if ! runc=$(system_runc); then
		# runc comes with Debian 12's docker.io (engine.sh installs it for the 20.10 engine).
		log "installing the system's runc"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >&2 || die "apt-get install runc failed"
		runc=$(system_runc) || die "no runc after apt-get install runc"
	fi

	local apt="$CACHE/apt" work MIRROR
	MIRROR="${BERTH_DEBIAN_MIRROR:-$(system_mirror)}"
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
	echo "deb $MIRROR trixie main" >"$apt/sources.list"
	local options=(
		-o "Dir::Etc::sourcelist=$apt/sources.list"
		-o Dir::Etc::sourceparts=/dev/null
		-o "Dir::State::Lists=$apt/lists"
		-o "Dir::Cache=$apt/cache"
		-o APT::Sandbox::User=root
	)
	log "downloading Debian 13's docker.io and containerd into $CACHE (about 56 MB)"
	apt-get "${options[@]}" update -qq >&2 || die "apt-get update (Debian 13 sources, $MIRROR) failed"
	work=$(mktemp -d "$CACHE/download.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$work'" EXIT
	(cd "$work" && apt-get "${options[@]}" download docker.io containerd >&2) || die "apt-get download docker.io containerd (Debian 13) failed"

	mkdir -p "$work/root" "$work/bin"
	local deb
	for deb in "$work"/*.deb; do
		dpkg-deb -x "$deb" "$work/root"
	done
	local tool
	for tool in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd usr/bin/containerd-shim-runc-v2; do
		[ -x "$work/root/$tool" ] || die "the Debian 13 packages have no $tool"
	done
	"$work/root/usr/sbin/dockerd" --version | grep -q "version $WANT_DOCKER" ||
		die "Debian 13's dockerd is $("$work/root/usr/sbin/dockerd" --version), not $WANT_DOCKER*"
	"$work/root/usr/bin/containerd" --version | grep -q " $WANT_CONTAINERD" ||
		log "note: Debian 13's containerd is $("$work/root/usr/bin/containerd" --version), not $WANT_CONTAINERD*"

	# The folder that goes first on PATH: links into the unpacked root, plus the system's runc and docker-init.
	rm -rf "$CACHE/root" "$BIN"
	mkdir -p "$CACHE/debs"
	rm -f "$CACHE"/debs/*.deb
	mv "$work"/*.deb "$CACHE/debs/"
	mv "$work/root" "$CACHE/root"
	mkdir -p "$BIN"
	for tool in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd usr/bin/containerd-shim-runc-v2 usr/bin/ctr; do
		[ -e "$CACHE/root/$tool" ] && ln -s "$CACHE/root/$tool" "$BIN/${tool##*/}"
	done
	ln -s "$runc" "$BIN/runc"
	if command -v docker-init >/dev/null 2>&1; then
		ln -s "$(command -v docker-init)" "$BIN/docker-init"
	fi
	rm -rf "$work"
	trap - EXIT
	installed || die "Docker 26.1 in $BIN does not run"
	log "installed $("$BIN/dockerd" --version) and $("$BIN/containerd" --version | cut -d' ' -f1,3) in $CACHE"
}

cmd_install() {
	if ! installed; then
		mkdir -p "$CACHE"
		exec 8>"$CACHE/install.lock"
		command -v flock >/dev/null 2>&1 && { flock -w 600 8 || die "timed out waiting for $CACHE/install.lock"; }
		installed || install
		exec 8>&-
	fi
	echo "$BIN"
}

case "${1:-install}" in
install) cmd_install ;;
path) installed && echo "$BIN" ;;
-h | --help | help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' ;;
*) die "unknown subcommand '$1' (use install or path)" ;;
esac
