#!/usr/bin/env bash
# `make bench-cluster`: the scale-out topology under load, on loopback. A throwaway primary and a
# streaming standby made from it with pg_basebackup -R, two API instances (Release, production
# settings, queries on the standby through ConnectionStrings__CatalogReplicas) and HAProxy with two
# front ends: one over instance 1 alone, one over both. Reads go through each front end; writes
# (to the primary) through the one over both. Server CPU per request is split by process group.
# Knobs: N (products, 100000), BENCH_SECONDS (10), BENCH_ROUNDS (2), BENCH_WARMUP (10),
# BENCH_CONNECTIONS (32), BENCH_READS / BENCH_WRITES (space-separated operations).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

N=${N:-100000}
SECONDS_PER=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
READS=${BENCH_READS:-product-by-slug product-by-id category-by-slug list-subtree-page-1}
WRITES=${BENCH_WRITES:-create update}
OUT=artifacts/bench
mkdir -p "$OUT"
RESULTS=$OUT/cluster-raw-$N.tsv
: > "$RESULTS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

root=$PWD/.data/bench-cluster-$$
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for server in standby primary; do
    if [ -f "$root/$server/data/postmaster.pid" ]; then
      pg_as_owner "$bin/pg_ctl" -D "$root/$server/data" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$root"
}
trap cleanup EXIT

missing=()
for program in wrk haproxy; do command -v "$program" >/dev/null || missing+=("$program"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  # Keeps the haproxy package from starting a system-wide service during the install.
  policy=/usr/sbin/policy-rc.d ours=false
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && ours=true; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  if [ "$ours" = true ]; then rm -f "$policy"; fi
fi
dotnet tool restore >/dev/null

echo "Building the API in Release"
dotnet build src/WebApi -c Release -v quiet --nologo >/dev/null
bash scripts/migrations.sh bundle-if-changed

bin=$(pg_bin_dir)
mkdir -p "$root/primary" "$root/standby"
pg_own_folder "$root"
primary_port=$(free_port)
standby_port=$(free_port)
# The same durability settings as `make bench`, so that the disk stays out of the measurement.
settings="-c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c synchronous_commit=off -c max_connections=300"
pg_as_owner "$bin/initdb" -D "$root/primary/data" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
echo "host replication all 127.0.0.1/32 trust" >>"$root/primary/data/pg_hba.conf"
pg_as_owner "$bin/pg_ctl" -D "$root/primary/data" -l "$root/primary/server.log" -w -t 60 start \
  -o "$settings -p $primary_port -k $root/primary -c wal_level=replica -c max_wal_senders=5" >/dev/null
psql_primary() { "$bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -qX "$@"; }
psql_primary -d postgres -c "CREATE DATABASE bench"
catalog="Host=127.0.0.1;Port=$primary_port;Database=bench;Username=postgres;Maximum Pool Size=100"
replicas="Host=127.0.0.1:$standby_port,127.0.0.1:$primary_port;Database=bench;Username=postgres;Maximum Pool Size=100;Target Session Attributes=prefer-standby"
artifacts/efbundle --connection "$catalog" >/dev/null
echo "Loading $N products"
psql_primary -d bench -v products="$N" -f bench/seed.sql >/dev/null
psql_primary -d bench -c "VACUUM ANALYZE" >/dev/null

echo "Making the standby with pg_basebackup -R"
pg_as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$root/standby/data" -R -X stream --checkpoint=fast
pg_as_owner "$bin/pg_ctl" -D "$root/standby/data" -l "$root/standby/server.log" -w -t 60 start \
  -o "$settings -p $standby_port -k $root/standby -c hot_standby=on -c hot_standby_feedback=on" >/dev/null

key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
export BENCH_TOKEN
BENCH_TOKEN=$(python3 bench/token.py "$key" bench catalog-bench)
dll=src/WebApi/bin/Release/net10.0/Ecommerce.WebApi.dll
api_ports=()
api_pids=()
for instance in 1 2; do
  port=$(free_port)
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Catalog="$catalog" ConnectionStrings__CatalogReplicas="$replicas" \
  Authentication__Schemes__Bearer__ValidIssuer=bench \
  Authentication__Schemes__Bearer__ValidAudiences__0=catalog-bench \
  Authentication__Schemes__Bearer__SigningKeys__0__Issuer=bench \
  Authentication__Schemes__Bearer__SigningKeys__0__Value="$key" \
  Catalog__Limits__Reads__PermitLimit=1000000000 Catalog__Limits__Writes__PermitLimit=1000000000 \
    dotnet "$dll" --contentRoot "$PWD/$(dirname "$dll")" > "$OUT/cluster-api-$instance.log" 2>&1 &
  pids+=($!)
  api_pids+=($!)
  api_ports+=("$port")
done
for port in "${api_ports[@]}"; do
  for attempt in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"serving reads' && break
    [ "$attempt" -lt 150 ] || { echo "The instance on $port never read from the standby; see $OUT/cluster-api-*.log" >&2; exit 1; }
    sleep 0.2
  done
done

one_port=$(free_port)
two_port=$(free_port)
cat >"$root/haproxy.cfg" <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
frontend one
    bind 127.0.0.1:$one_port
    default_backend one
frontend two
    bind 127.0.0.1:$two_port
    default_backend two
backend one
    server api-1 127.0.0.1:${api_ports[0]}
backend two
    balance roundrobin
    server api-1 127.0.0.1:${api_ports[0]}
    server api-2 127.0.0.1:${api_ports[1]}
CFG
haproxy -db -f "$root/haproxy.cfg" >"$OUT/cluster-haproxy.log" 2>&1 &
pids+=($!)
haproxy_pid=$!
sleep 0.5

path_of() {
  case "$1" in
    product-by-slug) echo "/api/v1/products/by-slug/product-4242" ;;
    product-by-id) echo "/api/v1/products/4242" ;;
    category-by-slug) echo "/api/v1/categories/by-slug/child-7" ;;
    list-subtree-page-1) echo "/api/v1/products?category=root-3&page=1" ;;
    create) echo "/ -s bench/lua/create.lua" ;;
    update) echo "/ -s bench/lua/update.lua" ;;
  esac
}

