"""The built site served as a host would serve it: nginx with the build's own header file, gzip on.

In Chromium, the home page, an article, an exercise, the search and the
not-found page all work with zero Content-Security-Policy violations and no
console errors, and every response carries the security headers. Controls
show the listener would catch a violation, and that the policy's img-src
data: is needed (Material draws its icons as data: SVGs).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from guide.publish.headers import OTHER_HEADERS
from guide.links import HIDDEN_TEXT
from testkit.nginx import NginxSite, nginx_path
from guide.checks.pages import html_files

from conftest import DESKTOP, PHONE
from helpers import ROOT, run_build
from testkit.require import tool_missing

HOME, ARTICLE, EXERCISE, SOURCES = "/", "/understanding/sciatica/", "/exercises/bridge/", "/sources/"
# Recorded in the page itself, before any of its scripts run.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber), true);
"""


def require_nginx() -> None:
    if not nginx_path():
        message = "nginx not found (install Debian's 'nginx')"
        tool_missing(message)


@pytest.fixture(scope="module")
def nginx_url(real_site):
    require_nginx()
    with NginxSite(real_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def clinic_nginx_url(tmp_path_factory):
    """One clinic's branded build: its logo, colours and pages must work under the same policy."""
    require_nginx()
    clinics = sorted(p.parent.name for p in (ROOT / "content_src" / "clinics").glob("*/clinic.yml"))
    if not clinics:
        pytest.skip("no clinic profiles in content_src/clinics/")
    result = run_build(ROOT, "-d", str(tmp_path_factory.mktemp("clinic") / "site"), env={"GUIDE_CLINIC": clinics[0]})
    assert result.ok, result.output
    with NginxSite(result.site) as url:
        yield url


class Watched:
    """A page whose console errors and CSP violations are collected across navigations."""

    def __init__(self, context):
        self.page = context.new_page()
        self.console: list[str] = []
        self.violations: list[str] = []
        self.responses = {}
        self.page.add_init_script(RECORD_VIOLATIONS)
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console.append(f"uncaught: {e}"))

    def goto(self, url: str):
        self.collect()
        response = self.page.goto(url, wait_until="networkidle")
        self.responses[url] = response
        if response.ok:
            # Material starts at the first interaction (docs/overrides/main.html); blocked by the policy, it never would.
            self.page.mouse.move(1, 1)
            try:
                self.page.wait_for_function("() => 'document$' in window", timeout=10_000)
            except PlaywrightTimeout:
                pytest.fail(f"{url}: Material's script did not start")
        return response

    def collect(self) -> None:
        if self.page.url.startswith("http"):
            self.violations += self.page.evaluate("window.__csp.splice(0)")

    def assert_clean(self, allowed_console: tuple[str, ...] = ()) -> None:
        self.collect()
        assert not self.violations, "CSP violations:\n" + "\n".join(self.violations)
        errors = [m for m in self.console if not any(a in m for a in allowed_console)]
        assert not errors, "console errors:\n" + "\n".join(errors)


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield Watched(context)
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield Watched(context)
    context.close()


def assert_security_headers(response) -> None:
    headers = response.headers
    policy = headers.get("content-security-policy", "")
    assert policy.startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"), policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    for name, value in OTHER_HEADERS.items():
        assert headers.get(name.lower()) == value, name


def test_home_article_and_exercise_work_under_the_policy(desktop_page, nginx_url):
    for path in (HOME, ARTICLE, EXERCISE):
        response = desktop_page.goto(nginx_url + path)
        assert response.status == 200
        assert_security_headers(response)
        assert response.headers.get("content-encoding") == "gzip", "the host compresses pages"
        assert desktop_page.page.locator("[data-safety=red-flags]").first.is_visible()
    # Proof that Material's scripts run: a glossary word's tooltip and the back-to-top button are drawn by script.
    page = desktop_page.page
    desktop_page.goto(nginx_url + ARTICLE)
    term = page.locator("article abbr").first
    term.hover()
    page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="visible", timeout=5_000)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => scrollY > 1000")
    page.mouse.wheel(0, -600)
    page.locator(".md-top").wait_for(state="visible", timeout=5_000)
    desktop_page.assert_clean()


