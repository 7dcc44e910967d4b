"""A misbehaving HTTP server on 127.0.0.1 for the fetch and batch tests (http.server in a thread).

Every route is a small page of our own or a way to fail: redirects and loops, a slow answer, an
endless or trickling body, wrong charset headers, gzip, error statuses, other media types and a
malformed Location. Each endless loop is bounded in bytes and time, so the server always stops.
"""

from __future__ import annotations

import gzip
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from support import SENTENCE

ENDLESS_LIMIT = 64 * 1024 * 1024
"""The endless body stops after this many bytes (far past any cap a test sets)."""
TRICKLE_SECONDS = 30.0
"""The trickling body gives up after this long, whether or not the client left."""


def page(title: str, *, links: str = "", charset_meta: str = "", before: str = "") -> str:
    return (f"<html><head>{charset_meta}<title>{title}</title></head><body>{before}<article><h1>{title}</h1>"
            + f"<p>{SENTENCE} {SENTENCE}</p>" * 3 + f"{links}</article></body></html>")


CRUMBS = '<nav class="breadcrumb"><a href="../">Home</a> › <a href="./">News</a> › <a href="local">Local</a></nav>'
UTF8_TITLE = "Élections à Brașov : résultats définitifs"
CP1252_TITLE = "Élections à Paris : résultats définitifs"


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # quiet in test output
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
             **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        route = ROUTES.get(path)
        if route is None and path.startswith("/pages/"):
            return self.send(200, page(f"Story number {path.rsplit('/', 1)[-1]}").encode())
        if route is None and path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[-1])
            if left:
                return self.send(302, Location=f"/chain/{left - 1}")
            return self.send(200, page("End of chain").encode())
        if route is None:
            return self.send(404, b"<p>not here</p>")
        route(self)

    def slow(self) -> None:
        time.sleep(3)
        self.send(200, page("Slow").encode())

    def endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        for _ in range(ENDLESS_LIMIT // len(chunk)):
            self.wfile.write(chunk)

    def trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        started = time.monotonic()
        while time.monotonic() - started < TRICKLE_SECONDS:
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.5)

    def chunked_gzip(self) -> None:
        self.protocol_version = "HTTP/1.1"  # chunked transfer coding is HTTP/1.1's
        self.send_response(200)
        for name, value in (("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked"),
                            ("Content-Encoding", "gzip"), ("Connection", "close")):
            self.send_header(name, value)
        self.end_headers()
        body = gzip.compress(page("Sent in chunks").encode())
        for start in range(0, len(body), 100):
            chunk = body[start:start + 100]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def retry_once(self) -> None:
        if Handler.hits[self.path] == 1:
            return self.send(429, b"", Retry_After="1")
        self.send(200, page("Second try").encode())


ROUTES = {
    "/page": lambda h: h.send(200, page("A page", links='<a href="story">next story</a>').encode()),
    "/news": lambda h: h.send(301, Location="/news/"),
    "/news/": lambda h: h.send(200, page("News index", before=CRUMBS)
                               .encode()),
    "/loop": lambda h: h.send(302, Location="/loop"),
    "/slow": Handler.slow,
    "/endless": Handler.endless,
    "/trickle": Handler.trickle,
    "/latin1-header-utf8-body": lambda h: h.send(200, page(UTF8_TITLE).encode(), "text/html; charset=iso-8859-1"),
    "/utf8-header-cp1252-body": lambda h: h.send(
        200, page(CP1252_TITLE, charset_meta='<meta charset="windows-1252">').encode("cp1252"),
        "text/html; charset=utf-8"),
    "/no-charset-cp1252": lambda h: h.send(200, page(CP1252_TITLE).encode("cp1252"), "text/html"),
    "/gzip": lambda h: h.send(200, gzip.compress(page("Compressed").encode()), Content_Encoding="gzip"),
    "/chunked-gzip": Handler.chunked_gzip,
    "/gone": lambda h: h.send(404, b"<p>gone</p>"),
    "/broken": lambda h: h.send(500, b"<p>oops</p>"),
    "/busy": lambda h: h.send(503, b"", Retry_After="3600"),
    "/retry-once": Handler.retry_once,
    "/image": lambda h: h.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
    "/json": lambda h: h.send(200, b'{"a": 1}', "application/json"),
    "/text": lambda h: h.send(200, f"A plain title\n\n{SENTENCE}\n\n{SENTENCE}\n".encode(), "text/plain"),
    "/bad-location": lambda h: h.send(302, Location="http://[::1/x"),
    "/long-label": lambda h: h.send(302, Location="http://" + "a" * 64 + ".example/"),
}


@contextmanager
def serving():
    """The server's base URL (http://127.0.0.1:PORT) while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
