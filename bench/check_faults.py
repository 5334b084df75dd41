#!/usr/bin/env python3
"""The checks of bench/fault-test.sh, over the database and change-log directory it drives.

  check_faults.py snapshot DATABASE LOG_DIR > SNAPSHOT.json    what is stored now, and the last fetch-log row
  check_faults.py polls DATABASE SNAPSHOT.json PHASE           one line per fault: PASS/FAIL and what was seen
  check_faults.py stored DATABASE LOG_DIR SNAPSHOT.json        nothing stored changed, no unexpected event

`polls` judges the fetch-log rows written after the snapshot: with PHASE=fetch (one `docwatch fetch`)
each source must have exactly one row; with PHASE=run (the daemon for a few intervals) at least one,
and every row must be as expected. The exit status is the number of FAIL lines.
"""
import glob, json, os, re, sqlite3, sys

ERROR = "error"
# route → (outcomes allowed, pattern the error text must match when the outcome is an error, or None)
EXPECTED = {
    "empty": ({ERROR}, r"empty|0 bytes|no body|no content"),
    # A PDF is a document however it is labelled (issue 9): its text is stored, or an error says why not.
    "pdf-as-html": ({"changed", "unchanged", ERROR}, r"pdf|content.type|not (an? )?(html|text)|binary|read"),
    "png-as-html": ({ERROR}, r"png|image|content.type|not (an? )?(html|text)|binary"),
    "deep": ({"changed", "unchanged"}, None),
    "drip": ({ERROR}, r"timed out|timeout"),
    "reset": ({ERROR}, r"reset|recv|connection|partial|transfer"),
    "truncated": ({ERROR}, r"partial|transfer closed|truncat|short|remaining"),
    "gzip-bomb": ({ERROR}, r"max_body|too large|larger"),
    "redirect-loop": ({ERROR}, r"redirect"),
    "redirect-file": ({ERROR}, r"protocol|file:|redirect|scheme"),
    "hung": ({ERROR}, r"timed out|timeout"),
    "huge-header": ({ERROR}, r"^(?!.*out of memory).*header"),
    "many-headers": ({ERROR, "unchanged"}, r"^(?!.*out of memory).*header"),
    "http500": ({ERROR}, r"\b500\b"),
    "http429": ({ERROR}, r"\b429\b"),
    "oversized": ({ERROR}, r"max_body|too large|larger"),
    "bad-utf8": ({"unchanged"}, None),
    "wrong-charset": ({"unchanged"}, None),
    "broken-html": ({"changed", "unchanged", ERROR}, r"."),
    "feed-laughs": ({ERROR}, r"entit|xml|feed|pars|doctype|dtd"),
    # An external entity may be refused (an error) or left unexpanded (the feed lists its known item);
    # /etc/passwd must never be read into anything stored (checked by `stored`).
    "feed-xxe": ({ERROR, "listed", "unchanged"}, r"entit|xml|feed|pars|doctype|dtd"),
    "control": ({"unchanged", "not_modified"}, None),
}
# Faults whose stored version may change (the deep page must keep its text, the PDF must be stored as
# its text, never its bytes: both checked below).
MAY_CHANGE = {"deep", "broken-html", "pdf-as-html"}
DEEP_MARKER = "深层嵌套的正文仍然保留"

def connect(path):
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True)

