#!/usr/bin/env bash
# Installs what the authority's browser tests (services/authority/tests/web) need, idempotently:
#   /usr/bin/chromium      Debian's Chromium (apt), driven by Playwright via executable_path;
#                          Playwright's own browser download is not used (no CDN access here)
#   .cache/axe/axe.min.js  axe-core 4.x from the npm registry, injected into pages to audit them
# Safe to run on every test run: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."

AXE_DIR=.cache/axe
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

install_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  echo "install-browser: installing Debian's chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
}

install_axe() {
  if [ -s "$AXE_DIR/axe.min.js" ]; then return; fi
  echo "install-browser: fetching axe-core@4 from the npm registry"
  mkdir -p "$AXE_DIR"
  local tarball
  tarball=$(cd "$AXE_DIR" && npm pack --silent axe-core@4 | tail -n 1)
  tar -xzf "$AXE_DIR/$tarball" -C "$AXE_DIR" package/axe.min.js
  mv "$AXE_DIR/package/axe.min.js" "$AXE_DIR/axe.min.js"
  rm -rf "$AXE_DIR/package" "$AXE_DIR/$tarball"
}

install_chromium
install_axe
/usr/bin/chromium --version
echo "install-browser: axe-core at $AXE_DIR/axe.min.js"
