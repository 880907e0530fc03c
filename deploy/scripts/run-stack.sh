#!/usr/bin/env bash
# The README's run command: everything on a fresh machine, then the whole stack with demo
# data. Kafka (KRaft) and PostgreSQL come from devstack: the env vars KAFKA_BOOTSTRAP_SERVERS
# and DATABASE_ADMIN_URL if set, else Docker if there is an engine, else local processes.
#   make run        start (idempotent: running services are restarted with the new code)
#   make down       stop the services, Kafka and PostgreSQL
# A second stack beside the first (bench/warm_start.py runs one): SAMSPIL_PORT_BASE (8001),
# SAMSPIL_RUN_DIR (var/run), SAMSPIL_LOG_DIR (var/log), SAMSPIL_DB_PREFIX (none),
# KAFKA_TOPIC_PREFIX (none), DEMO_CASES=0 (no demo data), SAMSPIL_READY_SECONDS (60 a service).
# A provider's developer tries webhooks against a receiver on this machine: the provider
# admits http://127.0.0.1:<port>/ here (WEBHOOK_ALLOW_NETWORKS; empty admits none).
set -euo pipefail
shopt -s inherit_errexit
# The first failure stops everything, saying where (a half-started stack helps nobody).
trap 'echo "make run: failed at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
cd "$(dirname "$0")/../.."
export PATH="$HOME/.local/bin:$PATH"
RUN=${SAMSPIL_RUN_DIR:-var/run}; LOG=${SAMSPIL_LOG_DIR:-var/log}; mkdir -p "$RUN" "$LOG"
SERVICES=(authority provider scheduler)
BASE=${SAMSPIL_PORT_BASE:-8001}
declare -A PORTS=([authority]=$BASE [provider]=$((BASE + 1)) [scheduler]=$((BASE + 2)))

stop_services() {
  for svc in "${SERVICES[@]}"; do
    if [ -f "$RUN/$svc.pid" ]; then
      kill -TERM -- "-$(cat "$RUN/$svc.pid")" 2>/dev/null || true
      rm -f "$RUN/$svc.pid"
    fi
  done
}

if [ "${1:-}" = "down" ]; then
  stop_services
  uv run python -m devstack down
  echo "stopped"; exit 0
fi

started=$(date +%s.%N)
bash deploy/scripts/bootstrap.sh
# Local processes, or the given KAFKA_BOOTSTRAP_SERVERS / DATABASE_ADMIN_URL (containers would
# live only as long as devstack's own process: use `docker compose` for those).
if ! infra=$(SAMSPIL_DEVSTACK=local uv run python -m devstack up); then
  echo "make run: Kafka or PostgreSQL could not be started (see the message above)" >&2
  exit 1
fi
while IFS='=' read -r name value; do
  [[ $name =~ ^[A-Z_]+$ ]] && export "$name=$value"
done <<<"$infra"
for svc in "${SERVICES[@]}"; do
  url_var="${svc^^}_DATABASE_URL"
  [ -n "${!url_var:-}" ] || { echo "make run: devstack gave no $url_var" >&2; exit 1; }
done
# A random JWT secret per stack, kept under var/ so tokens survive a restart: the public
# development default would let anyone who reaches a port mint any role.
secret_file="$RUN/jwt-secret"
if [ ! -s "$secret_file" ]; then
  (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(48))' >"$secret_file")
fi
JWT_SECRET=$(cat "$secret_file")
export JWT_SECRET
stop_services

for svc in "${SERVICES[@]}"; do
  upper=${svc^^}
  url_var="${upper}_DATABASE_URL"
  DATABASE_URL="${!url_var}" PORT="${PORTS[$svc]}" HOST=127.0.0.1 \
    SAMSPIL_ENV=development ADJUSTABLE_CLOCK=true LOG_JSON=true \
    WEBHOOK_ALLOW_NETWORKS="${WEBHOOK_ALLOW_NETWORKS-127.0.0.0/8,::1}" \
    setsid uv run --frozen python -m "$svc" >>"$LOG/$svc.log" 2>&1 &
  echo $! > "$RUN/$svc.pid"
done

for svc in "${SERVICES[@]}"; do
  for _ in $(seq 1 $((${SAMSPIL_READY_SECONDS:-60} * 2))); do
    curl -fs "http://127.0.0.1:${PORTS[$svc]}/readyz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:${PORTS[$svc]}/readyz" >/dev/null || {
    echo "$svc did not become ready; last log lines:"; tail -30 "$LOG/$svc.log"; exit 1; }
done
ready=$(date +%s.%N)
awk -v a="$started" -v b="$ready" 'BEGIN { printf "stack ready in %.1f s\n", b - a }'

if [ "${DEMO_CASES:-40}" != 0 ]; then
  uv run --frozen python deploy/demo/seed.py --authority "http://127.0.0.1:${PORTS[authority]}" \
    --provider "http://127.0.0.1:${PORTS[provider]}" --cases "${DEMO_CASES:-40}"
fi

cat <<EOT

  ##########################################################################
  #  DEVELOPMENT MODE: anyone who can reach these ports can get a token    #
  #  for any role at /dev/token. Listening on 127.0.0.1 only; never expose #
  #  this stack. Production: SAMSPIL_ENV=production (the default) refuses  #
  #  development keys (see README, Operations).                            #
  ##########################################################################

Samspil is running:
  caseworker UI                  http://127.0.0.1:${PORTS[authority]}/ui/
  authority API                  http://127.0.0.1:${PORTS[authority]}/docs
  provider API                   http://127.0.0.1:${PORTS[provider]}/docs
  scheduler API                  http://127.0.0.1:${PORTS[scheduler]}/docs
  Kafka                          ${KAFKA_BOOTSTRAP_SERVERS}
  logs                           var/log/{authority,provider,scheduler,kafka,postgres}.log
  stop                           make down
EOT
