#!/usr/bin/env bash
# Benchmark of `docwatch run`: N sources on a loopback server, all unchanged, polled for a while.
# Reports resident memory (VmHWM, VmRSS, anonymous and file-backed) and CPU time per poll (utime+stime
# from /proc over the polls made in the measured window). Targets: under 50 MiB and under 0.5 ms per poll.
#
# Usage: bench/daemon-bench.sh            (release build by scripts/build-release.sh)
# Knobs: SOURCES=1000 INTERVAL=10s WARMUP=15 MEASURE=60 MODE=etag|plain LOG_LEVEL=info BIN=(a built binary)
#        OLD_BIN=(another binary): both daemons run side by side, each with its own server and work
#          directory, measured over the same window; the lines of each are prefixed by `new:` / `old:`.
#        RUN_ENV / OLD_ENV: `NAME=value …` added to the new / old daemon's environment (e.g. MALLOC_ARENA_MAX=2).
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
OLD_BIN=${OLD_BIN:-}
TOP=$(mktemp -d /tmp/docwatch-bench.XXXXXX)
trap 'rm -rf "$TOP"' EXIT

# A small threaded loopback server: /s/N.html is a fixed article; /__count is the number of page requests.
cat >"$TOP/server.py" <<'PY'
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

# One daemon against a server of its own, in "$TOP/$label". Writes "$TOP/$label/ready" once every
# source has its document, takes its measurement window when "$TOP/go" appears, and writes its report
# to "$TOP/$label/report".
#   measure BINARY LABEL ENVIRONMENT
measure() {
    local bin=$1 label=$2 extra=$3 work="$TOP/$2" server_pid="" daemon_pid=""
    mkdir -p "$work"
    trap '[ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 "$TOP/server.py" "$port" "$MODE" &
    server_pid=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/__count" >/dev/null && break; sleep 0.1; done
    {
        echo "database = \"$work/state/docwatch.sqlite\""
        echo "log_dir = \"$work/log\""
        echo "[http]"
        echo "concurrency = 16"
        echo "per_host = 16"
        echo 'host_delay = "0s"'
        echo "[schedule]"
        echo "interval = \"$INTERVAL\""
        echo "jitter = 0.1"
        for i in $(seq 1 "$SOURCES"); do
            printf '[[source]]\nid = "s%d"\nurl = "http://127.0.0.1:%d/s/%d.html"\n' "$i" "$port" "$i"
        done
    } >"$work/docwatch.toml"
    # shellcheck disable=SC2086  # RUN_ENV / OLD_ENV are lists of NAME=value words
    env $extra "$bin" run --config "$work/docwatch.toml" --log-level "$LOG_LEVEL" 2>"$work/daemon.log" &
    daemon_pid=$!

    snapshot() { # prints: cpu_ticks polls
        local stat
        stat=$(cut -d' ' -f14,15 "/proc/$daemon_pid/stat")
        echo "$(( ${stat% *} + ${stat#* } )) $(curl -sf "http://127.0.0.1:$port/__count")"
    }
    local started ingested
    started=$(date +%s.%N)
    for _ in $(seq 1200); do
        [ "$(cat "$work"/log/changes-*.jsonl 2>/dev/null | grep -c '"type":"document.new"')" -ge "$SOURCES" ] && break
        sleep 0.5
    done
    ingested=$(date +%s.%N)
    touch "$work/ready"
    until [ -e "$TOP/go" ]; do sleep 0.2; done
    local cpu0 polls0 cpu1 polls1
    read -r cpu0 polls0 < <(snapshot)
    sleep "$MEASURE"
    read -r cpu1 polls1 < <(snapshot)
    local hz hwm rss anon file threads status=0
    hz=$(getconf CLK_TCK)
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$daemon_pid/status")
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$daemon_pid/status")
    anon=$(awk '/RssAnon/ {print $2}' "/proc/$daemon_pid/status")
    file=$(awk '/RssFile/ {print $2}' "/proc/$daemon_pid/status")
    threads=$(awk '/Threads/ {print $2}' "/proc/$daemon_pid/status")
    kill -TERM "$daemon_pid"
    wait "$daemon_pid" || status=$?
    daemon_pid=""
    local polls=$((polls1 - polls0)) events errors
    events=$(cat "$work"/log/changes-*.jsonl 2>/dev/null | wc -l)
    errors=$(grep -c "outcome=error" "$work/daemon.log" || true)
    {
        echo "binary: $bin ${extra:+(environment: $extra)}"
        echo "first ingest of $SOURCES new documents: $(awk -v a="$started" -v b="$ingested" 'BEGIN {printf "%.1f", b - a}') s"
        echo "polls in window: $polls ($(awk -v p="$polls" -v s="$MEASURE" 'BEGIN {printf "%.1f", p / s}')/s), change events written: $events, failed polls in the whole run: $errors"
        awk -v c=$((cpu1 - cpu0)) -v hz="$hz" -v p="$polls" 'BEGIN {
            if (p == 0) { print "no polls measured"; exit }
            printf "cpu: %.2f s over %d polls = %.3f ms per poll\n", c / hz, p, 1000 * c / hz / p }'
        awk -v h="$hwm" -v r="$rss" -v a="$anon" -v f="$file" -v t="$threads" 'BEGIN {
            printf "memory: VmHWM %.1f MiB, VmRSS %.1f MiB (anonymous %.1f MiB, file-backed: code of the binary and shared libraries %.1f MiB), %d threads\n",
                h / 1024, r / 1024, a / 1024, f / 1024, t }'
        echo "daemon exit status after SIGTERM: $status"
    } >"$work/report"
}

echo "sources=$SOURCES interval=$INTERVAL mode=$MODE log_level=$LOG_LEVEL warmup=${WARMUP}s measured=${MEASURE}s"
# Each binary dropped from the page cache and read again the same way: a fault maps the neighbouring
# cached pages (fault-around, whole large folios), so how a file came into the cache (written by the
# linker, copied, read) changes how much of it shows resident; this way both start alike.
python3 - "$BIN" ${OLD_BIN:+"$OLD_BIN"} <<'PY'
import os, sys
for path in sys.argv[1:]:
    fd = os.open(path, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    while os.read(fd, 1 << 20):
        pass
    os.close(fd)
PY
labels=(new)
measure "$BIN" new "${RUN_ENV:-}" &
if [ -n "$OLD_BIN" ]; then
    labels+=(old)
    measure "$OLD_BIN" old "${OLD_ENV:-}" &
fi
for label in "${labels[@]}"; do
    until [ -e "$TOP/$label/ready" ]; do sleep 0.5; done
done
sleep "$WARMUP"
touch "$TOP/go"
wait
for label in "${labels[@]}"; do
    if [ -n "$OLD_BIN" ]; then sed "s/^/$label: /" "$TOP/$label/report"; else cat "$TOP/$label/report"; fi
done
