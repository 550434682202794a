"""A local SMTP server for the watch tests: it takes mail on 127.0.0.1 and keeps it."""

from __future__ import annotations

import socketserver
import threading
from email import message_from_bytes
from email.message import Message


class LocalSmtp:
    """Speaks just enough SMTP for smtplib; `messages` holds what it was sent."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host!s}:{port}"

    def __enter__(self) -> LocalSmtp:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[socketserver.StreamRequestHandler]:
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self._say("220 localhost ready")
                while line := self.rfile.readline():
                    verb = line[:4].upper()
                    if verb == b"DATA":
                        self._say("354 go on")
                        server.messages.append(message_from_bytes(self._data()))
                        self._say("250 kept")
                    elif verb == b"QUIT":
                        self._say("221 bye")
                        return
                    else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP: all fine
                        self._say("250 ok")

            def _data(self) -> bytes:
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                return b"".join(lines)

            def _say(self, text: str) -> None:
                self.wfile.write(text.encode() + b"\r\n")

        return Handler
