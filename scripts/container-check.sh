#!/usr/bin/env bash
# Builds Central's image with the project's Dockerfile, brings compose.yaml up (Central and
# PostgreSQL 15), runs tests/container/smoke.ts against it (health, admin sign-in, a token's
# API calls, a report), and takes the stack and its volume down again, whatever happened.
# Where no image registry is reachable, the shared engine script beside the checkout installs
# Docker and builds local stand-ins for the base images (its header says how).
set -euo pipefail
cd "$(dirname "$0")/.."

engine="../shared/container/engine.sh"
started_engine=0
if ! docker info >/dev/null 2>&1; then
  if [ -f "$engine" ]; then
    # shellcheck source=/dev/null
    source "$engine" up
    started_engine=1
  else
    echo "container-check: no Docker engine runs here and $engine is missing" >&2
    exit 1
  fi
fi
command -v docker-compose >/dev/null || { echo "container-check: docker-compose is not installed" >&2; exit 1; }

export COMPOSE_PROJECT_NAME=frontdesk-check
export FRONTDESK_ADMIN_PASSWORD="check-$(head -c 12 /dev/urandom | od -An -tx1 | tr -dc 'a-f0-9')"
export FRONTDESK_HOST_PORT="${FRONTDESK_HOST_PORT:-18080}"
export FRONTDESK_PUBLIC_URL="http://127.0.0.1:${FRONTDESK_HOST_PORT}"

finish() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then docker-compose logs --no-color --tail=80 central db || true; fi
  docker-compose down -v --remove-orphans >/dev/null 2>&1 || true
  if [ "$started_engine" = 1 ]; then source "$engine" down || true; fi
  exit "$rc"
}
trap finish EXIT

start=$(date +%s)
build_log=$(mktemp)
docker-compose build central >"$build_log" 2>&1 || { tail -60 "$build_log"; exit 1; }
rm -f "$build_log"
echo "container-check: image built in $(($(date +%s) - start)) s"
docker-compose up -d
npx tsx tests/container/smoke.ts "$FRONTDESK_PUBLIC_URL"
# The image's own health check agrees.
for _ in $(seq 1 30); do
  state=$(docker inspect --format '{{.State.Health.Status}}' "$(docker-compose ps -q central)")
  [ "$state" = healthy ] && break
  sleep 2
done
echo "container-check: central container is $state"
[ "$state" = healthy ]
# SIGTERM stops Central cleanly (exit code 0).
docker-compose stop -t 20 central >/dev/null
code=$(docker inspect --format '{{.State.ExitCode}}' "$(docker-compose ps -q central)")
echo "container-check: central stopped with exit code $code"
[ "$code" = 0 ]
echo "container-check: passed in $(($(date +%s) - start)) s"
