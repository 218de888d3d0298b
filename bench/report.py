"""Turns the raw measurements into the Markdown table: medians over rounds, API / floor ratios."""
import statistics
import sys
from collections import defaultdict

path, products, api_kb, floor_kb, seconds, rounds, connections = sys.argv[1:8]
rows = defaultdict(lambda: defaultdict(list))
order = []
for line in open(path, encoding="utf-8"):
    op, target, _, rps, p50, p99, non2xx, errors, cpu_us = line.rstrip("\n").split("\t")
    if op not in order:
        order.append(op)
    cell = rows[op][target]
    cell.append((float(rps), float(p50), float(p99), int(non2xx), int(errors), float(cpu_us)))


def median(cell, index):
    return statistics.median(sample[index] for sample in cell) if cell else float("nan")


print(f"Products: {int(products):,}; {rounds} rounds of {seconds} s per operation and target, interleaved; "
      f"{connections} connections (updates: 8); medians over rounds.\n")
print("| operation | API req/s | floor req/s | API / floor | API p50 / p99 ms | floor p50 / p99 ms | non-2xx (API, floor) | socket errors (API, floor) | server CPU µs per request (API / floor) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for op in order:
    api, floor = rows[op]["api"], rows[op]["floor"]
    ratio = median(api, 0) / median(floor, 0) if api and floor and median(floor, 0) else float("nan")
    print(f"| {op} | {median(api, 0):,.0f} | {median(floor, 0):,.0f} | {ratio:.2f} | "
          f"{median(api, 1):.2f} / {median(api, 2):.2f} | {median(floor, 1):.2f} / {median(floor, 2):.2f} | "
          f"{sum(s[3] for s in api)}, {sum(s[3] for s in floor)} | {sum(s[4] for s in api)}, {sum(s[4] for s in floor)} | "
          f"{median(api, 5):.0f} / {median(floor, 5):.0f} |")
print(f"\nPeak memory (VmHWM): API {int(api_kb) / 1024:.0f} MB, floor {int(floor_kb) / 1024:.0f} MB.")
