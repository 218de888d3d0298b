"""Reads wrk --latency output on stdin; prints: op target round requests/s p50_ms p99_ms non2xx errors cpu_us_per_request.

Arguments: op target round server_cpu_ticks ticks_per_second (the server's CPU time during the run).
"""
import re
import sys

op, target, round_, cpu_ticks, ticks_per_second = sys.argv[1:6]
text = sys.stdin.read()
units = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def latency(percent: str) -> float:
    match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    return float(match.group(1)) * units[match.group(2)] if match else float("nan")


rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
requests = re.search(r"^\s*(\d+) requests in", text, re.M)
cpu_us = int(cpu_ticks) / int(ticks_per_second) * 1e6 / int(requests.group(1)) if requests and int(requests.group(1)) else float("nan")
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
print("\t".join([
    op, target, round_,
    rps.group(1) if rps else "0",
    f"{latency('50'):.3f}", f"{latency('99'):.3f}",
    non2xx.group(1) if non2xx else "0",
    str(sum(int(n) for n in errors.groups())) if errors else "0",
    f"{cpu_us:.1f}",
]))
