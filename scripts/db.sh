#!/usr/bin/env bash
# The embedded development database: a PostgreSQL cluster under .data/postgres on 127.0.0.1:55432.
# Usage: scripts/db.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

port=${CATALOG_DB_PORT:-55432}
cluster=${CATALOG_DB_DIR:-$PWD/.data/postgres}
data=$cluster/data
database=catalog

is_running() { [ -f "$data/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating the development database cluster in $cluster"
    mkdir -p "$cluster"
    pg_own_folder "$cluster"
    # Loopback-only and trusted: a development database with no password to leak.
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=trust \
      -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if is_running; then
    echo "The development database is already running on 127.0.0.1:$port"
    return
  fi
  pg_own_folder "$cluster"
  pg_as_owner "$bin/pg_ctl" -D "$data" -l "$cluster/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster" start >/dev/null
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE $database"
  fi
  echo "The development database is running on 127.0.0.1:$port (database $database)"
}

stop() {
  if is_running; then
    pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "The development database has stopped"
  else
    echo "The development database is not running"
  fi
}

status() {
  if is_running; then echo "running on 127.0.0.1:$port ($data)"; else echo "stopped ($data)"; fi
}

bin=$(pg_bin_dir)
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
