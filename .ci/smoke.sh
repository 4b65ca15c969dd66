#!/usr/bin/env bash
# Smoke test of the BUILT server: starts apps/server/dist on a free loopback port with the embedded
# database in a temporary folder, checks /health, /ready, one tRPC call and one legacy REST error body,
# then stops it with SIGTERM and expects a clean exit.
set -euo pipefail
cd "$(dirname "$0")/.."

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
data_dir=$(mktemp -d)
log_file=$(mktemp)
base="http://127.0.0.1:${port}"

cleanup() {
  if [[ -n "${pid:-}" ]] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$data_dir"
}
trap cleanup EXIT

fail() {
  echo "smoke: FAIL: $*" >&2
  echo "---- server log ----" >&2
  tail -n 50 "$log_file" >&2 || true
  exit 1
}

(cd "${SERVER_DIR:-apps/server}" && PORT="$port" MATH_TRAINER_HOST=127.0.0.1 MATHAKINE_DATA_DIR="$data_dir/pglite" \
  LOG_LEVEL=info exec node --enable-source-maps --import ./dist/instrument.js ./dist/main.js >"$log_file" 2>&1) &
pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || fail "server exited during start-up"
  sleep 0.5
done

health=$(curl -fsS "$base/health") || fail "/health unreachable"
[[ "$health" == "ok" ]] || fail "/health answered '$health'"
echo "smoke: /health ok"

ready_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/ready")
[[ "$ready_status" == "200" ]] || fail "/ready answered $ready_status"
echo "smoke: /ready 200"

ping=$(curl -fsS "$base/trpc/system.ping?input=%7B%22json%22%3A%7B%22echo%22%3A%22smoke%22%7D%7D") || fail "tRPC ping failed"
echo "$ping" | grep -q '"echo":"smoke"' || fail "tRPC ping answered $ping"
echo "smoke: tRPC system.ping ok"

body=$(curl -s -w '\n%{http_code}' "$base/api/does-not-exist")
status=$(echo "$body" | tail -n 1)
json=$(echo "$body" | head -n 1)
[[ "$status" == "401" ]] || fail "anonymous unknown /api path answered $status"
echo "$json" | grep -q '"code":"UNAUTHORIZED"' || fail "legacy error body was $json"
echo "$json" | grep -q '"error":"Authentication required"' || fail "legacy error body was $json"
echo "smoke: legacy REST error body ok"

kill -TERM "$pid"
exit_code=0
wait "$pid" || exit_code=$?
pid=""
[[ "$exit_code" == "0" ]] || fail "server exited with $exit_code after SIGTERM"
echo "smoke: graceful stop ok"
