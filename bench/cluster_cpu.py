"""Prints the user plus system CPU ticks of the given processes: python3 cluster_cpu.py PID... or --tree POSTMASTER_PID.

With --tree, the postmaster's own time, its finished children's, and every live child's (PostgreSQL's backends).
"""
import os
import sys


def stat(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # After the command: state is field 3, so utime (14) is index 11, stime 12, cutime 13, cstime 14; ppid (4) is index 1.
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


args = sys.argv[1:]
if args and args[0] == "--tree":
    root = int(args[1])
    own = stat(root)
    total = own[1] + own[2] if own else 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            child = stat(entry)
            if child and child[0] == root:
                total += child[1]
else:
    total = sum(s[1] for s in (stat(pid) for pid in args) if s)
print(total)
