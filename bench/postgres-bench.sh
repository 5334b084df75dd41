#!/usr/bin/env bash
# PostgreSQL beside SQLite: the two figures of issue 14, release build, whole processes.
#   query    bench/query-bench.sh: the same DOCUMENTS documents (default 100,000) and the same 11 queries
#            × 5 rounds on a SQLite file and on a PostgreSQL database: p50, p95, max per backend
#   polling  bench/speed-bench.sh polling: `docwatch fetch` of PAGES unchanged pages (all 304) from nginx
#            on loopback into a SQLite file, then into a PostgreSQL database: docwatch's CPU (user+sys)
#            and, for PostgreSQL, the server's CPU during the same runs, reported separately
#
#   bench/postgres-bench.sh [query] [polling]      (default: both)
# Starts its own throwaway cluster (scripts/postgres-test-cluster.sh: loopback, trust, fsync off) on
# PG_PORT (default 54341) under PG_DIR (default: a temporary directory, removed at exit; a PG_DIR given
# is kept, with its filled query database, for the next run). Needs what scripts/install-deps.sh
# installs (postgresql, nginx-light, curl). Knobs: DOCUMENTS=100000 PAGES=1000 RUNS=5 PG_PORT PG_DIR
# SQLITE_DATABASE (the query database file, default /tmp/docwatch-query-bench-DOCUMENTS.sqlite) CORPORA.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-common.sh

DOCUMENTS=${DOCUMENTS:-100000}
PG_PORT=${PG_PORT:-54341}
figures=("$@")
[ ${#figures[@]} -eq 0 ] && figures=(query polling)

keep_cluster=${PG_DIR:+yes}
PG_DIR=${PG_DIR:-$(mktemp -d /tmp/docwatch-postgres-bench.XXXXXX)}
mkdir -p "$PG_DIR" && chmod 755 "$PG_DIR"  # the server runs as the postgres user
stop_cluster() {
    scripts/postgres-test-cluster.sh stop "$PG_DIR" 2>/dev/null || true
    if [ -z "$keep_cluster" ]; then rm -rf "$PG_DIR"; fi
}
trap stop_cluster EXIT
cluster=$(scripts/postgres-test-cluster.sh start "$PG_DIR" "$PG_PORT")
# A database of the cluster, created when missing: prints its URL.
database() {
    [ "$(psql -XAtq "$cluster" -c "SELECT count(*) FROM pg_database WHERE datname = '$1'")" = 1 ] \
        || psql -XAtq "$cluster" -c "CREATE DATABASE $1" >/dev/null
    echo "${cluster%/*}/$1"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(psql -XAtq "$cluster" -c 'SHOW server_version')"

query() {
    local pg
    pg=$(database "docwatch_query_$DOCUMENTS")
    echo "== query, SQLite"
    bench/query-bench.sh "$DOCUMENTS" "${SQLITE_DATABASE:-/tmp/docwatch-query-bench-$DOCUMENTS.sqlite}"
    echo "== query, PostgreSQL"
    bench/query-bench.sh "$DOCUMENTS" "$pg"
    echo "PostgreSQL database size: $(psql -XAtq "$pg" -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
    echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

polling() {
    local pg
    echo "== polling, SQLite"
    bench/speed-bench.sh polling
    psql -XAtq "$cluster" -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS docwatch_polling WITH (FORCE)" >/dev/null
    pg=$(database docwatch_polling)
    echo "== polling, PostgreSQL"
    DATABASE="$pg" PG_DATA="$PG_DIR/data" bench/speed-bench.sh polling
    echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

for figure in "${figures[@]}"; do
    case "$figure" in
        query) query ;;
        polling) polling ;;
        *) echo "usage: bench/postgres-bench.sh [query] [polling]" >&2; exit 64 ;;
    esac
done
