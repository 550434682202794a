"""A local HTTP server for the intake tests: canned answers on 127.0.0.1, never the internet."""

from __future__ import annotations

import threading
import time
from contextlib import suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow server
    repeat: int = 1  # times the body is sent, with no Content-Length: a huge stream
    drip: float = 0.0  # seconds between header lines, then between body bytes: a hostile server


class LocalServer:
    """Serves `routes` (path -> Answer) from a thread; records each request's path and agent.

    An answer with an ETag header is a 304 to a request whose If-None-Match names it. A POST
    is recorded in `posts` (path, body) and answered with the route's status, as a webhook.
    """

    def __init__(self, routes: dict[str, Answer]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, str]] = []
        self.posts: list[tuple[str, bytes]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # close-delimited bodies, so a stream can be endless

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                answer = server.routes.get(self.path, Answer(b"not here", status=404))
                etag = answer.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    answer = Answer(status=304, content_type=None, headers={"ETag": etag})
                time.sleep(answer.delay)
                # The client may hang up first (a timeout, a size cap): what the test wanted.
                with suppress(BrokenPipeError, ConnectionResetError):
                    self._answer(answer)

            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server.posts.append((self.path, body))
                answer = server.routes.get(self.path, Answer(b"not here", status=404))
                self._answer(answer)

            def _answer(self, answer: Answer) -> None:
                if answer.drip:
                    self._drip(answer)
                    return
                self.send_response(answer.status)
                if answer.content_type:
                    self.send_header("Content-Type", answer.content_type)
                if answer.repeat == 1 and "Content-Length" not in answer.headers:
                    self.send_header("Content-Length", str(len(answer.body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for _ in range(answer.repeat):
                    self.wfile.write(answer.body)

            def _drip(self, answer: Answer) -> None:
                """Twenty header lines, then the body, a line or a byte every `drip` s."""
                head = [f"HTTP/1.0 {answer.status} OK", f"Content-Type: {answer.content_type}"]
                head += [f"X-Drip-{n}: slowly" for n in range(20)]
                for piece in [f"{line}\r\n".encode() for line in head] + [b"\r\n"]:
                    self.wfile.write(piece)
                    self.wfile.flush()
                    time.sleep(answer.drip)
                for byte in answer.body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(answer.drip)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler
