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

echo "== pytest"
set +e
uv run pytest "${@}"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure of intent" >&2
  exit 1
fi
exit "$code"
