#!/usr/bin/env bash
# Local Postgres for development and tests: `postgres.sh up|down|status` (thin wrapper over devstack).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.local/bin:$PATH"
exec uv run python -m devstack "${1:-up}" postgres
