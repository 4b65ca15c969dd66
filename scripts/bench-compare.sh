#!/usr/bin/env bash
# Submit throughput of our built server vs the shared raw baseline (hand-written hono + pg), side by side on one
# throwaway PostgreSQL 15 cluster, interleaved, each run on a fresh copy of the same seeded database.
# Prints a table: submits/s, p50/p99, server CPU per submit, and ours/baseline per repetition (median (min–max)).
#
#   BENCH_DIR=../shared/bench bash scripts/bench-compare.sh [label=dist-dir ...]
#
# Each argument is `label=path-to-a-built-dist` (relative to apps/server); default `ours=dist` (run `pnpm build`
# first). Several builds can be compared in one interleaved run, e.g. `before=.cache/dist-before after=dist`.
# ENGINE=pglite compares the builds on the embedded database instead (each run on a fresh copy of a seeded PGlite
# folder, the same data), without the baseline (PostgreSQL only): e.g. `ENGINE=pglite … before=… after=dist`.
# Environment: BENCH_DIR (the shared bench folder, /work/shared/bench), REPS (3), CONCURRENCY ("8 32 64"),
#   DURATION (8 s), WARMUP (2 s), WORK (/tmp/mathakine-bench-compare), PG_PORT (55517), OURS_PORT (10231),
#   BASE_PORT (10232), PGLITE_PORT (10233, the embedded template's first start). Bounded: every load run stops
#   after DURATION + WARMUP seconds; every process is started and stopped by its PID; the cluster is stopped at
#   the end unless KEEP_PG=1.
# The figures are only comparable within one run: the machine is shared, so absolute numbers are noisy.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
export CHECKOUT="$REPO"
export BENCH_DIR="${BENCH_DIR:-/work/shared/bench}"
export WORK="${WORK:-/tmp/mathakine-bench-compare}"
export PG_PORT="${PG_PORT:-55517}" OURS_PORT="${OURS_PORT:-10231}" BASE_PORT="${BASE_PORT:-10232}" PGLITE_PORT="${PGLITE_PORT:-10233}"
# shellcheck source=/dev/null
source "$BENCH_DIR/lib.sh"
REPS="${REPS:-3}"
CONCURRENCY="${CONCURRENCY:-8 32 64}"
DURATION="${DURATION:-8}"
WARMUP="${WARMUP:-2}"
MAXC=$(echo "$CONCURRENCY" | tr ' ' '\n' | sort -n | tail -1)
ENGINE="${ENGINE:-postgres}"
[ $# -gt 0 ] || set -- ours=dist
if [ "$ENGINE" = pglite ]; then CONFIGS=("$@"); else CONFIGS=("$@" baseline=); fi
RUN_DIR="$RESULTS/compare-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"

cleanup() { [ -n "${SERVER_PID:-}" ] && stop_pid "$SERVER_PID"; [ "${KEEP_PG:-0}" = 1 ] || pg_stop; }
trap cleanup EXIT

pg_start
install_tools
if [ "$ENGINE" = pglite ]; then
  log "template: an embedded folder, migrated + seeded with $MAXC learners, 200 exercises"
  make_pglite_template "$MAXC" 200
else
  log "template: migrate + seed $MAXC learners, 200 exercises"
  make_pg_template "$MAXC" 200 0
fi

start_ours_dist() { # DIST DB
  (cd "$CHECKOUT/apps/server" && exec env "${OURS_PROD_ENV[@]}" "DATABASE_URL=$PG_URL_BASE/$2" "PORT=$OURS_PORT" \
    node --enable-source-maps --import "./$1/instrument.js" "./$1/main.js") >"$WORK/ours-pg.log" 2>&1 &
  SERVER_PID=$!
}

start_ours_pglite_dist() { # DIST DATADIR
  (cd "$CHECKOUT/apps/server" && exec env "SECRET_KEY=$SECRET" MATH_TRAINER_HOST=127.0.0.1 ACCESS_TOKEN_EXPIRE_MINUTES=120 \
    RATE_LIMIT_LOGIN=100000 RATE_LIMIT_LOGIN_PER_ACCOUNT=100000 "BCRYPT_COST=$BCRYPT_COST" "MATHAKINE_DATA_DIR=$2" \
    "PORT=$OURS_PORT" node --enable-source-maps --import "./$1/instrument.js" "./$1/main.js") >"$WORK/ours-pglite.log" 2>&1 &
  SERVER_PID=$!
}

run_one() { # label dist c rep
  local out="$RUN_DIR/$1-c$3-r$4.json" port fixtures="$WORK/fixtures.json" pg_arg
  if [ "$ENGINE" = pglite ]; then
    pglite_fresh "$WORK/pglite-run"
    start_ours_pglite_dist "$2" "$WORK/pglite-run"
    port=$OURS_PORT fixtures="$WORK/fixtures-pglite.json" pg_arg=
  else
    db_fresh bench bench_tpl
    if [ -z "$2" ]; then start_baseline bench; port=$BASE_PORT; else start_ours_dist "$2" bench; port=$OURS_PORT; fi
    pg_arg="--pg-pid=$(pg_pid)"
  fi
  wait_ready "$port" 120
  node "$WORK/tools/load.mjs" --url="http://127.0.0.1:$port" --fixtures="$fixtures" --concurrency="$3" \
    --duration="$DURATION" --warmup="$WARMUP" --server-pid="$SERVER_PID" ${pg_arg:+"$pg_arg"} --label="$1" \
    --out="$out" >/dev/null
  stop_pid "$SERVER_PID"
  SERVER_PID=
  log "$1 c=$3 rep=$4: $(node -e "const r=require('$out');console.log(r.throughput_rps+' /s, p50 '+r.p50_ms+' ms, p99 '+r.p99_ms+' ms, failed '+(r.failed??0))")"
}

n=${#CONFIGS[@]}
for rep in $(seq 1 "$REPS"); do
  for c in $CONCURRENCY; do
    for k in $(seq 0 $((n - 1))); do
      cfg=${CONFIGS[$(((k + rep - 1) % n))]}
      run_one "${cfg%%=*}" "${cfg#*=}" "$c" "$rep"
    done
  done
done
node "$REPO/scripts/bench-compare-report.mjs" "$RUN_DIR" | tee "$RUN_DIR/report.md"
