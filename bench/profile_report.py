"""Turns the per-layer profiles into Markdown: CPU microseconds per request, API and floor, by layer."""
import sys
from collections import defaultdict

cpu = defaultdict(lambda: defaultdict(float))
ops, layers = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    op, target, layer, cpu_us, _ = line.rstrip("\n").split("\t")
    ops += [op] if op not in ops else []
    layers += [layer] if layer not in layers else []
    cpu[(op, target)][layer] = float(cpu_us)

print("\nServer CPU time per request by layer, in microseconds (perf samples during round 1, API / floor):\n")
print("| layer | " + " | ".join(ops) + " |")
print("|---|" + "---:|" * len(ops))
totals = {op: (sum(cpu[(op, "api")].values()), sum(cpu[(op, "floor")].values())) for op in ops}
layers.sort(key=lambda layer: -sum(cpu[(op, "api")][layer] for op in ops))
for layer in layers:
    cells = [f"{cpu[(op, 'api')][layer]:.0f} / {cpu[(op, 'floor')][layer]:.0f}" for op in ops]
    print(f"| {layer} | " + " | ".join(cells) + " |")
print("| **total** | " + " | ".join(f"**{api:.0f} / {floor:.0f}**" for api, floor in (totals[op] for op in ops)) + " |")
