#!/usr/bin/env bash
# Throwaway PostgreSQL 15 for CI and local tests.
#   scripts/pg-throwaway.sh start   # installs postgresql via apt when missing, starts a server, prints the URL
#   scripts/pg-throwaway.sh url     # prints the URL of the running server
#   scripts/pg-throwaway.sh stop    # stops the server and deletes its data
# The URL is also written as `export DATABASE_URL=...` to $PG_THROWAWAY_ENV (default $STATE/env), e.g.
#   scripts/pg-throwaway.sh start >/dev/null && . /tmp/mathakine-pg-throwaway/env
# Needs root (apt-get, and runs the server as the `postgres` user) or an existing `postgres` user with sudo-less su.
set -euo pipefail

STATE="${PG_THROWAWAY_DIR:-/tmp/mathakine-pg-throwaway}"
ENV_FILE="${PG_THROWAWAY_ENV:-$STATE/env}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
DB_NAME="${PG_THROWAWAY_DB:-mathakine}"
DB_PASSWORD="throwaway"

as_postgres() {
  if [ "$(id -un)" = "postgres" ]; then "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

ensure_installed() {
  if [ ! -x "$PGBIN/initdb" ]; then
    echo "installing PostgreSQL 15 with apt-get..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql-15 >&2 || apt-get install -y -qq postgresql >&2
  fi
  [ -x "$PGBIN/initdb" ] || { echo "initdb not found at $PGBIN (set PGBIN)" >&2; exit 1; }
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
}

print_url() {
  [ -f "$STATE/url" ] || { echo "no throwaway PostgreSQL running (state $STATE)" >&2; exit 1; }
  cat "$STATE/url"
}

start() {
  if [ -f "$STATE/url" ] && [ -f "$STATE/data/postmaster.pid" ]; then
    # Reuse a server only if it answers: a run killed with its machine leaves url and pid files behind.
    if "$PGBIN/psql" "$(cat "$STATE/url")" -qAt -c 'SELECT 1' >/dev/null 2>&1; then print_url; return; fi
    echo "stale throwaway PostgreSQL state in $STATE (no server answers): starting afresh" >&2
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  ensure_installed
  rm -rf "$STATE"
  mkdir -p "$STATE/data" "$STATE/run"
  chown -R postgres:postgres "$STATE"
  chmod 700 "$STATE/data"
  local pwfile="$STATE/pw"
  printf '%s\n' "$DB_PASSWORD" > "$pwfile"
  chown postgres:postgres "$pwfile"
  as_postgres "$PGBIN/initdb" -D "$STATE/data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 \
    || as_postgres "$PGBIN/initdb" -D "$STATE/data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C >"$STATE/initdb.log" 2>&1
  rm -f "$pwfile"
  local port
  port="$(free_port)"
  as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$STATE/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c timezone=UTC" start >&2
  PGPASSWORD="$DB_PASSWORD" "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "CREATE DATABASE \"$DB_NAME\"" >&2
  local url="postgresql://postgres:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME"
  printf '%s\n' "$url" > "$STATE/url"
  printf 'export DATABASE_URL=%q\n' "$url" > "$ENV_FILE"
  echo "$url"
}

stop() {
  if [ -f "$STATE/data/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate -w stop >&2 || true
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
