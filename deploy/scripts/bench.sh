#!/usr/bin/env bash
# `make bench`: performance against same-run baselines (see bench/README.md).
# Pass --quick for a smoke-sized run, --only NAME to run one benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.local/bin:$PATH"
bash deploy/scripts/bootstrap.sh
uv run python -m bench "$@"
