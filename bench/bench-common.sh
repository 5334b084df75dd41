# Sourced by the reliability scripts: the binary under test, a work directory removed at exit (KEEP=1
# keeps it), and the server and daemon a script starts, killed at exit however it ends.
#   bench_setup NAME    sets BIN (default: scripts/build-release.sh), WORK, SERVER_PID, DAEMON_PID
#   free_port           prints a free loopback TCP port
bench_setup() {
    BIN=${BIN:-$(scripts/build-release.sh 2>/dev/null)}
    WORK=$(mktemp -d "/tmp/docwatch-$1.XXXXXX")
    SERVER_PID=""
    DAEMON_PID=""
    trap bench_cleanup EXIT
}

bench_cleanup() {
    [ -n "$DAEMON_PID" ] && kill -9 "$DAEMON_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# CPU seconds (user+sys) a PostgreSQL server has used so far: the postmaster and its live processes, and
# the backends that have exited (the postmaster reaps them, so they count in its cutime/cstime).
#   pg_server_cpu DATA_DIR
pg_server_cpu() {
    local postmaster
    postmaster=$(head -1 "$1/postmaster.pid")
    python3 - "$postmaster" "$(getconf CLK_TCK)" <<'PY'
import os, sys
postmaster, ticks = int(sys.argv[1]), int(sys.argv[2])
def fields(pid):
    with open("/proc/%d/stat" % pid) as f:
        return f.read().rsplit(")", 1)[1].split()
total = 0
for entry in os.listdir("/proc"):
    if not entry.isdigit():
        continue
    try:
        stat = fields(int(entry))
    except OSError:
        continue
    pid, ppid = int(entry), int(stat[1])
    if pid == postmaster:
        total += int(stat[11]) + int(stat[12]) + int(stat[13]) + int(stat[14])  # utime stime cutime cstime
    elif ppid == postmaster:
        total += int(stat[11]) + int(stat[12])
print("%.2f" % (total / ticks))
PY
}

# Number of processes the PostgreSQL server runs now (its background workers plus one per client).
#   pg_server_processes DATA_DIR
pg_server_processes() { ps --ppid "$(head -1 "$1/postmaster.pid")" --no-headers | wc -l; }

# Waits until the server runs no more than COUNT processes again: a run's backends exit just after their
# client and are reaped, and only then is their CPU in the postmaster's cutime/cstime.
#   pg_wait_processes DATA_DIR COUNT
pg_wait_processes() {
    for _ in $(seq 200); do
        [ "$(pg_server_processes "$1")" -le "$2" ] && return
        sleep 0.05
    done
    echo "bench: PostgreSQL still runs $(pg_server_processes "$1") processes (expected $2)" >&2
}

# A threaded loopback server of articles, for the daemon benchmark and the code-layout profile
# (scripts/generate-symbol-order.sh): /s/N.html is an article of its own (no two are near duplicates),
# the same on every request; /__count answers the number of page requests so far.
# MODE etag: answers 304 to the conditional GET (the usual case for government sites); MODE plain: no
# validators, the same 200 body every time.
#   article_server_start DIRECTORY MODE   writes DIRECTORY/server.py, starts it, waits until it answers;
#                                         sets ARTICLE_PORT and ARTICLE_SERVER_PID (the caller kills it)
article_server_start() {
    cat >"$1/server.py" <<'PY'
import http.server, random, socketserver, sys, threading
mode = sys.argv[2]
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
    ARTICLE_PORT=$(free_port)
    python3 "$1/server.py" "$ARTICLE_PORT" "$2" &
    ARTICLE_SERVER_PID=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$ARTICLE_PORT/__count" >/dev/null && return; sleep 0.1; done
    echo "bench: the article server on port $ARTICLE_PORT did not answer" >&2
    return 1
}

# Page requests the article server has answered so far.
#   article_server_count PORT
article_server_count() { curl -sf "http://127.0.0.1:$1/__count"; }

# A config polling articles 1…SOURCES of the article server, with its database and log in WORK.
#   article_sources_config FILE WORK PORT SOURCES INTERVAL
article_sources_config() {
    {
        echo "database = \"$2/state/docwatch.sqlite\""
        echo "log_dir = \"$2/log\""
        echo "[http]"
        echo "concurrency = 16"
        echo "per_host = 16"
        echo 'host_delay = "0s"'
        echo "[schedule]"
        echo "interval = \"$5\""
        echo "jitter = 0.1"
        for i in $(seq 1 "$4"); do
            printf '[[source]]\nid = "s%d"\nurl = "http://127.0.0.1:%d/s/%d.html"\n' "$i" "$3" "$i"
        done
    } >"$1"
}

# A private copy of a binary in a stated page-cache state, so an A/B starts both binaries alike. A page
# fault on a file mapping maps the neighbouring pages already cached (fault-around, whole large folios
# on this kernel), so how the file came into the cache changes how much of it a process shows resident.
# The copy is private so no other process's mapping of the original keeps pages of it cached.
#   binary_in_page_cache STATE SOURCE TARGET
# STATE read: copied, evicted, then read sequentially once (readahead-sized folios; the default);
#       copy: copied just now by `cp` (the cache holds the pages the copy wrote, as after an install);
#       cold: copied, written to disk and evicted: every page the process touches is read by its fault
#             (as after a reboot).
binary_in_page_cache() {
    case $1 in read | copy | cold) ;; *) echo "bench: unknown page-cache state '$1' (read, copy or cold)" >&2; return 64 ;; esac
    cp "$2" "$3"
    python3 - "$1" "$3" <<'PY'
import os, sys
state, path = sys.argv[1], sys.argv[2]
fd = os.open(path, os.O_RDONLY)
if state in ("read", "cold"):
    os.fsync(fd)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
if state == "read":
    while os.read(fd, 1 << 20):
        pass
os.close(fd)
PY
}

# MiB of a file in the page cache now.
#   cached_mib FILE
cached_mib() { fincore --bytes --noheadings --output RES "$1" | awk '{ printf "%.1f", $1 / 1048576 }'; }

# Resident MiB of each mapping kind of FILE in process PID, from /proc/PID/smaps: "r--p 2.7 r-xp 19.1 …".
#   mapped_mib PID FILE
mapped_mib() {
    awk -v file="$2" '
        /^[0-9a-f]+-[0-9a-f]+ / { current = ($6 == file) ? $2 : ""; next }
        current != "" && /^Rss:/ { kib[current] += $2; if (!(current in seen)) { seen[current] = 1; order[++n] = current } }
        END { for (i = 1; i <= n; i++) printf "%s%s %.1f", (i > 1 ? " " : ""), order[i], kib[order[i]] / 1024 }' "/proc/$1/smaps"
}
