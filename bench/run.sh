#!/usr/bin/env bash
# `make bench`: the catalog API against its floor (raw Npgsql, same SQL), operation by operation.
# Knobs: N (products, default 100000), BENCH_SECONDS (per measurement, 10), BENCH_ROUNDS (2), BENCH_WARMUP (10),
# BENCH_CONNECTIONS (32; with fewer than 2, one wrk thread), BENCH_OPS (space-separated subset), BENCH_TARGETS ("api floor"),
# BENCH_SEED (the catalog's SQL, bench/seed.sql; bench/seed-catalog.sql reads like a shop's, for search),
# BENCH_POSTGRES (an existing server's connection string; else a throwaway cluster),
# BENCH_PROFILE=1 (samples both servers' CPU with perf during round 1 and splits it by layer),
# BENCH_STATEMENTS=1 (a throwaway cluster with pg_stat_statements: each statement's server time per call, after the run).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

N=${N:-100000}
SECONDS_PER=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-10}
ROUNDS=${BENCH_ROUNDS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
TARGETS=${BENCH_TARGETS:-api floor}
OPS=${BENCH_OPS:-product-by-slug product-by-id category-by-slug list-subtree-page-1 list-subtree-page-50 list-q list-price-range product-by-id-304 list-subtree-page-1-304 create update}
OUT=artifacts/bench
mkdir -p "$OUT"
RESULTS=$OUT/raw-$N-$(date +%Y%m%d-%H%M%S).tsv
: > "$RESULTS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pids=()
cluster=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$cluster" ] && [ -f "$cluster/data/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$cluster" ] && rm -rf "$cluster"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
dotnet tool restore >/dev/null

echo "Building the API and the floor in Release"
dotnet build src/WebApi -c Release -v quiet --nologo >/dev/null
dotnet build tests/Benchmarks.Floor -c Release -v quiet --nologo >/dev/null
bash scripts/migrations.sh bundle-if-changed

bin=$(pg_bin_dir)
if [ -n "${BENCH_POSTGRES:-}" ]; then
  admin=$BENCH_POSTGRES
else
  cluster=$PWD/.data/bench-postgres-$$
  mkdir -p "$cluster"
  pg_own_folder "$cluster"
  port=$(free_port)
  pg_as_owner "$bin/initdb" -D "$cluster/data" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # Durability settings that keep the disk out of the measurement; both targets get the same server.
  pg_as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster -c shared_buffers=512MB -c synchronous_commit=off -c max_connections=200 ${BENCH_STATEMENTS:+-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on}" >/dev/null
  admin="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
fi
pg_host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$admin")
pg_port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$admin")
"$bin/psql" -h "$pg_host" -p "$pg_port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS bench" -qc "CREATE DATABASE bench"
catalog="Host=$pg_host;Port=$pg_port;Database=bench;Username=postgres;Maximum Pool Size=100"
artifacts/efbundle --connection "$catalog" >/dev/null
echo "Loading $N products"
load_start=$(date +%s.%N)
"$bin/psql" -h "$pg_host" -p "$pg_port" -U postgres -d bench -q -v products="$N" -f "${BENCH_SEED:-bench/seed.sql}" >/dev/null
"$bin/psql" -h "$pg_host" -p "$pg_port" -U postgres -d bench -qc "VACUUM ANALYZE" >/dev/null
echo "Loaded in $(python3 -c "print(round($(date +%s.%N) - $load_start, 1))") s"

# A token signed with a key made for this run only.
key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
export BENCH_TOKEN
BENCH_TOKEN=$(python3 bench/token.py "$key" bench catalog-bench)

PROFILE=${BENCH_PROFILE:-}
if [ -n "$PROFILE" ]; then
  command -v perf >/dev/null || { echo "BENCH_PROFILE needs perf (Debian package linux-perf)" >&2; exit 1; }
  # The runtime writes /tmp/perf-PID.map, which names JIT-compiled methods in perf's samples; with
  # W^X on, perf sees JIT code through an anonymous double mapping and cannot name it.
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
fi

start_server() { # name dll port
  local name=$1 dll=$2 port=$3
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Catalog="$catalog" \
  Authentication__Schemes__Bearer__ValidIssuer=bench \
  Authentication__Schemes__Bearer__ValidAudiences__0=catalog-bench \
  Authentication__Schemes__Bearer__SigningKeys__0__Issuer=bench \
  Authentication__Schemes__Bearer__SigningKeys__0__Value="$key" \
  Catalog__Limits__Reads__PermitLimit=1000000000 Catalog__Limits__Writes__PermitLimit=1000000000 \
  Catalog__Limits__Admin__Reads__PermitLimit=1000000000 Catalog__Limits__Admin__Writes__PermitLimit=1000000000 \
    dotnet "$dll" --contentRoot "$PWD/$(dirname "$dll")" > "$OUT/$name.log" 2>&1 &
  pids+=($!)
  eval "${name}_pid=$!"
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/products/1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "$name did not start; see $OUT/$name.log" >&2
  return 1
}

api_port=$(free_port)
floor_port=$(free_port)
start_server api src/WebApi/bin/Release/net10.0/Ecommerce.WebApi.dll "$api_port"
start_server floor tests/Benchmarks.Floor/bin/Release/net10.0/Ecommerce.Benchmarks.Floor.dll "$floor_port"

wrk_args() { # op -> wrk arguments after the URL base
  case "$1" in
    product-by-slug) echo "/api/v1/products/by-slug/product-4242" ;;
    product-by-id) echo "/api/v1/products/4242" ;;
    category-by-slug) echo "/api/v1/categories/by-slug/child-7" ;;
    list-subtree-page-1) echo "/api/v1/products?category=root-3&page=1" ;;
    list-subtree-page-50) echo "/api/v1/products?category=root-3&page=50" ;;
    list-q) echo "/api/v1/products?q=phone&pageSize=20" ;;
    list-q-words) echo "/api/v1/products?q=wireless%20phone&pageSize=20" ;;
    list-name-page-1) echo "/api/v1/products?sort=name&pageSize=20" ;;
    # Page 500 of the name order by its cursor: the `next` of offset page 499 (see measure).
    list-name-cursor-page-500) echo "/api/v1/products?sort=name&pageSize=20&page=499" ;;
    list-price-range) echo "/api/v1/products?sort=-price&minPrice=100&maxPrice=500" ;;
    # A client revalidating what it holds: If-None-Match with the current tag (see measure). The
    # floor ignores the header and answers in full: a 304 is measured against the full read.
    product-by-id-304) echo "/api/v1/products/4242" ;;
    list-subtree-page-1-304) echo "/api/v1/products?category=root-3&page=1" ;;
    create) echo "/ -s bench/lua/create.lua" ;;
    update) echo "/ -s bench/lua/update.lua" ;;
  esac
}

