#!/usr/bin/env python3
"""Scores the policy-page fields of `docwatch extract --json` on the shared corpora.

  bench/policy-fields-eval.py BINARY CORPUS...

For each corpus: issuer, doc_number, written and index_number as exact matches (NFKC, white space
removed) on the pages whose truth line carries that key, and how many pages the extractor gave
the field on at all. A corpus whose truth lacks a key prints "–" for its score. The shared scorer
(extract_eval.py) scores authors and published; this adds what it does not know.
"""
import json, os, re, subprocess, sys, unicodedata

FIELDS = ["issuer", "doc_number", "written", "index_number"]


def norm(value):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value or ""))


def main():
    binary, corpora = sys.argv[1], sys.argv[2:]
    print("| corpus     | " + " | ".join(f"{f} (score, pages scored / found)" for f in FIELDS) + " |")
    print("|------------|" + "|".join("-" * (len(f) + 32) for f in FIELDS) + "|")
    for corpus in corpora:
        truth = [json.loads(line) for line in open(os.path.join(corpus, "truth.jsonl"))]
        files = [os.path.join(corpus, "pages", t["id"] + ".html") for t in truth]
        out = subprocess.run([binary, "extract", "--json", "--no-facts", *files], capture_output=True, text=True)
        rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        if len(rows) != len(files):
            sys.exit(f"{corpus}: {len(rows)} rows for {len(files)} files (exit {out.returncode})")
        cells = []
        for field in FIELDS:
            scored = [norm(r.get(field)) == norm(t[field]) for t, r in zip(truth, rows) if t.get(field)]
            found = sum(1 for r in rows if r.get(field))
            score = "%.3f" % (sum(scored) / len(scored)) if scored else "–"
            cells.append(f"{score} ({len(scored)} / {found})")
        print(f"| {os.path.basename(corpus.rstrip('/')):<10} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
