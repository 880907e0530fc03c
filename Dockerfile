# One image recipe for the three services (build context: the repository root, a uv workspace):
#   docker build --build-arg SERVICE=authority -t samspil/authority .
# PYTHON_IMAGE is the upstream image by default; where registries cannot be reached,
# deploy/scripts/images.sh passes a stand-in built from Debian's packages instead.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
RUN python3 -m pip install --no-cache-dir uv==0.13.9
# Bytecode compiled at build time: the runtime filesystem is read-only (Kubernetes), so Python
# could not cache it there and would recompile on every start. The base image's interpreter
# is the venv's: uv must not download one.
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "--build-arg SERVICE=authority|provider|scheduler" >&2; exit 1; }
# The third-party packages first, from the lock file and the workspace's project files only:
# this layer is rebuilt when the lock changes, not on every change of our code.
COPY pyproject.toml uv.lock ./
COPY contracts/pyproject.toml contracts/
COPY libs/devstack/pyproject.toml libs/devstack/
COPY libs/eventkit/pyproject.toml libs/eventkit/
COPY libs/servicekit/pyproject.toml libs/servicekit/
COPY libs/webhook-signing/pyproject.toml libs/webhook-signing/
COPY services/authority/pyproject.toml services/authority/
COPY services/provider/pyproject.toml services/provider/
COPY services/scheduler/pyproject.toml services/scheduler/
RUN uv sync --frozen --no-dev --no-install-workspace --package samspil-${SERVICE}
COPY contracts contracts
COPY libs libs
COPY services services
RUN uv sync --frozen --no-dev --no-editable --package samspil-${SERVICE}

FROM ${PYTHON_IMAGE} AS runtime
ARG SERVICE
# A fixed numeric uid/gid: Kubernetes checks runAsNonRoot against it (deploy/k8s runAsUser).
RUN groupadd --system --gid 10001 samspil \
  && useradd --system --uid 10001 --gid 10001 --home-dir /app samspil
COPY --from=build --chown=10001:10001 /app/.venv /app/.venv
# HOST: listen on the container's interface, not loopback, or published ports and probes fail.
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 HOST=0.0.0.0 PORT=8000 \
  SAMSPIL_SERVICE=${SERVICE}
USER 10001:10001
WORKDIR /app
EXPOSE 8000
HEALTHCHECK --interval=5s --timeout=10s --start-period=180s --retries=6 \
  CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz')"
# `exec`: the service is PID 1 and gets the SIGTERM of `docker stop` and Kubernetes.
CMD exec python -m "$SAMSPIL_SERVICE"
