#!/usr/bin/env bash
# Wall time of `docwatch fetch` for N page sources on loopback (release build): the first run stores
# every page (all new), the second is answered 304 throughout.
#   bench/fetch-bench.sh [N]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
port=18765
binary="$(scripts/build-release.sh 2>/dev/null)"
work="$(mktemp -d)"
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/loopback_server.py "$port" --pages "$count" & server=$!
{
    echo "database = \"$work/db.sqlite\""
    echo "log_dir = \"$work/log\""
    echo "[http]"
    echo "host_delay = \"0s\""
    echo "per_host = 16"
    for ((i = 0; i < count; i++)); do
        printf '[[source]]\nid = "p%d"\nurl = "http://127.0.0.1:%d/p/%d.html"\n' "$i" "$port" "$i"
    done
} > "$work/docwatch.toml"
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/p/0.html" && break; sleep 0.1; done
run() {
    local start end
    start=$(date +%s.%N)
    "$binary" fetch --config "$work/docwatch.toml" > "$work/out.txt"
    end=$(date +%s.%N)
    echo "$1: $(awk "BEGIN { printf \"%.2f\", $end - $start }") s for $count sources ($(awk '{print $2}' "$work/out.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';'))"
}
run "first fetch (all new)"
run "second fetch (all 304)"
echo "events written: $(cat "$work"/log/changes-*.jsonl | wc -l)"
