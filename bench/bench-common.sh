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
