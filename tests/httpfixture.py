"""A small threaded HTTP server on 127.0.0.1 with routes set per test.

Real HTTP on a random free port, never another address: the fetcher and discovery are
tested against sockets, not mocks, so timeouts, resets and truncated bodies are real.

A route maps a path (with or without its query string) to a Reply, a list of Replies
(served in turn, the last one repeating) or a function of the Request returning a Reply.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from config.settings import Settings


@dataclass
class Reply:
    """What the server answers. ``chunks`` streams a chunked body; ``raw`` writes bytes then closes."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    chunks: Callable[[], Iterable[bytes]] | None = None
    raw: bytes | None = None
    close: bool = False  # close the socket without answering (a reset)
    delay: float = 0.0  # seconds to wait before answering


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]


Route = Reply | list[Reply] | Callable[[Request], Reply]


class _Handler(BaseHTTPRequestHandler):
    server: TestServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        request = Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
        self.server.record(request)
        reply = self.server.reply_for(request)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.close:
            self._reset()
            return
        if reply.raw is not None:
            self.wfile.write(reply.raw)
            self.wfile.flush()
            self.close_connection = True
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(reply)

    def _reset(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.close()

    def _answer(self, reply: Reply) -> None:
        body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
        self.send_response(reply.status)
        names = {k.lower() for k in reply.headers}
        if reply.content_type and "content-type" not in names:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.chunks is not None:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in reply.chunks():
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            return
        if "content-length" not in names:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if reply.status != 304:
            self.wfile.write(body)


class TestServer(ThreadingHTTPServer):
    """Serves ``routes``; ``hits`` lists every request in arrival order."""

    __test__ = False  # not a test class, whatever its name says
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.hits: list[Request] = []
        self._lock = threading.Lock()
        self._turns: dict[str, int] = {}
        self.errors = 0

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Route) -> str:
        """Register ``reply`` for ``path`` and return the full URL."""
        self.routes[path] = reply
        return self.url(path)

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-body are part of the tests; keep the output quiet."""
        self.errors += 1

    def record(self, request: Request) -> None:
        with self._lock:
            self.hits.append(request)

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def reply_for(self, request: Request) -> Reply:
        key = request.path if request.path in self.routes else request.path.split("?", 1)[0]
        route = self.routes.get(key)
        if route is None:
            return Reply(404, "not found", content_type="text/plain")
        if isinstance(route, Reply):
            return route
        if isinstance(route, list):
            with self._lock:
                turn = self._turns.get(key, 0)
                self._turns[key] = turn + 1
            return route[min(turn, len(route) - 1)]
        return route(request)


@contextlib.contextmanager
def running_server() -> Iterator[TestServer]:
    server = TestServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[TestServer]:
    """A live server on 127.0.0.1 for one test (fetch and discovery tests import this fixture)."""
    with running_server() as srv:
        yield srv


@pytest.fixture
def settings() -> Settings:
    """Fast settings: no real backoff, short timeouts."""
    return Settings(
        backoff_base=0.0,
        backoff_max=0.0,
        retries=2,
        connect_timeout=2.0,
        read_timeout=2.0,
        user_agent="diplowatch-test/0.1 (+https://example.invalid/diplowatch)",
    )