def events(log_dir):
    found = []
    for path in sorted(glob.glob(os.path.join(log_dir, "changes-*.jsonl"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    found.append(json.loads(line))
                except ValueError:
                    found.append({"seq": None, "type": "unparsable", "source": "?", "line": line[:80]})
    return found

def stored(db):
    rows = db.execute("""SELECT d.source, d.url, d.current_version, v.number, v.content_hash, length(v.text)
                         FROM document d LEFT JOIN version v ON v.document = d.id ORDER BY d.id, v.number""")
    return [list(row) for row in rows]

def snapshot(database, log_dir):
    db = connect(database)
    print(json.dumps({"fetch_log": db.execute("SELECT COALESCE(MAX(id), 0) FROM fetch_log").fetchone()[0],
                      "stored": stored(db), "events": len(events(log_dir))}))

def polls(database, snapshot_path, phase):
    db = connect(database)
    mark = json.load(open(snapshot_path))["fetch_log"]
    failed = 0
    for route, (allowed, pattern) in EXPECTED.items():
        rows = db.execute("SELECT outcome, status, error, url FROM fetch_log WHERE id > ? AND source = ? ORDER BY id",
                          (mark, route)).fetchall()
        seen = "; ".join("%s%s%s" % (outcome, " %s" % status if status else "", ": %s" % error if error else "")
                         for outcome, status, error, _ in rows[:3]) or "no poll"
        problems = []
        if phase == "fetch" and len(rows) != 1:
            problems.append("%d rows (expected 1)" % len(rows))
        if phase == "run" and not rows and route != "http429":  # Retry-After: 120 may rightly hold it back
            problems.append("not polled")
        for outcome, _, error, _ in rows:
            if outcome not in allowed:
                problems.append("outcome %s (expected %s)" % (outcome, "/".join(sorted(allowed))))
            elif outcome == ERROR and not re.search(pattern, error or "", re.IGNORECASE):
                problems.append("error does not say what was wrong")
        if route == "deep":
            text = db.execute("""SELECT v.text FROM document d JOIN version v ON v.id = d.current_version
                                 WHERE d.source = 'deep'""").fetchone()
            if not text or DEEP_MARKER not in text[0]:
                problems.append("current version lost the nested text (%d characters)" % len(text[0] if text else ""))
        if route == "pdf-as-html":
            text = db.execute("""SELECT v.text FROM document d JOIN version v ON v.id = d.current_version
                                 WHERE d.source = 'pdf-as-html'""").fetchone()
            if text and ("%PDF" in text[0] or "endobj" in text[0]):
                problems.append("the PDF's bytes were stored as text")
        verdict = "FAIL" if problems else "PASS"
        failed += bool(problems)
        print("%s %-14s %-5s %s%s" % (verdict, route, phase, seen[:160], " [" + "; ".join(sorted(set(problems))) + "]" if problems else ""))
    return failed

def compare(database, log_dir, snapshot_path):
    before = json.load(open(snapshot_path))
    db = connect(database)
    failed = 0
    old = {}
    for row in before["stored"]:
        old.setdefault(row[0], []).append(row)
    new = {}
    for row in stored(db):
        new.setdefault(row[0], []).append(row)
    changed = sorted(source for source in set(old) | set(new) if old.get(source) != new.get(source))
    unexpected = [source for source in changed if source not in MAY_CHANGE]
    print("%s stored: %d sources' documents and versions compared, changed: %s" % (
        "FAIL" if unexpected else "PASS", len(old), ", ".join(changed) or "none"))
    failed += bool(unexpected)
    fresh = events(log_dir)[before["events"]:]
    allowed_types = {"source.failing", "source.recovered"}
    extra = [e for e in fresh if not (e.get("type") in allowed_types
                                      or (e.get("type") == "document.changed" and e.get("source") in MAY_CHANGE))]
    print("%s events: %d written after the switch (%s), unexpected: %s" % (
        "FAIL" if extra else "PASS", len(fresh), ", ".join(sorted({"%s %s" % (e.get("type"), e.get("source")) for e in fresh}))[:300] or "none",
        ", ".join("%s %s" % (e.get("type"), e.get("source")) for e in extra)[:300] or "none"))
    failed += bool(extra)
    leaked = db.execute("SELECT COUNT(*) FROM version WHERE text LIKE '%root:x:0:0%' OR title LIKE '%root:x:0:0%'").fetchone()[0]
    leaked += sum("root:x:0:0" in json.dumps(e) for e in events(log_dir))
    print("%s xxe: /etc/passwd content found in %d stored versions or events" % ("FAIL" if leaked else "PASS", leaked))
    failed += bool(leaked)
    return failed

if __name__ == "__main__":
    command = sys.argv[1]
    if command == "snapshot":
        snapshot(sys.argv[2], sys.argv[3])
    elif command == "polls":
        sys.exit(min(polls(sys.argv[2], sys.argv[3], sys.argv[4]), 100))
    elif command == "stored":
        sys.exit(compare(sys.argv[2], sys.argv[3], sys.argv[4]))
