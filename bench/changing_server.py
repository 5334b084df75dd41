#!/usr/bin/env python3
"""Loopback HTTP server whose pages keep changing, for bench/crash-test.sh.

  changing_server.py PORT [--period SECONDS] [--long-every K]

/c/N.html is an article whose text moves to a new revision every PERIOD seconds (each page on a
phase of its own, so changes arrive all the time rather than in bursts). A revision number only
grows, so no page ever goes back to earlier content (every change is a new stored version), and
every page's text is its own (no duplicates across URLs). Every K-th page has a headline of about
25,000 characters, so its change notification is a line longer than 64 KiB (crash recovery must
find the last line whatever its length).

GET /__freeze stops all revisions where they stand (the final drain); /__thaw starts them again.
Serves on 127.0.0.1 only, with a large listen backlog (see loopback_server.py).
"""
import http.server, random, socketserver, sys, threading, time

def option(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default

PERIOD = option("--period", 2.0)
LONG_EVERY = option("--long-every", 10)
HAN = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 3000))
frozen_at = None
lock = threading.Lock()

def revision(n):
    now = frozen_at if frozen_at is not None else time.time()
    return int(now / PERIOD + (n % 17) / 17.0)

def page(n, rev):
    rng = random.Random(n * 1_000_003 + rev)
    headline = "第%d号通知（第%d次修订）" % (n, rev)
    if LONG_EVERY > 0 and n % LONG_EVERY == 0:
        headline += "".join(rng.choice(HAN) for _ in range(25_000))
    paragraphs = "".join("<p>%s。</p>" % "".join(rng.choice(HAN) for _ in range(90)) for _ in range(5))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s_测试网</title></head><body>"
            "<div class='nav'>首页 | 通知公告</div><div class='article'><h1>%s</h1>"
            "<div class='info'>2026-11-20 08:00 来源：测试网</div>%s"
            "</div><div class='footer'>版权所有</div></body></html>" % (headline, headline, paragraphs)).encode("utf-8")

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        global frozen_at
        if self.path == "/__freeze":
            with lock:
                frozen_at = frozen_at or time.time()
            return self.reply(200, b"frozen", "text/plain")
        if self.path == "/__thaw":
            with lock:
                frozen_at = None
            return self.reply(200, b"thawed", "text/plain")
        if self.path.startswith("/c/") and self.path.endswith(".html"):
            try:
                n = int(self.path[3:-5])
            except ValueError:
                return self.reply(404, b"")
            return self.reply(200, page(n, revision(n)))
        self.reply(404, b"")

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 4096
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # a daemon killed mid-transfer resets its connections: expected here

if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
