#!/usr/bin/env bash
# A real cluster on this machine: a throw-away PostgreSQL, N silo processes and HAProxy in front, all on
# 127.0.0.1, no systemd. For trying the cluster by hand and for the end-to-end test.
#
#   deploy/local-cluster.sh start  [--silos N] [--base-port P] [--state-dir DIR] [build options]
#   deploy/local-cluster.sh status [--state-dir DIR]
#   deploy/local-cluster.sh stop   [--state-dir DIR]
#
# start   installs PostgreSQL and HAProxy from apt when missing, creates a fresh database cluster, builds
#         the silo host (Release), starts N silos that share it (membership and grain state), waits until
#         every /health/ready answers 200, starts HAProxy once its health checks see every silo UP, and
#         prints the URLs. Running it again while the cluster runs changes nothing; a cluster left half
#         dead (a killed silo, a reboot) is stopped first and started afresh.
# status  prints what runs; exit code 0 when everything runs, 1 when something died, 3 when not started.
# stop    stops exactly the processes start recorded (never by name) and deletes the state directory.
#
# Options:
#   --silos N           silo processes (default 3, at most 39)
#   --base-port P       HAProxy on P, its stats page on P+1, PostgreSQL on P+2, silo i's HTTP on P+10+i
#                       and its silo port on P+50+i (default 18000)
#   --state-dir DIR     pids, ports, logs and the database (default $TGESWARM_CLUSTER_DIR, else
#                       ${TMPDIR:-/tmp}/tgeswarm-local-cluster-<uid>)
#   --silo-dll PATH     run this build of TgeSwarm.Silo.dll instead of building
#   --no-build          run the existing Release build (src/Silo/bin/Release, or under --artifacts-path)
#   --artifacts-path D  build with dotnet build --artifacts-path D
#   --api-key KEY       the admin API key every silo accepts (Api:AdminKey, at least 32 characters;
#                       default: a new random tgs_ key, printed and kept in the state file)
#
# Environment: TGESWARM_CLUSTER_START_TIMEOUT (seconds each wait may take, default 90),
# TGESWARM_CLUSTER_MEMBERSHIP=fast|default (membership failure detection; fast, the default here,
# declares a killed silo dead within seconds).
#
# The state file (STATE_DIR/cluster.state) holds KEY=VALUE lines, split at the first '=':
# URL, STATS_URL, SILO_COUNT, SILO_<i>_{NAME,PID,HTTP_PORT,SILO_PORT,URL,LOG}, HAPROXY_{PID,PORT,
# STATS_PORT,CONFIG,LOG}, POSTGRES_{PORT,DIR,LOG,CONNECTION}, CLUSTER_ID, SERVICE_ID, CLUSTER_SECRET, API_KEY.
set -Eeuo pipefail
# A command failing outside a check says where, not only that the script stopped.
trap 'printf "[local-cluster] ERROR: exit code %s from line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly TEMPLATE="$ROOT/deploy/haproxy/haproxy.cfg.template"

log() { printf '[local-cluster] %s\n' "$*"; }
warn() { printf '[local-cluster] WARNING: %s\n' "$*" >&2; }
die() { printf '[local-cluster] ERROR: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,35p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }

# shellcheck source=../scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

# ---------------------------------------------------------------- arguments

COMMAND="${1:-}"
case "$COMMAND" in
  start|stop|status) shift ;;
  ""|-h|--help) usage ;;
  *) die "unknown command '$COMMAND': start, stop or status (see --help)" ;;