def test_every_page_loads_without_a_violation(desktop_page, nginx_url, real_site):
    pages = [p.relative_to(real_site.site).as_posix() for p in html_files(real_site.site)]
    for rel in pages:
        path = "/" + rel.removesuffix("index.html")
        response = desktop_page.goto(nginx_url + path)
        assert response.status == 200, path
    assert len(pages) > 20
    desktop_page.assert_clean()


def test_search_works_under_the_policy(desktop_page, nginx_url):
    desktop_page.goto(nginx_url + HOME)
    page = desktop_page.page
    page.locator("input.md-search__input").click()
    # Material answers only once its search worker has loaded the index.
    page.locator(".md-search-result__meta").filter(has_text="Type to start").wait_for(state="attached")
    page.locator("input.md-search__input").press_sequentially("numb", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 0
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(nginx_url) and page.url != nginx_url + HOME
    desktop_page.assert_clean()


def test_a_clinic_build_works_under_the_policy(desktop_page, clinic_nginx_url):
    for path in (HOME, ARTICLE, EXERCISE):
        response = desktop_page.goto(clinic_nginx_url + path)
        assert response.status == 200
        assert_security_headers(response)
    page = desktop_page.page
    page.locator("input.md-search__input").click()
    # Material answers only once its search worker has loaded the index.
    page.locator(".md-search-result__meta").filter(has_text="Type to start").wait_for(state="attached")
    page.locator("input.md-search__input").press_sequentially("numb", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    desktop_page.assert_clean()


def test_phone_menu_works_under_the_policy(phone_page, nginx_url):
    phone_page.goto(nginx_url + ARTICLE)
    page = phone_page.page
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator("nav.md-nav--primary").first.wait_for(state="visible")
    phone_page.assert_clean()


def test_not_found_page_has_the_headers_and_works(desktop_page, nginx_url):
    response = desktop_page.goto(nginx_url + "/no-such-page/")
    assert response.status == 404
    assert_security_headers(response)
    assert desktop_page.page.locator("[data-safety=red-flags]").first.is_visible()
    # The only console line is the browser reporting the 404 itself.
    desktop_page.assert_clean(allowed_console=("404 (Not Found)",))


def test_links_to_other_sites_are_announced(desktop_page, nginx_url):
    desktop_page.goto(nginx_url + SOURCES)
    page = desktop_page.page
    external = page.get_by_role("link", name=re.compile(re.escape(HIDDEN_TEXT.strip()) + "$"))
    assert external.count() > 5
    first = external.first
    assert first.get_attribute("rel") == "noopener noreferrer"
    # The visible marker is drawn by CSS; the hidden text takes no space on screen.
    marker = first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "\u2197" in marker, marker
    box = first.locator(".pn-visually-hidden").bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1)
    desktop_page.assert_clean()


def test_control_an_inline_script_is_blocked_and_reported(desktop_page, nginx_url):
    desktop_page.goto(nginx_url + HOME)
    page = desktop_page.page
    with pytest.raises(Exception):
        page.add_script_tag(content="window.__injected = true;")
    assert page.evaluate("window.__injected === undefined")
    desktop_page.collect()
    assert any(v.startswith("script-src-elem blocked inline") for v in desktop_page.violations), desktop_page.violations


def test_control_material_needs_data_images(desktop_page, nginx_url):
    """Without img-src data: Material's icons are blocked: the policy's data: is needed, not a convenience."""
    page = desktop_page.page

    def stricter(route):
        response = route.fetch()
        headers = dict(response.headers)
        headers["content-security-policy"] = headers["content-security-policy"].replace("img-src 'self' data:", "img-src 'self'")
        route.fulfill(response=response, headers=headers)

    page.route("**/*", stricter)
    desktop_page.goto(nginx_url + ARTICLE)
    desktop_page.collect()
    assert any(v.startswith("img-src blocked data") for v in desktop_page.violations), desktop_page.violations
