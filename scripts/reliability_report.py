#!/usr/bin/env python3
"""Prints the table of docs/reliability.md from what the last `make test` observed
(artifacts/test-results/reliability/*.json, written by the fault and input-class tests)."""
import glob
import json
import os
import sys

folder = os.path.join(os.path.dirname(__file__), "..", "artifacts", "test-results", "reliability")
observations = [json.load(open(path, encoding="utf-8")) for path in sorted(glob.glob(os.path.join(folder, "*.json")))]
if not observations:
    sys.exit("No observations found: run `make test` first.")

print("| scenario | what the service must do | requests sent | 5xx seen | writes acknowledged | writes found | observed |")
print("|---|---|---:|---:|---:|---:|---|")
for o in observations:
    cells = [o["scenario"], o["expectation"], str(o["requestsSent"]), str(o["serverErrors"]),
             str(o["writesAcknowledged"]), str(o["writesFound"]), (o.get("notes") or "").replace("|", "/")]
    print("| " + " | ".join(cells) + " |")
