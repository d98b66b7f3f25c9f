#!/usr/bin/env bash
# Installs what the tests need and runs every test: the README's test command, and what CI runs.
#
#   scripts/test.sh                                       # everything
#   scripts/test.sh "FullyQualifiedName~Serialization"    # a dotnet test --filter, for local use
#
# 1. PostgreSQL 15, HAProxy and chromium (the dashboard's browser test) from apt when their binaries are
#    missing (sudo only when not root).
# 2. A throw-away cluster (fsync off, 127.0.0.1 only, no systemd) on port 5433 or the next free
#    one, role swarm/swarm and database swarm_test; TGESWARM_TEST_POSTGRES points the tests at it.
#    It is stopped and deleted on exit.
# 3. dotnet build TgeSwarm.sln -c Release -warnaserror, then dotnet test --no-build with a hang
#    detector and TRX files in artifacts/test-results/.
# 4. The closing line is "N passed, N failed, N skipped". The exit code is non-zero when the build
#    failed, a test failed, a test host crashed or hung, or no test ran at all.
#
# Environment:
#   TGESWARM_PG_PORT       port of the test cluster (default: 5433, or the next free port up to 5452)
#   TGESWARM_KEEP_PG=1     leave the cluster running on exit (a later run reuses it)
#   TGESWARM_TEST_TIMEOUT  seconds allowed for dotnet test as a whole (default 840)
#   TGESWARM_HANG_TIMEOUT  a test running longer than this is dumped and its run aborted (default 5m)
#   TGESWARM_PG_ONLY=1     only start (or reuse) the cluster, keep it, print its export line
#   TGESWARM_SKIP_BUILD=1  debugging only: run the tests already built, skip the build
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

