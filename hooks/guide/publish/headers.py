"""Hosting headers: a strict Content-Security-Policy and friends, written next to the built site.

The build scans every built HTML page for inline scripts and <style> elements
and allows exactly those by their SHA-256 hash, so the policy never needs
'unsafe-inline'. Two files are written into the site root:

- `_headers`: Netlify / Cloudflare Pages format, applied to every path;
- `nginx-headers.conf`: `add_header` lines; `include` it inside an nginx
  `server` (or `location`) block that serves the site.

Every policy value lives in the constants block below, nowhere else.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from ..findings import Finding, report as report_findings

# ---------------------------------------------------------------- the policy (the one place to change it)
CSP: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # Inline scripts are added by hash at build time; nothing else runs.
    # 'wasm-unsafe-eval' lets the site's own search (Pagefind) compile its
    # WebAssembly file from the site; it allows no eval() of JavaScript.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # Material's stylesheet draws its icons (admonitions, lists, the search box)
    # as data: SVGs in CSS mask-image, which counts as an image load; without
    # data: Chromium blocks them (tests/browser/test_csp_nginx.py proves it).
    "img-src": ("'self'", "data:"),
    # Only stylesheets from the site, and the pages' inline critical styles
    # (docs/overrides/partials/critical.css) by their hash, added at build time;
    # style attributes stay blocked. Material's JavaScript sets positions
    # through the CSSOM, which the policy does not block (proven in the browser test).
    "style-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}
OTHER_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    # A health site: the address of the page a patient was reading (which
    # condition) is never passed to another site.
    "Referrer-Policy": "no-referrer",
    # No page needs any of these; interest-cohort (FLoC) and its successor
    # browsing-topics opt the site out of interest-based ad profiling.
    "Permissions-Policy": ", ".join(f"{feature}=()" for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope",
        "interest-cohort", "magnetometer", "microphone", "payment", "usb",
    )),
    # For browsers too old for frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
NETLIFY_FILE = "_headers"
NGINX_FILE = "nginx-headers.conf"

# Script types that a browser executes; any other type (application/json,
# application/ld+json) is a data block and needs no hash.
_EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
                     "text/ecmascript", "application/x-javascript", "text/jscript"}
_INLINE_HANDLER = re.compile(r"on[a-z]+", re.I)


def source_hash(text: str) -> str:
    """The CSP source for an inline script or <style> with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


script_hash = source_hash


def _executable(script) -> bool:
    return script.get("src") is None and script.get("type", "").strip().lower() in _EXECUTABLE_TYPES


@dataclass
class SiteScan:
    """What the policy must allow and what it would block, gathered page by page."""

    hashes: set[str] = field(default_factory=set)
    style_hashes_found: set[str] = field(default_factory=set)
    blocked: list[Finding] = field(default_factory=list)  # what the policy would stop from working
    # Every page carries the same inline scripts and critical styles (about 50 KB of CSS): each
    # distinct text is encoded and hashed once, not once a page.
    _hashed: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def script_hashes(self) -> list[str]:
        return sorted(self.hashes)

    @property
    def style_hashes(self) -> list[str]:
        return sorted(self.style_hashes_found)

    def _hash(self, text: str) -> str:
        if text not in self._hashed:
            self._hashed[text] = source_hash(text)
        return self._hashed[text]

    def add_page(self, tree, page: str) -> None:
        self.hashes.update(self._hash(s.text or "") for s in tree.iter("script") if _executable(s))
        self.style_hashes_found.update(self._hash(s.text or "") for s in tree.iter("style"))
        self.blocked.extend(_blocked_in(page, tree))


# Candidates for what a hash cannot allow, gathered by libxml2 rather than by
# visiting every element in Python (HTML parsing lower-cases attribute names).
# `/descendant::*/@x` steps through elements only; `//@x` also visits every text node.
_SUSPECT_ATTRIBUTES = etree.XPath(
    "/descendant::*/@style | /descendant::*/@*[starts-with(name(), 'on')] | /descendant::*/@href[contains(., ':')]"
    " | /descendant::*/@src[contains(., ':')] | /descendant::*/@action[contains(., ':')]"
)


def _blocked_in(page: str, tree) -> list[Finding]:
    """Inline code and styles a hash cannot allow: event attributes, javascript: links, style attributes.

    <style> elements are allowed by their hash, like inline scripts."""
    found: list[Finding] = []
    styles_inline = "'unsafe-inline'" in CSP["style-src"]
    for attribute in _SUSPECT_ATTRIBUTES(tree):
        name, value, tag = attribute.attrname, str(attribute), attribute.getparent().tag
        if _INLINE_HANDLER.fullmatch(name):
            what = f"the {name} attribute on <{tag}>"
        elif name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
            what = f"a javascript: address on <{tag}>"
        elif name == "style" and not styles_inline:
            what = f"a style attribute on <{tag}>"
        else:
            continue
        found.append(Finding(page, None, "", f"{what} would be blocked by the Content-Security-Policy"))
    return found


def scan_site(site_dir: Path) -> SiteScan:
    """Hash every distinct inline executable script in the built pages; list what the policy would block."""
    site_dir = Path(site_dir)
    scan = SiteScan()
    for path in sorted(site_dir.rglob("*.html")):
        if path.is_file():
            scan.add_page(lxml_html.document_fromstring(path.read_bytes()), path.relative_to(site_dir).as_posix())
    return scan


def content_security_policy(script_hashes: list[str], style_hashes: list[str] = ()) -> str:
    directives = dict(CSP)
    directives["script-src"] = CSP["script-src"] + tuple(script_hashes)
    directives["style-src"] = CSP["style-src"] + tuple(style_hashes)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def site_headers(script_hashes: list[str], style_hashes: list[str] = ()) -> dict[str, str]:
    return {"Content-Security-Policy": content_security_policy(script_hashes, style_hashes), **OTHER_HEADERS}


def netlify_headers(headers: dict[str, str]) -> str:
    lines = ["# Generated by the build (hooks/guide/publish/headers.py): Netlify / Cloudflare Pages headers.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def nginx_headers(headers: dict[str, str]) -> str:
    lines = ["# Generated by the build (hooks/guide/publish/headers.py).",
             "# Include inside the nginx server block that serves this site:",
             f"#     include /path/to/site/{NGINX_FILE};",
             "# 'always' sends the headers with error pages (404) too."]
    for name, value in headers.items():
        if '"' in value or "\\" in value:
            raise ValueError(f"header {name} cannot be quoted for nginx: {value}")
        lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"


def write_header_files(site_dir: Path, scan: SiteScan | None = None) -> SiteScan:
    """Write `_headers` and `nginx-headers.conf` into site_dir; the scan says what the policy would block.

    `scan` is one already made of the finished pages (the post-build check makes it
    while it reads every page); without it the pages are read here.
    """
    site_dir = Path(site_dir)
    scan = scan if scan is not None else scan_site(site_dir)
    headers = site_headers(scan.script_hashes, scan.style_hashes)
    (site_dir / NETLIFY_FILE).write_text(netlify_headers(headers), encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_headers(headers), encoding="utf-8")
    return scan


def report(blocked: list[Finding]) -> str:
    return report_findings(blocked, f"Hosting check failed: {len(blocked)} inline script(s) or style(s) that no hash "
                                    "can allow. Move the code into a .js or .css file. The site was not published.")
