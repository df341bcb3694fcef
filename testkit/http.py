"""A built site served on a free loopback port without a log line per request, and free ports."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from pathlib import Path

HOST = "127.0.0.1"


def free_port(host: str = HOST) -> int:
    """A port nothing listens on now (a server started later may still race for it)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without writing a line per request to stderr (test and benchmark output stays readable)."""

    extra_headers: dict[str, str] = {}

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


@contextlib.contextmanager
def serve_folder(folder: Path, headers: dict[str, str] | None = None):
    """A built site served from its folder on a free loopback port; yields its address.
    `headers` are sent with every response (a test that edits pages between visits: no-cache)."""
    handler = functools.partial(type("Handler", (QuietHandler,), {"extra_headers": dict(headers or {})}),
                                directory=str(folder))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
