#!/usr/bin/env python3
"""Loopback fault server for bench/fault-test.sh: one route per bad response.

  fault_server.py PORT

GET /__mode/good: every route serves a good article page of its own (feed routes a good RSS feed
whose one item is such a page), so a first poll stores a version. GET /__mode/fault: every route
answers with its fault. GET /__routes lists the routes. Faults (route → what is sent):

  empty          200 text/html with a 0-byte body
  pdf-as-html    a PDF document labelled text/html
  png-as-html    a PNG image labelled text/html
  deep           an article nested 5,000 elements deep (its text must survive)
  drip           headers, then one body byte a second for 20 s (past the client's timeout)
  reset          half the announced body, then a TCP reset
  truncated      Content-Length larger than the body sent, then a clean close
  gzip-bomb      20 KB of gzip that expands to 20 MB (past max_body)
  redirect-loop  302 to itself, for ever
  redirect-file  302 to file:///etc/passwd
  hung           accepts and reads the request, never answers (closes after 30 s)
  huge-header    one 200 KB header line
  many-headers   50,000 headers
  http500        500 Internal Server Error
  http429        429 with Retry-After: 120
  oversized      a 3 MiB HTML page (past max_body)
  bad-utf8       the good page with invalid UTF-8 bytes in its markup (not its text)
  wrong-charset  the good page in UTF-8, labelled charset=gbk in Content-Type
  broken-html    the good page's text in unbalanced, unclosed, misnested markup
  feed-laughs    an RSS feed with a billion-laughs entity expansion
  feed-xxe       an RSS feed with an external entity naming file:///etc/passwd
  control        always the good page
"""
import gzip, socket, socketserver, struct, sys, threading, time, zlib

ROUTES = ["empty", "pdf-as-html", "png-as-html", "deep", "drip", "reset", "truncated", "gzip-bomb",
          "redirect-loop", "redirect-file", "hung", "huge-header", "many-headers", "http500", "http429",
          "oversized", "bad-utf8", "wrong-charset", "broken-html", "feed-laughs", "feed-xxe", "control"]
FEEDS = {"feed-laughs", "feed-xxe"}
mode = "good"

def paragraphs(name):
    return ["关于%s路由的第%d段正文：为推动全市工业企业加快复工复产，规模以上工业企业复工面达到99.7%%。" % (name, i)
            for i in range(6)]

def article(name, wrap=lambda body: body):
    body = "".join("<p>%s</p>" % p for p in paragraphs(name))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s的通知_故障网</title></head><body>"
            "<div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"article\"><h1>%s的通知</h1>"
            "<div class=\"info\">2026-11-20 08:00 来源：故障网</div>%s</div>"
            "<div class=\"footer\">版权所有</div></body></html>" % (name, name, wrap(body))).encode("utf-8")

def feed(port, name, doctype="", title="故障网订阅"):
    """An RSS feed whose one item is the article /article/NAME.html (the same in good and fault mode)."""
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>%s<rss version=\"2.0\"><channel><title>%s</title>"
            "<link>http://127.0.0.1:%d/</link><item><title>%s文章%s</title><link>http://127.0.0.1:%d/article/%s.html</link>"
            "<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"
            % (doctype, title, port, name, title if doctype else "", port, name)).encode("utf-8")

def deep_page():
    depth = 5000
    text = "".join("<p>%s</p>" % p for p in paragraphs("deep")) + "<p>深层嵌套的正文仍然保留。</p>"
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>deep的通知_故障网</title></head><body>"
            "<h1>deep的通知</h1>" + "<div>" * depth + text + "</div>" * depth + "</body></html>").encode("utf-8")

