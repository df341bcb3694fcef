"""The hosting headers the build writes: `_headers` (Netlify / Cloudflare Pages) and an nginx include.

The browser half (nginx serving the site, zero CSP violations in Chromium) is
tests/browser/test_csp_nginx.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from guide.publish.headers import NETLIFY_FILE, NGINX_FILE
from guide.checks.pages import html_files

REQUIRED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Raw-text scan, independent of the build's own parser: <script> elements without src.
_SCRIPT = re.compile(rb"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_STYLE = re.compile(rb"<style(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S)


def _digest(body: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"


def netlify(site: Path) -> dict[str, str]:
    lines = (site / NETLIFY_FILE).read_text(encoding="utf-8").splitlines()
    assert "/*" in lines, "the headers must apply to every path"
    pairs = [line.strip().split(": ", 1) for line in lines[lines.index("/*") + 1:] if line.strip()]
    return dict(pairs)


def nginx(site: Path) -> dict[str, str]:
    text = (site / NGINX_FILE).read_text(encoding="utf-8")
    return dict(re.findall(r'^add_header ([\w-]+) "([^"]*)" always;$', text, re.M))


def csp(headers: dict[str, str]) -> dict[str, list[str]]:
    out = {}
    for directive in headers["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        out[name] = values
    return out


def inline_scripts(site: Path) -> tuple[set[str], set[str]]:
    """(hashes of executable inline scripts, hashes of data blocks) over every built page."""
    code, data = set(), set()
    for path in html_files(site):
        for match in _SCRIPT.finditer(path.read_bytes()):
            if b"src=" in match["attrs"]:
                continue
            digest = _digest(match["body"])
            (data if b"application/" in match["attrs"] else code).add(digest)
    return code, data


def inline_styles(site: Path) -> set[str]:
    """Hashes of the <style> elements over every built page (the critical styles)."""
    return {_digest(m["body"]) for path in html_files(site) for m in _STYLE.finditer(path.read_bytes())}


def test_both_header_files_are_written_and_agree(mini_site):
    site = mini_site.site
    assert netlify(site) == nginx(site)
    headers = netlify(site)
    for name, value in REQUIRED.items():
        assert headers[name] == value
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    # Neither file is a page: no page list, search index or sitemap picks them up.
    assert not any(p.name in (NETLIFY_FILE, NGINX_FILE) for p in html_files(site))
    assert NGINX_FILE not in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_the_policy_is_strict(mini_site):
    policy = csp(netlify(mini_site.site))
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["style-src"][0] == "'self'"
    assert all(value.startswith("'sha256-") for value in policy["style-src"][1:]), policy["style-src"]
    assert set(policy["img-src"]) <= {"'self'", "data:"}
    scripts = policy["script-src"]
    assert scripts[0] == "'self'"
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:"} & set(scripts)


def test_script_src_allows_exactly_the_inline_scripts_of_the_built_pages(mini_site):
    code, data = inline_scripts(mini_site.site)
    hashes = {v for v in csp(netlify(mini_site.site))["script-src"] if v.startswith("'sha256-")}
    assert code, "Material's pages have inline scripts; the scan found none"
    assert hashes == code
    assert not (hashes & data), "JSON and JSON-LD blocks are data, not code: they need no hash"


def test_style_src_allows_exactly_the_inline_styles_of_the_built_pages(mini_site):
    styles = inline_styles(mini_site.site)
    hashes = {v for v in csp(netlify(mini_site.site))["style-src"] if v.startswith("'sha256-")}
    assert styles, "every page inlines its critical styles; the scan found no <style>"
    assert hashes == styles


def test_a_page_with_inline_code_the_policy_would_block_is_not_published(project):
    project.write("docs/index.md", "---\ntitle: Test home\n---\n\n# Test home\n\n"
                                   '<p style="color: red" onclick="alert(1)">Hello</p>\n')
    result = project.build()
    assert result.returncode != 0
    assert "index.html: a style attribute on <p> would be blocked by the Content-Security-Policy" in result.output
    assert "index.html: the onclick attribute on <p> would be blocked by the Content-Security-Policy" in result.output
    assert "Traceback" not in result.output
    assert not project.site.exists(), "a site the policy would break must not be published"


def test_the_scan_names_everything_the_policy_would_block_and_hashes_only_code():
    from lxml import html as lxml_html

    from guide.publish import headers

    page = lxml_html.document_fromstring(
        '<html><head><style>p { color: red }</style><script>var a = 1;</script>'
        '<script type="application/ld+json">{"a": 1}</script><script src="x.js"></script></head>'
        '<body><a href=" JavaScript:alert(1)">x</a><a href="tel:+15550100">call</a>'
        '<a href="https://example.org/">out</a><button OnClick="go()">go</button>'
        '<div style="display:none"></div><form action="javascript:void(0)"></form></body></html>')
    scan = headers.SiteScan()
    scan.add_page(page, "p.html")
    assert scan.script_hashes == [headers.script_hash("var a = 1;")]
    assert scan.style_hashes == [headers.source_hash("p { color: red }")]
    assert sorted(b.format() for b in scan.blocked) == sorted(
        f"p.html: {what} would be blocked by the Content-Security-Policy" for what in [
            "a javascript: address on <a>", "the onclick attribute on <button>",
            "a style attribute on <div>", "a javascript: address on <form>"])


def test_event_handlers_are_found_however_the_page_writes_them():
    # Issue 10: a cheaper scan of the raw page was considered. Each page here writes its handler
    # in a way that a text prefilter such as ` on[a-z]+=` misses and the browser still runs (or,
    # valueless, still counts as a handler), next to prose with words starting "on", as every article has.
    from lxml import html as lxml_html

    from guide.publish import headers

    prose = "<p>Only once, one onset: onset = early.</p>"
    pages = {"quoted.html": '<p title="a>b"onmouseover=go()>x</p>', "valueless.html": "<p ONCLICK>y</p>",
             "lines.html": '<details\nontoggle\n="go()"></details>', "svg.html": "<svg><circle onload=x /></svg>"}
    scan = headers.SiteScan()
    for name, body in pages.items():
        scan.add_page(lxml_html.document_fromstring(f"<html><body>{prose}{body}</body></html>"), name)
    assert [b.format() for b in scan.blocked] == [
        f"{page}: the {what} would be blocked by the Content-Security-Policy" for page, what in [
            ("quoted.html", "onmouseover attribute on <p>"), ("valueless.html", "onclick attribute on <p>"),
            ("lines.html", "ontoggle attribute on <details>"), ("svg.html", "onload attribute on <circle>")]]