readonly SOLUTION=TgeSwarm.sln
readonly RESULTS="$ROOT/artifacts/test-results"
readonly TEST_TIMEOUT="${TGESWARM_TEST_TIMEOUT:-840}"
readonly HANG_TIMEOUT="${TGESWARM_HANG_TIMEOUT:-5m}"
FILTER="${1:-}"
if [ $# -gt 1 ] || [ "$FILTER" = "-h" ] || [ "$FILTER" = "--help" ]; then
  sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild or compiler server may outlive this script (CI waits for every child to exit).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

log() { printf '[test.sh] %s\n' "$*"; }
die() { printf '[test.sh] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# shellcheck source=lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

# ---------------------------------------------------------------- PostgreSQL and HAProxy binaries

swarm_pg_ensure_installed
PGBIN=$SWARM_PGBIN
log "PostgreSQL binaries: $PGBIN ($("$PGBIN/postgres" --version))"

# HAProxy fronts the end-to-end test's cluster (deploy/local-cluster.sh); installed here so the test never needs root.
if ! command -v haproxy >/dev/null; then
  log "HAProxy not found: installing it from apt"
  swarm_as_root apt-get update -qq
  swarm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy
  command -v haproxy >/dev/null || die "apt-get installed haproxy but the haproxy binary is still missing"
fi
log "HAProxy: $(haproxy -v | head -1)"

# Debian's chromium drives the dashboard's browser test (Playwright with ExecutablePath=/usr/bin/chromium; never
# `playwright install`, which downloads browsers).
if [ ! -x /usr/bin/chromium ]; then
  log "chromium not found: installing it from apt"
  swarm_as_root apt-get update -qq
  swarm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  [ -x /usr/bin/chromium ] || die "apt-get installed chromium but /usr/bin/chromium is still missing"
fi
log "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"

# ---------------------------------------------------------------- throw-away cluster

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
cluster_dir() { echo "${TMPDIR:-/tmp}/tgeswarm-pg-$(id -u)-$1"; }

# Picks the port. A cluster left running by TGESWARM_KEEP_PG=1 (it carries a "kept" marker) is
# reused; a running cluster without the marker belongs to a run still in progress and is left
# alone unless that run is gone, like any other server on the port (the machine may run its own
# cluster on 5432, or a "ci" one on 5433).
PORT=""
REUSED=0
if [ -n "${TGESWARM_PG_PORT:-}" ]; then
  candidates=("$TGESWARM_PG_PORT")
else
  candidates=($(seq 5433 5452))
fi
for p in "${candidates[@]}"; do
  dir=$(cluster_dir "$p")
  if [ -f "$dir/kept" ] && swarm_pg_running "$dir"; then PORT=$p; REUSED=1; break; fi
  # A cluster whose run was killed before its trap could stop it: stop it, then take the port.
  if [ ! -f "$dir/kept" ] && [ -f "$dir/owner" ] && ! kill -0 "$(cat "$dir/owner")" 2>/dev/null \
     && swarm_pg_running "$dir"; then
    log "stopping the cluster left behind on port $p by a killed run"
    swarm_pg_stop "$dir" || true
  fi
  if ! port_in_use "$p"; then PORT=$p; break; fi
  log "port $p is taken by another server or another test run"
done
if [ -z "$PORT" ] && [ -n "${TGESWARM_PG_PORT:-}" ]; then
  die "TGESWARM_PG_PORT=$TGESWARM_PG_PORT is in use by another server: choose another port, or unset it"
fi
[ -n "$PORT" ] || die "no free port for the test cluster among ${candidates[*]} (set TGESWARM_PG_PORT)"

PGDIR=$(cluster_dir "$PORT")
PGDATA_DIR="$PGDIR/data"
PGLOG="$PGDIR/server.log"
OWNED=0   # set once this run is responsible for stopping the cluster

release_cluster() {
  if [ "$OWNED" -eq 1 ]; then
    if [ "${TGESWARM_KEEP_PG:-0}" = "1" ]; then
      touch "$PGDIR/kept"
      log "TGESWARM_KEEP_PG=1: test cluster left running on 127.0.0.1:$PORT (data in $PGDATA_DIR); the next run reuses it"
    else
      swarm_pg_stop "$PGDIR" || true
      rm -rf "$PGDIR"
      log "test cluster on port $PORT stopped and removed"
    fi
  fi
  OWNED=0
}
trap 'rc=$?; release_cluster; exit "$rc"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_start_ms=$(now_ms)
if [ "$REUSED" -eq 1 ]; then
  rm -f "$PGDIR/kept"
  OWNED=1
  echo $$ >"$PGDIR/owner"
  log "reusing the test cluster kept running on port $PORT ($PGDATA_DIR)"
else
  # Whatever is left in the directory (a killed run, a crash) is thrown away: the cluster is fresh.
  swarm_pg_create "$PGDIR" "$PORT"
  echo $$ >"$PGDIR/owner"
  OWNED=1
  swarm_pg_start "$PGDIR" "$PGLOG"
fi

if ! swarm_pg_wait_ready "$PORT" 60; then
  tail -n 40 "$PGLOG" >&2 || true
  die "PostgreSQL on 127.0.0.1:$PORT was not ready within 60 s"
fi

psql_super() { swarm_pg_psql_super "$PGDIR" "$PORT" "$@"; }
psql_super >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'swarm') THEN
    CREATE ROLE swarm LOGIN CREATEDB PASSWORD 'swarm';
  END IF;
END
$$;
SELECT 'CREATE DATABASE swarm_test OWNER swarm'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'swarm_test') \gexec
SQL

export TGESWARM_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=swarm;Password=swarm;Database=swarm_test"
log "PostgreSQL ready on 127.0.0.1:$PORT in $(( $(now_ms) - pg_start_ms )) ms; TGESWARM_TEST_POSTGRES=$TGESWARM_TEST_POSTGRES"

if [ "${TGESWARM_PG_ONLY:-0}" = "1" ]; then
  TGESWARM_KEEP_PG=1
  stop_cmd="$PGBIN/pg_ctl -D $PGDATA_DIR stop"
  if [ "$(id -u)" -eq 0 ]; then stop_cmd="runuser -u postgres -- $stop_cmd"; fi
  log "TGESWARM_PG_ONLY=1: no build, no tests. The next full run reuses and then stops the cluster; to stop it now: $stop_cmd"
  echo "export TGESWARM_TEST_POSTGRES='$TGESWARM_TEST_POSTGRES'"
  exit 0
