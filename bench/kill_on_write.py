#!/usr/bin/env python3
"""Kills a process with SIGKILL the moment a change file grows (bench/crash-test.sh).

  kill_on_write.py PID LOG_DIR TIMEOUT

Watches the total size of LOG_DIR/changes-*.jsonl (every 0.2 ms) and sends SIGKILL as soon as it
grows: a kill in the middle of the notifier's drain, after a line is written and before the outbox
marks it delivered, which is when crash recovery must find the last line written. Kills anyway after
TIMEOUT seconds. Prints "drain" or "timeout".
"""
import glob, os, signal, sys, time

pid, log_dir, timeout = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])

def size():
    total = 0
    for path in glob.glob(os.path.join(log_dir, "changes-*.jsonl")):
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
    return total

start, deadline = size(), time.monotonic() + timeout
while time.monotonic() < deadline:
    if size() != start:
        os.kill(pid, signal.SIGKILL)
        print("drain")
        sys.exit(0)
    time.sleep(0.0002)
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
print("timeout")
