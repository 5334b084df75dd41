#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests: `start DIR [PORT]` creates it under DIR
# (initdb, trust authentication for the `docwatch` role, fsync off: it is thrown away) and prints the
# URL to export as DOCWATCH_TEST_POSTGRES; `stop DIR` stops it. Runs the server as the `postgres` user
# when started as root (PostgreSQL refuses to run as root). Needs the Debian `postgresql` package.
set -euo pipefail
command=${1:?usage: postgres-test-cluster.sh start|stop DIR [PORT]}
dir=${2:?usage: postgres-test-cluster.sh start|stop DIR [PORT]}
port=${3:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 1; }
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

case $command in
start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U docwatch --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    echo "postgresql://docwatch@127.0.0.1:$port/postgres"
    ;;
stop)
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: postgres-test-cluster.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac
