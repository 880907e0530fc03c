#!/usr/bin/env bash
# Builds the images of the compose stack and prints the settings that name them:
#   eval "$(bash deploy/scripts/images.sh)"    (needs DOCKER_HOST: deploy/scripts/docker-engine.sh)
# Base images are the upstream ones (python, maven, eclipse-temurin, postgres) where they are
# present or can be pulled. Where they cannot (no registry reachable), a stand-in is built
# once from Debian's packages with `mmdebstrap ... | docker import` and used instead; a
# stand-in trusts the host's CA certificates (the host may reach registries through a proxy).
# Images built: samspil/{authority,provider,scheduler}:$TAG (the one Dockerfile at the
# root), samspil/kafka:$TAG (deploy/kafka/Dockerfile), and the PostgreSQL image to run.
# Timings go to stderr and var/images/timings.txt.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
: "${DOCKER_HOST:?run deploy/scripts/docker-engine.sh first}"
TAG=${SAMSPIL_IMAGE_TAG:-dev}
mkdir -p var/images
TIMINGS=var/images/timings.txt
: >"$TIMINGS"
say() { echo "images: $*" >&2; }
timed() { # timed LABEL command...: runs it, records the seconds
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  awk -v l="$label" -v a="$start" -v b="$end" 'BEGIN { printf "%s %.1f s\n", l, b - a }' \
    | tee -a "$TIMINGS" >&2
}

present() { docker image inspect "$1" >/dev/null 2>&1; }
pullable() { timeout 120 docker pull -q "$1" >/dev/null 2>&1; }

# standin NAME PACKAGES [docker-import --change ...]: a Debian bookworm root file system.
standin() {
  local name=$1 packages=$2
  shift 2
  # Tagged by its recipe: a changed package list or setting builds a new stand-in.
  local recipe
  recipe=$(printf '%s\n' "$packages" "$@" "${STANDIN_CUSTOMIZE[@]}" | sha256sum | cut -c1-10)
  local tag="samspil-standin/$name:bookworm-$recipe"
  if present "$tag"; then echo "$tag"; return; fi
  command -v mmdebstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends mmdebstrap >&2
  # Java's postinst links its man pages into man1 even when dpkg leaves man pages out.
  local cas=() hooks=(--setup-hook='mkdir -p "$1/usr/share/man/man1"')
  for ca in /usr/local/share/ca-certificates/*.crt; do [ -f "$ca" ] && cas+=("$ca"); done
  if [ ${#cas[@]} -gt 0 ]; then
    # Before the packages: ca-certificates(-java) then build the stores with these included.
    hooks+=(--setup-hook='mkdir -p "$1/usr/local/share/ca-certificates"'
      --setup-hook="copy-in ${cas[*]} /usr/local/share/ca-certificates/")
  fi
  local sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$sources" ] || sources=/etc/apt/sources.list
  say "building stand-in $tag from Debian's packages ($packages)"
  mmdebstrap --quiet --variant=apt --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' "${hooks[@]}" \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    --customize-hook='rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED' \
    "${STANDIN_CUSTOMIZE[@]}" \
    bookworm - "$sources" \
    | docker import --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' "$@" - \
      "$tag-partial" >/dev/null || {
    # docker import takes whatever arrived: a failed mmdebstrap leaves half a root.
    docker rmi -f "$tag-partial" >/dev/null 2>&1
    return 1
  }
  docker tag "$tag-partial" "$tag" && docker rmi "$tag-partial" >/dev/null
  echo "$tag"
}

# base UPSTREAM NAME PACKAGES [import changes...]: the upstream image if there, else a stand-in.
base() {
  local upstream=$1
  shift
  if present "$upstream" || pullable "$upstream"; then echo "$upstream"; return; fi
  say "$upstream cannot be pulled: using a stand-in from Debian's packages"
  standin "$@"
}

STANDIN_CUSTOMIZE=()
python_image=$(timed "base python" base python:3.11.14-slim-bookworm \
  python python3,python3-venv,python3-pip,ca-certificates,passwd,tzdata \
  --change 'CMD ["python3"]')
maven_image=$(timed "base maven" base maven:3.9.11-eclipse-temurin-17 \
  maven maven,openjdk-17-jdk-headless,ca-certificates-java)
jre_image=$(timed "base jre" base eclipse-temurin:17.0.16_8-jre-noble \
  jre openjdk-17-jre-headless,ca-certificates-java)
STANDIN_CUSTOMIZE=(--customize-hook='copy-in deploy/docker/postgres-entrypoint.sh /usr/local/bin'
  --customize-hook='rm -rf "$1"/var/lib/postgresql/*/main "$1"/etc/postgresql/*/main')
postgres_image=$(timed "base postgres" base postgres:17.6-bookworm \
  postgres postgresql,ca-certificates \
  --change 'ENTRYPOINT ["/bin/sh", "/usr/local/bin/postgres-entrypoint.sh"]' \
  --change 'CMD ["postgres"]' --change 'ENV PGDATA=/var/lib/postgresql/data' \
  --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'EXPOSE 5432')

# The legacy builder: BuildKit would want to pull its frontend. --network host reaches the
# package registries (the engine runs without a bridge).
build() { DOCKER_BUILDKIT=0 docker build --quiet --network host "$@" >/dev/null; }
for service in authority provider scheduler; do
  timed "image $service" build --build-arg SERVICE="$service" \
    --build-arg PYTHON_IMAGE="$python_image" -t "samspil/$service:$TAG" .
done
timed "image kafka" build -f deploy/kafka/Dockerfile --build-arg MAVEN_IMAGE="$maven_image" \
  --build-arg JRE_IMAGE="$jre_image" -t "samspil/kafka:$TAG" .

for image in "samspil/authority:$TAG" "samspil/provider:$TAG" "samspil/scheduler:$TAG" \
  "samspil/kafka:$TAG" "$postgres_image"; do
  docker image inspect "$image" --format "size $image {{.Size}}" \
    | awk '{ printf "%s %s %.0f MB\n", $1, $2, $3 / 1e6 }' | tee -a "$TIMINGS" >&2
done
echo "export SAMSPIL_IMAGE_TAG=$TAG"
echo "export PYTHON_IMAGE=$python_image"
echo "export KAFKA_IMAGE=samspil/kafka:$TAG"
echo "export POSTGRES_IMAGE=$postgres_image"
