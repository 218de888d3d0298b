"""Compares median p50 latency of the same operations at two catalog sizes."""
import statistics
import sys
from collections import defaultdict


def medians(path):
    cells = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        op, target, _, rps, p50, p99, *_ = line.rstrip("\n").split("\t")
        cells[(op, target)].append((float(rps), float(p50)))
    return {key: (statistics.median(s[0] for s in v), statistics.median(s[1] for s in v)) for key, v in cells.items()}


small, large = medians(sys.argv[1]), medians(sys.argv[2])
print("| operation | target | p50 at 10,000 (ms) | p50 at 1,000,000 (ms) | growth | req/s at 10,000 | req/s at 1,000,000 |")
print("|---|---|---:|---:|---:|---:|---:|")
for key in small:
    if key in large:
        (rps_s, p50_s), (rps_l, p50_l) = small[key], large[key]
        print(f"| {key[0]} | {key[1]} | {p50_s:.2f} | {p50_l:.2f} | {p50_l / p50_s:.2f}x | {rps_s:,.0f} | {rps_l:,.0f} |")

page_1, cursor_500 = ("list-name-page-1", "api"), ("list-name-cursor-page-500", "api")
if page_1 in large and cursor_500 in large:
    print()
    print(f"Cursor page 500 against page 1 by name at 1,000,000 products: {large[cursor_500][1]:.2f} against "
          f"{large[page_1][1]:.2f} ms p50, {large[cursor_500][1] / large[page_1][1]:.2f}x.")
