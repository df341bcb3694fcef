"""The real site served as a host would serve it, for measuring what a visit downloads.

testkit.nginx runs nginx (the same server the hosting tests use, with the
build's security headers); the benchmark adds a production gzip level, cache
headers and a log of the bytes sent for each request.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from testkit.nginx import AccessLog, NginxSite

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
CACHE_CONTROL = ((f'~ "{HASHED_ASSET}"', CACHE_HASHED), ("/assets/", CACHE_ASSETS), ("/", CACHE_PAGES))


@dataclass(frozen=True)
class Server:
    base: str
    log: AccessLog


@contextmanager
def serve(site: Path, tmp: Path):
    """Yield a Server for `site` served by nginx on 127.0.0.1; stop nginx afterwards."""
    tmp.mkdir(parents=True, exist_ok=True)
    log_path = tmp / "access.log"
    log_path.unlink(missing_ok=True)
    with NginxSite(site, gzip_level=GZIP_LEVEL, cache_control=CACHE_CONTROL, access_log=log_path) as base:
        log = AccessLog(log_path)
        log.take()  # nothing yet: readiness is checked without a request
        yield Server(base, log)