esac
SILOS=3
BASE_PORT=18000
STATE_DIR="${TGESWARM_CLUSTER_DIR:-${TMPDIR:-/tmp}/tgeswarm-local-cluster-$(id -u)}"
SILO_DLL=""
NO_BUILD=0
ARTIFACTS_PATH=""
API_KEY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) SILOS="${2:?--silos needs a number}"; shift 2 ;;
    --base-port) BASE_PORT="${2:?--base-port needs a port}"; shift 2 ;;
    --state-dir) STATE_DIR="${2:?--state-dir needs a directory}"; shift 2 ;;
    --silo-dll) SILO_DLL="${2:?--silo-dll needs a path}"; shift 2 ;;
    --no-build) NO_BUILD=1; shift ;;
    --artifacts-path) ARTIFACTS_PATH="${2:?--artifacts-path needs a directory}"; shift 2 ;;
    --api-key) API_KEY="${2:?--api-key needs a key}"; shift 2 ;;
    -h|--help) usage ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$SILOS" =~ ^[0-9]+$ ]] && [ "$SILOS" -ge 1 ] && [ "$SILOS" -le 39 ] || die "--silos must be 1 to 39 (was '$SILOS')"
[[ "$BASE_PORT" =~ ^[0-9]+$ ]] && [ "$BASE_PORT" -ge 1024 ] && [ "$BASE_PORT" -le 65400 ] \
  || die "--base-port must be 1024 to 65400 (was '$BASE_PORT')"
