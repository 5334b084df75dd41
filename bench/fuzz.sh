#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ (Swift with -sanitize=fuzzer,address) and runs each for
# SECONDS: extraction (`Extractor().extract`), discovery (FeedParser, SitemapParser, LinkDiscovery),
# listing (`ListingReader.read` as list page, feed, sitemap and JSON answer) and config
# (`ConfigParser.parse`). Seeds are Fuzz/corpus/<harness>/ (committed; listing also reads discovery's);
# inputs libFuzzer finds go to Fuzz/work/<harness>/ and crashes, hangs and out-of-memory inputs to
# Fuzz/crashes/<harness>/ (both gitignored). Exits 1 if any harness found a crash.
#
# Usage: bench/fuzz.sh [SECONDS] [HARNESS…]    SECONDS per harness (default 1200: 80 minutes for all four);
#                                              harnesses: extract discovery listing config (default: all)
# Knobs: TIMEOUT=10 (seconds one input may take before it counts as a hang) RSS_LIMIT_MB=2048
#   MAX_LEN (largest input tried; default 65536 for extract, discovery and listing, 4096 for config)
# Reproduce a crash: Fuzz/.build/release/Fuzz<Harness> Fuzz/crashes/<harness>/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-1200}
shift || true
HARNESSES=("$@")
[ ${#HARNESSES[@]} -eq 0 ] && HARNESSES=(extract discovery listing config)
TIMEOUT=${TIMEOUT:-10}
RSS_LIMIT_MB=${RSS_LIMIT_MB:-2048}

flags=(-c release --package-path Fuzz --scratch-path Fuzz/.build -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
product() { case "$1" in extract) echo FuzzExtract ;; discovery) echo FuzzDiscovery ;; listing) echo FuzzListing ;; config) echo FuzzConfig ;;
    *) echo "fuzz.sh: unknown harness '$1' (extract, discovery, listing, config)" >&2; exit 64 ;; esac; }
for harness in "${HARNESSES[@]}"; do
    swift build "${flags[@]}" --product "$(product "$harness")" >&2
done
bin=$(swift build "${flags[@]}" --show-bin-path)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0}
crashed=0
for harness in "${HARNESSES[@]}"; do
    mkdir -p "Fuzz/work/$harness" "Fuzz/crashes/$harness"
    case "$harness" in config) max_len=${MAX_LEN:-4096} ;; *) max_len=${MAX_LEN:-65536} ;; esac
    log="Fuzz/work/$harness.log"
    status=0
    seeds=("Fuzz/corpus/$harness")
    [ "$harness" = listing ] && seeds+=(Fuzz/corpus/discovery)  # its own seeds, and the list pages, feeds and sitemaps
    "$bin/$(product "$harness")" "Fuzz/work/$harness" "${seeds[@]}" \
        -dict="Fuzz/dict/$harness.dict" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" \
        -rss_limit_mb="$RSS_LIMIT_MB" -max_len="$max_len" -artifact_prefix="Fuzz/crashes/$harness/" \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    corpus=$(find "Fuzz/work/$harness" -type f | wc -l)
    if [ "$status" -ne 0 ]; then
        crashed=$((crashed + 1))
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        what=$(grep -m1 -E '^==[0-9]+==ERROR|deadly signal|ERROR: libFuzzer|Fatal error|Assertion' "$log" || true)
        echo "FAIL fuzz $harness: exit $status after ${runs:-?} runs: ${what:-see $log}"
        [ -n "$artifact" ] && echo "     input: $artifact ($(head -c 80 "$artifact" | tr -c '[:print:]' '.'))"
        grep -m3 -E '^ *#[0-9]+ .* in (\$s|Fuzz|DocWatch|TOML|toml)' "$log" | sed 's/^/     /' || true
    else
        echo "PASS fuzz $harness: ${runs:-?} runs in ${SECONDS_EACH}s, no crash (corpus: $corpus new inputs in Fuzz/work/$harness)"
    fi
done
[ "$crashed" -eq 0 ] || { echo "fuzz: FAIL ($crashed of ${#HARNESSES[@]} harnesses crashed; inputs in Fuzz/crashes/)"; exit 1; }
echo "fuzz: PASS"