def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes(range(16)) * 4 for _ in range(64))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
       b"4 0 obj<</Length 44/Filter/FlateDecode>>stream\n" + zlib.compress(b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET" * 20)
       + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
BOMB = gzip.compress(b"\0" * (20 << 20))
LAUGHS = "<!DOCTYPE rss [<!ENTITY lol \"lol\">" + "".join(
    "<!ENTITY lol%d \"%s\">" % (i, ("&lol%s;" % (i - 1 if i > 1 else "")) * 10) for i in range(1, 10)) + "]>"
XXE = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"

class Handler(socketserver.BaseRequestHandler):
    def send(self, status, headers, body=b"", length=None):
        head = ["HTTP/1.1 %s" % status, "Connection: close"]
        head += ["%s: %s" % pair for pair in headers]
        head.append("Content-Length: %d" % (len(body) if length is None else length))
        self.request.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    def handle(self):
        global mode
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.request.recv(65536)
            if not chunk:
                return
            data += chunk
        path = data.split(b" ", 2)[1].decode("latin-1")
        port = self.server.server_address[1]
        html = [("Content-Type", "text/html; charset=utf-8")]
        if path.startswith("/__mode/"):
            mode = path[len("/__mode/"):]
            return self.send("200 OK", [], mode.encode())
        if path == "/__routes":
            return self.send("200 OK", [], " ".join(ROUTES).encode())
        if path.startswith("/article/"):
            return self.send("200 OK", html, article(path[len("/article/"):-len(".html")]))
        name = path.strip("/").split(".")[0]
        if name not in ROUTES:
            return self.send("404 Not Found", [])
        if mode != "fault" or name == "control":
            if name in FEEDS:
                return self.send("200 OK", [("Content-Type", "application/rss+xml")], feed(port, name))
            return self.send("200 OK", html, article(name))
        getattr(self, "fault_" + name.replace("-", "_"))(html, port)

    def fault_empty(self, html, port): self.send("200 OK", html, b"")
    def fault_pdf_as_html(self, html, port): self.send("200 OK", [("Content-Type", "text/html")], PDF)
    def fault_png_as_html(self, html, port): self.send("200 OK", [("Content-Type", "text/html")], png())
    def fault_deep(self, html, port): self.send("200 OK", html, deep_page())
    def fault_http500(self, html, port): self.send("500 Internal Server Error", html, b"<h1>500</h1>")
    def fault_http429(self, html, port): self.send("429 Too Many Requests", html + [("Retry-After", "120")], b"slow down")
    def fault_redirect_loop(self, html, port): self.send("302 Found", [("Location", "/redirect-loop.html")])
    def fault_redirect_file(self, html, port): self.send("302 Found", [("Location", "file:///etc/passwd")])
    def fault_huge_header(self, html, port): self.send("200 OK", html + [("X-Huge", "a" * (200 << 10))], article("huge-header"))
    def fault_many_headers(self, html, port):
        self.send("200 OK", html + [("X-Header-%d" % i, "v") for i in range(50_000)], article("many-headers"))
    def fault_oversized(self, html, port):
        self.send("200 OK", html, article("oversized", lambda body: body + "<p>%s</p>" % ("填充" * (1 << 20))))
    def fault_gzip_bomb(self, html, port): self.send("200 OK", html + [("Content-Encoding", "gzip")], BOMB)
    def fault_bad_utf8(self, html, port):
        self.send("200 OK", html, article("bad-utf8").replace(b"<div class=\"footer\">", b"<div class=\"footer\" data-x=\"\xff\xfe\xc0\xaf\">"))
    def fault_wrong_charset(self, html, port):
        self.send("200 OK", [("Content-Type", "text/html; charset=gbk")], article("wrong-charset"))
    def fault_broken_html(self, html, port):
        broken = "".join("<p><b><i>%s</b>" % p for p in paragraphs("broken-html")) + "</div></span><table><tr><td"
        self.send("200 OK", html, ("<html><head><meta charset=\"utf-8\"><title>broken-html的通知_故障网</title><body>"
                                   "<div class=\"article\"><h1>broken-html的通知</h2><div>" + broken).encode("utf-8"))
    def fault_feed_laughs(self, html, port):
        self.send("200 OK", [("Content-Type", "application/rss+xml")], feed(port, "feed-laughs", LAUGHS, "&lol9;"))
    def fault_feed_xxe(self, html, port):
        self.send("200 OK", [("Content-Type", "application/rss+xml")], feed(port, "feed-xxe", XXE, "&xxe;"))

    def fault_drip(self, html, port):
        self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 100\r\n\r\n")
        for _ in range(20):
            time.sleep(1)
            try:
                self.request.sendall(b"<")
            except OSError:
                return

    def fault_reset(self, html, port):
        body = article("reset")
        self.request.sendall(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                              % len(body)).encode() + body[: len(body) // 2])
        time.sleep(0.2)
        self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.request.close()

    def fault_truncated(self, html, port):
        body = article("truncated")
        self.send("200 OK", html, body[: len(body) // 2], length=len(body))

    def fault_hung(self, html, port):
        time.sleep(30)

class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on a fault (a reset, a body past max_body) is expected
    allow_reuse_address = True
    request_queue_size = 256

if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
