#!/usr/bin/env bash
# Runs a command against the BUILT server (SERVER_DIR, default apps/server; CI points it at the
# production install), started on a free loopback port with a fresh embedded database, then stops it:
#   bash .ci/with-server.sh <command> [args…]      the command gets MATHAKINE_URL=http://127.0.0.1:<port>
# Exits with the command's status (1 when the server does not come up or does not stop cleanly).
set -uo pipefail
cd "$(dirname "$0")/.."

server_dir="${SERVER_DIR:-apps/server}"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
data_dir=$(mktemp -d)
log_file="$data_dir/server.log"
base="http://127.0.0.1:${port}"
pid=""

cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$data_dir"
}
trap cleanup EXIT

fail() {
  echo "with-server: $*" >&2
  echo "---- server log ----" >&2
  tail -n 40 "$log_file" >&2 || true
  exit 1
}

(cd "$server_dir" && exec env PORT="$port" MATH_TRAINER_HOST=127.0.0.1 LOG_LEVEL=warn \
  MATHAKINE_DATA_DIR="$data_dir/pglite" \
  node --enable-source-maps --import ./dist/instrument.js ./dist/main.js >"$log_file" 2>&1) &
pid=$!

for _ in $(seq 1 240); do
  if curl -fsS "$base/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || fail "the server exited during start-up"
  sleep 0.5
done
curl -fsS "$base/ready" >/dev/null 2>&1 || fail "the server did not become ready"

status=0
MATHAKINE_URL="$base" "$@" || status=$?

kill -TERM "$pid"
stop_status=0
wait "$pid" || stop_status=$?
pid=""
[[ "$stop_status" == "0" ]] || fail "the server exited with $stop_status after SIGTERM"
[[ "$status" == "0" ]] || { echo "---- server log ----" >&2; tail -n 40 "$log_file" >&2; }
exit "$status"
