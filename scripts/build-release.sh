#!/usr/bin/env bash
# Builds a release product (default: the docwatch binary; `scripts/build-release.sh docwatch-bench` for the
# bench tool) and prints its path. Every release build in .build-release goes through here, so all share
# one set of flags (SwiftPM would otherwise link objects compiled with other flags). The Swift runtime and Foundation are linked
# statically (-static-stdlib): about 15 ms less dynamic linking per process start, which short
# commands and `extract` over a corpus feel. A scratch path of its own keeps these flags away from
# the debug build the tests use.
# Linked by lld with packed relative relocations (DT_RELR, glibc 2.36+): the ~100,000 relocations of the
# position-independent binary take 40 KB instead of 2.3 MB, and its read-only sections lie together, so
# a process maps ~5 MiB less of the binary (the idle daemon's resident memory) and starts sooner.
# Code layout: every module is compiled with one section per function (-function-sections; without it
# Swift gives only public functions a section of their own), and lld places the functions named in
# scripts/release-symbol-order.txt first in .text, in that order (the code the daemon, `fetch` and
# `extract` run, written by scripts/generate-symbol-order.sh). A page fault maps a whole block of the
# file around it, so hot code scattered over 21 MiB of .text kept most of it resident; laid out so, the
# daemon's code spans 7.8 MiB (the toolchain's static archives keep much of their code in one .text per
# object, which moves as a whole). Names no longer in the binary are skipped silently
# (--no-warn-symbol-ordering): a stale list only loses effect, the build never fails for it.
# --no-export-dynamic undoes the -export-dynamic of the toolchain's static-stdlib-args.lnk: nothing
# looks our symbols up at run time (crash backtraces read .symtab from the file), and without ~17,000
# exported names the dynamic symbol table is 1.5 MB smaller and the dynamic loader's lookups for the
# shared libraries no longer search it.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-release
product=${1:-docwatch}
order="$PWD/scripts/release-symbol-order.txt"
binary="$scratch/x86_64-unknown-linux-gnu/release/$product"
# SwiftPM does not know the list is an input of the link: a list newer than the binary relinks it.
if [ -e "$binary" ] && [ "$order" -nt "$binary" ]; then rm -f "$binary"; fi
flags=(-Xswiftc -static-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections
    -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
    -Xlinker --symbol-ordering-file="$order" -Xlinker --no-warn-symbol-ordering
    -Xlinker --no-export-dynamic)
# SwiftPM keeps objects built with other flags (it did not recompile them when -function-sections was
# added), so a change of these flags removes the objects once, and every module is compiled with them.
stamp="$scratch/build-release-flags"
if [ -d "$scratch" ] && [ "$(cat "$stamp" 2>/dev/null)" != "${flags[*]}" ]; then
    find "$scratch" -path '*/release/*.build/*.o' -delete
fi
swift build -c release --scratch-path "$scratch" --product "$product" "${flags[@]}" >&2
echo "${flags[*]}" >"$stamp"
echo "$PWD/$scratch/release/$product"
