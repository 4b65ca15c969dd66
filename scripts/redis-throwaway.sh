#!/usr/bin/env bash
# Throwaway Redis for CI and local tests (no persistence).
#   scripts/redis-throwaway.sh start   # installs redis-server via apt when missing, starts it, prints the URL
#   scripts/redis-throwaway.sh url     # prints the URL of the running server
#   scripts/redis-throwaway.sh stop    # stops it and deletes its folder
# The URL is also written as `export REDIS_URL=...` to $REDIS_THROWAWAY_ENV (default $STATE/env).
set -euo pipefail

STATE="${REDIS_THROWAWAY_DIR:-/tmp/mathakine-redis-throwaway}"
ENV_FILE="${REDIS_THROWAWAY_ENV:-$STATE/env}"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

ensure_installed() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "installing redis-server with apt-get..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq redis-server >&2
  fi
}

print_url() {
  [ -f "$STATE/url" ] || { echo "no throwaway Redis running (state $STATE)" >&2; exit 1; }
  cat "$STATE/url"
}

start() {
  if [ -f "$STATE/url" ] && [ -f "$STATE/redis.pid" ] && kill -0 "$(cat "$STATE/redis.pid")" 2>/dev/null; then print_url; return; fi
  ensure_installed
  rm -rf "$STATE"
  mkdir -p "$STATE"
  local port
  port="$(free_port)"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --dir "$STATE" --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" >&2
  for _ in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null || { echo "redis did not start (see $STATE/redis.log)" >&2; exit 1; }
  local url="redis://127.0.0.1:$port"
  printf '%s\n' "$url" > "$STATE/url"
  printf 'export REDIS_URL=%q\n' "$url" > "$ENV_FILE"
  echo "$url"
}

stop() {
  if [ -f "$STATE/redis.pid" ]; then
    local pid
    pid="$(cat "$STATE/redis.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$STATE"
  [ "$ENV_FILE" = "$STATE/env" ] || rm -f "$ENV_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) print_url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
