#!/usr/bin/env bash
# berth's private Docker engine for tests.
#
#   bash test/support/engine.sh [up]        start (or reuse) the engine; last stdout line: DOCKER_HOST=unix://...
#   bash test/support/engine.sh down        stop it (SIGTERM, then SIGKILL after ~15 s); data-root is kept
#   bash test/support/engine.sh env         print `export DOCKER_HOST=...` (use: eval "$(bash engine.sh env)")
#   bash test/support/engine.sh stop-daemon / start-daemon / restart-daemon
#   bash test/support/engine.sh version     print the Docker version of the dockerd this script starts
#
# Environment:
#   BERTH_ENGINE_VERSION      which Docker: 20.10 (default; the system's dockerd, Debian 12's docker.io) or 26.1
#                             (Debian 13's docker.io and containerd, installed by docker26.sh into a cache folder)
#   BERTH_ENGINE_DIR          directory of the engine (default /tmp/berth-engine): docker.sock, data/, exec/,
#                             docker.pid, dockerd.log
#   BERTH_ENGINE_BRIDGE       bridge the engine's containers use (default berth0, at most 15 characters)
#   BERTH_ENGINE_BRIDGE_CIDR  address of that bridge (default 172.31.254.1/24)
#   BERTH_ENGINE26_DIR, BERTH_ENGINE26_BRIDGE, BERTH_ENGINE26_BRIDGE_CIDR
#                             the same for BERTH_ENGINE_VERSION=26.1 (defaults /tmp/berth-engine-26, berth26,
#                             172.31.253.1/24), so that both engines can run side by side
#   BERTH_ENGINE_SUBNET_SEARCH=1  when another interface has that subnet, take the next free one of its size in
#                             172.31.100-249 instead of failing (isolated test engines; a bridge that exists
#                             keeps its address while no other interface has it)
#   BERTH_BUSYBOX             static busybox used for the test image (default /bin/busybox)
#
# It never uses the system engine (/var/run/docker.sock) nor docker0, and never pulls from a registry:
# the test image berth-test/busybox:latest is imported from a local busybox-static root filesystem.
set -euo pipefail
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

VERSION="${BERTH_ENGINE_VERSION:-20.10}"
case "$VERSION" in
20.10)
	DIR="${BERTH_ENGINE_DIR:-/tmp/berth-engine}"
	BRIDGE="${BERTH_ENGINE_BRIDGE:-berth0}"
	BRIDGE_CIDR="${BERTH_ENGINE_BRIDGE_CIDR:-172.31.254.1/24}"
	;;
26.1)
	DIR="${BERTH_ENGINE26_DIR:-/tmp/berth-engine-26}"
	BRIDGE="${BERTH_ENGINE26_BRIDGE:-berth26}"
	BRIDGE_CIDR="${BERTH_ENGINE26_BRIDGE_CIDR:-172.31.253.1/24}"
	;;
*)
	printf 'engine.sh: BERTH_ENGINE_VERSION=%s: use 20.10 or 26.1\n' "$VERSION" >&2
	exit 1
	;;
esac
BUSYBOX="${BERTH_BUSYBOX:-/bin/busybox}"
IMAGE="berth-test/busybox:latest"
SOCK="$DIR/docker.sock"
HOST="unix://$SOCK"
PIDFILE="$DIR/docker.pid"
LOG="$DIR/dockerd.log"

