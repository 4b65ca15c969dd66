#!/usr/bin/env bash
# Smoke test of the BUILT server (SERVER_DIR, default apps/server; CI points it at a production install).
#   bash .ci/smoke.sh                      development mode on the embedded database (zero configuration)
#   SMOKE_DATABASE_URL=postgres://… bash .ci/smoke.sh
#                                          production mode: runs the pre-deploy `migrate` command, then starts
#                                          with ENVIRONMENT=production against that PostgreSQL
# Checks /health, /ready, /metrics, X-Request-ID, one tRPC call and one legacy REST error body, then stops the
# server with SIGTERM and expects a clean exit; last, that no package the bundle inlines was also loaded from
# node_modules (.ci/bundle-check.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

server_dir="${SERVER_DIR:-apps/server}"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
data_dir=$(mktemp -d)
log_file=$(mktemp)
base="http://127.0.0.1:${port}"
mode=development

env_vars=(PORT="$port" MATH_TRAINER_HOST=127.0.0.1 LOG_LEVEL=info)
if [[ -n "${SMOKE_DATABASE_URL:-}" ]]; then
  mode=production
  env_vars+=(
    ENVIRONMENT=production
    DATABASE_URL="$SMOKE_DATABASE_URL"
    SECRET_KEY="smoke-$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
    FRONTEND_URL=https://mathakine.example
  )
else
  env_vars+=(MATHAKINE_DATA_DIR="$data_dir/pglite")
fi

cleanup() {
  if [[ -n "${pid:-}" ]] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$data_dir" "$log_file"
}
trap cleanup EXIT

fail() {
  echo "smoke ($mode): FAIL: $*" >&2
  echo "---- server log ----" >&2
  tail -n 50 "$log_file" >&2 || true
  exit 1
}

if [[ "$mode" == production ]]; then
  (cd "$server_dir" && env "${env_vars[@]}" node dist/migrate.js migrate) >"$log_file" 2>&1 ||
    fail "pre-deploy migrate failed"
  echo "smoke ($mode): pre-deploy migrate ok"
fi

# Every package specifier the server resolves is recorded (a module.register resolve hook) for the bundle
# check after the stop: a package inlined in the bundle must not also load from node_modules.
resolved_file="$data_dir/resolved.txt"
: >"$resolved_file"
cat >"$data_dir/resolve-hook.mjs" <<HOOK
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, nextResolve) {
  appendFileSync('$resolved_file', specifier + '\\n');
  return nextResolve(specifier, context);
}
HOOK
cat >"$data_dir/register.mjs" <<HOOK
import { register } from 'node:module';
register('file://$data_dir/resolve-hook.mjs');
HOOK

(cd "$server_dir" && exec env "${env_vars[@]}" node --enable-source-maps --import "$data_dir/register.mjs" --import ./dist/instrument.js ./dist/main.js >>"$log_file" 2>&1) &
pid=$!

for _ in $(seq 1 240); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || fail "server exited during start-up"
  sleep 0.5
done

health=$(curl -fsS -D "$data_dir/headers" -H 'X-Request-ID: smoke-1' "$base/health") || fail "/health unreachable"
[[ "$health" == "ok" ]] || fail "/health answered '$health'"
grep -qi '^x-request-id: smoke-1' "$data_dir/headers" || fail "X-Request-ID was not echoed"
echo "smoke ($mode): /health ok, X-Request-ID echoed"

ready_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/ready")
[[ "$ready_status" == "200" ]] || fail "/ready answered $ready_status"
echo "smoke ($mode): /ready 200"

metrics=$(curl -fsS "$base/metrics") || fail "/metrics unreachable"
grep -q '^mathakine_http_requests_total{method="GET",path="/health",status="200"}' <<<"$metrics" ||
  fail "/metrics lacks the legacy request counter"
echo "smoke ($mode): /metrics ok"

ping=$(curl -fsS "$base/trpc/system.ping?input=%7B%22json%22%3A%7B%22echo%22%3A%22smoke%22%7D%7D") || fail "tRPC ping failed"
grep -q '"echo":"smoke"' <<<"$ping" || fail "tRPC ping answered $ping"
echo "smoke ($mode): tRPC system.ping ok"

body=$(curl -s -w '\n%{http_code}' "$base/api/does-not-exist")
status=$(tail -n 1 <<<"$body")
json=$(head -n 1 <<<"$body")
[[ "$status" == "401" ]] || fail "anonymous unknown /api path answered $status"
grep -q '"code":"UNAUTHORIZED"' <<<"$json" || fail "legacy error body was $json"
grep -q '"error":"Authentication required"' <<<"$json" || fail "legacy error body was $json"
echo "smoke ($mode): legacy REST error body ok"

kill -TERM "$pid"
exit_code=0
wait "$pid" || exit_code=$?
pid=""
[[ "$exit_code" == "0" ]] || fail "server exited with $exit_code after SIGTERM"
echo "smoke ($mode): graceful stop ok"

bundle=$(node .ci/bundle-check.mjs "$server_dir/dist" "$resolved_file" 2>&1) || fail "$bundle"
echo "smoke ($mode): bundle check: $bundle"
