#!/usr/bin/env bash
# `make bench-growth`: the list operations of the API at 10,000 and at 1,000,000 products, and how
# their median latency grows between the two. Latency as one client sees it: one connection at a
# time (BENCH_CONNECTIONS=1), so that a p50 is the request's own time and not a queue's; `make bench`
# measures throughput under 32 connections. The catalog is bench/seed-catalog.sql, which reads like a
# shop's (search words in names and descriptions in two languages).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_OPS=${BENCH_OPS:-"list-subtree-page-1 list-subtree-page-50 list-name-page-1 list-name-cursor-page-500 list-q list-q-words list-price-range"}
export BENCH_TARGETS=${BENCH_TARGETS:-api}
export BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-1}
export BENCH_SEED=${BENCH_SEED:-bench/seed-catalog.sql}
export BENCH_SECONDS=${BENCH_SECONDS:-5} BENCH_WARMUP=${BENCH_WARMUP:-5}
for n in 10000 1000000; do
  N=$n bash bench/run.sh
done
python3 bench/growth.py artifacts/bench/raw-10000.tsv artifacts/bench/raw-1000000.tsv | tee artifacts/bench/growth.md
