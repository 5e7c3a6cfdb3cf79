#!/usr/bin/env bash
# `npm run demo`: berth at once, on a machine with no Docker engine of its own.
#
#   bash source/demo/demo.sh                 bring up the private engine, set up the scene, start berth on it
#   bash source/demo/demo.sh --scene-only    bring up the engine and set up the scene; do not start berth
#   bash source/demo/demo.sh --scene-down    remove the scene only (the engine keeps running)
#   bash source/demo/demo.sh --down          remove the scene and stop the private engine
#
# The engine is the tests' private one (test/support/engine.sh: socket /tmp/berth-engine/docker.sock, bridge
# berth0, local image berth-test/busybox made with docker import; nothing is pulled). The scene, every object
# labelled berth.demo=1, is set up idempotently (a second run leaves the same scene, not doubles):
#   - the compose project `demo` (source/demo/compose.yaml, Debian's docker-compose 1.29): web (busybox httpd on
#     127.0.0.1:8080 only), worker (some CPU), logger (a line a second, some on stderr, some in colour);
#   - standalone containers in every state the list shows: demo-db (running, healthy, DB_PASSWORD set),
#     demo-cache (paused), demo-migrate (exited 3), demo-backup (created), demo-mailer (restarting);
#   - the volume demo-data and the network demo-net, used by the compose services and demo-db.
#
# Environment: BERTH_ENGINE_DIR as for engine.sh (default /tmp/berth-engine); BERTH_DEMO_HOST sets the scene up
# on an engine that runs already (it must have berth-test/busybox:latest) instead of the private one, which is
# then neither started nor stopped; BERTH_DEMO_PORT the loopback port of web (default 8080).
set -euo pipefail
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENGINE_SCRIPT="$ROOT/test/support/engine.sh"
COMPOSE_YAML="$HERE/compose.yaml"
PROJECT=demo
LABEL=berth.demo=1
IMAGE=berth-test/busybox:latest
VOLUME=demo-data
NETWORK=demo-net
PORT="${BERTH_DEMO_PORT:-8080}"
ENGINE_DIR="${BERTH_ENGINE_DIR:-/tmp/berth-engine}"
HOST="${BERTH_DEMO_HOST:-unix://$ENGINE_DIR/docker.sock}"
LOG="${TMPDIR:-/tmp}/berth-demo-$(id -u).log"

# The docker CLI and compose talk to $HOST only: nothing inherited may point them elsewhere.
unset DOCKER_CONTEXT DOCKER_TLS DOCKER_TLS_VERIFY DOCKER_CERT_PATH COMPOSE_FILE COMPOSE_PROJECT_NAME
export DOCKER_HOST="$HOST"

