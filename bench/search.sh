#!/usr/bin/env bash
# The search and list statements at the database, without the service: p50 and p90 over RUNS runs
# (25 by default) of each scenario, after 3 warm-up runs, and one EXPLAIN (ANALYZE, BUFFERS) each.
# Usage: bench/search.sh "host=127.0.0.1 port=5432 dbname=catalog user=postgres" on a database at
# migration head seeded with bench/seed-catalog.sql (psql -v products=1000000 -f bench/seed-catalog.sql).
# Each scenario is one list answer: the page of 20 and its total capped at 10,001, as
# ProductSearchSql.ByRelevance and ProductKeysetSql build them. Writes artifacts/bench/search/.
set -euo pipefail
cd "$(dirname "$0")/.."
conn=${1:?connection string}
runs=${RUNS:-25}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
out=artifacts/bench/search
mkdir -p "$out"
rm -f "$out"/*.sql "$out"/*.plan "$out"/pgbench_log.*

columns="p.id, p.name, p.slug, p.description, p.price, p.image_url, p.stock, p.category_id, p.rating, p.is_active, p.created_at, p.updated_at, p.xmin"

search() { # q, min price, max price
  cat <<SQL
WITH terms AS MATERIALIZED (SELECT * FROM catalog_search_terms('$1')),
page AS MATERIALIZED (SELECT s.id, s.tier FROM terms, catalog_search_page(terms.exact, terms.exact_in_name, terms.fuzzy, terms.fuzzy_in_name, terms.name_pattern, NULL, ${2:-NULL}, ${3:-NULL}, NULL, NULL, NULL, 0, 20) s),
total AS MATERIALIZED (SELECT catalog_search_count(terms.fuzzy, terms.name_pattern, NULL, ${2:-NULL}, ${3:-NULL}, NULL, 10001) AS matches FROM terms)
SELECT $columns, page.tier, total.matches
FROM total LEFT JOIN (page JOIN products p ON p.id = page.id) ON TRUE
ORDER BY page.tier, page.id;
SQL
}

scenario() { # name, sql
  printf '%s\n' "$2" > "$out/$1.sql"
}

scenario q-phone "$(search phone)"
scenario q-wireless-phone "$(search 'wireless phone')"
scenario q-black-laptop-pro "$(search 'black laptop pro')"
scenario q-typo-blendr "$(search blendr)"
scenario q-typo-wireles-headphnes "$(search 'wireles headphnes')"
scenario q-russian-smartfona "$(search 'смартфона')"
scenario q-russian-chehol "$(search 'чехол для смартфона')"
scenario q-phone-price-range "$(search phone 100 200)"
scenario price-range "SELECT $columns FROM products p WHERE p.is_active AND p.price >= 100 AND p.price <= 200 ORDER BY p.name, p.id LIMIT 20;
SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.is_active AND (p.price >= 100 AND p.price <= 200) LIMIT 10001) m;"
scenario name-page-1 "SELECT $columns FROM products p WHERE p.is_active ORDER BY p.name, p.id LIMIT 20;"
cursor=$("$bin/psql" "$conn" -XAtc "SELECT quote_literal(name) || ', ' || id FROM products WHERE is_active ORDER BY name, id OFFSET 9979 LIMIT 1")
scenario name-cursor-page-500 "SELECT $columns FROM products p WHERE p.is_active AND (p.name, p.id) > ($cursor) ORDER BY p.name, p.id LIMIT 20;"
scenario newest-cursor-page-500 "SELECT $columns FROM products p WHERE p.is_active AND (p.created_at, p.id) < ($("$bin/psql" "$conn" -XAtc "SELECT quote_literal(created_at) || '::timestamptz, ' || id FROM products WHERE is_active ORDER BY created_at DESC, id DESC OFFSET 9979 LIMIT 1")) ORDER BY p.created_at DESC, p.id DESC LIMIT 20;"

report="$out/report.md"
printf '| scenario | p50 ms | p90 ms | runs |\n|---|---:|---:|---:|\n' > "$report"
for file in "$out"/*.sql; do
  name=$(basename "$file" .sql)
  "$bin/pgbench" "$conn" -n -c 1 -t 3 -f "$file" >/dev/null 2>&1
  (cd "$out" && "$bin/pgbench" "$conn" -n -c 1 -t "$runs" -f "$name.sql" -l --log-prefix="pgbench_log.$name" >/dev/null 2>&1)
  python3 - "$name" "$runs" "$out"/pgbench_log."$name".* >> "$report" <<'PY'
import sys, statistics
name, runs, files = sys.argv[1], sys.argv[2], sys.argv[3:]
times = sorted(int(line.split()[2]) / 1000 for f in files for line in open(f))
p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
print(f"| {name} | {statistics.median(times):.1f} | {p90:.1f} | {len(times)} |")
PY
  # auto_explain shows the plans of the statements the search functions run, too.
  { echo "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on;"
    echo "SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on; SET client_min_messages = log;"
    awk 'start || NR == 1 { $0 = "EXPLAIN (ANALYZE, BUFFERS) " $0 } { start = /;$/; print }' "$file"; } | "$bin/psql" "$conn" -X -q > "$out/$name.plan" 2>&1
done
cat "$report"
