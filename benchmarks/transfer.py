"""What a phone downloads: first and repeat visits, measured in Chromium.

Two views of each visit are recorded. The browser's: every response from the
DevTools protocol's Network events, with its bytes on the wire
(`encodedDataLength`, headers + body after gzip) and whether the browser's own
cache answered it. The server's: nginx's access log lines written during the
visit (path, status, bytes sent). The server's view is the one reported,
because it also sees the search worker's script, which the page's DevTools
session does not; the browser's total is kept as a cross-check.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from guide.publish.chromium import FLAGS as CHROMIUM_FLAGS
from guide.publish.chromium import find_chromium as chromium_path

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# After the load event Material still starts (after the first paint) and starts its search worker;
# a fetch it makes later than this would be missed.
SETTLE_MS = 1500
NAVIGATION_TIMEOUT_MS = 60_000


@dataclass
class Response:
    url: str
    status: int = 0
    bytes: int = 0  # on the wire, headers included
    from_cache: bool = False
    encoding: str = ""
    cache_control: str = ""


@dataclass
class Visit:
    name: str
    url: str
    responses: list[Response] = field(default_factory=list)  # the browser's view
    served: list[tuple[str, int, int]] = field(default_factory=list)  # the server's: (path, status, bytes)

    def summary(self, base: str) -> dict:
        return {
            "name": self.name,
            "url": self.url.removeprefix(base),
            # Every request that reached the server counts, a 304 revalidation too: it is a round trip.
            "requests": len(self.served),
            "kb": round(sum(sent for _, _, sent in self.served) / 1000, 1),
            "kb_browser_view": round(sum(r.bytes for r in self.responses if not r.from_cache) / 1000, 1),
            "from_browser_cache": sorted(r.url.removeprefix(base) for r in self.responses if r.from_cache),
            "fetched_in_full": [path for path, status, _ in self.served if status == 200],
            "revalidated_304": [path for path, status, _ in self.served if status == 304],
            "served": [{"path": p, "status": st, "bytes": b} for p, st, b in self.served],
            "responses": [asdict(r) | {"url": r.url.removeprefix(base)} for r in self.responses],
        }


class _Recorder:
    def __init__(self, cdp):
        self.responses: dict[str, Response] = {}
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.requestServedFromCache", self._cached)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.send("Network.enable")

    def _sent(self, event):
        url = event["request"]["url"]
        if url.startswith("http"):  # data: URLs (inline SVG icons) are not requests
            self.responses.setdefault(event["requestId"], Response(url))

    def _received(self, event):
        entry = self.responses.get(event["requestId"])
        if entry is None:
            return
        response = event["response"]
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        entry.status = response["status"]
        entry.from_cache = entry.from_cache or response.get("fromDiskCache", False) or response.get("fromPrefetchCache", False)
        entry.encoding = headers.get("content-encoding", "")
        entry.cache_control = headers.get("cache-control", "")

    def _cached(self, event):
        if event["requestId"] in self.responses:
            self.responses[event["requestId"]].from_cache = True

    def _finished(self, event):
        entry = self.responses.get(event["requestId"])
        if entry is not None and not entry.from_cache:
            entry.bytes = int(event["encodedDataLength"])

    def take(self) -> list[Response]:
        taken = list(self.responses.values())
        self.responses = {}
        return taken


def _visit(page, recorder: _Recorder, server, name: str, path: str) -> Visit:
    server.log.take()
    page.goto(server.base + path, wait_until="networkidle", timeout=NAVIGATION_TIMEOUT_MS)
    page.wait_for_timeout(SETTLE_MS)
    return Visit(name, server.base + path, recorder.take(), server.log.take())


def measure_visits(server, home: str, article: str, second_article: str) -> dict:
    """First visits (empty cache) of the home page and of an article; then repeat visits with a warm cache."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if not executable:
        raise RuntimeError("Chromium not found (apt-get install -y chromium, or set GUIDE_CHROMIUM)")
    visits: list[Visit] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            for first in (("home_first", home), ("article_first", article)):
                context = browser.new_context(**PHONE)  # a new context has an empty cache
                page = context.new_page()
                recorder = _Recorder(context.new_cdp_session(page))
                visits.append(_visit(page, recorder, server, first[0], first[1]))
                if first[0] == "article_first":
                    # The same reader later opens another article, then comes back to the first one.
                    visits.append(_visit(page, recorder, server, "repeat_other_article", second_article))
                    visits.append(_visit(page, recorder, server, "repeat_same_article", article))
                context.close()
        finally:
            browser.close()
    return {v.name: v.summary(server.base) for v in visits}