say() { printf 'berth demo: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }

# The way to use berth without this script's engine, for every message that gives up.
ELSEWHERE="to use an engine that runs already instead: DOCKER_HOST=unix:///var/run/docker.sock npm start, or npm start -- --host URL (unix://, tcp://, ssh://)"

# Runs a command with its output in $LOG; on failure shows the end of that output and exits 1.
quietly() {
	local what=$1
	shift
	printf '\n=== %s: %s\n' "$(date -Is)" "$*" >>"$LOG"
	if ! "$@" >>"$LOG" 2>&1; then
		tail -n 15 "$LOG" | sed 's/^/  /' >&2
		die "$what failed (full output: $LOG)"
	fi
}

dk() { docker -H "$HOST" "$@"; }

compose() { docker-compose --project-name "$PROJECT" --file "$COMPOSE_YAML" "$@"; }

engine_answers() { timeout 15 docker -H "$HOST" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# ---------------------------------------------------------------------------------------------------------
# The engine and the tools

engine_up() {
	if [ -n "${BERTH_DEMO_HOST:-}" ]; then
		command -v docker >/dev/null 2>&1 || die "no docker CLI (apt-get install docker.io)"
		engine_answers || die "no engine answers on BERTH_DEMO_HOST=$HOST"
		dk image inspect "$IMAGE" >/dev/null 2>&1 ||
			die "the engine $HOST has no image $IMAGE (docker save $IMAGE | DOCKER_HOST=$HOST docker load)"
		return 0
	fi
	# engine.sh says what is missing and what it installs or starts on stderr; quiet when the engine is up.
	if ! BERTH_ENGINE_DIR="$ENGINE_DIR" bash "$ENGINE_SCRIPT" up >/dev/null; then
		if [ "$(id -u)" != 0 ]; then
			die "cannot start the private Docker engine: that needs root (it installs docker.io with apt and starts dockerd); $ELSEWHERE"
		elif ! command -v apt-get >/dev/null 2>&1; then
			die "cannot start the private Docker engine: no apt-get to install docker.io and busybox-static; $ELSEWHERE"
		fi
		die "cannot start the private Docker engine (see above); $ELSEWHERE"
	fi
}

# docker-compose 1.29 (Debian's), installed the way engine.sh installs its packages.
ensure_compose() {
	command -v docker-compose >/dev/null 2>&1 && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		say "installing docker-compose with apt-get"
		export DEBIAN_FRONTEND=noninteractive
		quietly "apt-get install docker-compose" sh -c 'apt-get update -qq && apt-get install -y -qq docker-compose'
		command -v docker-compose >/dev/null 2>&1 && return 0
	fi
	die "docker-compose is missing (as root: apt-get install docker-compose); $ELSEWHERE"
}

# ---------------------------------------------------------------------------------------------------------
# The scene

ensure_volume_and_network() {
	dk volume inspect "$VOLUME" >/dev/null 2>&1 || quietly "docker volume create" dk volume create --label "$LABEL" "$VOLUME"
	dk network inspect "$NETWORK" >/dev/null 2>&1 || quietly "docker network create" dk network create --label "$LABEL" "$NETWORK"
}

# "STATUS EXITCODE SPEC" of a container, or nothing when there is none.
container_state() {
	dk container inspect --format '{{.State.Status}} {{.State.ExitCode}} {{index .Config.Labels "berth.demo.spec"}}' "$1" 2>/dev/null || true
}

# ensure_container NAME STATE [docker create options...] -- IMAGE/COMMAND...
# Makes the container NAME exist as specified and be in STATE (running, paused, exited, created, restarting).
# The specification's hash is a label, as compose's config-hash is: a container left by an older scene with
# other options is made again, one that matches is only brought to its state (a rerun makes no doubles).
ensure_container() {
	local name=$1 want=$2
	shift 2
	local spec
	spec=$(printf '%s\0' "$want" "$@" | sha256sum | cut -c1-16)
	local status code have
	read -r status code have <<<"$(container_state "$name")"
	if [ -n "${status:-}" ] && { [ "$have" != "$spec" ] || { [ "$want" = created ] && [ "$status" != created ]; }; }; then
		quietly "docker rm $name" dk rm -f -v "$name"
		status=''
	fi
	if [ -z "${status:-}" ]; then
		quietly "docker create $name" dk create --name "$name" --label "$LABEL" --label "berth.demo.spec=$spec" "$@"
		status=created
	fi
	case "$want:$status" in
	created:*) ;;
	running:paused | paused:paused) [ "$want" = paused ] || quietly "docker unpause $name" dk unpause "$name" ;;
	running:running | restarting:running | restarting:restarting) ;;
	running:* | restarting:*) quietly "docker start $name" dk start "$name" ;;
	paused:running) quietly "docker pause $name" dk pause "$name" ;;
	paused:*)
		quietly "docker start $name" dk start "$name"
		quietly "docker pause $name" dk pause "$name"
		;;
	exited:exited) ;;
	exited:*)
		[ "$status" = running ] || quietly "docker start $name" dk start "$name"
		timeout 30 docker -H "$HOST" wait "$name" >/dev/null 2>&1 || true
		;;
	esac
}

# A shell as PID 1 ignores SIGTERM unless it traps it: every idle container traps it so that stops are quick.
IDLE='trap "exit 0" TERM INT; while :; do sleep 3600 & wait $!; done'