ticks() { python3 bench/cluster_cpu.py "$@"; }
primary_pm=$(head -1 "$root/primary/data/postmaster.pid")
standby_pm=$(head -1 "$root/standby/data/postmaster.pid")
snapshot() { echo "$(ticks "${api_pids[@]}") $(ticks "$haproxy_pid") $(ticks --tree "$primary_pm") $(ticks --tree "$standby_pm")"; }

measure() { # op topology round seconds
  local op=$1 topology=$2 round=$3 duration=$4 port threads=2 connections=$CONNECTIONS args path before after
  port=$([ "$topology" = one ] && echo "$one_port" || echo "$two_port")
  args=$(path_of "$op")
  path=${args%% *}
  if [ "$op" = update ]; then threads=8; connections=8; fi
  before=$(snapshot)
  # shellcheck disable=SC2086
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path" ${args#"$path"} > "$OUT/cluster-wrk.txt" 2>&1 || true
  after=$(snapshot)
  python3 bench/cluster_report.py parse "$op" "$topology" "$round" "$before" "$after" "$(getconf CLK_TCK)" < "$OUT/cluster-wrk.txt" >> "$RESULTS"
}

echo "Warming up"
for op in $READS $WRITES; do measure "$op" two 0 "$WARMUP"; done
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for op in $READS; do
    measure "$op" one "$round" "$SECONDS_PER"
    measure "$op" two "$round" "$SECONDS_PER"
  done
  for op in $WRITES; do measure "$op" two "$round" "$SECONDS_PER"; done
  echo "Round $round of $ROUNDS done"
done

primary_reads=$("$bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d bench -tAXc \
  "SELECT count(*) FROM pg_stat_activity WHERE datname = 'bench' AND application_name = 'catalog-queries'")
python3 bench/cluster_report.py table "$RESULTS" "$N" "$SECONDS_PER" "$ROUNDS" "$CONNECTIONS" "$primary_reads" | tee "$OUT/cluster-results-$N.md"
