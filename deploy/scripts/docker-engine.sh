#!/usr/bin/env bash
# A Docker engine and `docker compose` for the container tests; prints the settings to use:
#   eval "$(bash deploy/scripts/docker-engine.sh)"   -> export DOCKER_HOST=... COMPOSE=...
# An engine that already answers (DOCKER_HOST, or the default socket) is used as it is.
# Otherwise, as root on Debian: Debian's docker.io is installed and dockerd started on the
# project's own socket, /run/samspil-docker/docker.sock, with --iptables=false --bridge=none:
# containers get host networking only, so all their traffic stays on 127.0.0.1, and a shell
# without DOCKER_HOST (someone's plain `pytest`) does not see this engine at all.
# `docker compose` is not in Debian: compose v5 is built from the Go module proxy into
# ~/.cache/samspil/bin/docker-compose-<version>: kept across clones (CI's is a fresh clone).
# `docker-engine.sh stop` stops an engine this script started (and nothing else).
# Progress goes to stderr; stdout carries only the settings.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."

COMPOSE_VERSION=v5.6.0 # v5.7 needs a newer Go than Debian 12's machines have
RUN_DIR=/run/samspil-docker
SOCKET="unix://$RUN_DIR/docker.sock"
TOOLS=${XDG_CACHE_HOME:-$HOME/.cache}/samspil
say() { echo "docker-engine: $*" >&2; }

answers() { timeout 10 docker ${1:+-H "$1"} info --format '{{.ServerVersion}}' >/dev/null 2>&1; }

if [ "${1:-}" = "stop" ]; then
  if [ -f "$RUN_DIR/dockerd.pid" ] && kill "$(cat "$RUN_DIR/dockerd.pid")" 2>/dev/null; then
    say "stopping dockerd on $SOCKET"
    for _ in $(seq 1 60); do answers "$SOCKET" || break; sleep 0.5; done
  fi
  exit 0
fi

engine() {
  if [ -n "${DOCKER_HOST:-}" ] && answers "$DOCKER_HOST"; then echo "$DOCKER_HOST"; return; fi
  if answers "$SOCKET"; then echo "$SOCKET"; return; fi
  if answers "unix:///var/run/docker.sock"; then echo "unix:///var/run/docker.sock"; return; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "no Docker engine answers and this is not root on Debian: start one (or set DOCKER_HOST)"
    return 1
  fi
  if ! command -v dockerd >/dev/null; then
    say "installing Debian's docker.io"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      docker.io >&2
  fi
  mkdir -p "$RUN_DIR"
  say "starting dockerd on $SOCKET (log: $RUN_DIR/dockerd.log)"
  # setsid: the engine outlives this script (and the test run that started it), so images and
  # layers stay warm for the next run; `docker-engine.sh stop` ends it.
  setsid dockerd --host "$SOCKET" --iptables=false --ip6tables=false --bridge=none \
    --exec-root "$RUN_DIR/exec" --pidfile "$RUN_DIR/dockerd.pid" \
    >>"$RUN_DIR/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    if answers "$SOCKET"; then echo "$SOCKET"; return; fi
    sleep 0.5
  done
  say "dockerd did not answer within 60 s; its log:"; tail -30 "$RUN_DIR/dockerd.log" >&2
  return 1
}

compose() {
  local bin="$TOOLS/bin/docker-compose-$COMPOSE_VERSION"
  if [ -x "$bin" ] && "$bin" version 2>/dev/null | grep -q "${COMPOSE_VERSION#v}"; then
    echo "$bin"; return
  fi
  say "building docker compose $COMPOSE_VERSION from the Go module proxy (cold: about 75 s)"
  mkdir -p "$TOOLS/bin"
  # Built inside its own module (a copy of the downloaded source): `go install pkg@version`
  # refuses a go.mod with exclude directives, and the module's own go.mod and go.sum must
  # decide the dependencies. The version is what `docker-compose version` reports.
  local dir src
  dir=$(cd "$TOOLS" && go mod download -json "github.com/docker/compose/v5@$COMPOSE_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  src=$(mktemp -d)
  cp -r "$dir/." "$src" && chmod -R u+w "$src"
  (cd "$src" && GOFLAGS=-buildvcs=false go build -trimpath -o "$bin" \
    -ldflags "-s -w -X github.com/docker/compose/v5/internal.Version=$COMPOSE_VERSION" ./cmd) >&2
  rm -rf "$src"
  echo "$bin"
}

host=$(engine)
bin=$(compose)
echo "export DOCKER_HOST=$host"
echo "export COMPOSE=$bin"
