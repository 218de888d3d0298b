#!/usr/bin/env bash
# `make bench-bulk`: bulk import of BULK_IMPORT_N new products (100,000) and export of a catalog of
# BULK_EXPORT_N products (1,000,000) through the API, BENCH_ROUNDS times each (3), with the service's peak
# resident memory. Medians go to artifacts/bench/bulk.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

EXPORT_N=${BULK_EXPORT_N:-1000000}
IMPORT_N=${BULK_IMPORT_N:-100000}
ROUNDS=${BENCH_ROUNDS:-3}
OUT=artifacts/bench
mkdir -p "$OUT"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

api_pid=""
cluster=$PWD/.data/bench-bulk-postgres-$$
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
  if [ -f "$cluster/data/postmaster.pid" ]; then pg_as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$cluster"
}
trap cleanup EXIT

dotnet tool restore >/dev/null
echo "Building the API in Release"
dotnet build src/WebApi -c Release -v quiet --nologo >/dev/null
bash scripts/migrations.sh bundle-if-changed

bin=$(pg_bin_dir)
mkdir -p "$cluster"
pg_own_folder "$cluster"
port=$(free_port)
pg_as_owner "$bin/initdb" -D "$cluster/data" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
pg_as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster -c shared_buffers=512MB -c synchronous_commit=off" >/dev/null
psql_bench() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres "$@"; }
psql_bench -d postgres -qc "CREATE DATABASE bench"
catalog="Host=127.0.0.1;Port=$port;Database=bench;Username=postgres"
artifacts/efbundle --connection "$catalog" >/dev/null
echo "Loading $EXPORT_N products"
psql_bench -d bench -q -v products="$EXPORT_N" -f bench/seed.sql >/dev/null

key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
token=$(python3 bench/token.py "$key" bench catalog-bench)
api_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$api_port" ConnectionStrings__Catalog="$catalog" \
Authentication__Schemes__Bearer__ValidIssuer=bench Authentication__Schemes__Bearer__ValidAudiences__0=catalog-bench \
Authentication__Schemes__Bearer__SigningKeys__0__Issuer=bench Authentication__Schemes__Bearer__SigningKeys__0__Value="$key" \
  dotnet src/WebApi/bin/Release/net10.0/Ecommerce.WebApi.dll --contentRoot "$PWD/src/WebApi/bin/Release/net10.0" > "$OUT/bulk-api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$api_port/health/live" >/dev/null 2>&1 && break; sleep 0.2; done
base="http://127.0.0.1:$api_port/api/v1/products"

seconds() { python3 -c "print(round($2 - $1, 2))"; }
results=$OUT/bulk-raw.tsv
: > "$results"
for round in $(seq 1 "$ROUNDS"); do
  for format in application/x-ndjson text/csv; do
    start=$(date +%s.%N)
    curl -fsS -H "Accept: $format" "$base/export" -o "$OUT/export-$round.out"
    end=$(date +%s.%N)
    rows=$(($(wc -l < "$OUT/export-$round.out") - $([ "$format" = text/csv ] && echo 1 || echo 0)))
    printf 'export %s\t%s\t%s\n' "$format" "$(seconds "$start" "$end")" "$rows" >> "$results"
  done
  # New slugs each round, so that every round inserts IMPORT_N products.
  curl -fsS "$base/export" -o "$OUT/export-$round.out"
  head -n "$IMPORT_N" "$OUT/export-$round.out" | sed "s/\"slug\":\"product-/\"slug\":\"import-$round-/" > "$OUT/import.ndjson"
  rm -f "$OUT/export-$round.out"
  start=$(date +%s.%N)
  answer=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary "@$OUT/import.ndjson" "$base/import")
  end=$(date +%s.%N)
  printf 'import application/x-ndjson\t%s\t%s\n' "$(seconds "$start" "$end")" "$answer" >> "$results"
  echo "Round $round of $ROUNDS done"
done
peak_mb=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$api_pid/status")
python3 - "$results" "$peak_mb" "$EXPORT_N" "$IMPORT_N" "$(cat /proc/loadavg)" <<'PY' | tee "$OUT/bulk.md"
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
peak, export_n, import_n, load = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
print(f"| operation | median s | rounds (s) |\n|---|---|---|")
for name in dict.fromkeys(row[0] for row in rows):
    times = [float(row[1]) for row in rows if row[0] == name]
    print(f"| {name} | {statistics.median(times):.2f} | {', '.join(f'{t:.2f}' for t in times)} |")
print(f"\nexport: {export_n} products; import: {import_n} new products a round; service peak RSS (VmHWM): {peak} MB; load average at the end: {load}")
print("import answers: " + "; ".join(row[2] for row in rows if row[0].startswith("import")))
PY
