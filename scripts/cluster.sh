#!/usr/bin/env bash
# `make cluster`: the deployment topology on one machine, all on 127.0.0.1 with its data under
# .data/cluster: a PostgreSQL primary, a streaming standby made with `pg_basebackup -R`, two API
# instances and HAProxy in front of them. Ctrl-C (or SIGTERM, or `make cluster-stop` from another
# terminal) stops all of it and keeps the data for the next run.
# Usage: scripts/cluster.sh start|stop
# Variables: CLUSTER_PORT (HAProxy, 5080), CLUSTER_PG_PORT (primary, 55442), CLUSTER_STANDBY_PORT
# (standby, CLUSTER_PG_PORT + 1); everything else in the environment reaches both instances as it
# reaches `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

root=$PWD/.data/cluster
primary=$root/primary
standby=$root/standby
http_port=${CLUSTER_PORT:-5080}
pg_port=${CLUSTER_PG_PORT:-55442}
standby_port=${CLUSTER_STANDBY_PORT:-$((pg_port + 1))}
slot=catalog_standby
database=catalog
# The same build as `make run` (Debug), so either command reuses the other's output.
dll=$PWD/src/WebApi/bin/Debug/net10.0/Ecommerce.WebApi.dll
script_pid_file=$root/cluster.pid
processes_file=$root/processes

primary_connection="Host=127.0.0.1;Port=$pg_port;Database=$database;Username=postgres"
# The standby, then the primary as a last resort: Npgsql takes Target Session Attributes only with
# two hosts or more. A read that must see a write presents the write's Catalog-Consistency token.
replicas_connection="Host=127.0.0.1:$standby_port,127.0.0.1:$pg_port;Database=$database;Username=postgres;Target Session Attributes=prefer-standby;Load Balance Hosts=true"

say() { printf '%s\n' "$*"; }
row() { printf '%-20s %-24s %s\n' "$@"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }

sql() { # port sql [database]
  "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d "${3:-postgres}" -tAXq -v ON_ERROR_STOP=1 -c "$2"
}

