#!/usr/bin/env bash
# Scores `docwatch extract` on the shared extraction corpora, on one core (taskset -c 0), as the
# extraction issue measures it: body F1, dates, authors, title, source, site name, pages/s, the
# policy fields (bench/policy-fields-eval.py) and the slowest gne-pages page.
#
#   bench/extract-eval.sh [--anchors] [--no-build]
#
# --anchors also scores trafilatura, GNE and readability-lxml on the same corpora (installed into
# a venv under /tmp on first use; needs PyPI). Environment: CORPORA (default ../shared/corpus next
# to the repository, else /work/shared/corpus).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="${CORPORA:-}"
if [[ -z "$corpora" ]]; then
    for candidate in "$root/../shared/corpus" /work/shared/corpus; do
        [[ -d "$candidate" ]] && { corpora="$candidate"; break; }
    done
fi
[[ -d "${corpora:-}" ]] || { echo "extract-eval: no corpus directory (set CORPORA)" >&2; exit 66; }
tools="$corpora/../tools/extract_eval.py"
[[ -f "$tools" ]] || { echo "extract-eval: $tools not found" >&2; exit 66; }

anchors=false
build=true
for argument in "$@"; do
    case "$argument" in
        --anchors) anchors=true ;;
        --no-build) build=false ;;
        *) echo "usage: bench/extract-eval.sh [--anchors] [--no-build]" >&2; exit 64 ;;
    esac
done

cd "$root"
if $build; then
    binary="$(scripts/build-release.sh)"
else
    binary="$root/.build-release/release/docwatch"
fi

# One table row from the scorer's JSON.
row() {
    python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
f = lambda k: "–" if r[k] != r[k] else "%.3f" % r[k]
print("| %-10s | %-12s | %s | %s | %s | %s | %s | %s | %s | %.0f |" % (r["corpus"], sys.argv[1],
      f("body_f1"), f("date_day"), f("date_min"), f("author_f1"), f("title"), f("source"), f("site_name"), r["pages_per_s"]))
' "$1"
}

echo "| corpus     | system       | body F1 | date day | date min | authors F1 | title | source | site_name | pages/s |"
echo "|------------|--------------|---------|----------|----------|------------|-------|--------|-----------|---------|"
for corpus in ia-dev daniel-dev seeds-dev; do
    taskset -c 0 python3 "$tools" "$corpora/$corpus" docwatch --bin "$binary" --json | row docwatch
done

# Policy-page fields (issuer, doc_number, written, index_number): scored where a corpus's truth has them.
echo
python3 "$root/bench/policy-fields-eval.py" "$binary" "$corpora/ia-dev" "$corpora/daniel-dev" "$corpora/seeds-dev" "$corpora/gne-pages"

# gne-pages: no truth; every page must extract, none empty, none slower than 20 ms.
python3 - "$binary" "$corpora/gne-pages" <<'PY'
import glob, json, os, subprocess, sys, time
binary, corpus = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(corpus, "pages", "*.html")))
out = subprocess.run(["taskset", "-c", "0", binary, "extract", "--json", *files], capture_output=True, text=True)
rows = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
empty = sum(1 for r in rows if not r["text"].strip())
timed = subprocess.run(["taskset", "-c", "0", binary, "extract", "--json", "--timing", *files], capture_output=True, text=True)
times = [(float(line.split()[0]), os.path.basename(line.split(" ms ", 1)[1])) for line in timed.stderr.splitlines() if " ms " in line]
slowest, slowest_file = max(times) if times else (float("nan"), "")
print(f"\ngne-pages: {len(rows)}/{len(files)} extracted (exit {out.returncode}), {empty} empty, slowest page ≈ {slowest:.1f} ms ({slowest_file})")
PY

if $anchors; then
    venv="${ANCHORS_VENV:-/tmp/extract-anchors}"
    if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import trafilatura, gne, readability' 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q "lxml[html_clean]" >&2
        "$venv/bin/pip" install -q trafilatura gne readability-lxml >&2
    fi
    echo
    echo "| corpus     | system       | body F1 | date day | date min | authors F1 | title | source | site_name | pages/s |"
    echo "|------------|--------------|---------|----------|----------|------------|-------|--------|-----------|---------|"
    for corpus in ia-dev daniel-dev seeds-dev; do
        for system in trafilatura gne readability; do
            taskset -c 0 "$venv/bin/python" "$tools" "$corpora/$corpus" "$system" --json 2>/dev/null | row "$system"
        done
    done
fi
