#!/usr/bin/env bash
# Builds the four service images from the modules' Boot jars (build them first, e.g.
# ./mvnw -q -DskipTests package; the system-tests module runs this script in its Maven build).
#
#   docker/build-images.sh                        base eclipse-temurin:17-jre when it is present or
#                                                 can be pulled; otherwise mmlab/jre-base:local
#                                                 (built by docker/build-local-base.sh if missing)
#   BASE_IMAGE=eclipse-temurin:17-jre docker/build-images.sh    exactly this base, no fallback
#   TAG=dev docker/build-images.sh                 tags mmlab/<service>:dev (default latest)
#   MMLAB_IMAGES_OPTIONAL=1 docker/build-images.sh exits 0 with a note when Docker is unreachable
# The legacy builder is enough; nothing is pulled when the base is local.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
TAG="${TAG:-latest}"
SERVICES="${SERVICES:-market-data-service:8081:service order-gateway-service:8082:service rl-strategy-service:8083:djl trainer-service:8084:djl}"
PUBLIC_BASE=eclipse-temurin:17-jre
LOCAL_BASE=mmlab/jre-base:local

if ! command -v docker >/dev/null || ! docker info >/dev/null 2>&1; then
  if [ "${MMLAB_IMAGES_OPTIONAL:-0}" = 1 ]; then
    echo "build-images: Docker is not reachable; images not built (their tests are skipped)"
    exit 0
  fi
  echo "build-images: Docker is not reachable (is dockerd running?)" >&2
  exit 1
fi
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
command -v "$JAVAC" >/dev/null || { echo "build-images: javac (JDK 17) is needed for the health check class" >&2; exit 1; }

if [ -z "${BASE_IMAGE:-}" ]; then
  if docker image inspect "$PUBLIC_BASE" >/dev/null 2>&1 || docker pull -q "$PUBLIC_BASE" >/dev/null 2>&1; then
    BASE_IMAGE="$PUBLIC_BASE"
  else
    echo "build-images: $PUBLIC_BASE cannot be pulled; using $LOCAL_BASE"
    docker image inspect "$LOCAL_BASE" >/dev/null 2>&1 || docker/build-local-base.sh "$LOCAL_BASE"
    BASE_IMAGE="$LOCAL_BASE"
  fi
fi

CTX_ROOT="$ROOT/docker/build"
rm -rf "$CTX_ROOT"
trap 'rm -rf "$CTX_ROOT"' EXIT
mkdir -p "$CTX_ROOT/healthcheck"
"$JAVAC" --release 17 -d "$CTX_ROOT/healthcheck" docker/healthcheck/HealthCheck.java

for entry in $SERVICES; do
  IFS=: read -r svc port target <<<"$entry"
  jar="$ROOT/$svc/target/$svc.jar"
  [ -f "$jar" ] || {
    echo "build-images: missing $jar; build it with ./mvnw -q -DskipTests -pl $svc -am package" >&2
    exit 1
  }
  ctx="$CTX_ROOT/$svc"
  mkdir -p "$ctx/writable" "$ctx/healthcheck"
  cp "$CTX_ROOT/healthcheck/HealthCheck.class" "$ctx/healthcheck/"
  ln "$jar" "$ctx/app.jar" 2>/dev/null || cp "$jar" "$ctx/app.jar"
  echo "build-images: mmlab/$svc:$TAG (base $BASE_IMAGE, target $target)"
  # The legacy builder prints a deprecation banner on every build: its output is shown on failure only.
  if ! DOCKER_BUILDKIT=0 docker build -q -f docker/Dockerfile --target "$target" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg SERVICE="$svc" --build-arg PORT="$port" \
    -t "mmlab/$svc:$TAG" "$ctx" >"$CTX_ROOT/build.log" 2>&1; then
    cat "$CTX_ROOT/build.log" >&2
    echo "build-images: building mmlab/$svc:$TAG failed" >&2
    exit 1
  fi
done
