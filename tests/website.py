"""A small web site on 127.0.0.1 for the fetching tests: each path answers with the replies
it is given, in turn (the last one again and again), and every request is logged.

Nothing it serves comes from, or links to, anything beyond this machine.
"""

from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Reply:
    """One answer: status, headers and body, after waiting ``delay`` seconds."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_type: str | None = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived


class Site:
    """The routes and the request log of one running server."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self.server: http.server.ThreadingHTTPServer | None = None

    @property
    def root(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return f"{self.root}{path}"

    def add(self, path: str, *replies: Reply | str | bytes) -> str:
        """Serve ``path`` with these replies in turn; returns its URL."""
        self.routes[path] = [r if isinstance(r, Reply) else Reply(r) for r in replies]
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def reply_for(self, path: str, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append(Request(path, headers, time.monotonic()))
            replies = self.routes.get(path)
            if not replies:
                return Reply("not here", status=404, content_type="text/plain")
            return replies.pop(0) if len(replies) > 1 else replies[0]


class _Handler(http.server.BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        reply = self.site.reply_for(self.path, dict(self.headers.items()))
        if reply.delay:
            time.sleep(reply.delay)
        body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
        try:
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            if "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (a timeout test): nothing to tell

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up mid-answer is what the timeout tests do


def start(site: Site) -> None:
    handler = type("Handler", (_Handler,), {"site": site})
    site.server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=site.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()


def stop(site: Site) -> None:
    if site.server is not None:
        site.server.shutdown()
        site.server.server_close()
