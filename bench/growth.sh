#!/usr/bin/env bash
# `make bench-growth`: the list operations of the API at 10,000 and at 1,000,000 products, and how
# their median latency grows between the two.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_OPS="list-subtree-page-1 list-subtree-page-50 list-q list-price-range"
export BENCH_TARGETS="api floor"
for n in 10000 1000000; do
  N=$n bash bench/run.sh
done
python3 bench/growth.py artifacts/bench/raw-10000.tsv artifacts/bench/raw-1000000.tsv | tee artifacts/bench/growth.md
