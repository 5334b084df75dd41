#!/usr/bin/env python3
"""Loopback HTTP server for benchmarks: /p/N.html is an article page with an ETag (304 on a match).

  loopback_server.py PORT [--pages N]
Serves on 127.0.0.1 only, with a listen backlog large enough for thousands of sources (the stock
http.server keeps a backlog of 5 and drops connections past it).
"""
import http.server, socketserver, sys

PAGES = int(sys.argv[sys.argv.index("--pages") + 1]) if "--pages" in sys.argv else 1000
PARAGRAPH = "为推动全市工业企业加快复工复产，努力实现工业经济平稳发展，规模以上工业企业复工面达到99.7%，人员返岗率由75.6%提升至94%。"

def page(n):
    body = "\n".join(f"<p>{PARAGRAPH}（第{i}段）</p>" for i in range(12))
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>第{n}号通知_基准网</title></head><body>"
            f"<div class=\"nav\"><a href=\"/\">首页</a></div><h1>第{n}号通知：加快复工复产</h1>"
            f"<div class=\"info\">2020-04-15 18:06 来源：基准网</div><div class=\"content\">{body}</div>"
            f"<div class=\"footer\">版权所有 ICP备00000000号</div></body></html>").encode("utf-8")

BODIES = {f"/p/{n}.html": page(n) for n in range(PAGES)}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = BODIES.get(self.path)
        if body is None:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        etag = '"%x"' % hash(body)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304); self.send_header("ETag", etag); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 4096
    allow_reuse_address = True

if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
