#!/usr/bin/env bash
# Crash test of `docwatch run`: kill -9 the daemon N times while it ingests changing pages and drains
# its outbox into the change files (odd rounds: after a random delay; even rounds: after a random
# delay, the moment a change file grows, i.e. in the middle of a drain; bench/kill_on_write.py), then let it drain and check that nothing was lost, written twice
# or left half-written (bench/check_changes.py): integrity_check ok; every stored version has exactly
# one document.new/changed event; no seq gap or duplicate; no partial or unparsable line; every
# diff.file present. Prints a summary; exits 1 on any problem.
#
# Usage: bench/crash-test.sh [N]          (N kills, default 100; N=3 for CI takes under a minute)
# Knobs: SOURCES=40 PERIOD=2 (seconds between revisions of a page) MIN_DELAY=0.2 MAX_DELAY=2.5
#   (seconds the daemon runs before each kill, uniformly random) LONG_EVERY=2 (every K-th page has a
#   headline of ~25,000 characters: notification lines over 64 KiB; 0 turns them off) SEED (random seed)
#   KEEP=1 (keep the work directory) BIN=(a built binary; default: scripts/build-release.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100}
SOURCES=${SOURCES:-40}
PERIOD=${PERIOD:-2}
MIN_DELAY=${MIN_DELAY:-0.2}
MAX_DELAY=${MAX_DELAY:-2.5}
LONG_EVERY=${LONG_EVERY:-2}
SEED=${SEED:-$$}
. bench/bench-common.sh
bench_setup crash

PORT=$(free_port)
python3 bench/changing_server.py "$PORT" --period "$PERIOD" --long-every "$LONG_EVERY" &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/c/1.html" >/dev/null && break; sleep 0.1; done

DB="$WORK/state/docwatch.sqlite"
LOG_DIR="$WORK/log"
{
    echo "database = \"$DB\""
    echo "log_dir = \"$LOG_DIR\""
    echo "[http]"
    echo "concurrency = 16"
    echo "per_host = 16"
    echo 'host_delay = "0s"'
    echo 'timeout = "10s"'
    echo "[schedule]"
    echo 'interval = "1s"'
    echo "jitter = 0.2"
    for i in $(seq 1 "$SOURCES"); do
        printf '[[source]]\nid = "c%d"\nurl = "http://127.0.0.1:%d/c/%d.html"\n' "$i" "$PORT" "$i"
    done
} >"$WORK/docwatch.toml"

# How many outbox events wait for the notifier (read-only; the -shm file survives a kill -9).
undelivered() {
    python3 - "$DB" <<'PY'
import sqlite3, sys
try:
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    print(db.execute("SELECT COUNT(*) FROM outbox WHERE delivered = 0").fetchone()[0])
except sqlite3.Error:
    print(0)
PY
}

start_daemon() {
    "$BIN" run --config "$WORK/docwatch.toml" --log-level warning 2>>"$WORK/daemon.log" &
    DAEMON_PID=$!
}

round=0
drain_kills=0
delays=$(python3 -c "import random; r = random.Random($SEED); print(' '.join('%.2f' % r.uniform($MIN_DELAY, $MAX_DELAY) for _ in range($N)))")
started=$(date +%s)
kills=0
pending_at_kill=0
self_exits=0
for delay in $delays; do
    round=$((round + 1))
    start_daemon
    sleep "$delay"
    if kill -0 "$DAEMON_PID" 2>/dev/null; then
        if [ $((round % 2)) -eq 0 ]; then
            [ "$(python3 bench/kill_on_write.py "$DAEMON_PID" "$LOG_DIR" 5)" = drain ] && drain_kills=$((drain_kills + 1))
        else
            kill -9 "$DAEMON_PID"
        fi
        kills=$((kills + 1))
    fi
    status=0
    { wait "$DAEMON_PID"; } 2>/dev/null || status=$?  # (no "Killed" line from the shell)
    DAEMON_PID=""
    if [ "$status" -ne 137 ]; then
        self_exits=$((self_exits + 1))
        echo "PROBLEM daemon: exited by itself with status $status before the kill (round $((kills + self_exits)))"
    fi
    [ "$(undelivered)" -gt 0 ] && pending_at_kill=$((pending_at_kill + 1))
done

# The final drain: pages stop changing, the daemon polls each source again, delivers, and stops on SIGTERM.
curl -sf "http://127.0.0.1:$PORT/__freeze" >/dev/null
start_daemon
sleep 4
for _ in $(seq 60); do
    [ "$(undelivered)" -eq 0 ] && break
    sleep 0.5
done
kill -TERM "$DAEMON_PID"
term_status=0
wait "$DAEMON_PID" || term_status=$?
DAEMON_PID=""
elapsed=$(($(date +%s) - started))

problems=$self_exits
if [ "$term_status" -ne 0 ]; then
    echo "PROBLEM daemon: exit status $term_status after SIGTERM (expected 0)"
    problems=$((problems + 1))
fi
check_output=$(python3 bench/check_changes.py "$DB" "$LOG_DIR") || true
echo "$check_output" | grep '^PROBLEM' || true
summary=$(echo "$check_output" | tail -1)
found=$(echo "$summary" | sed -n 's/.*problems=\([0-9]*\).*/\1/p')
problems=$((problems + ${found:-1}))
echo "crash-test: kills=$kills (right after a change-file write: $drain_kills; with undelivered events at the kill: $pending_at_kill) sources=$SOURCES seed=$SEED $summary, daemon problems=$((problems - ${found:-1})) time=${elapsed}s"
if [ "$problems" -ne 0 ]; then
    echo "crash-test: FAIL ($problems problems)"
    exit 1
fi
echo "crash-test: PASS"
