#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, every time it runs (idempotent):
# uv and the locked Python dependencies. Kafka jars and PostgreSQL are installed by devstack
# when they are first needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.local/bin:$PATH"
if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
fi
uv sync --frozen --quiet
