# shellcheck shell=bash
# A throw-away PostgreSQL server without systemd: install the binaries from apt when missing, create a
# cluster in a directory of its own (127.0.0.1 only, durability off), start, wait, stop. Sourced by
# deploy/local-cluster.sh and scripts/test.sh.
#
# The caller defines log and die (message functions) before calling anything here.

SWARM_PGBIN=""

swarm_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Sets SWARM_PGBIN to the directory holding initdb and pg_ctl, newest major version first (15 preferred).
swarm_pg_find_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then SWARM_PGBIN="$dir"; return 0; fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    SWARM_PGBIN=$(dirname "$(readlink -f "$(command -v initdb)")")
    return 0
  fi
  return 1
}

swarm_pg_ensure_installed() {
  if swarm_pg_find_bin; then return 0; fi
  log "PostgreSQL not found: installing it from apt"
  swarm_as_root apt-get update -qq
  swarm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
  swarm_pg_find_bin || die "apt-get installed postgresql but initdb/pg_ctl are still missing"
}

# PostgreSQL refuses to run as root: as root, the server belongs to the postgres user.
swarm_pg_as() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

swarm_pg_running() { # DIR
  [ -f "$1/data/PG_VERSION" ] && swarm_pg_as "$SWARM_PGBIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

# Creates a fresh cluster in DIR/data (whatever DIR held is thrown away), listening on 127.0.0.1:PORT
# with its socket in DIR. Local (socket) connections trust the superuser postgres; TCP needs a password.
swarm_pg_create() { # DIR PORT
  local dir=$1 port=$2
  rm -rf "$dir"
  mkdir -p "$dir/data"
  chmod 700 "$dir" "$dir/data"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no postgres user to own the cluster"
    chown -R postgres:postgres "$dir"
    swarm_pg_as test -x "$dir" \
      || die "the postgres user cannot enter $dir: every directory above it must be searchable by others (chmod o+x)"
  fi
  swarm_pg_as "$SWARM_PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir/data"; }
  swarm_pg_as tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF

# tgeswarm throw-away cluster: durability is off
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 128MB
log_min_messages = warning
log_min_error_statement = panic
EOF
}

swarm_pg_start() { # DIR LOGFILE
  swarm_pg_as "$SWARM_PGBIN/pg_ctl" -D "$1/data" -l "$2" -w -t 60 start >/dev/null \
    || { tail -n 40 "$2" >&2 || true; die "PostgreSQL in $1 did not start (log: $2)"; }
}

swarm_pg_wait_ready() { # PORT SECONDS
  local i
  for i in $(seq 1 $(( $2 * 2 ))); do
    if "$SWARM_PGBIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 1; then return 0; fi
    sleep 0.5
  done
  return 1
}

swarm_pg_stop() { # DIR
  if swarm_pg_running "$1"; then
    swarm_pg_as "$SWARM_PGBIN/pg_ctl" -D "$1/data" stop -m fast -w -t 30 >/dev/null 2>&1 \
      || swarm_pg_as "$SWARM_PGBIN/pg_ctl" -D "$1/data" stop -m immediate -w -t 30 >/dev/null 2>&1 \
      || return 1
  fi
}

# psql as the superuser over the cluster's socket in DIR.
swarm_pg_psql_super() { # DIR PORT psql-args...
  local dir=$1 port=$2
  shift 2
  swarm_pg_as "$SWARM_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}
