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
#        PAGE_CACHE=read|copy|cold: how each binary is in the page cache when its daemon starts; each daemon
#          runs a private copy of its binary (bench-common.sh's binary_in_page_cache): read (default) evicted
#          and read once sequentially, copy just written by `cp`, cold written to disk and evicted (every
#          page is read by its fault, as after a reboot). The report gives the state, the MiB of the copy
#          cached at start, and what of the binary the daemon has resident per mapping (r--p, r-xp, rw-p).
#   The first poll of each source stores a new document; measuring starts WARMUP seconds after the
#   last of those (so every source is in its unchanged steady state).
#   MODE=etag: the server answers 304 to the conditional GET (the usual case for government sites);
#   MODE=plain: no validators, the same 200 body every time (raw hash equal: unchanged, no parse).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-common.sh

SOURCES=${SOURCES:-1000}
INTERVAL=${INTERVAL:-10s}
WARMUP=${WARMUP:-15}
MEASURE=${MEASURE:-60}
MODE=${MODE:-etag}
LOG_LEVEL=${LOG_LEVEL:-info}
PAGE_CACHE=${PAGE_CACHE:-read}

BIN=${BIN:-$(scripts/build-release.sh 2>/dev/null)}
OLD_BIN=${OLD_BIN:-}
TOP=$(mktemp -d /tmp/docwatch-bench.XXXXXX)
trap 'rm -rf "$TOP"' EXIT

# One daemon against a server of its own, in "$TOP/$label". Writes "$TOP/$label/ready" once every
# source has its document, takes its measurement window when "$TOP/go" appears, and writes its report
# to "$TOP/$label/report".
#   measure BINARY LABEL ENVIRONMENT
measure() {
    local bin=$1 label=$2 extra=$3 work="$TOP/$2" server_pid="" daemon_pid="" port cached
    mkdir -p "$work"
    trap '[ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT
    article_server_start "$work" "$MODE"
    server_pid=$ARTICLE_SERVER_PID port=$ARTICLE_PORT
    article_sources_config "$work/docwatch.toml" "$work" "$port" "$SOURCES" "$INTERVAL"
    local run="$work/docwatch"
    binary_in_page_cache "$PAGE_CACHE" "$bin" "$run"
    cached=$(cached_mib "$run")
    # shellcheck disable=SC2086  # RUN_ENV / OLD_ENV are lists of NAME=value words
    env $extra "$run" run --config "$work/docwatch.toml" --log-level "$LOG_LEVEL" 2>"$work/daemon.log" &
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
    local hz hwm rss anon file threads mapped status=0
    hz=$(getconf CLK_TCK)
    mapped=$(mapped_mib "$daemon_pid" "$run")
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
        echo "page cache at start: $PAGE_CACHE ($cached MiB of the $(( $(stat -c %s "$run") / 1048576 )) MiB file cached)"
        echo "first ingest of $SOURCES new documents: $(awk -v a="$started" -v b="$ingested" 'BEGIN {printf "%.1f", b - a}') s"
        echo "polls in window: $polls ($(awk -v p="$polls" -v s="$MEASURE" 'BEGIN {printf "%.1f", p / s}')/s), change events written: $events, failed polls in the whole run: $errors"
        awk -v c=$((cpu1 - cpu0)) -v hz="$hz" -v p="$polls" 'BEGIN {
            if (p == 0) { print "no polls measured"; exit }
            printf "cpu: %.2f s over %d polls = %.3f ms per poll\n", c / hz, p, 1000 * c / hz / p }'
        awk -v h="$hwm" -v r="$rss" -v a="$anon" -v f="$file" -v t="$threads" 'BEGIN {
            printf "memory: VmHWM %.1f MiB, VmRSS %.1f MiB (anonymous %.1f MiB, file-backed: code of the binary and shared libraries %.1f MiB), %d threads\n",
                h / 1024, r / 1024, a / 1024, f / 1024, t }'
        echo "the binary resident in the daemon, MiB per mapping: $mapped"
        echo "daemon exit status after SIGTERM: $status"
    } >"$work/report"
}

echo "sources=$SOURCES interval=$INTERVAL mode=$MODE log_level=$LOG_LEVEL warmup=${WARMUP}s measured=${MEASURE}s page_cache=$PAGE_CACHE"
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
