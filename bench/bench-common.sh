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
