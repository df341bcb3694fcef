"""Serve a built site on 127.0.0.1 with Debian's nginx, compressed and with cache headers.

The config is written into a temporary folder and nginx runs in the
foreground as a child of the benchmark, so nothing outside that folder is
touched and stopping the benchmark stops the server.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MIME_TYPES = "/etc/nginx/mime.types"
GZIP_TYPES = "text/css application/javascript application/json image/svg+xml text/xml application/xml"
# Level 6 is the common production choice (nginx's own default, 1, compresses less).
GZIP_LEVEL = 6
# Material's CSS and JS carry a content hash in their names: they can be cached for a year.
HASHED_ASSET = r"^/assets/.+\.[0-9a-f]{8}\.min\.(?:js|css)$"
CACHE_HASHED = "public, max-age=31536000, immutable"
# Other assets (guide.css, favicon, lunr language files) keep their names between
# builds: cached for a day, so a style change reaches readers the next day.
CACHE_ASSETS = "public, max-age=86400"
# HTML and the search index change with every content edit: revalidate each time (a 304 when unchanged).
CACHE_PAGES = "no-cache"
START_TIMEOUT_S = 10

CONFIG = """\
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {mime};
    default_type application/octet-stream;
    # One line per request, read back by the benchmark: what really crossed the network.
    log_format bench '$request_uri $status $bytes_sent';
    access_log {tmp}/access.log bench;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    gzip on;
    gzip_comp_level {level};
    gzip_min_length 256;
    gzip_vary on;
    gzip_types {types};
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location ~ "{hashed}" {{ add_header Cache-Control "{cache_hashed}"; }}
        location /assets/ {{ add_header Cache-Control "{cache_assets}"; }}
        location / {{ add_header Cache-Control "{cache_pages}"; }}
        error_page 404 /404.html;
    }}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_config(tmp: Path, root: Path, port: int) -> Path:
    path = tmp / "nginx.conf"
    path.write_text(CONFIG.format(tmp=tmp, mime=MIME_TYPES, level=GZIP_LEVEL, types=GZIP_TYPES, port=port,
                                  root=root.resolve(), hashed=HASHED_ASSET, cache_hashed=CACHE_HASHED,
                                  cache_assets=CACHE_ASSETS, cache_pages=CACHE_PAGES))
    return path


def _wait_for(port: int, proc: subprocess.Popen, tmp: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited: {(tmp / 'error.log').read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start listening in time")


class AccessLog:
    """The server's own record of requests, read in slices (one slice per page visit)."""

    def __init__(self, path: Path):
        self.path = path
        self.offset = 0

    def take(self) -> list[tuple[str, int, int]]:
        """(path, status, bytes sent incl. headers) of every request since the last call."""
        with open(self.path, "rb") as log:
            log.seek(self.offset)
            data = log.read()
        self.offset += len(data)
        entries = []
        for line in data.decode(errors="replace").splitlines():
            uri, status, sent = line.rsplit(" ", 2)
            entries.append((uri, int(status), int(sent)))
        return entries


@dataclass(frozen=True)
class Server:
    base: str
    log: AccessLog


@contextmanager
def serve(site: Path, tmp: Path):
    """Yield a Server for `site` served by nginx on 127.0.0.1; stop nginx afterwards."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx not found: apt-get install -y nginx")
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "access.log").unlink(missing_ok=True)
    port = _free_port()
    config = write_config(tmp, site, port)
    proc = subprocess.Popen([binary, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(config), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, proc, tmp)
        log = AccessLog(tmp / "access.log")
        log.take()  # the readiness probe is not a request
        yield Server(f"http://127.0.0.1:{port}", log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