fi

# ---------------------------------------------------------------- build

if [ "${TGESWARM_SKIP_BUILD:-0}" = "1" ]; then
  log "TGESWARM_SKIP_BUILD=1: build skipped (debugging only; CI never sets it)"
else
  build_start_ms=$(now_ms)
  log "dotnet build $SOLUTION -c Release -warnaserror"
  if ! dotnet build "$SOLUTION" -c Release -warnaserror -nologo -nodeReuse:false; then
    die "the build failed; no test was run"
  fi
  log "build took $(( ($(now_ms) - build_start_ms) / 1000 )) s"
fi

# ---------------------------------------------------------------- test

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
test_args=(test "$SOLUTION" -c Release --no-build --nologo
  --results-directory "$RESULTS"
  --logger trx
  --blame-hang --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type mini)
if [ -n "$FILTER" ]; then test_args+=(--filter "$FILTER"); fi
# Test projects run side by side (two at a time: MSBuild's node count on two cores); classes inside
# a project follow its xunit.runner.json and xunit collections (tests/TESTING.md). The session
# timeout stops a project's run just before the outer timeout, so its TRX file is still written.
test_args+=(-- "RunConfiguration.TestSessionTimeout=$(( (TEST_TIMEOUT - 30) * 1000 ))")

test_start_ms=$(now_ms)
log "dotnet ${test_args[*]}"
test_rc=0
timeout -k 30 "$TEST_TIMEOUT" dotnet "${test_args[@]}" || test_rc=$?
log "dotnet test took $(( ($(now_ms) - test_start_ms) / 1000 )) s and exited with $test_rc"

# ---------------------------------------------------------------- summary from the TRX files

passed=0; failed=0; skipped=0; trx_count=0
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
  [ -n "$counters" ] || continue
  trx_count=$((trx_count + 1))
  passed=$((passed + $(attr passed "$counters")))
  failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
  # xunit skips count in total, not in executed.
  skipped=$((skipped + $(attr total "$counters") - $(attr executed "$counters")))
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" \
    | sed -n 's/.* testName="\([^"]*\)".*/[test.sh] FAILED: \1/p' || true
  # A run that failed without a failed test (test host crash, hang, session timeout, a fixture or
  # class cleanup that threw) counts as one failure, so the summary never says "0 failed" about it.
  if grep -q '<ResultSummary outcome="\(Failed\|Aborted\|Error\|Timeout\)"' "$trx" \
     && [ "$(attr failed "$counters")" -eq 0 ] && [ "$(attr error "$counters")" -eq 0 ]; then
    failed=$((failed + 1))
    log "RUN FAILED without a failing test: $trx"
    grep -A1 '<RunInfo [^>]*outcome="Error"' "$trx" | sed -n 's/^ *<Text>\(.*\)$/[test.sh]   \1/p' | sed 's#</Text>$##' \
      | cut -c1-300 | head -n 5 || true
  fi
done < <(find "$RESULTS" -name '*.trx' -print0)

status=0
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # dotnet test failed without a TRX file saying why: still a failure
fi
if [ "$test_rc" -eq 124 ] || [ "$test_rc" -eq 137 ]; then
  log "dotnet test ran out of its ${TEST_TIMEOUT} s budget (TGESWARM_TEST_TIMEOUT)"; status=1
elif [ "$test_rc" -ne 0 ]; then
  log "dotnet test exited with $test_rc (failed tests, or a test host crashed or hung: see above and $RESULTS)"; status=1
fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ $((passed + failed)) -eq 0 ]; then
  log "no test was executed ($trx_count TRX files): that counts as a failure"; status=1
fi
log "results: $RESULTS ($trx_count TRX files)"
release_cluster   # before the summary, so that the summary is the closing line
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
