#!/usr/bin/env bash
# Prints `JWT_SECRET=<random>` for a development stack (compose reads it from .env):
#   bash deploy/scripts/dev-secret.sh >.env
# A fresh random secret per stack instead of a public constant: with the public one, anyone who
# reaches a published port could mint a token for any role.
set -euo pipefail
echo "JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
