"""Serve a built site with Debian's nginx on 127.0.0.1, as a host would: gzip on, the build's headers included.

Used by the hosting test (tests/browser/test_csp_nginx.py), by `make audit`
(Lighthouse) and by `make bench` (page weight, with cache headers and a log of
the bytes sent). nginx runs in the foreground from a throw-away config; its pid
file, logs and temp folders stay inside a temp folder, nothing system-wide is
touched.

    with NginxSite(Path("site")) as url:
        ...  # e.g. http://127.0.0.1:43817
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from guide.publish.headers import NGINX_FILE

MIME_TYPES = Path("/etc/nginx/mime.types")
# Text types worth compressing; text/html is always compressed by gzip on.
GZIP_TYPES = "text/css application/javascript application/json image/svg+xml text/xml application/xml text/plain"
START_TIMEOUT_S = 10

# One line per request: the address, the status and the bytes that crossed the
# network (headers + compressed body). AccessLog reads it back.
ACCESS_LOG_FORMAT = "$request_uri $status $bytes_sent"

_CONFIG = """\
{user}worker_processes 1;
error_log {tmp}/error.log warn;
pid {tmp}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    {access_log}
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    charset utf-8;
    charset_types text/css application/javascript application/json image/svg+xml text/xml text/plain;
    gzip on;
    gzip_comp_level {gzip_level};
    gzip_vary on;
    gzip_min_length 256;
    gzip_types {gzip_types};
    server {{
        listen 127.0.0.1:{port};
        root "{site}";
        index index.html;
        error_page 404 /404.html;
        include "{site}/{headers}";
{locations}    }}
}}
"""
# A location with an add_header of its own inherits none from the server block
# (nginx's rule), so each one includes the site's headers again.
_LOCATION = """\
        location {match} {{
            include "{site}/{headers}";
            add_header Cache-Control "{cache_control}";
        }}
"""


def nginx_path() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(site_dir: Path, tmp: Path, port: int, *, gzip_level: int = 1,
                 cache_control: tuple[tuple[str, str], ...] = (), access_log: Path | None = None) -> str:
    # A root master process hands requests to workers running as 'nobody' by
    # default, who cannot read a private temp folder: keep the same user.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    site = Path(site_dir).resolve()
    log = (f"log_format requests '{ACCESS_LOG_FORMAT}';\n    access_log {access_log} requests;"
           if access_log else "access_log off;")
    locations = "".join(_LOCATION.format(match=match, site=site, headers=NGINX_FILE, cache_control=value)
                        for match, value in cache_control)
    return _CONFIG.format(user=user, tmp=tmp, mime_types=MIME_TYPES, gzip_types=GZIP_TYPES, port=port,
                          site=site, headers=NGINX_FILE, gzip_level=gzip_level, access_log=log,
                          locations=locations)


class NginxSite:
    """Context manager: nginx serving site_dir on a free loopback port; yields the base URL.

    gzip_level: nginx's default is 1. cache_control: (location match, Cache-Control
    value) pairs, e.g. ('/assets/', 'max-age=86400'), in nginx's location syntax.
    access_log: a file that gets one ACCESS_LOG_FORMAT line per request.
    """

    def __init__(self, site_dir: Path, *, gzip_level: int = 1, cache_control: tuple[tuple[str, str], ...] = (),
                 access_log: Path | None = None):
        self.site_dir = Path(site_dir)
        self.options = {"gzip_level": gzip_level, "cache_control": tuple(cache_control), "access_log": access_log}
        self.process: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> str:
        executable = nginx_path()
        if not executable:
            raise RuntimeError("nginx not found (on Debian: apt-get install nginx)")
        if not (self.site_dir / NGINX_FILE).is_file():
            raise RuntimeError(f"{self.site_dir / NGINX_FILE} is missing: build the site first")
        self._tmp = tempfile.TemporaryDirectory(prefix="guide-nginx-")
        tmp = Path(self._tmp.name)
        port = _free_port()
        conf = tmp / "nginx.conf"
        conf.write_text(nginx_config(self.site_dir, tmp, port, **self.options), encoding="utf-8")
        self.process = subprocess.Popen([executable, "-c", str(conf), "-p", str(tmp), "-g", "daemon off;"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                message = self.process.stderr.read().decode(errors="replace")
                self._cleanup()
                raise RuntimeError(f"nginx did not start: {message.strip()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.05)
        self._stop()
        raise RuntimeError(f"nginx did not answer on 127.0.0.1:{port} within {START_TIMEOUT_S} s")

    def _stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        if self.process and self.process.stderr:
            self.process.stderr.close()
        if self._tmp:
            self._tmp.cleanup()
            self._tmp = None

    def __exit__(self, *exc) -> None:
        self._stop()


class AccessLog:
    """An access_log file of NginxSite, read in slices (one slice per page visit)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.offset = 0

    def take(self) -> list[tuple[str, int, int]]:
        """(address, status, bytes sent incl. headers) of every request since the last call."""
        with open(self.path, "rb") as log:
            log.seek(self.offset)
            data = log.read()
        self.offset += len(data)
        entries = []
        for line in data.decode(errors="replace").splitlines():
            uri, status, sent = line.rsplit(" ", 2)
            entries.append((uri, int(status), int(sent)))
        return entries
