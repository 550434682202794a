"""The explorer in a background thread and a headless Chromium to look at it.

Used by the browser tests and by `tools/screenshots.py`: both need a real server on a free
loopback port and Debian's `chromium` driven through its own `chromedriver` (no driver
download, nothing fetched from the network).
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn
from fastapi import FastAPI

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER_CANDIDATES = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


class BackgroundServer:
    """`with BackgroundServer(app) as server: server.url` serves the app on 127.0.0.1."""

    def __init__(self, app: FastAPI, host: str = "127.0.0.1") -> None:
        self.app, self.host = app, host
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> BackgroundServer:
        # The socket is bound here and handed to uvicorn, so no other process can take the
        # port between choosing it and listening on it.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"the explorer did not start on {self.url}")
            time.sleep(0.05)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._server and self._thread:
            self._server.should_exit = True
            self._thread.join(timeout=10)


def find_chromium() -> tuple[str, str] | None:
    """(chromium, chromedriver) paths, or None when either is not installed."""
    browser = _first_existing(CHROMIUM_CANDIDATES) or shutil.which("chromium")
    driver = _first_existing(CHROMEDRIVER_CANDIDATES) or shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def _first_existing(paths: tuple[str, ...]) -> str | None:
    return next((p for p in paths if Path(p).exists()), None)


@contextmanager
def chromium_driver(width: int = 1360, height: int = 900) -> Iterator[Any]:
    """A headless Chromium with a fresh profile, driven by the system's chromedriver.

    `with chromium_driver() as driver: driver.get(url)`; the browser quits and its profile is
    removed on leaving the block.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_chromium()
    if found is None:
        raise RuntimeError(
            "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        )
    browser, driver_path = found
    with tempfile.TemporaryDirectory(prefix="communique-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        size = f"--window-size={width},{height}"
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", size):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()