[ -z "$API_KEY" ] || [ "${#API_KEY}" -ge 32 ] || die "--api-key must be at least 32 characters (was ${#API_KEY})"
case "$STATE_DIR" in /*) ;; *) STATE_DIR="$(pwd)/$STATE_DIR" ;; esac
readonly STATE_FILE="$STATE_DIR/cluster.state"
readonly WAIT_SECONDS="${TGESWARM_CLUSTER_START_TIMEOUT:-90}"
readonly MEMBERSHIP="${TGESWARM_CLUSTER_MEMBERSHIP:-fast}"

# ---------------------------------------------------------------- state file

state_get() { # KEY -> value, or empty
  [ -f "$STATE_FILE" ] || return 0
  sed -n "s/^$1=//p" "$STATE_FILE" | tail -n 1
}
state_put() { # KEY VALUE
  printf '%s=%s\n' "$1" "$2" >>"$STATE_FILE"
}

# A pid counts as ours only while its command line still names what we started (pids are reused).
pid_is() { # PID PATTERN
  [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_status() { # URL -> status code, 000 when nothing answered
  curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true
}

# ---------------------------------------------------------------- stop

stop_pid() { # NAME PID PATTERN
  local name=$1 pid=$2 pattern=$3 i
  if ! pid_is "$pid" "$pattern"; then
    [ -z "$pid" ] || log "$name (pid $pid) is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do
    pid_is "$pid" "$pattern" || { log "$name (pid $pid) stopped"; return 0; }
    sleep 0.25
  done
  warn "$name (pid $pid) ignored SIGTERM for 15 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# Stops everything the state file names; leaves the directory (and its logs) for the caller to remove.
stop_recorded() {
  local count i dll
  [ -f "$STATE_FILE" ] || return 0
  stop_pid haproxy "$(state_get HAPROXY_PID)" "$(state_get HAPROXY_CONFIG)"
  count=$(state_get SILO_COUNT)
  dll=$(state_get SILO_DLL)
  for i in $(seq 1 "${count:-0}"); do
    stop_pid "silo$i" "$(state_get "SILO_${i}_PID")" "$dll"
  done
  local pgdir
  pgdir=$(state_get POSTGRES_DIR)
  if [ -n "$pgdir" ] && [ -f "$pgdir/data/PG_VERSION" ]; then
    swarm_pg_find_bin || die "PostgreSQL binaries are gone: cannot stop the server in $pgdir"
    if swarm_pg_stop "$pgdir"; then log "PostgreSQL on port $(state_get POSTGRES_PORT) stopped"; else warn "PostgreSQL in $pgdir did not stop"; fi
  fi
}

cmd_stop() {
  stop_recorded
  rm -rf "$STATE_DIR"
  log "stopped; $STATE_DIR removed"
}

# ---------------------------------------------------------------- status

# Prints one line per process; returns 0 when all run, 1 when one died, 3 when nothing was started.
cmd_status() {
  if [ ! -f "$STATE_FILE" ]; then
    log "not running (no $STATE_FILE)"
    return 3
  fi
  local count i pid dead=0 dll pgdir
  count=$(state_get SILO_COUNT)
  dll=$(state_get SILO_DLL)
  printf '%-10s %-8s %-8s %-28s %s\n' process pid state url ready
  pgdir=$(state_get POSTGRES_DIR)
  if swarm_pg_find_bin && swarm_pg_running "$pgdir"; then
    printf '%-10s %-8s %-8s %-28s %s\n' postgres "$(head -n 1 "$pgdir/data/postmaster.pid" 2>/dev/null)" running "127.0.0.1:$(state_get POSTGRES_PORT)" -
  else
    printf '%-10s %-8s %-8s %-28s %s\n' postgres - dead "127.0.0.1:$(state_get POSTGRES_PORT)" -; dead=1
  fi
  for i in $(seq 1 "${count:-0}"); do
    pid=$(state_get "SILO_${i}_PID")
    if pid_is "$pid" "$dll"; then
      printf '%-10s %-8s %-8s %-28s %s\n' "silo$i" "$pid" running "$(state_get "SILO_${i}_URL")" "$(http_status "$(state_get "SILO_${i}_URL")/health/ready")"
    else
      printf '%-10s %-8s %-8s %-28s %s\n' "silo$i" "${pid:--}" dead "$(state_get "SILO_${i}_URL")" -; dead=1
    fi
  done
  pid=$(state_get HAPROXY_PID)
  if pid_is "$pid" "$(state_get HAPROXY_CONFIG)"; then
    printf '%-10s %-8s %-8s %-28s %s\n' haproxy "$pid" running "$(state_get URL)" "$(http_status "$(state_get URL)/health/ready")"
  else
    printf '%-10s %-8s %-8s %-28s %s\n' haproxy "${pid:--}" dead "$(state_get URL)" -; dead=1
  fi
  log "stats: $(state_get STATS_URL)   logs: $STATE_DIR/logs"
  return "$dead"
}

# ---------------------------------------------------------------- start

ensure_haproxy() {
  if command -v haproxy >/dev/null; then return 0; fi
  log "HAProxy not found: installing it from apt"
  swarm_as_root apt-get update -qq
  swarm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy
  command -v haproxy >/dev/null || die "apt-get installed haproxy but the haproxy command is still missing"
}

resolve_silo_dll() {
  if [ -n "$SILO_DLL" ]; then
    case "$SILO_DLL" in /*) ;; *) SILO_DLL="$(pwd)/$SILO_DLL" ;; esac
    [ -f "$SILO_DLL" ] || die "--silo-dll $SILO_DLL does not exist"
    return 0
  fi
  local project="$ROOT/src/Silo/TgeSwarm.Silo.csproj" props=(-p:Configuration=Release)
  [ -z "$ARTIFACTS_PATH" ] || props+=("-p:ArtifactsPath=$ARTIFACTS_PATH")
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  # No MSBuild or compiler server may outlive this script: the silos would inherit nothing, but callers wait on us.
  export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
  if [ "$NO_BUILD" -eq 0 ]; then
    log "building the silo host (Release)"
    dotnet build "$project" "${props[@]}" -nologo -v:q -nodeReuse:false >"$STATE_DIR/logs/build.log" 2>&1 \
      || { tail -n 30 "$STATE_DIR/logs/build.log" >&2; die "the build failed (log: $STATE_DIR/logs/build.log)"; }
  fi
  SILO_DLL=$(dotnet msbuild "$project" "${props[@]}" -getProperty:TargetPath -nologo) \
    || die "could not ask MSBuild where the silo host is built"
  [ -f "$SILO_DLL" ] || die "no build at $SILO_DLL: run without --no-build, or give --silo-dll"
}

render_haproxy_config() { # OUT
  local servers="" i
  for i in $(seq 1 "$SILOS"); do
    servers+="    server silo$i 127.0.0.1:$((BASE_PORT + 10 + i))"$'\n'
  done
  [ -f "$TEMPLATE" ] || die "the HAProxy template $TEMPLATE is missing"
  awk -v port="$((BASE_PORT))" -v stats="$((BASE_PORT + 1))" -v servers="$servers" '
    $0 == "@SERVERS@" { printf "%s", servers; next }
    { gsub(/@HTTP_PORT@/, port); gsub(/@STATS_PORT@/, stats); print }
  ' "$TEMPLATE" >"$1"
}

# Starts a command detached from this script: its own session, no inherited descriptors (the lock, the
# caller's pipes), output to LOG. Prints its pid, which stays the command's own through the execs.
launch() { # DIR LOG command...
  local dir=$1 logfile=$2
  shift 2
  (cd "$dir" && exec setsid "$@" </dev/null >>"$logfile" 2>&1 9>&-) &
  echo $!
}

# While start runs, any exit but success (die, a failed command, Ctrl-C) shows the logs' tails and stops
# whatever was started already, so a failed start leaves no process behind; the logs stay.
START_DONE=0
on_start_exit() {
  local rc=$? i
  [ "$rc" -ne 0 ] && [ "$START_DONE" -eq 0 ] || return 0
  for i in $(seq 1 "$SILOS"); do
    if [ -s "$STATE_DIR/logs/silo$i.log" ]; then
      printf '[local-cluster] --- last lines of %s\n' "$STATE_DIR/logs/silo$i.log" >&2
      tail -n 25 "$STATE_DIR/logs/silo$i.log" >&2 || true
    fi
  done
  if [ -s "$STATE_DIR/logs/haproxy.log" ]; then
    printf '[local-cluster] --- last lines of %s\n' "$STATE_DIR/logs/haproxy.log" >&2
    tail -n 15 "$STATE_DIR/logs/haproxy.log" >&2 || true
  fi
  stop_recorded || true
  rm -rf "$STATE_DIR/postgres" "$STATE_FILE"
  printf '[local-cluster] ERROR: start failed; everything it started is stopped; logs kept in %s\n' "$STATE_DIR/logs" >&2
  exit "$rc"
}

wait_silo_ready() { # I PID URL
  local i=$1 pid=$2 url=$3 n
  for n in $(seq 1 $((WAIT_SECONDS * 4))); do
    # kill -0, not pid_is: the pid is ours for sure, and may not have exec'd dotnet yet.
    kill -0 "$pid" 2>/dev/null || die "silo$i (pid $pid) exited while starting"
    [ "$(http_status "$url/health/ready")" = 200 ] && return 0
    sleep 0.25
  done
  die "silo$i did not answer 200 on $url/health/ready within ${WAIT_SECONDS} s (now: $(http_status "$url/health/ready"))"
}

haproxy_servers_up() { # STATS_PORT -> count of silo servers UP
  { curl -s -m 2 "http://127.0.0.1:$1/;csv" 2>/dev/null || true; } \
    | awk -F, '$1 == "silos" && $2 ~ /^silo[0-9]+$/ && $18 == "UP"' | wc -l
}

membership_env() {
  case "$MEMBERSHIP" in
    # Probe every 500 ms, vote after 3 misses: a SIGKILLed silo is declared dead in about 2 s.
    fast) printf '%s\n' Swarm__Membership__ProbeTimeout=00:00:00.500 Swarm__Membership__NumMissedProbesLimit=3 \
      Swarm__Membership__IAmAlivePublishTimeout=00:00:01 Swarm__Membership__TableRefreshTimeout=00:00:02 \
      Swarm__Membership__DeathVoteExpirationTimeout=00:00:10 ;;
    default) ;;
    *) die "TGESWARM_CLUSTER_MEMBERSHIP must be fast or default (was '$MEMBERSHIP')" ;;
  esac
}

cmd_start() {
  local i pid url
  # Already running: nothing to do. Half running: clean up, then start afresh.
  if [ -f "$STATE_FILE" ]; then
    local status_rc=0
    cmd_status >/dev/null 2>&1 || status_rc=$?
    if [ "$status_rc" -eq 0 ]; then
      [ "$(state_get SILO_COUNT)" = "$SILOS" ] && [ "$(state_get BASE_PORT)" = "$BASE_PORT" ] \
        || die "a cluster with $(state_get SILO_COUNT) silos on base port $(state_get BASE_PORT) already runs from $STATE_DIR: stop it first"
      log "already running"
      cmd_status || true
      return 0
    fi
    log "a previous cluster in $STATE_DIR is partly dead: stopping what is left of it"
    stop_recorded
  fi
  rm -rf "$STATE_DIR/postgres" "$STATE_DIR/logs" "$STATE_FILE" "$STATE_DIR/haproxy.cfg"
  mkdir -p "$STATE_DIR/logs"
  # The server runs as postgres (when we are root), which must be able to enter the state directory.
  chmod 755 "$STATE_DIR"

  local ports=("$BASE_PORT" "$((BASE_PORT + 1))" "$((BASE_PORT + 2))")
  for i in $(seq 1 "$SILOS"); do ports+=("$((BASE_PORT + 10 + i))" "$((BASE_PORT + 50 + i))"); done
  for pid in "${ports[@]}"; do
    if port_in_use "$pid"; then die "port $pid on 127.0.0.1 is in use: choose another --base-port"; fi
  done

  swarm_pg_ensure_installed
  ensure_haproxy
  resolve_silo_dll

  : >"$STATE_FILE"
  chmod 600 "$STATE_FILE"
  trap on_start_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local cluster_id="local-$(date +%Y%m%d%H%M%S)-$$"
  local service_id=tgeswarm-local
  local secret password
  secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
  # The API's own key format: tgs_ and 256 random bits in base64url.
  [ -n "$API_KEY" ] || API_KEY="tgs_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  state_put STATE_VERSION 1
  state_put REPO "$ROOT"
  state_put SILO_DLL "$SILO_DLL"
  state_put BASE_PORT "$BASE_PORT"
  state_put CLUSTER_ID "$cluster_id"
  state_put SERVICE_ID "$service_id"
  state_put CLUSTER_SECRET "$secret"
  state_put API_KEY "$API_KEY"

  # PostgreSQL
  local pgport=$((BASE_PORT + 2)) pgdir="$STATE_DIR/postgres"
  local connection="Host=127.0.0.1;Port=$pgport;Username=swarm;Password=$password;Database=tgeswarm"
  state_put POSTGRES_PORT "$pgport"
  state_put POSTGRES_DIR "$pgdir"
  state_put POSTGRES_LOG "$STATE_DIR/logs/postgres.log"
  state_put POSTGRES_CONNECTION "$connection"
  log "PostgreSQL ($SWARM_PGBIN) on 127.0.0.1:$pgport"
  swarm_pg_create "$pgdir" "$pgport"
  touch "$STATE_DIR/logs/postgres.log"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$STATE_DIR/logs/postgres.log"; fi
  # 9>&-: the server outlives this script and must not hold its lock.
  swarm_pg_start "$pgdir" "$STATE_DIR/logs/postgres.log" 9>&-
  swarm_pg_wait_ready "$pgport" "$WAIT_SECONDS" || die "PostgreSQL on 127.0.0.1:$pgport was not ready within ${WAIT_SECONDS} s"
  swarm_pg_psql_super "$pgdir" "$pgport" >/dev/null <<SQL || die "could not create the role and database"
CREATE ROLE swarm LOGIN PASSWORD '$password';
CREATE DATABASE tgeswarm OWNER swarm;
SQL

  # Silos: all at once (their migrations queue on an advisory lock), then wait for each.
  local membership
  mapfile -t membership < <(membership_env)
  state_put SILO_COUNT "$SILOS"
  for i in $(seq 1 "$SILOS"); do
    url="http://127.0.0.1:$((BASE_PORT + 10 + i))"
    pid=$(launch "$(dirname "$SILO_DLL")" "$STATE_DIR/logs/silo$i.log" env \
      Urls="$url" \
      Swarm__SiloName="silo$i" \
      Swarm__SiloPort="$((BASE_PORT + 50 + i))" \
      Swarm__AdvertisedAddress=127.0.0.1 \
      Swarm__ClusterId="$cluster_id" \
      Swarm__ServiceId="$service_id" \
      Swarm__ClusterSecret="$secret" \
      Swarm__Postgres="$connection" \
      Api__AdminKey="$API_KEY" \
      "${membership[@]}" \
      Logging__Console__FormatterName=simple \
      Logging__Console__FormatterOptions__SingleLine=true \
      Logging__Console__FormatterOptions__TimestampFormat='HH:mm:ss.fff ' \
      dotnet "$SILO_DLL")
    state_put "SILO_${i}_NAME" "silo$i"
    state_put "SILO_${i}_PID" "$pid"
    state_put "SILO_${i}_HTTP_PORT" "$((BASE_PORT + 10 + i))"
    state_put "SILO_${i}_SILO_PORT" "$((BASE_PORT + 50 + i))"
    state_put "SILO_${i}_URL" "$url"
    state_put "SILO_${i}_LOG" "$STATE_DIR/logs/silo$i.log"
    log "silo$i: pid $pid, $url, silo port $((BASE_PORT + 50 + i))"
  done
  for i in $(seq 1 "$SILOS"); do
    wait_silo_ready "$i" "$(state_get "SILO_${i}_PID")" "$(state_get "SILO_${i}_URL")"
    log "silo$i ready"
  done

  # HAProxy
  local cfg="$STATE_DIR/haproxy.cfg" n up
  render_haproxy_config "$cfg"
  haproxy -c -f "$cfg" >"$STATE_DIR/logs/haproxy-check.log" 2>&1 \
    || { cat "$STATE_DIR/logs/haproxy-check.log" >&2; die "HAProxy refused the rendered configuration $cfg"; }
  pid=$(launch "$STATE_DIR" "$STATE_DIR/logs/haproxy.log" haproxy -db -f "$cfg")
  state_put HAPROXY_PID "$pid"
  state_put HAPROXY_CONFIG "$cfg"
  state_put HAPROXY_LOG "$STATE_DIR/logs/haproxy.log"
  state_put HAPROXY_PORT "$BASE_PORT"
  state_put HAPROXY_STATS_PORT "$((BASE_PORT + 1))"
  for n in $(seq 1 $((WAIT_SECONDS * 4))); do
    kill -0 "$pid" 2>/dev/null || die "HAProxy (pid $pid) exited while starting"
    up=$(haproxy_servers_up "$((BASE_PORT + 1))")
    [ "$up" -eq "$SILOS" ] && break
    [ "$n" -lt $((WAIT_SECONDS * 4)) ] || die "HAProxy saw $up of $SILOS silos UP after ${WAIT_SECONDS} s"
    sleep 0.25
  done
  state_put URL "http://127.0.0.1:$BASE_PORT"
  state_put STATS_URL "http://127.0.0.1:$((BASE_PORT + 1))/"

  START_DONE=1
  log "cluster up: $SILOS silos behind HAProxy"
  log "  swarm:  http://127.0.0.1:$BASE_PORT   (REST API under /api, dashboard at /dashboard)"
  log "  key:    $API_KEY   (admin; also API_KEY in the state file)"
  log "  try:    curl -H 'X-Api-Key: $API_KEY' http://127.0.0.1:$BASE_PORT/api/cluster/silos"
  log "  stats:  http://127.0.0.1:$((BASE_PORT + 1))/"
  log "  state:  $STATE_FILE   logs: $STATE_DIR/logs"
  log "  stop:   $0 stop --state-dir $STATE_DIR"
}

# ---------------------------------------------------------------- main

if [ "$COMMAND" != start ] && [ ! -d "$STATE_DIR" ]; then
  case "$COMMAND" in
    stop) log "nothing to stop: $STATE_DIR does not exist"; exit 0 ;;
    status) log "not running ($STATE_DIR does not exist)"; exit 3 ;;
  esac
fi

# One invocation at a time per state directory. The lock file lives inside it; children never inherit
# the descriptor (launch closes it), so a running silo does not hold the lock.
mkdir -p "$STATE_DIR"
exec 9>>"$STATE_DIR/.lock"
flock -n 9 || die "another local-cluster.sh is working on $STATE_DIR"

case "$COMMAND" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) rc=0; cmd_status || rc=$?; exit "$rc" ;;
esac
