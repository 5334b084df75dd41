#!/usr/bin/env bash
# Fault test: one source per bad response from a loopback fault server (bench/fault_server.py), plus a
# good control source. Each route first serves a good page (a version is stored), then its fault;
# docwatch polls the faults once with `docwatch fetch` and then for a few intervals with `docwatch run`.
# Checked (bench/check_faults.py): fetch does not crash (exit 1: some polls failed); each fault gives
# one error row naming what was wrong (the deep page instead keeps its text; charset faults are
# decoded as the same text, unchanged); the daemon lives through every fault and exits 0 on SIGTERM;
# nothing stored changed; no event beyond source.failing (and the deep page's change); no
# /etc/passwd content anywhere. Prints one line per fault and check; exits 1 on any FAIL.
#
# Usage: bench/fault-test.sh             (about a minute)
# Knobs: RUN_SECONDS=12 (how long the daemon polls the faults) KEEP=1 (keep the work directory)
#   BIN=(a built binary; default: scripts/build-release.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_SECONDS=${RUN_SECONDS:-12}
. bench/bench-common.sh
bench_setup fault

started=$(date +%s)
PORT=$(free_port)
python3 bench/fault_server.py "$PORT" &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/__routes" >/dev/null && break; sleep 0.1; done
read -r -a routes < <(curl -sf "http://127.0.0.1:$PORT/__routes"; echo)

DB="$WORK/state/docwatch.sqlite"
LOG_DIR="$WORK/log"
CONFIG="$WORK/docwatch.toml"
{
    echo "database = \"$DB\""
    echo "log_dir = \"$LOG_DIR\""
    echo "[http]"
    echo "concurrency = 32"
    echo "per_host = 32"
    echo 'host_delay = "0s"'
    echo 'timeout = "3s"'
    echo 'connect_timeout = "2s"'
    echo 'max_body = "1MiB"'
    echo "max_redirects = 5"
    echo "[schedule]"
    echo 'interval = "2s"'
    echo "jitter = 0.1"
    echo 'max_backoff = "4s"'
    for route in "${routes[@]}"; do
        case "$route" in
            feed-*) printf '[[source]]\nid = "%s"\nkind = "feed"\nurl = "http://127.0.0.1:%d/%s.xml"\nfollow = ".*"\n' "$route" "$PORT" "$route" ;;
            *) printf '[[source]]\nid = "%s"\nurl = "http://127.0.0.1:%d/%s.html"\n' "$route" "$PORT" "$route" ;;
        esac
    done
} >"$CONFIG"

failures=0
verdict() { # PASS/FAIL line for a check of this script itself
    if [ "$1" = PASS ]; then echo "PASS $2"; else echo "FAIL $2"; failures=$((failures + 1)); fi
}

# 1. Good pages: every source stores its version.
status=0
"$BIN" fetch --config "$CONFIG" >"$WORK/fetch-good.out" 2>"$WORK/fetch-good.err" || status=$?
[ "$status" -eq 0 ] && verdict PASS "fetch of the good pages: exit 0" \
    || { verdict FAIL "fetch of the good pages: exit $status ($(head -c 300 "$WORK/fetch-good.err"))"; exit 1; }
python3 bench/check_faults.py snapshot "$DB" "$LOG_DIR" >"$WORK/before.json"

# 2. Faults, polled once by `docwatch fetch`.
curl -sf "http://127.0.0.1:$PORT/__mode/fault" >/dev/null
status=0
"$BIN" fetch --config "$CONFIG" >"$WORK/fetch-fault.out" 2>"$WORK/fetch-fault.err" || status=$?
[ "$status" -eq 1 ] && verdict PASS "fetch of the faults: exit 1 (some polls failed), no crash" \
    || verdict FAIL "fetch of the faults: exit $status (expected 1): $(tail -c 300 "$WORK/fetch-fault.err" | tr '\n' ' ')"
python3 bench/check_faults.py polls "$DB" "$WORK/before.json" fetch || failures=$((failures + $?))
python3 bench/check_faults.py snapshot "$DB" "$LOG_DIR" >"$WORK/after-fetch.json"

# 3. Faults, polled by the daemon for a few intervals.
"$BIN" run --config "$CONFIG" --log-level warning 2>"$WORK/daemon.log" &
DAEMON_PID=$!
alive=PASS
for _ in $(seq "$RUN_SECONDS"); do
    sleep 1
    kill -0 "$DAEMON_PID" 2>/dev/null || { alive=FAIL; break; }
done
status=0
if [ "$alive" = PASS ]; then
    kill -TERM "$DAEMON_PID"
    wait "$DAEMON_PID" || status=$?
    DAEMON_PID=""
    [ "$status" -eq 0 ] && verdict PASS "daemon lived ${RUN_SECONDS}s among the faults and exited 0 on SIGTERM" \
        || verdict FAIL "daemon exited $status on SIGTERM (expected 0): $(tail -c 300 "$WORK/daemon.log" | tr '\n' ' ')"
else
    wait "$DAEMON_PID" || status=$?
    DAEMON_PID=""
    verdict FAIL "daemon died among the faults with status $status: $(tail -c 300 "$WORK/daemon.log" | tr '\n' ' ')"
fi
python3 bench/check_faults.py polls "$DB" "$WORK/after-fetch.json" run || failures=$((failures + $?))

# 4. Nothing stored changed, no unexpected event, no leaked file.
python3 bench/check_faults.py stored "$DB" "$LOG_DIR" "$WORK/before.json" || failures=$((failures + $?))

echo "fault-test: ${#routes[@]} routes, $failures failed checks, time=$(($(date +%s) - started))s"
if [ "$failures" -ne 0 ]; then
    echo "fault-test: FAIL"
    exit 1
fi
echo "fault-test: PASS"
