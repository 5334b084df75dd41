#!/usr/bin/env bash
# The three speed figures of issue 15, each against its reference in the same run, as whole processes
# (release build), with the ratio:
#   polling  `docwatch fetch` of N unchanged pages (all 304)  vs  curl --parallel --parallel-max 16
#            sending the same conditional requests; both against nginx on loopback
#   ingest   `docwatch fetch` into an empty database (CPU)   vs  `docwatch extract` of the same files;
#            with OLD_BIN also the old binary's fetch, run in turn with the new one
#   extract  `docwatch extract` of the daniel-dev corpus on one core (taskset -c 0), pages/s;
#            with OLD_BIN also the old binary, run in turn with the new one, and new/old
#   (polling too takes OLD_BIN: the old binary's fetch in turn with the new one and curl, and its figures)
#
#   bench/speed-bench.sh [polling] [ingest] [extract]      (default: all three)
# Knobs: PAGES=1000 RUNS=5 BIN=(a built binary) OLD_BIN=(a binary to compare polling, ingest and extraction with)
#        CORPORA (as bench/extract-eval.sh). Needs nginx (Debian `nginx` or `nginx-light`) and curl.
#        DATABASE (polling only; default a SQLite file in the work directory): a postgresql:// URL of an
#        empty database polls into PostgreSQL; with PG_DATA (the server's data directory, on this
#        machine) the server's own CPU during each docwatch run is reported too (bench/postgres-bench.sh).
# Each figure is the median of RUNS runs, taken in turn with its reference (A B A B …) so a machine
# that slows down part-way slows both. Pages are the daniel-dev corpus copied to PAGES files, each
# given a sentence of its own so no two bodies or texts are equal.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-common.sh

PAGES=${PAGES:-1000}
RUNS=${RUNS:-5}
figures=("$@")
[ ${#figures[@]} -eq 0 ] && figures=(polling ingest extract)
bench_setup speed
DATABASE=${DATABASE:-$WORK/db.sqlite}

corpora="${CORPORA:-}"
for candidate in "$PWD/../shared/corpus" /work/shared/corpus; do
    [[ -z "$corpora" && -d "$candidate" ]] && corpora="$candidate"
done
corpus="$corpora/daniel-dev/pages"
[[ -d "$corpus" ]] || { echo "speed-bench: no corpus at $corpus (set CORPORA)" >&2; exit 66; }
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$nginx_binary" ]] || { echo "speed-bench: nginx not installed (apt-get install nginx-light)" >&2; exit 69; }

# PAGES pages under $WORK/site/p/N.html, and the curl config sending each one's conditional GET.
mkdir -p "$WORK/site/p" "$WORK/nginx"
chmod 755 "$WORK"  # nginx's workers run as nobody
python3 - "$corpus" "$WORK/site/p" "$PAGES" <<'PY'
import glob, os, re, sys
corpus, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(os.path.join(corpus, "*.html")))
for n in range(count):
    html = open(files[n % len(files)], "rb").read()
    marker = ("<p>第%d号副本。</p>" % n).encode()
    at = html.find(b"<p")
    html = html[:at] + marker + html[at:] if at >= 0 else html + marker
    open(os.path.join(target, "%d.html" % n), "wb").write(html)
PY
port=$(free_port)
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/html html; }
    client_body_temp_path $WORK/nginx/tmp;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port;
        root $WORK/site;
    }
}
EOF
"$nginx_binary" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" & SERVER_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/p/0.html" && break; sleep 0.1; done

{
    echo "database = \"$DATABASE\""
    echo "log_dir = \"$WORK/log\""
    echo "[http]"
    echo "host_delay = \"0s\""
    echo "per_host = 16"
    for ((i = 0; i < PAGES; i++)); do
        printf '[[source]]\nid = "p%d"\nurl = "http://127.0.0.1:%d/p/%d.html"\n' "$i" "$port" "$i"
    done
} > "$WORK/docwatch.toml"

# nginx's validators: ETag "mtime-size" in hex, Last-Modified the file's mtime.
python3 - "$WORK/site/p" "$PAGES" "$port" > "$WORK/curl.conf" <<'PY'
import email.utils, os, sys
directory, count, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for n in range(count):
    st = os.stat(os.path.join(directory, "%d.html" % n))
    if n: print("next")
    print('url = "http://127.0.0.1:%s/p/%d.html"' % (port, n))
    print('output = "/dev/null"')
    print('silent')
    print('write-out = "%{http_code}\\n"')
    print('header = "If-None-Match: \\"%x-%x\\""' % (int(st.st_mtime), st.st_size))
    print('header = "If-Modified-Since: %s"' % email.utils.formatdate(int(st.st_mtime), usegmt=True))
PY

# One whole-process measurement: "wall user sys maxrss_kib" of COMMAND (its output thrown away).
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt" \
        || { echo "speed-bench: failed: $*" >&2; tail -5 "$WORK/stderr.txt" >&2; exit 1; }
    cat "$WORK/time.txt"
}
# Median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

