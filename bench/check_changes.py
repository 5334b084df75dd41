#!/usr/bin/env python3
"""Checks a docwatch database and its change-log directory against each other (bench/crash-test.sh).

  check_changes.py DATABASE LOG_DIR

Problems looked for:
  - `PRAGMA integrity_check` is not ok;
  - a change file with a partial last line (no newline) or a line that is not one JSON object with a seq;
  - a duplicate seq, or a gap in the seqs 1…max, or a max seq behind the outbox, or undelivered outbox rows;
  - a stored version without exactly one document.new/changed event naming it, or such an event
    naming no stored version;
  - a `diff.file` named by an event that does not exist.
Prints one line per problem (the first 20 of each kind), then `events=… versions=… problems=…`;
exits 1 when there is any problem.
"""
import collections, glob, json, os, sqlite3, sys

database, log_dir = sys.argv[1], sys.argv[2]
problems = collections.defaultdict(list)

def problem(kind, text):
    problems[kind].append(text)

db = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
if integrity != ["ok"]:
    problem("integrity", "integrity_check: " + "; ".join(integrity[:5]))

events = []
for path in sorted(glob.glob(os.path.join(log_dir, "changes-*.jsonl"))):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] != b"":
        problem("partial line", "%s: last line has no newline (%d bytes): %r…" % (name, len(lines[-1]), lines[-1][:60]))
    for number, line in enumerate(lines[:-1], 1):
        try:
            event = json.loads(line.decode("utf-8"))
            if not isinstance(event, dict) or not isinstance(event.get("seq"), int):
                raise ValueError("not an object with an integer seq")
        except (ValueError, UnicodeDecodeError) as error:
            problem("unparsable line", "%s:%d (%d bytes): %s: %r…" % (name, number, len(line), error, line[:60]))
            continue
        events.append(event)

seqs = collections.Counter(event["seq"] for event in events)
for seq, count in sorted(seqs.items()):
    if count > 1:
        problem("duplicate seq", "seq %d written %d times" % (seq, count))
if seqs:
    missing = sorted(set(range(1, max(seqs) + 1)) - set(seqs))
    for seq in missing:
        problem("seq gap", "seq %d missing" % seq)
outbox_max = db.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()[0]
undelivered = db.execute("SELECT COUNT(*) FROM outbox WHERE delivered = 0").fetchone()[0]
if outbox_max > max(seqs, default=0):
    problem("seq gap", "outbox holds seq %d, change files stop at %d" % (outbox_max, max(seqs, default=0)))
if undelivered:
    problem("undelivered", "%d outbox events not delivered after the final drain" % undelivered)

named = collections.Counter()
for event in events:
    if event.get("type") in ("document.new", "document.changed"):
        named[(event.get("document"), event.get("version"))] += 1
    diff_file = (event.get("diff") or {}).get("file")
    if diff_file and not os.path.isfile(os.path.join(log_dir, diff_file)):
        problem("missing diff file", "seq %d names %s, which does not exist" % (event["seq"], diff_file))

versions = set()
for document, number, duplicate in db.execute(
        "SELECT v.document, v.number, d.duplicate_of IS NOT NULL FROM version v JOIN document d ON d.id = v.document"):
    if duplicate and number == 1:
        continue  # the first version of a duplicate raises no event by design
    versions.add((document, number))
    if named[(document, number)] != 1:
        problem("version events", "document %d version %d has %d events (expected 1)" % (document, number, named[(document, number)]))
for key, count in named.items():
    if key not in versions:
        problem("orphan event", "%d events name document %s version %s, which is not stored" % (count, key[0], key[1]))

total = 0
for kind, texts in problems.items():
    total += len(texts)
    for text in texts[:20]:
        print("PROBLEM %s: %s" % (kind, text))
    if len(texts) > 20:
        print("PROBLEM %s: … and %d more" % (kind, len(texts) - 20))
summary = ", ".join("%s %d" % (kind, len(texts)) for kind, texts in problems.items())
print("events=%d versions=%d problems=%d%s" % (len(events), len(versions), total, " (" + summary + ")" if summary else ""))
sys.exit(1 if total else 0)
