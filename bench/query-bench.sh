#!/usr/bin/env bash
# Query latency (p50/p95) over N stored documents (default 100,000), release build. Documents are made
# of real article paragraphs from the shared corpus's truth files, mixed so no two are alike; the
# database is built once (tens of minutes on 2 cores) and reused by later runs. DATABASE is a SQLite
# path or a postgresql:// URL of an existing database (bench/postgres-bench.sh runs both).
#   bench/query-bench.sh [N] [DATABASE]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
database="${2:-/tmp/docwatch-query-bench-$count.sqlite}"
corpora="${CORPORA:-$(cd .. && pwd)/shared/corpus}"
bench=$(scripts/build-release.sh docwatch-bench)
"$bench" query-latency \
    "$corpora/ia-dev/truth.jsonl" "$corpora/daniel-dev/truth.jsonl" --documents "$count" --database "$database" --rounds 5
