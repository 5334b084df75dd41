#!/usr/bin/env bash
# Builds the release docwatch binary and prints its path. The Swift runtime and Foundation are linked
# statically (-static-stdlib): about 15 ms less dynamic linking per process start, which short
# commands and `extract` over a corpus feel. A scratch path of its own keeps these flags away from
# the debug build the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-release
swift build -c release --scratch-path "$scratch" --product docwatch -Xswiftc -static-stdlib >&2
echo "$PWD/$scratch/release/docwatch"
