#!/usr/bin/env bash
# The short slice of the reliability suite that CI runs (a few minutes): 3 kills in the crash test,
# every fault in the fault test, the disk-full test when present, and 20 s of fuzzing per harness.
# Runs every part even when one fails; exits 1 if any failed.
#
# Usage: bench/reliability-ci.sh          (the full runs: bench/crash-test.sh 100, bench/fuzz.sh 1200)
set -uo pipefail
cd "$(dirname "$0")/.."

BIN=$(scripts/build-release.sh) || { echo "reliability: FAIL (release build)"; exit 1; }
export BIN
failed=()
step() { # NAME COMMAND…
    local name=$1 started status
    shift
    started=$(date +%s)
    echo "== $name: $*"
    "$@"
    status=$?
    echo "== $name: exit $status, $(($(date +%s) - started)) s"
    [ "$status" -eq 0 ] || failed+=("$name")
}
step crash-test bench/crash-test.sh 3
step fault-test bench/fault-test.sh
if [ -x bench/disk-full-test.sh ]; then
    step disk-full-test bench/disk-full-test.sh
fi
step fuzz bench/fuzz.sh 20
if [ ${#failed[@]} -ne 0 ]; then
    echo "reliability: FAIL (${failed[*]})"
    exit 1
fi
echo "reliability: PASS"