log() { printf 'engine.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------
# Prerequisites

busybox_is_static() {
	[ -x "$BUSYBOX" ] || return 1
	if command -v ldd >/dev/null 2>&1; then
		# ldd exits non-zero and says "not a dynamic executable" for static binaries.
		! ldd "$BUSYBOX" >/dev/null 2>&1
	else
		return 0
	fi
}

ensure_prerequisites() {
	local missing=() packages=()
	command -v dockerd >/dev/null 2>&1 || { missing+=(dockerd); packages+=(docker.io); }
	command -v docker >/dev/null 2>&1 || { missing+=(docker); packages+=(docker.io); }
	busybox_is_static || { missing+=("static busybox ($BUSYBOX)"); packages+=(busybox-static); }
	command -v ip >/dev/null 2>&1 || { missing+=(ip); packages+=(iproute2); }
	# Wanted by the rest of the test suite (terminal driver, compose tests), not by the engine itself.
	local optional=()
	command -v tmux >/dev/null 2>&1 || optional+=(tmux)
	command -v docker-compose >/dev/null 2>&1 || optional+=(docker-compose)

	if [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
		return 0
	fi
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		local all
		all=$(printf '%s\n' "${packages[@]}" "${optional[@]}" | sort -u | tr '\n' ' ')
		log "installing: $all"
		export DEBIAN_FRONTEND=noninteractive
		# shellcheck disable=SC2086
		if ! { apt-get update -qq && apt-get install -y -qq $all; } >"${TMPDIR:-/tmp}/berth-engine-apt.log" 2>&1; then
			tail -n 20 "${TMPDIR:-/tmp}/berth-engine-apt.log" >&2 || true
			[ ${#missing[@]} -eq 0 ] || die "apt-get install $all failed (see above); set DOCKER_HOST (or berth --host) to an existing engine instead"
			log "could not install optional packages: ${optional[*]}"
		fi
		missing=()
		command -v dockerd >/dev/null 2>&1 || missing+=(dockerd)
		command -v docker >/dev/null 2>&1 || missing+=(docker)
		busybox_is_static || missing+=("static busybox ($BUSYBOX)")
		command -v ip >/dev/null 2>&1 || missing+=(ip)
	elif [ ${#optional[@]} -gt 0 ] && [ ${#missing[@]} -eq 0 ]; then
		log "note: ${optional[*]} missing (needed by some tests; install with apt-get as root)"
	fi
	if [ ${#missing[@]} -gt 0 ]; then
		die "cannot start a private Docker engine: missing ${missing[*]} (as root: apt-get install docker.io busybox-static); or point berth at an existing engine with DOCKER_HOST=unix:///path/to/docker.sock (berth --host)"
	fi
}

# For 26.1: puts Debian 13's dockerd, containerd and shims (and the system's runc) first on PATH, installing them
# when missing. dockerd then starts that containerd as its own (there is no system containerd socket to attach to).
ensure_version() {
	[ "$VERSION" = 26.1 ] || return 0
	local bin
	bin=$(bash "$(dirname "${BASH_SOURCE[0]}")/docker26.sh" install | tail -n 1) || die "could not install Docker 26.1 (see above)"
	PATH="$bin:$PATH"
}

# The version of the dockerd that this script starts, e.g. 20.10.24+dfsg1 (empty when there is none).
dockerd_version() {
	dockerd --version 2>/dev/null | sed -n 's/^Docker version \([^,]*\),.*/\1/p'
}

# Refuses an engine in DIR that answers with another version than the one asked for (one DIR for both
# versions, or an engine left from another run): tests would silently run against the wrong Docker.
check_version() {
	local want running
	want=$(dockerd_version)
	[ -n "$want" ] || return 0
	running=$(timeout 10 docker -H "$HOST" version --format '{{.Server.Version}}' 2>/dev/null) || return 0
	[ "$running" = "$want" ] ||
		die "the engine on $HOST is Docker $running, not $want (BERTH_ENGINE_VERSION=$VERSION): stop it (BERTH_ENGINE_VERSION=$VERSION bash $0 down) or give this version a directory of its own"
}

# ---------------------------------------------------------------------------------------------------------
# Helpers

engine_answers() {
	[ -S "$SOCK" ] || return 1
	timeout 10 docker -H "$HOST" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# True if the process exists and is not a zombie.
alive() {
	local state
	state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Prints the pid of our dockerd if the pidfile names a live dockerd process.
daemon_pid() {
	[ -f "$PIDFILE" ] || return 1
	local pid
	pid=$(tr -dc '0-9' <"$PIDFILE")
	[ -n "$pid" ] || return 1
	alive "$pid" || return 1
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] || return 1
	echo "$pid"
}

# The routes of other interfaces that overlap subnet $1 ("172.31.225.0/24 on berthi76d9f189 ..."), or nothing.
overlapping_routes() {
	{
		ip -4 route show match "${1%/*}"
		ip -4 route show root "$1"
	} 2>/dev/null | awk -v own="$BRIDGE" '$1 != "default" { for (i = 1; i < NF; i++) if ($i == "dev" && $(i + 1) != own) print $1 " on " $(i + 1) }' | sort -u | tr '\n' ' '
}

# With BERTH_ENGINE_SUBNET_SEARCH=1 (isolated test engines): the first block of the same size, from
# BRIDGE_CIDR on through 172.31.100.0-172.31.249.255, that no other interface's route overlaps.
free_subnet() {
	local bits=${BRIDGE_CIDR#*/} a b c d
	IFS=. read -r a b c d <<<"${BRIDGE_CIDR%/*}"
	local size=$((1 << (32 - bits))) low=$(((172 << 24) | (31 << 16) | (100 << 8))) high=$(((172 << 24) | (31 << 16) | (250 << 8)))
	local start=$((((a << 24) | (b << 16) | (c << 8) | d) & ~(size - 1))) i block candidate
	for ((i = 0; i < (high - low) / size; i++)); do
		block=$((start + i * size))
		((block >= high)) && block=$((low + (block - high) % (high - low)))
		candidate="$((block >> 24)).$(((block >> 16) & 255)).$(((block >> 8) & 255)).$(((block & 255) + 1))/$bits"
		[ -z "$(overlapping_routes "$candidate")" ] && { echo "$candidate"; return 0; }
	done
	return 1
}

ensure_bridge() {
	local current
	current=$(ip -4 -o addr show dev "$BRIDGE" 2>/dev/null | awk '{print $4; exit}' || true)
	if [ -n "$current" ]; then
		# A bridge of this engine from an earlier start keeps its address (it may be a searched one).
		BRIDGE_CIDR=$current
	fi
	# Two bridges with overlapping subnets break each other's published ports (replies take the other route):
	# refuse a subnet that a route of another interface covers or lies in, or find another one.
	local others
	others=$(overlapping_routes "$BRIDGE_CIDR")
	if [ -n "$others" ] && [ "${BERTH_ENGINE_SUBNET_SEARCH:-}" = 1 ]; then
		local found
		found=$(free_subnet) || die "no free subnet for $BRIDGE in 172.31.100.0-172.31.249.255"
		log "$BRIDGE_CIDR overlaps ${others% }: $BRIDGE takes $found"
		# Our dockerd is down here: its bridge can move. dockerd keeps the old subnet in its network store and
		# would put it back on the bridge: that store goes too (this engine's containers are the tests' own).
		if [ -n "$current" ]; then
			ip addr del "$current" dev "$BRIDGE"
			rm -f "$DIR/data/network/files/local-kv.db"
		fi
		BRIDGE_CIDR=$found
		others=''
	fi
	[ -z "$others" ] || die "the subnet $BRIDGE_CIDR of $BRIDGE overlaps ${others% }: give this engine another subnet"
	if ! ip link show dev "$BRIDGE" >/dev/null 2>&1; then
		log "creating bridge $BRIDGE ($BRIDGE_CIDR)"
		ip link add name "$BRIDGE" type bridge
	fi
	if ! ip -4 addr show dev "$BRIDGE" | grep -q "inet ${BRIDGE_CIDR%/*}/"; then
		ip addr add "$BRIDGE_CIDR" dev "$BRIDGE" 2>/dev/null || true
	fi
	ip link set "$BRIDGE" up
}

# A containerd namespace of our own, so that even when dockerd attaches to a system containerd
# (it does when /run/containerd/containerd.sock exists) our containers never mix with another engine's.
containerd_namespace() {
	printf 'berth-%s' "$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)"
}

# dockerd reuses the containerd named in exec/containerd/containerd.pid if that pid exists. After dockerd was
# killed, that containerd dies with it, but its pid can linger as a zombie (or be reused): dockerd then waits
# for a socket that never comes ("timeout waiting for containerd to start"). Remove such a pidfile first.
clear_stale_containerd() {
	local pidfile="$DIR/exec/containerd/containerd.pid" cpid i
	cpid=$(tr -dc '0-9' 2>/dev/null <"$pidfile" || true)
	[ -n "$cpid" ] || { rm -f "$pidfile"; return 0; }
	if alive "$cpid" && [ "$(cat "/proc/$cpid/comm" 2>/dev/null)" = containerd ]; then
		[ -S "$DIR/exec/containerd/containerd.sock" ] && return 0 # a live orphan: dockerd reattaches to it
		log "killing containerd $cpid, which has no socket"
		kill -KILL "$cpid" 2>/dev/null || true
		for ((i = 0; i < 50; i++)); do
			alive "$cpid" || break
			sleep 0.1
		done
	fi
	rm -f "$pidfile"
}

start_daemon() {
	local started=''
	if daemon_pid >/dev/null; then
		# Alive but not answering (yet): give it the usual wait below instead of starting a second one.
		log "dockerd $(daemon_pid) is running but not answering yet; waiting"
	else
		rm -f "$PIDFILE" "$SOCK"
		mkdir -p "$DIR/data" "$DIR/exec"
		clear_stale_containerd
		ensure_bridge
		local ns
		ns=$(containerd_namespace)
		log "starting dockerd on $HOST (log: $LOG)"
		printf '\n=== %s engine.sh: starting dockerd\n' "$(date -Is)" >>"$LOG"
		# fd 9 holds the lock: the daemon must not inherit it, or the lock would stay taken forever.
		setsid dockerd \
			--host "$HOST" \
			--data-root "$DIR/data" \
			--exec-root "$DIR/exec" \
			--pidfile "$PIDFILE" \
			--bridge "$BRIDGE" \
			--containerd-namespace "$ns" \
			--containerd-plugins-namespace "$ns-plugins" \
			--shutdown-timeout 2 \
			</dev/null >>"$LOG" 2>&1 9>&- &
		started=$!
		disown || true
	fi
	local i
	for ((i = 0; i < 150; i++)); do
		if engine_answers; then
			return 0
		fi
		if [ -n "$started" ] && ! alive "$started"; then
			log "dockerd exited during start-up"
			break
		fi
		sleep 0.2
	done
	# The engines of one machine share iptables' DOCKER chains, and a dockerd that starts deletes and makes them
	# again: one that starts at the same moment can find its chain gone ("Chain 'DOCKER' does not exist",
	# "No chain/target/match by that name").
	if [ -n "$started" ] && ! alive "$started" && [ "${1:-0}" -lt 3 ] &&
		tail -n 5 "$LOG" | grep -q 'iptables failed'; then
		log "dockerd lost its iptables chain to another engine starting at the same time; starting it again"
		sleep 1
		start_daemon $((${1:-0} + 1))
		return
	fi
	log "dockerd did not answer on $HOST within 30 s; last lines of $LOG:"
	tail -n 30 "$LOG" >&2 || true
	exit 1
}

build_image() {
	if docker -H "$HOST" image inspect "$IMAGE" >/dev/null 2>&1; then
		return 0
	fi
	log "building $IMAGE from $BUSYBOX"
	local root
	root=$(mktemp -d "${TMPDIR:-/tmp}/berth-rootfs.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$root'" EXIT
	mkdir -p "$root/bin" "$root/etc" "$root/root" "$root/tmp" "$root/usr/bin" "$root/var/www" \
		"$root/proc" "$root/sys" "$root/dev"
	chmod 1777 "$root/tmp"
	cp "$BUSYBOX" "$root/bin/busybox"
	chmod 755 "$root/bin/busybox"
	local applet
	for applet in $("$BUSYBOX" --list); do
		[ "$applet" = busybox ] && continue
		ln -sf busybox "$root/bin/$applet"
	done
	ln -sf /bin/busybox "$root/usr/bin/env"
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
	printf 'berth test container\n' >"$root/var/www/index.html"
	tar --numeric-owner --owner=0 --group=0 -C "$root" -cf - . |
		docker -H "$HOST" import -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
	rm -rf "$root"
	trap - EXIT
}

lock() {
	mkdir -p "$DIR"
	exec 9>"$DIR/engine.lock"
	if command -v flock >/dev/null 2>&1; then
		flock -w 300 9 || die "timed out waiting for the lock $DIR/engine.lock"
	fi
}

# ---------------------------------------------------------------------------------------------------------
# Subcommands

cmd_up() {
	local bin
	if [ "$VERSION" = 26.1 ] && bin=$(bash "$(dirname "${BASH_SOURCE[0]}")/docker26.sh" path 2>/dev/null); then
		PATH="$bin:$PATH"
	fi
	if command -v docker >/dev/null 2>&1 && engine_answers && docker -H "$HOST" image inspect "$IMAGE" >/dev/null 2>&1; then
		check_version
		echo "DOCKER_HOST=$HOST"
		return 0
	fi
	ensure_prerequisites
	[ "$(id -u)" = 0 ] || die "starting a private dockerd needs root; point berth at an existing engine instead with DOCKER_HOST=unix:///path/to/docker.sock (berth --host)"
	ensure_version
	lock
	if ! engine_answers; then
		start_daemon
	fi
	check_version
	build_image
	echo "DOCKER_HOST=$HOST"
}

cmd_down() {
	lock
	local pid i
	if pid=$(daemon_pid); then
		log "stopping dockerd $pid"
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 75; i++)); do
			alive "$pid" || break
			sleep 0.2
		done
		if alive "$pid"; then
			log "dockerd $pid ignored SIGTERM for 15 s; killing it"
			kill -KILL "$pid" 2>/dev/null || true
			# Its own containerd would outlive it: stop that too (dockerd reuses it otherwise, which is fine,
			# but "down" means down).
			local cpid
			cpid=$(tr -dc '0-9' 2>/dev/null <"$DIR/exec/containerd/containerd.pid" || true)
			if [ -n "$cpid" ] && [ "$(cat "/proc/$cpid/comm" 2>/dev/null)" = containerd ]; then
				kill -TERM "$cpid" 2>/dev/null || true
			fi
			for ((i = 0; i < 25; i++)); do
				alive "$pid" || break
				sleep 0.2
			done
		fi
	fi
	rm -f "$PIDFILE" "$SOCK"
}

case "${1:-up}" in
up | start) cmd_up ;;
down | stop) cmd_down ;;
env) echo "export DOCKER_HOST=$HOST" ;;
version) ensure_version && dockerd_version ;;
stop-daemon) cmd_down ;;
start-daemon) cmd_up ;;
restart-daemon) cmd_down && cmd_up ;;
-h | --help | help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//' ;;
*) die "unknown subcommand '$1' (use up, down, env, stop-daemon, start-daemon, restart-daemon)" ;;
esac