polling() {
    "$BIN" fetch --config "$WORK/docwatch.toml" > /dev/null  # stores every page once
    local statuses
    statuses=$("$BIN" fetch --config "$WORK/docwatch.toml" | awk 'NR > 1 { print $2 }' | sort | uniq -c | tr -s ' ' | tr '\n' ';')
    local codes
    codes=$(curl -s --parallel --parallel-max 16 --config "$WORK/curl.conf" 2>/dev/null | sort | uniq -c | tr -s ' ')
    : > "$WORK/poll-a"; : > "$WORK/poll-b"; : > "$WORK/poll-old"; : > "$WORK/poll-server"
    local idle=0 before
    # The server's processes at rest, once the unmeasured fetches' backends have gone.
    [ -n "${PG_DATA:-}" ] && { sleep 1; idle=$(pg_server_processes "$PG_DATA"); }
    for ((run = 0; run < RUNS; run++)); do
        [ -n "${PG_DATA:-}" ] && before=$(pg_server_cpu "$PG_DATA")
        measure "$BIN" fetch --config "$WORK/docwatch.toml" >> "$WORK/poll-a"
        if [ -n "${PG_DATA:-}" ]; then
            pg_wait_processes "$PG_DATA" "$idle"
            awk -v a="$before" -v b="$(pg_server_cpu "$PG_DATA")" 'BEGIN { printf "%.2f\n", b - a }' >> "$WORK/poll-server"
        fi
        measure curl -s --parallel --parallel-max 16 --config "$WORK/curl.conf" >> "$WORK/poll-b"
        [ -n "${OLD_BIN:-}" ] && measure "$OLD_BIN" fetch --config "$WORK/docwatch.toml" >> "$WORK/poll-old"
    done
    local wall_a wall_b cpu_a cpu_b rss_a
    wall_a=$(awk '{ print $1 }' "$WORK/poll-a" | median); wall_b=$(awk '{ print $1 }' "$WORK/poll-b" | median)
    cpu_a=$(awk '{ print $2 + $3 }' "$WORK/poll-a" | median); cpu_b=$(awk '{ print $2 + $3 }' "$WORK/poll-b" | median)
    rss_a=$(awk '{ print $4 / 1024 }' "$WORK/poll-a" | median)
    echo "polling $PAGES unchanged pages (docwatch:${statuses} curl: ${codes})"
    echo "  docwatch fetch: ${wall_a} s wall, ${cpu_a} s CPU, ${rss_a} MiB peak, into $([[ $DATABASE == postgres* ]] && echo PostgreSQL || echo SQLite)"
    [ -s "$WORK/poll-server" ] && echo "  PostgreSQL server during those runs: $(median < "$WORK/poll-server") s CPU" \
        "(runs: $(tr '\n' ' ' < "$WORK/poll-server"))"
    echo "  curl --parallel --parallel-max 16: ${wall_b} s wall, ${cpu_b} s CPU"
    echo "  ratio (wall): $(ratio "$wall_a" "$wall_b")× curl"
    if [ -s "$WORK/poll-old" ]; then
        local wall_old cpu_old
        wall_old=$(awk '{ print $1 }' "$WORK/poll-old" | median); cpu_old=$(awk '{ print $2 + $3 }' "$WORK/poll-old" | median)
        echo "  old binary: ${wall_old} s wall, ${cpu_old} s CPU, $(ratio "$wall_old" "$wall_b")× curl;" \
            "new/old: $(ratio "$wall_a" "$wall_old")× wall, $(ratio "$cpu_a" "$cpu_old")× CPU"
    fi
}