# User plus system CPU time of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

measure() { # op target round seconds
  local op=$1 target=$2 round=$3 duration=$4 port threads=$((CONNECTIONS < 2 ? 1 : 2)) connections=$CONNECTIONS args path
  port=$([ "$target" = api ] && echo "$api_port" || echo "$floor_port")
  args=$(wrk_args "$op")
  path=${args%% *}
  if [ "$op" = list-name-cursor-page-500 ]; then
    path=$(curl -s "http://127.0.0.1:$api_port$path" | python3 -c 'import json, sys; print(json.load(sys.stdin)["next"] or "")')
    if [ -z "$path" ]; then
      [ "$round" = 1 ] && echo "No page 500 by name in a catalog of $N products: $op skipped" >&2
      return 0
    fi
    args=$path
  fi
  # One connection per thread for updates: each thread then always holds its product's current ETag.
  if [ "$op" = update ]; then threads=8; connections=8; fi
  local pid_var="${target}_pid" server_pid profiler="" cpu_before cpu_after
  server_pid=${!pid_var}
  if [ -n "$PROFILE" ] && [ "$round" = 1 ]; then
    perf record -q -F "$PROFILE_HZ" -g -p "$server_pid" -o "$OUT/perf-$op-$target.data" -- sleep "$duration" 2>/dev/null &
    profiler=$!
  fi
  cpu_before=$(cpu_ticks "$server_pid")
  local conditional=()
  if [[ "$op" == *-304 ]]; then
    # The API's tag now: writes of earlier operations have moved the catalog's versions on.
    conditional=(-H "If-None-Match: $(curl -s -o /dev/null -D - "http://127.0.0.1:$api_port$path" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')")
  fi
  # shellcheck disable=SC2086
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "${conditional[@]}" "http://127.0.0.1:$port$path" ${args#"$path"} > "$OUT/wrk.txt" 2>&1 || true
  cpu_after=$(cpu_ticks "$server_pid")
  [ -n "$profiler" ] && wait "$profiler"
  python3 bench/parse_wrk.py "$op" "$target" "$round" "$((cpu_after - cpu_before))" "$(getconf CLK_TCK)" < "$OUT/wrk.txt" >> "$RESULTS"
  if [ -n "$profiler" ]; then
    perf script -i "$OUT/perf-$op-$target.data" 2>/dev/null \
      | python3 bench/profile_layers.py "$op" "$target" "$PROFILE_HZ" "$(tail -1 "$RESULTS" | cut -f4)" "$duration" >> "$PROFILES"
  fi
}
PROFILE_HZ=499
PROFILES=$OUT/profile-$N.tsv
[ -n "$PROFILE" ] && : > "$PROFILES"

echo "Warming up"
for op in $OPS; do for target in $TARGETS; do measure "$op" "$target" 0 "$WARMUP"; done; done
: > "$RESULTS"

for round in $(seq 1 "$ROUNDS"); do
  for op in $OPS; do
    for target in $TARGETS; do
      measure "$op" "$target" "$round" "$SECONDS_PER"
    done
  done
  echo "Round $round of $ROUNDS done"
done

peak_kb() { awk '/VmHWM/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
api_peak=$(peak_kb "${api_pid:-0}")
floor_peak=$(peak_kb "${floor_pid:-0}")
cp "$RESULTS" "$OUT/raw-$N.tsv"
python3 bench/report.py "$RESULTS" "$N" "$api_peak" "$floor_peak" "$SECONDS_PER" "$ROUNDS" "$CONNECTIONS" | tee "$OUT/results-$N.md"
if [ -n "${BENCH_STATEMENTS:-}" ]; then
  # Server time per call of every statement both targets sent (triggers' statements included).
  "$bin/psql" -h "$pg_host" -p "$pg_port" -U postgres -d bench -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
    -c "\\pset format aligned" -c "SELECT calls, plans, round(mean_exec_time::numeric * 1000) AS mean_us, round(mean_plan_time::numeric * 1000) AS plan_us,
          round(100 * total_exec_time / sum(total_exec_time) OVER ())::int AS pct, left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'bench') AND calls > 100
        ORDER BY total_exec_time DESC LIMIT 40" | tee "$OUT/statements-$N.txt"
fi
if [ -n "$PROFILE" ]; then
  python3 bench/profile_report.py "$PROFILES" | tee "$OUT/profile-$N.md"
fi