scene_up() {
	ensure_volume_and_network
	quietly "docker-compose up" compose up --detach --remove-orphans
	# Healthy: a small "database" with a password in its environment, on the demo volume and network.
	ensure_container demo-db running \
		--network "$NETWORK" --volume "$VOLUME:/data" \
		--env DB_USER=berth --env DB_PASSWORD=demo-s3cret --env DB_NAME=shop \
		--health-cmd 'test -f /tmp/ready' --health-interval 2s --health-timeout 2s --health-retries 3 \
		"$IMAGE" sh -c "echo 'db: accepting connections'; touch /tmp/ready; $IDLE"
	ensure_container demo-cache paused --network "$NETWORK" "$IMAGE" sh -c "echo 'cache: ready'; $IDLE"
	ensure_container demo-migrate exited "$IMAGE" \
		sh -c 'echo "migrate: applying 0042_orders.sql"; echo "migrate: relation \"orders\" already exists" >&2; exit 3'
	ensure_container demo-backup created --volume "$VOLUME:/data:ro" "$IMAGE" sh -c 'tar -cf /tmp/backup.tar /data'
	# Restarting: fails a second after each start; the engine restarts it with a growing back-off.
	ensure_container demo-mailer restarting --restart always "$IMAGE" \
		sh -c 'echo "mailer: connecting to smtp..."; sleep 1; echo "mailer: connection refused" >&2; exit 1'
}

scene_down() {
	if ! engine_answers; then
		say "no engine answers on $HOST: no scene to remove"
		return 0
	fi
	if command -v docker-compose >/dev/null 2>&1; then
		quietly "docker-compose down" compose down --timeout 2 --remove-orphans
	fi
	local ids
	ids=$(dk ps -aq --filter "label=$LABEL")
	# shellcheck disable=SC2086
	[ -z "$ids" ] || quietly "docker rm" dk rm -f -v $ids
	ids=$(dk volume ls -q --filter "label=$LABEL")
	# shellcheck disable=SC2086
	[ -z "$ids" ] || quietly "docker volume rm" dk volume rm $ids
	ids=$(dk network ls -q --filter "label=$LABEL")
	# shellcheck disable=SC2086
	[ -z "$ids" ] || quietly "docker network rm" dk network rm $ids
}

# ---------------------------------------------------------------------------------------------------------

mode=berth
case "${1:-}" in
'') ;;
--scene-only | --scene-down | --down) mode=${1#--} ;;
-h | --help) usage; exit 0 ;;
*) usage >&2; exit 2 ;;
esac
[ $# -le 1 ] || { usage >&2; exit 2; }

: >"$LOG" 2>/dev/null || LOG=/dev/null

case "$mode" in
scene-down)
	scene_down
	say "removed the demo scene from $HOST (the engine keeps running; stop it with: npm run demo -- --down)"
	;;
down)
	scene_down
	if [ -z "${BERTH_DEMO_HOST:-}" ]; then
		BERTH_ENGINE_DIR="$ENGINE_DIR" bash "$ENGINE_SCRIPT" down
		say "removed the demo scene and stopped the private engine $HOST"
	else
		say "removed the demo scene from $HOST"
	fi
	;;
scene-only | berth)
	NODE="$ROOT/node_modules/.bin/node"
	if [ "$mode" = berth ] && [ ! -x "$NODE" ]; then
		die "run npm install first (berth needs the Node 24 that npm install puts in node_modules)"
	fi
	engine_up
	ensure_compose
	scene_up
	scene="the demo scene (engine $HOST, web http://127.0.0.1:$PORT/)"
	if [ "$mode" = scene-only ]; then
		say "set up $scene; remove it all: npm run demo -- --down"
		exit 0
	fi
	cd "$ROOT"
	quietly "building berth (node esbuild.config.mjs)" "$NODE" esbuild.config.mjs
	say "starting berth on $scene; remove it all: npm run demo -- --down"
	exec "$NODE" dist/cli.js --host "$HOST"
	;;
esac
