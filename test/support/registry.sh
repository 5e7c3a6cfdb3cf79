#!/usr/bin/env bash
# A private image registry for berth's pull tests, on 127.0.0.1:5000 only.
#
#   bash test/support/registry.sh [up]     start (or reuse) it; last stdout line: REGISTRY=127.0.0.1:5000
#   bash test/support/registry.sh down     stop it; then it collects the garbage (blobs of deleted manifests)
#
# It installs Debian's docker-registry package when missing (as root, with apt-get), writes a config of its
# own (/tmp/berth-registry/config.yml: listen on 127.0.0.1:5000, filesystem storage in
# /tmp/berth-registry/data) and runs `docker-registry serve CONFIG` detached, without systemd. A Docker
# engine pushes to and pulls from a loopback registry over plain HTTP without any configuration.
#
# Environment: BERTH_REGISTRY_DIR (default /tmp/berth-registry).
set -euo pipefail
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

DIR="${BERTH_REGISTRY_DIR:-/tmp/berth-registry}"
ADDR="127.0.0.1:5000"
CONFIG="$DIR/config.yml"
PIDFILE="$DIR/registry.pid"
LOG="$DIR/registry.log"

log() { printf 'registry.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# A registry answers /v2/ with its API version header (anything else on the port is not one).
answers() {
	curl -s -o /dev/null -D - --max-time 3 "http://$ADDR/v2/" 2>/dev/null | grep -qi '^docker-distribution-api-version: *registry/2'
}

# True if the process exists and is not a zombie.
alive() {
	local state
	state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Prints the pid of our registry if the pidfile names a live docker-registry process.
registry_pid() {
	[ -f "$PIDFILE" ] || return 1
	local pid
	pid=$(tr -dc '0-9' <"$PIDFILE")
	[ -n "$pid" ] || return 1
	alive "$pid" || return 1
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = docker-registry ] || return 1
	echo "$pid"
}

# The package's own service listens on every address (:5000): where the install started it (systemd, or a
# sysvinit without a policy-rc.d that forbids starts), stop it and keep it from starting at boot.
stop_package_service() {
	if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
		systemctl disable --now docker-registry >/dev/null 2>&1 || true
	elif [ -x /etc/init.d/docker-registry ]; then
		/etc/init.d/docker-registry stop >/dev/null 2>&1 || true
		command -v update-rc.d >/dev/null 2>&1 && update-rc.d docker-registry disable >/dev/null 2>&1 || true
	fi
}

ensure_package() {
	local packages=()
	command -v docker-registry >/dev/null 2>&1 || packages+=(docker-registry)
	command -v curl >/dev/null 2>&1 || packages+=(curl)
	[ ${#packages[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		die "${packages[*]} missing and cannot be installed here (needs root and apt-get: apt-get install ${packages[*]})"
	fi
	log "installing ${packages[*]}"
	export DEBIAN_FRONTEND=noninteractive
	local aptlog="${TMPDIR:-/tmp}/berth-registry-apt.log"
	if ! { apt-get update -qq && apt-get install -y -qq "${packages[@]}"; } >"$aptlog" 2>&1; then
		tail -n 20 "$aptlog" >&2 || true
		die "apt-get install ${packages[*]} failed (see above)"
	fi
	stop_package_service
	command -v docker-registry >/dev/null 2>&1 || die "docker-registry installed but not on PATH"
	command -v curl >/dev/null 2>&1 || die "curl installed but not on PATH"
}

write_config() {
	mkdir -p "$DIR/data"
	cat >"$CONFIG" <<EOF
# berth's test registry (written by test/support/registry.sh): loopback only.
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: $ADDR
EOF
}

lock() {
	mkdir -p "$DIR"
	exec 9>"$DIR/registry.lock"
	if command -v flock >/dev/null 2>&1; then
		flock -w 300 9 || die "timed out waiting for the lock $DIR/registry.lock"
	fi
}

cmd_up() {
	if command -v curl >/dev/null 2>&1 && answers; then
		echo "REGISTRY=$ADDR"
		return 0
	fi
	lock
	ensure_package
	if answers; then
		echo "REGISTRY=$ADDR"
		return 0
	fi
	local started='' i
	if registry_pid >/dev/null; then
		log "docker-registry $(registry_pid) is running but not answering yet; waiting"
	else
		collect_garbage
		write_config
		printf '\n=== %s registry.sh: starting docker-registry on %s\n' "$(date -Is)" "$ADDR" >>"$LOG"
		# fd 9 holds the lock: the registry must not inherit it.
		setsid docker-registry serve "$CONFIG" </dev/null >>"$LOG" 2>&1 9>&- &
		started=$!
		echo "$started" >"$PIDFILE"
		disown || true
	fi
	for ((i = 0; i < 100; i++)); do
		if answers; then
			echo "REGISTRY=$ADDR"
			return 0
		fi
		if [ -n "$started" ] && ! alive "$started"; then
			die "docker-registry exited during start-up on $ADDR: $(last_error) (log: $LOG)"
		fi
		sleep 0.1
	done
	die "the test registry did not answer on http://$ADDR/v2/ within 10 s: $(last_error) (log: $LOG)"
}

# The registry's last fatal or error message, e.g. `listen tcp 127.0.0.1:5000: bind: address already in use`.
last_error() {
	local line
	line=$(grep -E 'level=(fatal|error|panic)' "$LOG" 2>/dev/null | tail -n 1 | sed -n 's/.*msg="\([^"]*\)".*/\1/p')
	printf '%s' "${line:-no error logged}"
}

cmd_down() {
	lock
	local pid i
	if pid=$(registry_pid); then
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 50; i++)); do
			alive "$pid" || break
			sleep 0.1
		done
		alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$PIDFILE"
	collect_garbage
}

# Tests delete the manifests they push; their blobs go here, while nothing serves (it is not safe during uploads).
collect_garbage() {
	[ -f "$CONFIG" ] && command -v docker-registry >/dev/null 2>&1 || return 0
	answers && return 0
	docker-registry garbage-collect --delete-untagged "$CONFIG" >>"$LOG" 2>&1 || log "garbage-collect failed (see $LOG); the data stays"
}

case "${1:-up}" in
up | start) cmd_up ;;
down | stop) cmd_down ;;
-h | --help | help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
*) die "unknown subcommand '$1' (use up or down)" ;;
esac
