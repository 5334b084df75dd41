#!/usr/bin/env bash
# Benchmark of `docwatch run`: N sources on a loopback server, all unchanged, polled for a while.
# Reports resident memory (VmHWM, VmRSS) and CPU time per poll (utime+stime from /proc over the
# polls made in the measured window). Targets: under 50 MiB and under 1 ms per poll.
#
# Usage: bench/daemon-bench.sh            (release build by scripts/build-release.sh)
# Knobs: SOURCES=1000 INTERVAL=10s WARMUP=15 MEASURE=60 MODE=etag|plain LOG_LEVEL=info BIN=(a built binary)
#   The first poll of each source stores a new document; measuring starts WARMUP seconds after the
#   last of those (so every source is in its unchanged steady state).
#   MODE=etag: the server answers 304 to the conditional GET (the usual case for government sites);
#   MODE=plain: no validators, the same 200 body every time (raw hash equal: unchanged, no parse).
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCES=${SOURCES:-1000}
INTERVAL=${INTERVAL:-10s}
WARMUP=${WARMUP:-15}
MEASURE=${MEASURE:-60}
MODE=${MODE:-etag}
LOG_LEVEL=${LOG_LEVEL:-info}

BIN=${BIN:-$(scripts/build-release.sh 2>/dev/null)}
WORK=$(mktemp -d /tmp/docwatch-bench.XXXXXX)
SERVER_PID=""
DAEMON_PID=""
cleanup() {
    [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# A small threaded loopback server: /s/N.html is a fixed article; /__count is the number of page requests.
cat >"$WORK/server.py" <<'PY'
import http.server, random, socketserver, sys, threading
mode = sys.argv[2]
# Each page has text of its own (so no two are near duplicates), the same on every request.
HAN = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 3000))
def page(n):
    rng = random.Random(n)
    paragraphs = "".join("<p>%s。</p>" % "".join(rng.choice(HAN) for _ in range(80)) for _ in range(4))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>第%s号通知_测试网</title></head><body>"
            "<div class='nav'>首页 | 通知公告</div><div class='article'><h1>第%s号通知</h1>%s"
            "</div><div class='footer'>版权所有</div></body></html>" % (n, n, paragraphs)).encode("utf-8")
count = 0
lock = threading.Lock()
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        global count
        if self.path == "/__count":
            body = str(count).encode()
            self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body); return
        with lock: count += 1
        n = self.path.rsplit("/", 1)[-1].split(".")[0]
        etag = '"v1-%s"' % n
        if mode == "etag" and self.headers.get("If-None-Match") == etag:
            self.send_response(304); self.send_header("ETag", etag); self.end_headers(); return
        body = page(n)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if mode == "etag": self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)
class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 4096
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$WORK/server.py" "$PORT" "$MODE" &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/__count" >/dev/null && break; sleep 0.1; done

{
    echo "database = \"$WORK/state/docwatch.sqlite\""
    echo "log_dir = \"$WORK/log\""
    echo "[http]"
    echo "concurrency = 16"
    echo "per_host = 16"
    echo 'host_delay = "0s"'
    echo "[schedule]"
    echo "interval = \"$INTERVAL\""
    echo "jitter = 0.1"
    for i in $(seq 1 "$SOURCES"); do
        printf '[[source]]\nid = "s%d"\nurl = "http://127.0.0.1:%d/s/%d.html"\n' "$i" "$PORT" "$i"
    done
} >"$WORK/docwatch.toml"

"$BIN" run --config "$WORK/docwatch.toml" --log-level "$LOG_LEVEL" 2>"$WORK/daemon.log" &
DAEMON_PID=$!

snapshot() { # prints: cpu_ticks polls
    local stat
    stat=$(cut -d' ' -f14,15 "/proc/$DAEMON_PID/stat")
    echo "$(( ${stat% *} + ${stat#* } )) $(curl -sf "http://127.0.0.1:$PORT/__count")"
}
started=$(date +%s.%N)
for _ in $(seq 1200); do
    [ "$(cat "$WORK"/log/changes-*.jsonl 2>/dev/null | grep -c '"type":"document.new"')" -ge "$SOURCES" ] && break
    sleep 0.5
done
ingested=$(date +%s.%N)
sleep "$WARMUP"
read -r cpu0 polls0 < <(snapshot)
sleep "$MEASURE"
read -r cpu1 polls1 < <(snapshot)
HZ=$(getconf CLK_TCK)
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$DAEMON_PID/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$DAEMON_PID/status")
anon=$(awk '/RssAnon/ {print $2}' "/proc/$DAEMON_PID/status")
file=$(awk '/RssFile/ {print $2}' "/proc/$DAEMON_PID/status")
kill -TERM "$DAEMON_PID"
status=0
wait "$DAEMON_PID" || status=$?
DAEMON_PID=""
polls=$((polls1 - polls0))
events=$(cat "$WORK"/log/changes-*.jsonl 2>/dev/null | wc -l)
errors=$(grep -c "outcome=error" "$WORK/daemon.log" || true)
echo "sources=$SOURCES interval=$INTERVAL mode=$MODE log_level=$LOG_LEVEL warmup=${WARMUP}s measured=${MEASURE}s"
echo "first ingest of $SOURCES new documents: $(awk -v a="$started" -v b="$ingested" 'BEGIN {printf "%.1f", b - a}') s"
echo "polls in window: $polls ($(awk -v p="$polls" -v s="$MEASURE" 'BEGIN {printf "%.1f", p / s}')/s), change events written: $events, failed polls in the whole run: $errors"
awk -v c=$((cpu1 - cpu0)) -v hz="$HZ" -v p="$polls" 'BEGIN {
    if (p == 0) { print "no polls measured"; exit 1 }
    printf "cpu: %.2f s over %d polls = %.3f ms per poll\n", c / hz, p, 1000 * c / hz / p }'
awk -v h="$hwm" -v r="$rss" -v a="$anon" -v f="$file" 'BEGIN {
    printf "memory: VmHWM %.1f MiB, VmRSS %.1f MiB (anonymous %.1f MiB, file-backed: code of shared libraries %.1f MiB)\n",
        h / 1024, r / 1024, a / 1024, f / 1024 }'
echo "daemon exit status after SIGTERM: $status"
