"""The cluster benchmark's measurements and table.

parse OP TOPOLOGY ROUND "BEFORE" "AFTER" TICKS_PER_SECOND < wrk output: one TSV line (CPU ticks of the API
instances, HAProxy, the primary and the standby before and after the run).
table RAW N SECONDS ROUNDS CONNECTIONS PRIMARY_QUERY_SESSIONS: the Markdown table, medians over rounds.
"""
import re
import statistics
import sys
from collections import defaultdict

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
GROUPS = ["API", "HAProxy", "primary", "standby"]


def parse(op, topology, round_, before, after, ticks_per_second):
    text = sys.stdin.read()

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    requests = re.search(r"^\s*(\d+) requests in", text, re.M)
    count = int(requests.group(1)) if requests else 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    deltas = [int(a) - int(b) for a, b in zip(after.split(), before.split())]
    cpu = [f"{d / int(ticks_per_second) * 1e6 / count:.1f}" if count else "nan" for d in deltas]
    print("\t".join([op, topology, round_, rps.group(1) if rps else "0", f"{latency('50'):.3f}", f"{latency('99'):.3f}",
                     non2xx.group(1) if non2xx else "0", str(sum(int(n) for n in errors.groups())) if errors else "0", *cpu]))


def table(path, products, seconds, rounds, connections, primary_sessions):
    cells = defaultdict(list)
    order = []
    for line in open(path, encoding="utf-8"):
        op, topology, _, *values = line.rstrip("\n").split("\t")
        if (op, topology) not in order:
            order.append((op, topology))
        cells[(op, topology)].append([float(v) for v in values])

    def median(key, index):
        return statistics.median(sample[index] for sample in cells[key])

    print(f"Products: {int(products):,}; {rounds} rounds of {seconds} s per operation and topology; {connections} connections "
          f"(updates: 8); medians over rounds. Query sessions the instances opened on the primary: {primary_sessions}.\n")
    print("| operation | through HAProxy to | req/s | 2 / 1 instances | p50 / p99 ms | non-2xx, socket errors | "
          "server CPU µs per request: API / HAProxy / primary / standby |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for op, topology in order:
        key = (op, topology)
        other = (op, "one")
        ratio = f"{median(key, 0) / median(other, 0):.2f}" if topology == "two" and other in cells else ""
        cpu = " / ".join(f"{median(key, 5 + i):.0f}" for i in range(len(GROUPS)))
        errors = f"{sum(int(s[3]) for s in cells[key])}, {sum(int(s[4]) for s in cells[key])}"
        target = "1 instance" if topology == "one" else "2 instances"
        print(f"| {op} | {target} | {median(key, 0):,.0f} | {ratio} | {median(key, 1):.2f} / {median(key, 2):.2f} | {errors} | {cpu} |")


if sys.argv[1] == "parse":
    parse(*sys.argv[2:8])
else:
    table(*sys.argv[2:8])
