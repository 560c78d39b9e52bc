"""A local HTTP server for crawl tests: routes with bodies and faults, and a log of every hit.

Faults, each a route kind: `status` (any code, optional Retry-After), `retry_after` (503 with
Retry-After the first N hits, then the page), `slow` (answers after a delay longer than the
crawl's timeout), `reset` (closes the connection with a TCP RST), `redirect` (to another
path; two of them make a loop), `huge` (a 50 MB page, announced or chunked).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    content_type: str | None = "text/html"
    charset: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = "page"  # page | retry_after | slow | reset | redirect | huge
    delay: float = 0.0
    times: int = 0  # retry_after: how many 503s before the page
    location: str | None = None
    size: int = 0
    chunked: bool = False


class MockSite:
    """Routes by path (with query string) and a thread-safe log of the paths requested."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.times: list[tuple[float, str]] = []  # (time.monotonic, path) of each request
        self.user_agents: set[str] = set()
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.delay_all = 0.0  # seconds added before every answer (to make crawls killable)

    # -- routes -------------------------------------------------------------------------
    def add(self, path: str, body: bytes | str = b"", **kwargs: Any) -> str:
        """Serve `body` at `path`; returns the absolute URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)
        return self.url(path)

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    @property
    def port(self) -> int:
        """The port the server listens on."""
        assert self.server is not None
        return int(self.server.server_address[1])

    def count(self, predicate: Callable[[str], bool] = lambda p: True) -> int:
        """How many requests were made for paths matching `predicate`."""
        with self.lock:
            return sum(n for p, n in self.hits.items() if predicate(p))

    def reset_log(self) -> None:
        """Forget the hits so far."""
        with self.lock:
            self.hits.clear()
            self.times.clear()

    # -- server -------------------------------------------------------------------------
    def start(self) -> MockSite:
        """Listen on 127.0.0.1 at a free port, in a background thread."""
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                with site.lock:
                    site.times.append((time.monotonic(), self.path))
                    site.hits[self.path] += 1
                    hit = site.hits[self.path]
                    site.user_agents.add(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path)
                if site.delay_all:
                    time.sleep(site.delay_all)
                try:
                    if route is None:
                        self._send(404, b"<html><body>not found</body></html>", "text/html")
                    else:
                        self._answer(route, hit)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status: int, body: bytes, content_type: str | None,
                      charset: str | None = None, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                if content_type:
                    ctype = content_type + (f"; charset={charset}" if charset else "")
                    self.send_header("Content-Type", ctype)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _answer(self, route: Route, hit: int) -> None:
                if route.kind == "retry_after" and hit <= route.times:
                    self._send(503, b"busy", "text/plain", headers={"Retry-After": "1"})
                elif route.kind == "slow":
                    time.sleep(route.delay)
                    self._send(200, route.body, route.content_type, route.charset)
                elif route.kind == "reset":
                    # SO_LINGER with a zero timeout turns close() into a TCP RST.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                               struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                elif route.kind == "redirect":
                    self._send(302, b"", None, headers={"Location": route.location or "/"})
                elif route.kind == "huge":
                    self._huge(route)
                else:
                    self._send(route.status, route.body, route.content_type, route.charset,
                               route.headers)

            def _huge(self, route: Route) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                chunk = b"<p>" + b"x" * 65526 + b"</p>\n"
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Content-Length", str(route.size))
                self.end_headers()
                sent = 0
                while sent < route.size:
                    if route.chunked:
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    else:
                        self.wfile.write(chunk[: route.size - sent])
                    sent += len(chunk)
                if route.chunked:
                    self.wfile.write(b"0\r\n\r\n")

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients that hang up on purpose are part of the tests

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