ingest() {
    : > "$WORK/ingest-a"; : > "$WORK/ingest-b"; : > "$WORK/ingest-old"
    for ((run = 0; run < RUNS; run++)); do
        rm -rf "$WORK/db.sqlite"* "$WORK/log"
        measure "$BIN" fetch --config "$WORK/docwatch.toml" >> "$WORK/ingest-a"
        measure "$BIN" extract --json "$WORK"/site/p/*.html >> "$WORK/ingest-b"
        if [ -n "${OLD_BIN:-}" ]; then
            rm -rf "$WORK/db.sqlite"* "$WORK/log"
            measure "$OLD_BIN" fetch --config "$WORK/docwatch.toml" >> "$WORK/ingest-old"
        fi
    done
    local cpu_a cpu_b wall_a wall_b rss_a rss_b
    cpu_a=$(awk '{ print $2 + $3 }' "$WORK/ingest-a" | median); cpu_b=$(awk '{ print $2 + $3 }' "$WORK/ingest-b" | median)
    wall_a=$(awk '{ print $1 }' "$WORK/ingest-a" | median); wall_b=$(awk '{ print $1 }' "$WORK/ingest-b" | median)
    rss_a=$(awk '{ print $4 / 1024 }' "$WORK/ingest-a" | median); rss_b=$(awk '{ print $4 / 1024 }' "$WORK/ingest-b" | median)
    echo "ingest of $PAGES new pages"
    echo "  docwatch fetch (empty database): ${cpu_a} s CPU, ${wall_a} s wall, ${rss_a} MiB peak"
    echo "  docwatch extract (same files): ${cpu_b} s CPU, ${wall_b} s wall, ${rss_b} MiB peak"
    echo "  ratio (CPU): $(ratio "$cpu_a" "$cpu_b")× extract"
    if [ -n "${OLD_BIN:-}" ]; then
        local cpu_old wall_old rss_old
        cpu_old=$(awk '{ print $2 + $3 }' "$WORK/ingest-old" | median)
        wall_old=$(awk '{ print $1 }' "$WORK/ingest-old" | median)
        rss_old=$(awk '{ print $4 / 1024 }' "$WORK/ingest-old" | median)
        echo "  old binary's fetch: ${cpu_old} s CPU, ${wall_old} s wall, ${rss_old} MiB peak;" \
            "ratio $(ratio "$cpu_old" "$cpu_b")× extract; new/old $(ratio "$cpu_a" "$cpu_old")× CPU, $(ratio "$wall_a" "$wall_old")× wall"
    fi
    echo "  raw bodies stored: $(sqlite3 "$WORK/db.sqlite" 'SELECT printf("%.1f MB in %.1f MB, %.2f×", total(size) / 1e6, total(length(data)) / 1e6, total(size) / total(length(data))) FROM body')"
    # The two codecs on the same pages, through their command-line tools (the same libraries): CPU over
    # all pages as one stream (one process each), sizes page by page as the database stores them.
    cat "$WORK"/site/p/*.html > "$WORK/all.html"
    mkdir -p "$WORK/packed"
    zstd -3 -q -f --output-dir-flat "$WORK/packed" "$WORK"/site/p/*.html
    local zstd_cpu gzip_cpu zstd_bytes gzip_bytes
    zstd_cpu=$(measure sh -c "zstd -3 -c < '$WORK/all.html'" | awk '{ print $2 + $3 }')
    gzip_cpu=$(measure sh -c "gzip -6 -c < '$WORK/all.html'" | awk '{ print $2 + $3 }')
    zstd_bytes=$(cat "$WORK"/packed/*.zst | wc -c)
    gzip_bytes=$(for page in "$WORK"/site/p/*.html; do gzip -6 -c "$page"; done | wc -c)
    echo "  codecs on the same pages ($(wc -c < "$WORK/all.html") bytes): zstd -3 ${zstd_cpu} s CPU, ${zstd_bytes} bytes;" \
        "gzip -6 ${gzip_cpu} s CPU, ${gzip_bytes} bytes"
}

extract() {
    local files=("$corpus"/*.html)
    : > "$WORK/extract-a"; : > "$WORK/extract-b"
    for ((run = 0; run < RUNS; run++)); do
        measure taskset -c 0 "$BIN" extract --json "${files[@]}" >> "$WORK/extract-a"
        [ -n "${OLD_BIN:-}" ] && measure taskset -c 0 "$OLD_BIN" extract --json "${files[@]}" >> "$WORK/extract-b"
    done
    local wall_a cpu_a rss_a
    wall_a=$(awk '{ print $1 }' "$WORK/extract-a" | median)
    cpu_a=$(awk '{ print $2 + $3 }' "$WORK/extract-a" | median)
    rss_a=$(awk '{ print $4 / 1024 }' "$WORK/extract-a" | median)
    # pages/s of wall and of CPU time: on a shared core the wall includes other processes' turns.
    rate() { awk -v n=${#files[@]} -v t="$1" 'BEGIN { printf "%.0f", n / t }'; }
    echo "extraction of ${#files[@]} daniel-dev pages on one core"
    echo "  docwatch extract: ${wall_a} s wall ($(rate "$wall_a") pages/s), ${cpu_a} s CPU ($(rate "$cpu_a") pages/s), ${rss_a} MiB peak"
    if [ -n "${OLD_BIN:-}" ]; then
        local wall_b cpu_b
        wall_b=$(awk '{ print $1 }' "$WORK/extract-b" | median)
        cpu_b=$(awk '{ print $2 + $3 }' "$WORK/extract-b" | median)
        echo "  old binary: ${wall_b} s wall ($(rate "$wall_b") pages/s), ${cpu_b} s CPU ($(rate "$cpu_b") pages/s)"
        echo "  ratio (speed, new/old): $(ratio "$wall_b" "$wall_a")× wall, $(ratio "$cpu_b" "$cpu_a")× CPU"
    fi
}

for figure in "${figures[@]}"; do
    case "$figure" in
        polling) polling ;;
        ingest) ingest ;;
        extract) extract ;;
        *) echo "usage: bench/speed-bench.sh [polling] [ingest] [extract]" >&2; exit 64 ;;
    esac
done
