#!/usr/bin/env bash
# Disk-full test of the change notifications: `docwatch run` (release build) polls pages on a loopback
# server that change on every request, with the log directory on a small tmpfs, until the tmpfs is
# full; it stays full for a while; then the tmpfs is grown and the daemon catches up. Checks:
#   - the daemon lives through the full disk, and logs the failure sparsely (once when it starts, once
#     when it recovers; not on every retry);
#   - afterwards every event in the outbox is in the change files exactly once, every line parses,
#     seq has no gap, nothing is left undelivered, every diff file named is there and no partial one;
#   - `docwatch changes` reads the files without an error.
# Needs root (it mounts a tmpfs); skips with a message otherwise. Exits non-zero on any failure.
#
# Usage: bench/disk-full-test.sh
# Knobs: SOURCES=100 INTERVAL=2s SIZE=256k FULL_SECONDS=20 BIN=(a built binary)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "disk-full test: skipped (needs root to mount a tmpfs)"
    exit 0
fi

SOURCES=${SOURCES:-100}
INTERVAL=${INTERVAL:-2s}
SIZE=${SIZE:-256k}
FULL_SECONDS=${FULL_SECONDS:-20}
BIN=${BIN:-$(scripts/build-release.sh 2>/dev/null)}

WORK=$(mktemp -d /tmp/docwatch-diskfull.XXXXXX)
LOG_DIR="$WORK/log"
SERVER_PID=""
DAEMON_PID=""
MOUNTED=""
cleanup() {
    [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$MOUNTED" ] && umount "$LOG_DIR" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "disk-full test: FAILED: $*" >&2
    [ -f "$WORK/daemon.log" ] && tail -20 "$WORK/daemon.log" >&2
    exit 1
}

# Pages whose text changes on every request, so every poll after the first is document.changed with a diff.
cat >"$WORK/server.py" <<'PY'
import http.server, itertools, sys, threading
counter = itertools.count()
lock = threading.Lock()
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        with lock: n = next(counter)
        page = self.path.rsplit("/", 1)[-1].split(".")[0]
        title = "第%s号通知：关于进一步加快工业企业复工复产和稳定经济运行的若干措施" % page
        paragraphs = "".join("<p>第%s段：规模以上工业企业复工面达到99.7%%，人员返岗率提升至94%%，这是第%d次发布。</p>" % (i, n) for i in range(6))
        body = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s_测试网</title></head><body>"
                "<div class='article'><h1>%s</h1>%s</div></body></html>" % (title, title, paragraphs)).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$WORK/server.py" "$PORT" &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/p/0.html" && break; sleep 0.1; done

mkdir -p "$LOG_DIR"
mount -t tmpfs -o "size=$SIZE,mode=0750" tmpfs "$LOG_DIR"
MOUNTED=1

{
    echo "database = \"$WORK/state/docwatch.sqlite\""
    echo "log_dir = \"$LOG_DIR\""
    echo "[http]"
    echo "host_delay = \"0s\""
    echo "per_host = 16"
    echo "[schedule]"
    echo "interval = \"$INTERVAL\""
    for ((i = 0; i < SOURCES; i++)); do
        printf '[[source]]\nid = "p%d"\nurl = "http://127.0.0.1:%d/p/%d.html"\n' "$i" "$PORT" "$i"
    done
} >"$WORK/docwatch.toml"

failures() { grep -c "cannot write change notifications" "$WORK/daemon.log" || true; }
recoveries() { grep -c "change notifications written again" "$WORK/daemon.log" || true; }

"$BIN" run --config "$WORK/docwatch.toml" 2>"$WORK/daemon.log" &
DAEMON_PID=$!

# Until the tmpfs is full (the drain reports its first failure).
for _ in $(seq 600); do
    [ "$(failures)" -ge 1 ] && break
    kill -0 "$DAEMON_PID" 2>/dev/null || fail "the daemon died before the disk was full"
    sleep 0.2
done
[ "$(failures)" -ge 1 ] || fail "the log directory never filled up"
full_at=$(date +%s)

sleep "$FULL_SECONDS"
kill -0 "$DAEMON_PID" 2>/dev/null || fail "the daemon died while the disk was full"
lines_while_full=$(failures)
[ "$lines_while_full" -le 5 ] || fail "$lines_while_full failure lines in ${FULL_SECONDS}s: not sparse"

# Room again: the back-off (at most 60 s) brings the drain back.
mount -o remount,size=64m "$LOG_DIR"
grown_at=$(date +%s)
for _ in $(seq 400); do
    [ "$(recoveries)" -ge "$(failures)" ] && [ "$(recoveries)" -ge 1 ] && break
    kill -0 "$DAEMON_PID" 2>/dev/null || fail "the daemon died after the disk was grown"
    sleep 0.2
done
[ "$(recoveries)" -ge 1 ] || fail "no recovery within 80 s of growing the disk"
recovered_at=$(date +%s)
held_back=$(grep "change notifications written again" "$WORK/daemon.log" | head -1 | sed -n 's/.*held_back=\([0-9]*\).*/\1/p')

kill -TERM "$DAEMON_PID"
wait "$DAEMON_PID" || fail "the daemon exited $? on SIGTERM"
DAEMON_PID=""

python3 - "$WORK/state/docwatch.sqlite" "$LOG_DIR" >"$WORK/check.txt" <<'PY' || { cat "$WORK/check.txt" >&2; fail "check of the log directory"; }
import glob, json, os, sqlite3, sys
database, log_dir = sys.argv[1], sys.argv[2]
problems = []
seqs = []
for path in sorted(glob.glob(os.path.join(log_dir, "changes-*.jsonl"))):
    data = open(path, "rb").read()
    if data and not data.endswith(b"\n"):
        problems.append("%s does not end at a line boundary" % path)
    for number, line in enumerate(data.split(b"\n")[:-1], 1):
        try:
            event = json.loads(line)
        except ValueError:
            problems.append("%s:%d does not parse" % (path, number)); continue
        seqs.append(event["seq"])
        diff = event.get("diff")
        if diff and not os.path.getsize(os.path.join(log_dir, diff["file"])) > 0:
            problems.append("%s:%d: diff file %s empty" % (path, number, diff["file"]))
partials = glob.glob(os.path.join(log_dir, "diffs", "*.partial"))
if partials: problems.append("partial diff files left: %d" % len(partials))
db = sqlite3.connect(database)
total, undelivered = db.execute("SELECT count(*), sum(delivered = 0) FROM outbox").fetchone()
if undelivered: problems.append("%d events undelivered" % undelivered)
if len(seqs) != len(set(seqs)): problems.append("%d events written twice" % (len(seqs) - len(set(seqs))))
if seqs != list(range(1, total + 1)): problems.append("seq is not 1..%d in order without gaps (%d lines)" % (total, len(seqs)))
for problem in problems[:20]: print(problem)
print("events=%d lines=%d" % (total, len(seqs)))
sys.exit(1 if problems else 0)
PY

"$BIN" changes --config "$WORK/docwatch.toml" --json >/dev/null 2>"$WORK/changes.err" || fail "docwatch changes: $(cat "$WORK/changes.err")"

umount "$LOG_DIR"
MOUNTED=""
echo "disk-full test: ok: $(tail -1 "$WORK/check.txt"), log dir full for $((grown_at - full_at)) s on a $SIZE tmpfs," \
     "$(failures) failure line(s) and $(recoveries) recovery line(s) logged, ${held_back:-?} events held back," \
     "caught up $((recovered_at - grown_at)) s after the disk was grown; every line parses, no seq gap, no duplicate"
