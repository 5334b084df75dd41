#!/usr/bin/env bash
# Regenerates scripts/release-symbol-order.txt, the order in which lld lays out the release binary's
# functions (scripts/build-release.sh): every function of the binary that these runs execute, found by
# running the release binary under valgrind's callgrind (which sees every instruction, so the list is
# complete for what the runs do):
#   1. `docwatch run` with SOURCES articles on a loopback server (bench-common.sh's article server, 304
#      on the conditional GET): its unchanged polls over ROUNDS rounds, then its start-up with the first
#      ingest of every article, then its shutdown on SIGTERM;
#   2. `docwatch fetch` of the same articles into an empty database (new pages), then again (unchanged);
#   3. `docwatch extract --json` of EXTRACT_PAGES pages of each corpus.
# Functions are listed by the first of these parts that runs them (the idle daemon's steady state first,
# then what else the daemon ran, then fetch, then extract) and within a part by instructions executed,
# most first; one mangled name a line. Only the order of code changes: behaviour and output do not.
#
# When to regenerate: after merging work that adds, renames or moves many functions on the daemon's,
# fetch's or extract's path (renamed or removed functions are skipped by the linker, so an old list only
# loses effect, silently), and before measuring the idle daemon's memory for a release. Then rebuild
# (scripts/build-release.sh) and commit the list. The build never needs valgrind; this script does
# (Debian `valgrind`), and objcopy (binutils), curl and python3.
#
# Usage: scripts/generate-symbol-order.sh     (builds the release binary first if needed; the profile
#        itself took 4.7 minutes on this 2-core machine with a release build running beside it)
# Knobs: BIN=(a built release binary) SOURCES=30 ROUNDS=2 EXTRACT_PAGES=10 CORPORA=(as bench/extract-eval.sh)
#        OUT=scripts/release-symbol-order.txt KEEP=1 (keep the work directory with callgrind's files)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-common.sh

SOURCES=${SOURCES:-30}
ROUNDS=${ROUNDS:-2}
EXTRACT_PAGES=${EXTRACT_PAGES:-10}
OUT=${OUT:-scripts/release-symbol-order.txt}
command -v valgrind >/dev/null || { echo "generate-symbol-order: needs valgrind (apt-get install valgrind)" >&2; exit 69; }
bench_setup symbol-order
started=$(date +%s)
corpora="${CORPORA:-}"
for candidate in "$PWD/../shared/corpus" /work/shared/corpus; do
    [[ -z "$corpora" && -d "$candidate" ]] && corpora="$candidate"
done

# valgrind 3.19 (Debian 12) cannot read the toolchain's DWARF 5 and gives up on the whole file; its
# symbol table is all this needs, so it profiles a copy without debug information.
objcopy --strip-debug "$BIN" "$WORK/docwatch"
# --demangle=no: C++ names (the Swift runtime, ICU) as the linker knows them.
callgrind=(valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no --dump-instr=no --separate-recs=1
    --vgdb=yes --log-file="$WORK/valgrind.%p.log")
profile() { # PART COMMAND…: runs COMMAND under callgrind into $WORK/PART.out
    local part=$1
    shift
    "${callgrind[@]}" --callgrind-out-file="$WORK/$part.out" "$@"
}
wait_for() { # SECONDS CONDITION…: polls CONDITION every half second until true, or fails after SECONDS
    local limit=$(( $1 * 2 ))
    shift
    for _ in $(seq "$limit"); do "$@" && return; sleep 0.5; done
    echo "generate-symbol-order: timed out waiting for: $*" >&2
    return 1
}
new_documents() { cat "$WORK"/daemon/log/changes-*.jsonl 2>/dev/null | grep -c '"type":"document.new"' || true; }
all_new() { [ "$(new_documents)" -ge "$SOURCES" ]; }
polled_rounds() { [ "$(article_server_count "$ARTICLE_PORT")" -ge $(( SOURCES * (ROUNDS + 1) )) ]; }

# 1. The daemon: dump 1 is its start-up and first ingest, dump 2 its unchanged polls, the final file its shutdown.
mkdir -p "$WORK/daemon" "$WORK/fetch"
article_server_start "$WORK" etag
SERVER_PID=$ARTICLE_SERVER_PID
article_sources_config "$WORK/daemon/docwatch.toml" "$WORK/daemon" "$ARTICLE_PORT" "$SOURCES" 2s
# valgrind itself in the background (not a function's subshell): its pid is the daemon's, for callgrind_control.
"${callgrind[@]}" --callgrind-out-file="$WORK/daemon.out" "$WORK/docwatch" run --config "$WORK/daemon/docwatch.toml" \
    --log-level info 2>"$WORK/daemon/daemon.log" &
