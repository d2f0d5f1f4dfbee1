#!/usr/bin/env bash
# Builds the four service images from the modules' Boot jars (build them first, e.g.
# ./mvnw -q -DskipTests package).
#
#   docker/build-images.sh                        base eclipse-temurin:17-jre (needs a registry)
#   BASE_IMAGE=mmlab/jre-base:local docker/build-images.sh    after docker/build-local-base.sh
#   TAG=dev docker/build-images.sh                 tags mmlab/<service>:dev (default latest)
# The legacy builder is enough (DOCKER_BUILDKIT=0 works); nothing is pulled when BASE_IMAGE is local.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BASE_IMAGE="${BASE_IMAGE:-eclipse-temurin:17-jre}"
TAG="${TAG:-latest}"
SERVICES="${SERVICES:-market-data-service:8081:service order-gateway-service:8082:service rl-strategy-service:8083:djl trainer-service:8084:djl}"

command -v docker >/dev/null || { echo "build-images: docker is not installed" >&2; exit 1; }
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
command -v "$JAVAC" >/dev/null || { echo "build-images: javac (JDK 17) is needed for the health check class" >&2; exit 1; }

CTX_ROOT="$ROOT/docker/build"
rm -rf "$CTX_ROOT"
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
  docker build -q -f docker/Dockerfile --target "$target" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg SERVICE="$svc" --build-arg PORT="$port" \
    -t "mmlab/$svc:$TAG" "$ctx" >/dev/null
done
rm -rf "$CTX_ROOT"