server_running() { [ -f "$1/data/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

start_server() { # folder options
  if ! pg_as_owner "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 -o "$2" start >/dev/null; then
    tail -n 5 "$1/server.log" >&2
    return 1
  fi
}

stop_server() {
  if server_running "$1"; then pg_as_owner "$bin/pg_ctl" -D "$1/data" -m fast -w -t 60 stop >/dev/null || true; fi
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Is this pid still the process we started (and not a new one that reuses the number)?
is_ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"; }

ensure_packages() {
  local missing=() program
  for program in haproxy curl python3; do
    command -v "$program" >/dev/null 2>&1 || missing+=("$program")
  done
  [ "${#missing[@]}" -gt 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || fail "Missing: ${missing[*]}. Install Debian's packages: apt-get install ${missing[*]}"
  say "Installing ${missing[*]} from Debian's packages."
  # The haproxy package starts a system-wide haproxy service when installed. This cluster runs its
  # own haproxy in the foreground, so a policy-rc.d that answers "not now" keeps the service from
  # starting during the install, and the service is disabled afterwards: it holds no port of ours.
  local policy=/usr/sbin/policy-rc.d ours=false status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && ours=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq || status=$?
  [ "$status" -ne 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || status=$?
  if [ "$ours" = true ]; then rm -f "$policy"; fi
  [ "$status" -eq 0 ] || fail "Installing ${missing[*]} failed."
  case " ${missing[*]} " in
    *" haproxy "*)
      if [ -d /run/systemd/system ]; then
        systemctl disable --now haproxy >/dev/null 2>&1 || true
      else
        update-rc.d haproxy disable >/dev/null 2>&1 || true
      fi
      ;;
  esac
}

# Stops what a cluster killed without its clean-up (kill -9, a closed terminal) left running.
stop_leftovers() {
  local pid marker
  if [ -f "$processes_file" ]; then
    while read -r pid marker; do
      if is_ours "$pid" "$marker"; then kill -TERM "$pid" 2>/dev/null || true; fi
    done <"$processes_file"
    while read -r pid marker; do
      for _ in $(seq 1 100); do is_ours "$pid" "$marker" || break; sleep 0.1; done
      if is_ours "$pid" "$marker"; then kill -KILL "$pid" 2>/dev/null || true; fi
    done <"$processes_file"
    rm -f "$processes_file"
  fi
  stop_server "$standby"
  stop_server "$primary"
}

start_primary() {
  if [ ! -f "$primary/data/PG_VERSION" ]; then
    say "Creating the primary in $primary"
    mkdir -p "$primary"
    pg_own_folder "$primary"
    # Loopback-only and trusted, like the development database: there is no password to leak.
    pg_as_owner "$bin/initdb" -D "$primary/data" -U postgres --auth-local=trust --auth-host=trust \
      -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]' "$primary/data/pg_hba.conf"; then
    echo "host replication all 127.0.0.1/32 trust" >>"$primary/data/pg_hba.conf"
  fi
  pg_own_folder "$primary"
  start_server "$primary" "-c listen_addresses=127.0.0.1 -p $pg_port -k $primary -c wal_level=replica -c max_wal_senders=5" ||
    fail "The primary did not start (log: $primary/server.log)."
  if [ "$(sql "$pg_port" "SELECT count(*) FROM pg_database WHERE datname = '$database'")" = 0 ]; then
    sql "$pg_port" "CREATE DATABASE $database"
  fi
}

system_identifier() {
  pg_as_owner "$bin/pg_controldata" -D "$1/data" 2>/dev/null | awk -F': *' '/^Database system identifier/ { print $2 }'
}

make_standby() {
  say "Making the standby in $standby with pg_basebackup -R"
  stop_server "$standby"
  rm -rf "$standby"
  mkdir -p "$standby"
  pg_own_folder "$standby"
  # A slot keeps every WAL segment the standby has not received yet, even while it is stopped.
  sql "$pg_port" "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$slot' AND NOT active" >/dev/null
  pg_as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$standby/data" \
    -R -X stream -C -S "$slot" --checkpoint=fast
}

start_standby() {
  # primary_conninfo is given here too (over what -R wrote), so a new CLUSTER_PG_PORT is followed.
  start_server "$standby" "-c listen_addresses=127.0.0.1 -p $standby_port -k $standby \
-c hot_standby=on -c hot_standby_feedback=on -c primary_slot_name=$slot \
-c 'primary_conninfo=host=127.0.0.1 port=$pg_port user=postgres application_name=standby'"
}

# True once the standby is in recovery and streaming WAL from the primary.
standby_follows() {
  local state
  for _ in $(seq 1 60); do
    state=$(sql "$standby_port" "SELECT pg_is_in_recovery() || ' ' || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none')" 2>/dev/null || true)
    case "$state" in
      "true streaming") return 0 ;;
      false\ *) return 1 ;; # promoted: it no longer follows anything
    esac
    sleep 0.5
  done
  return 1
}

ensure_standby() {
  local fresh=false
  if [ ! -f "$standby/data/standby.signal" ] || [ "$(system_identifier "$standby")" != "$(system_identifier "$primary")" ]; then
    make_standby
    fresh=true
  fi
  pg_own_folder "$standby"
  if ! start_standby || ! standby_follows; then
    [ "$fresh" = false ] || fail "The new standby does not stream from the primary (log: $standby/server.log)."
    say "The standby cannot follow the primary: making it again."
    make_standby
    { start_standby && standby_follows; } || fail "The new standby does not stream from the primary (log: $standby/server.log)."
  fi
}

wait_for_replay() {
  local lsn
  lsn=$(sql "$pg_port" "SELECT pg_current_wal_lsn()")
  for _ in $(seq 1 100); do
    [ "$(sql "$standby_port" "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && return 0
    sleep 0.2
  done
  fail "The standby did not catch up with the primary (log: $standby/server.log)."
}

children=()

start_instance() { # number port seed
  local log=$root/api-$1.log
  # The caller's environment passes through unchanged; only the address, the database and the
  # seeding are the cluster's, and HAProxy on loopback is the trusted proxy whose X-Forwarded-For
  # names the client. The content root is src/WebApi, as with `dotnet run`.
  (cd src/WebApi && ASPNETCORE_URLS=http://127.0.0.1:$2 ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    ConnectionStrings__Catalog=$primary_connection ConnectionStrings__CatalogReplicas=$replicas_connection \
    Catalog__SeedDemoData=$3 exec dotnet "$dll") >"$log" 2>&1 &
  children+=("$!")
  echo "$! $dll" >>"$processes_file"
}

wait_until_ready() { # url pid log
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null -m 2 "$1" 2>/dev/null && return 0
    if ! kill -0 "$2" 2>/dev/null; then
      tail -n 30 "$3" >&2
      fail "The process behind $1 exited (log: $3)."
    fi
    sleep 0.3
  done
  fail "$1 did not become ready within 90 s (log: $3)."
}

write_haproxy_config() { # instance ports...
  {
    cat <<EOF
# Written by scripts/cluster.sh on each start; edits are lost.
global
    log stdout format raw local0 info
    maxconn 2048

defaults
    mode http
    log global
    option httplog
    option dontlognull
    option forwardfor
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout queue 10s
    # Retries only when the connection to an instance failed, so the request never reached it;
    # a request that reached an instance is never sent again, idempotent or not. Each retry
    # goes to the other instance.
    retries 2
    retry-on conn-failure
    option redispatch 1

frontend catalog
    bind 127.0.0.1:$http_port
    default_backend api

backend api
    balance roundrobin
    # An instance whose schema is behind or whose database is down answers 503 here and is
    # taken out until it answers 200 twice in a row.
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
EOF
    local number=1 port
    for port in "$@"; do
      echo "    server api-$number 127.0.0.1:$port check"
      number=$((number + 1))
    done
  } >"$root/haproxy.cfg"
}

cleanup() {
  trap - INT TERM
  set +e
  say
  say "Stopping the cluster"
  local pid
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${children[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  wait 2>/dev/null
  stop_server "$standby"
  stop_server "$primary"
  rm -f "$processes_file" "$script_pid_file"
  say "The cluster has stopped; its data stays in ${root#"$PWD"/}."
}

start() {
  mkdir -p "$root"
  if [ -f "$script_pid_file" ] && is_ours "$(cat "$script_pid_file")" cluster.sh; then
    fail "A cluster is already running (pid $(cat "$script_pid_file")): make cluster-stop stops it."
  fi
  ensure_packages
  stop_leftovers
  local port
  for port in "$http_port" "$pg_port" "$standby_port"; do
    if port_taken "$port"; then fail "127.0.0.1:$port is taken: choose other ports with CLUSTER_PORT, CLUSTER_PG_PORT, CLUSTER_STANDBY_PORT."; fi
  done
  if [ -n "${ConnectionStrings__Catalog:-}" ]; then
    say "ConnectionStrings__Catalog is ignored here: the instances use the cluster's primary."
  fi

  echo $$ >"$script_pid_file"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  : >"$processes_file"

  dotnet tool restore >/dev/null
  bash scripts/migrations.sh bundle-if-changed
  # The build runs while PostgreSQL starts.
  dotnet build src/WebApi --nologo -v quiet >"$root/build.log" 2>&1 &
  local build=$!
  children+=("$build")

  start_primary
  ensure_standby
  artifacts/efbundle --connection "$primary_connection"

  wait "$build" || { cat "$root/build.log" >&2; fail "The build failed."; }
  unset 'children[-1]'

  local port1 port2
  port1=$(free_port)
  port2=$(free_port)
  while [ "$port2" = "$port1" ]; do port2=$(free_port); done
  # Only the first instance seeds, so that two seeders never race on an empty catalog.
  local seed=${Catalog__SeedDemoData:-true}
  start_instance 1 "$port1" "$seed"
  start_instance 2 "$port2" false
  wait_until_ready "http://127.0.0.1:$port1/health/ready" "${children[0]}" "$root/api-1.log"
  wait_until_ready "http://127.0.0.1:$port2/health/ready" "${children[1]}" "$root/api-2.log"
  wait_for_replay

  write_haproxy_config "$port1" "$port2"
  haproxy -c -q -f "$root/haproxy.cfg"
  haproxy -db -f "$root/haproxy.cfg" >"$root/haproxy.log" 2>&1 &
  local proxy=$!
  children+=("$proxy")
  echo "$proxy $root/haproxy.cfg" >>"$processes_file"
  wait_until_ready "http://127.0.0.1:$http_port/health/ready" "$proxy" "$root/haproxy.log"

  local url=http://127.0.0.1:$http_port data=${root#"$PWD"/} seeding=""
  if [ "$seed" = true ]; then seeding=", seeds an empty catalog"; fi
  say
  row "PostgreSQL primary" "127.0.0.1:$pg_port" "$data/primary"
  row "PostgreSQL standby" "127.0.0.1:$standby_port" "$data/standby (streaming, slot $slot)"
  row "API instance 1" "http://127.0.0.1:$port1" "$data/api-1.log$seeding"
  row "API instance 2" "http://127.0.0.1:$port2" "$data/api-2.log"
  row "HAProxy" "$url" "$data/haproxy.log (round robin over the instances ready on /health/ready)"
  say
  say "Catalog API:   $url/api/v1/categories"
  say "API reference: $url/scalar"
  say "Ctrl-C (or make cluster-stop) stops all of it; the data stays in $data."

  # Runs until haproxy exits or a signal arrives; an instance that dies is reported, and HAProxy
  # serves from the other one.
  local pid alive
  while kill -0 "$proxy" 2>/dev/null; do
    wait -n || true
    alive=0
    for pid in "${children[@]:0:2}"; do
      if kill -0 "$pid" 2>/dev/null; then alive=$((alive + 1)); fi
    done
    if [ "$alive" -lt 2 ]; then say "$((2 - alive)) of 2 API instances have exited (logs in $data)."; fi
    if [ "$alive" -eq 0 ]; then break; fi
  done
}

stop() {
  local pid
  if [ -f "$script_pid_file" ] && is_ours "$(cat "$script_pid_file")" cluster.sh; then
    pid=$(cat "$script_pid_file")
    kill -TERM "$pid"
    for _ in $(seq 1 600); do is_ours "$pid" cluster.sh || break; sleep 0.1; done
    if is_ours "$pid" cluster.sh; then fail "The cluster (pid $pid) is still stopping."; fi
  fi
  stop_leftovers
  rm -f "$script_pid_file"
  say "The cluster is stopped."
}

bin=$(pg_bin_dir)
case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