DAEMON_PID=$!
wait_for 600 all_new
sleep 1
callgrind_control --dump=startup "$DAEMON_PID" >/dev/null
wait_for 60 test -s "$WORK/daemon.out.1"
wait_for 600 polled_rounds
callgrind_control --dump=polls "$DAEMON_PID" >/dev/null
wait_for 60 test -s "$WORK/daemon.out.2"
kill -TERM "$DAEMON_PID"
# Its shutdown is the least of the daemon's parts: should it hang under valgrind, it is cut short.
( sleep 180; kill -9 "$DAEMON_PID" 2>/dev/null ) &
watchdog=$!
wait "$DAEMON_PID" || true
kill "$watchdog" 2>/dev/null || true
DAEMON_PID=""
[ -s "$WORK/daemon.out" ] || echo "generate-symbol-order: no profile of the daemon's shutdown (cut short)" >&2
echo "daemon profiled: $(( $(date +%s) - started )) s" >&2

# 2. and 3. side by side (two cores). fetch: new pages into an empty database, then the same pages
# unchanged. extract: the first pages of each corpus (news, government, forum and list pages).
article_sources_config "$WORK/fetch/docwatch.toml" "$WORK/fetch" "$ARTICLE_PORT" "$SOURCES" 1h
{
    profile fetch-new "$WORK/docwatch" fetch --config "$WORK/fetch/docwatch.toml" >/dev/null
    profile fetch-unchanged "$WORK/docwatch" fetch --config "$WORK/fetch/docwatch.toml" >/dev/null
} &
fetches=$!
pages=()
for corpus in "$corpora"/*/pages; do
    [ -d "$corpus" ] || continue
    while IFS= read -r page; do pages+=("$page"); done < <(find "$corpus" -maxdepth 1 -type f | sort | head -n "$EXTRACT_PAGES")
done
[ ${#pages[@]} -gt 0 ] || { echo "generate-symbol-order: no corpus pages under '$corpora' (set CORPORA)" >&2; exit 66; }
profile extract "$WORK/docwatch" extract --json "${pages[@]}" >/dev/null
wait "$fetches" || { echo "generate-symbol-order: a fetch failed" >&2; exit 1; }
echo "fetch and extract (${#pages[@]} pages) profiled: $(( $(date +%s) - started )) s" >&2

# The parts in layout order; callgrind numbers the daemon's dumps .1 (start-up) and .2 (polls).
python3 - "$WORK/docwatch" "$OUT" \
    "$WORK/daemon.out.2" "$WORK/daemon.out.1" "$WORK/daemon.out" \
    "$WORK/fetch-unchanged.out" "$WORK/fetch-new.out" "$WORK/extract.out" <<'PY'
import re, sys
import os
binary, out, parts = sys.argv[1], sys.argv[2], [p for p in sys.argv[3:] if os.path.exists(p)]
order, seen = [], set()
for part in parts:
    cost, obj, fn, after_calls = {}, None, None, False
    for line in open(part, errors="replace"):
        if line.startswith("ob="):
            obj = line[3:].strip()
        elif line.startswith("fn="):
            fn = line[3:].strip() if obj == binary else None
        elif line.startswith(("cob=", "cfi=", "cfl=", "cfn=")):
            pass
        elif line.startswith("calls="):
            after_calls = True  # the next cost line is the call's inclusive cost, not this function's
        elif line[:1].isdigit() or line[:1] in "+-*":
            if after_calls:
                after_calls = False
            elif fn is not None:
                fields = line.split()
                cost[fn] = cost.get(fn, 0) + (int(fields[1]) if len(fields) > 1 else 0)
    names = sorted(cost, key=lambda name: -cost[name])
    added = 0
    for name in names:
        name = re.sub(r"'\d+$", "", name)  # callgrind's recursion-depth suffix
        if name.startswith("0x") or name in seen:
            continue
        seen.add(name)
        order.append(name)
        added += 1
    print("%-22s %6d functions run, %6d new to the list" % (part.rsplit("/", 1)[1], len(names), added), file=sys.stderr)
with open(out, "w") as f:
    f.write("".join(name + "\n" for name in order))
print("%d functions written to %s" % (len(order), out), file=sys.stderr)
PY
echo "generate-symbol-order: done in $(( $(date +%s) - started )) s; rebuild with scripts/build-release.sh" >&2
