#!/usr/bin/env bash
# Installs the tools that validate the deploy artefacts offline (deploy/tests), idempotently,
# into .cache/deploy-tools/ (git-ignored):
#   bin/kustomize          renders deploy/k8s (Go module proxy, built with the local Go)
#   venv/                  kubernetes-validate: Kubernetes JSON schemas for many versions (PyPI)
#   compose-spec.json      the official Compose schema, vendored in compose-go (Go module proxy)
#   crds/                  CustomResourceDefinitions of the operators the manifests target:
#                          prometheus-operator and CloudNativePG (their Go modules)
# Kept apart from the uv workspace so the product's lock file is not touched.
# A tool that cannot be installed is reported and skipped; the tests then skip with that reason
# (or fail, under DEPLOY_TOOLS_REQUIRED=1). Exit status is non-zero only for a broken script.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.local/bin:$PATH"

KUSTOMIZE_VERSION=v5.8.2 # v5.8.3 needs Go >= 1.27
KUBERNETES_VALIDATE_VERSION=1.37.0
COMPOSE_GO_VERSION=v2.16.2
PROMETHEUS_OPERATOR_VERSION=v0.85.0
CLOUDNATIVE_PG_VERSION=v1.27.0

TOOLS=.cache/deploy-tools
mkdir -p "$TOOLS/bin"
warn() { echo "install-tools: WARNING: $*" >&2; }

install_kustomize() {
  local bin="$TOOLS/bin/kustomize"
  if [ -x "$bin" ] && "$bin" version 2>/dev/null | grep -q "$KUSTOMIZE_VERSION"; then return; fi
  if ! command -v go >/dev/null 2>&1; then
    warn "no Go toolchain: kustomize not built (tests fall back to 'kubectl kustomize')"
    return
  fi
  echo "install-tools: building kustomize $KUSTOMIZE_VERSION (first time takes a minute or two)"
  GOBIN="$PWD/$TOOLS/bin" GOFLAGS=-buildvcs=false \
    go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" \
    || warn "kustomize $KUSTOMIZE_VERSION could not be built"
}

install_kubernetes_validate() {
  local venv="$TOOLS/venv"
  if "$venv/bin/python" -c "import kubernetes_validate.version as v, sys;
sys.exit(v.__version__ != '$KUBERNETES_VALIDATE_VERSION')" 2>/dev/null; then return; fi
  echo "install-tools: installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION"
  { uv venv --quiet --allow-existing --python 3.11 "$venv" \
    && VIRTUAL_ENV="$PWD/$venv" uv pip install --quiet \
      "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"; } \
    || warn "kubernetes-validate could not be installed"
}

install_compose_schema() {
  local dest="$TOOLS/compose-spec.json" stamp="$TOOLS/compose-spec.version" dir
  if [ -f "$dest" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$COMPOSE_GO_VERSION" ]; then return; fi
  if ! command -v go >/dev/null 2>&1; then
    warn "no Go toolchain: compose-spec schema not downloaded"
    return
  fi
  echo "install-tools: fetching compose-spec schema from compose-go $COMPOSE_GO_VERSION"
  # `go mod download` needs no module of ours; -json reports where the module was unpacked.
  dir=$(cd "$TOOLS" && go mod download -json \
    "github.com/compose-spec/compose-go/v2@$COMPOSE_GO_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') || true
  if [ -n "$dir" ] && [ -f "$dir/schema/compose-spec.json" ]; then
    install -m 0644 "$dir/schema/compose-spec.json" "$dest" # the module cache is read-only
    echo "$COMPOSE_GO_VERSION" >"$stamp"
  else
    warn "compose-go $COMPOSE_GO_VERSION could not be downloaded"
  fi
}

# install_crds MODULE VERSION DIR FILE...: CRD files from a Go module's source.
install_crds() {
  local module=$1 version=$2 sub=$3 dir
  shift 3
  local dest="$TOOLS/crds"
  mkdir -p "$dest"
  if [ "$(cat "$dest/${module//\//_}.version" 2>/dev/null)" = "$version" ]; then return; fi
  if ! command -v go >/dev/null 2>&1; then warn "no Go toolchain: $module CRDs not fetched"; return; fi
  echo "install-tools: fetching CRDs from $module $version"
  dir=$(cd "$TOOLS" && go mod download -json "$module@$version" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') || true
  for file in "$@"; do
    if [ -n "$dir" ] && [ -f "$dir/$sub/$file" ]; then
      install -m 0644 "$dir/$sub/$file" "$dest/$file"
    else
      warn "$module $version: $sub/$file not found"; return
    fi
  done
  echo "$version" >"$dest/${module//\//_}.version"
}

install_kustomize
install_kubernetes_validate
install_compose_schema
install_crds github.com/prometheus-operator/prometheus-operator "$PROMETHEUS_OPERATOR_VERSION" \
  example/prometheus-operator-crd monitoring.coreos.com_prometheusrules.yaml \
  monitoring.coreos.com_servicemonitors.yaml
install_crds github.com/cloudnative-pg/cloudnative-pg "$CLOUDNATIVE_PG_VERSION" config/crd/bases \
  postgresql.cnpg.io_clusters.yaml postgresql.cnpg.io_scheduledbackups.yaml
echo "install-tools: ready in $TOOLS"
