"""One overall deadline a request, enforced on every socket read and write under httpx.

httpx's timeouts bound each read: a server that drips a header line every few seconds, or a
byte of the body, keeps a request alive for ever. Here every read and write of the request's
connection waits at most until the deadline, so the whole request (connect, headers, body)
ends by then, however the server paces it.
"""

from __future__ import annotations

import ssl
import time
import typing

import httpcore
import httpx


class Deadline:
    """When the request in flight must be over; `start` sets it for the next one."""

    def __init__(self) -> None:
        self.at = float("inf")
        self.seconds = 0.0

    def start(self, seconds: float) -> None:
        self.at, self.seconds = time.monotonic() + seconds, seconds

    def bound(self, timeout: float | None) -> float:
        """The socket timeout to use: the caller's, or less if the deadline comes first."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout(f"no answer within {self.seconds:g} s")
        return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.bound(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.bound(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._deadline.bound(timeout))
        return _Stream(tls, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self._backend, self._deadline = httpcore.SyncBackend(), deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = self._deadline.bound(timeout)
        stream = self._backend.connect_tcp(host, port, bounded, local_address, socket_options)
        return _Stream(stream, self._deadline)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = self._deadline.bound(timeout)
        stream = self._backend.connect_unix_socket(path, bounded, socket_options)
        return _Stream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport, its connections made through a backend that keeps `deadline`.

    httpx does not let a network backend be passed in, so its connection pool is made again
    with the backend (httpx 0.28). A communique run fetches one URL at a time, so the pool's
    default limits are plenty. With `proxy`, requests go through that proxy, whose
    connection keeps the deadline too.
    """

    def __init__(self, deadline: Deadline, proxy: str | None = None) -> None:
        super().__init__()
        ssl_context = httpx.create_ssl_context()
        backend = _Backend(deadline)
        self._pool: httpcore.ConnectionPool = (
            httpcore.HTTPProxy(proxy_url=proxy, ssl_context=ssl_context, network_backend=backend)
            if proxy
            else httpcore.ConnectionPool(ssl_context=ssl_context, network_backend=backend)
        )
