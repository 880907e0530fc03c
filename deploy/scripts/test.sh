#!/usr/bin/env bash
# The README's test command: static checks, then every test against the real broker and
# databases. pytest's exit code 5 ("no tests collected") is a failure here, not a pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.local/bin:$PATH"
bash deploy/scripts/bootstrap.sh
bash deploy/scripts/install-tools.sh   # kustomize, Kubernetes and compose schemas (offline checks)
export DEPLOY_TOOLS_REQUIRED=1
bash deploy/scripts/install-browser.sh # Debian's chromium and axe-core for the UI tests

echo "== ruff";          uv run ruff check .
echo "== ruff format";   uv run ruff format --check .
echo "== mypy (strict)"; uv run mypy contracts/src libs/*/src services/*/src
echo "== import-linter"; uv run lint-imports --no-cache
[ "${1:-}" = "lint-only" ] && exit 0

# Containers: a Docker engine (installed and started here when none answers), the images
# (stand-in base images from Debian's packages where registries cannot be reached), then the
# compose stack test (tests/containers/) and, with KAFKA_BOOTSTRAP_SERVERS and
# DATABASE_ADMIN_URL unset, the whole suite on Kafka and PostgreSQL in containers (devstack's
# Docker path through testcontainers). SAMSPIL_CONTAINERS=0 skips all this; in CI it must work.
if [ "${SAMSPIL_CONTAINERS:-1}" = 1 ]; then
  echo "== containers: engine and images"
  started=$(date +%s)
  if settings=$(bash deploy/scripts/docker-engine.sh) && eval "$settings" \
    && settings=$(bash deploy/scripts/images.sh) && eval "$settings"; then
    export SAMSPIL_KAFKA_IMAGE=$KAFKA_IMAGE SAMSPIL_POSTGRES_IMAGE=$POSTGRES_IMAGE
    export SAMSPIL_CONTAINERS_REQUIRED=1
    if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ] && [ -z "${DATABASE_ADMIN_URL:-}" ]; then
      export SAMSPIL_DEVSTACK=docker
    fi
    cat var/images/timings.txt
    echo "containers ready in $(($(date +%s) - started)) s (devstack: ${SAMSPIL_DEVSTACK:-as given})"
  elif [ "${CI:-}" = true ]; then
    echo "containers: no Docker engine or images; CI requires them" >&2
    exit 1
  else
    echo "containers: WARNING: no Docker engine or images; the container tests skip" >&2
  fi
fi

echo "== pytest"
set +e
uv run pytest "${@}"
code=$?
set -e
[ -f var/images/timings.txt ] && { echo "== container figures"; cat var/images/timings.txt; }
if [ "$code" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure of intent" >&2
  exit 1
fi
exit "$code"
