"""Serve a built site with Debian's nginx on 127.0.0.1, as a host would: gzip on, the build's headers included.

Used by the hosting test (tests/browser/test_hosting.py) and by `make audit`
(Lighthouse). nginx runs in the foreground from a throw-away config; its pid
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

from .headers import NGINX_FILE

MIME_TYPES = Path("/etc/nginx/mime.types")
# Text types worth compressing; text/html is always compressed by gzip on.
GZIP_TYPES = "text/css application/javascript application/json image/svg+xml text/xml application/xml text/plain"
START_TIMEOUT_S = 10

_CONFIG = """\
{user}worker_processes 1;
error_log {tmp}/error.log warn;
pid {tmp}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    charset utf-8;
    charset_types text/css application/javascript application/json image/svg+xml text/xml text/plain;
    gzip on;
    gzip_vary on;
    gzip_min_length 256;
    gzip_types {gzip_types};
    server {{
        listen 127.0.0.1:{port};
        root "{site}";
        index index.html;
        error_page 404 /404.html;
        include "{site}/{headers}";
    }}
}}
"""


def nginx_path() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(site_dir: Path, tmp: Path, port: int) -> str:
    # A root master process hands requests to workers running as 'nobody' by
    # default, who cannot read a private temp folder: keep the same user.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    return _CONFIG.format(user=user, tmp=tmp, mime_types=MIME_TYPES, gzip_types=GZIP_TYPES, port=port,
                          site=Path(site_dir).resolve(), headers=NGINX_FILE)


class NginxSite:
    """Context manager: nginx serving site_dir on a free loopback port; yields the base URL."""

    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir)
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
        conf.write_text(nginx_config(self.site_dir, tmp, port), encoding="utf-8")
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
