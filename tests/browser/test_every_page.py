"""Every page of the real site in a real browser: no WCAG 2.2 A/AA violations at phone and
desktop size, nothing fetched from another site, the warning box on the first phone screen
of every article and exercise, and a print-out that keeps both safety boxes and drops the
navigation. (Keyboard use: test_keyboard.py; HTML validity: tests/test_html_validity.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide.safety_html import DISCLAIMER, RED_FLAGS
from guide.verify import html_files
from site_pages import every_page, url_of_html, urls
from tabs import desktop_tab, phone_tab, print_tab  # noqa: F401  (fixtures)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RED_FLAG_BOX = f'[data-safety="{RED_FLAGS}"]'
DISCLAIMER_BOX = f'[data-safety="{DISCLAIMER}"]'
# Material's navigation: header (with search), tabs, sidebars and footer links.
NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer"]
# Addresses a page may use without asking any server.
LOCAL_SCHEMES = ("data", "blob", "about")

ALL_PAGES = urls()
FIRST_SCREEN_PAGES = urls("article", "exercise")

# One round trip per page: what is on the page and whether it shows.
_SHOWN = """([selectors]) => Object.fromEntries(selectors.map(s => [s, [...document.querySelectorAll(s)].map(
    el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))]))"""
_HEADING_SHOWN = """(box) => { const h = box.querySelector('h2, h3');
    return !!h && h.checkVisibility({visibilityProperty: true, opacityProperty: true}); }"""


def test_every_built_page_is_checked(real_site):
    built = {url_of_html(p.relative_to(real_site.site).as_posix()) for p in html_files(real_site.site)}
    listed = {p.url for p in every_page()}
    assert len(listed) >= 40
    assert built - listed == set(), "pages the browser tests do not visit"
    assert listed - built == set(), "pages the browser tests expect but the build did not write"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_wcag_violations(request, site_url, path, viewport):
    page = request.getfixturevalue(f"{viewport}_tab")
    page.goto(site_url + path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.response["violations"] == [], results.generate_report()


@pytest.mark.parametrize("path", ALL_PAGES)
def test_nothing_is_requested_from_another_origin(desktop_tab, site_url, path):
    own = urlsplit(site_url)
    requested: list[str] = []

    def record(request) -> None:
        requested.append(request.url)

    desktop_tab.on("request", record)
    try:
        # networkidle: also catches what the page fetches after loading (search index, workers).
        response = desktop_tab.goto(site_url + path, wait_until="networkidle")
    finally:
        desktop_tab.remove_listener("request", record)
    assert response.ok, f"{path} answered {response.status}"
    assert any(urlsplit(u).path.endswith(".css") for u in requested), "the page loaded no stylesheet at all"
    foreign = [
        u for u in requested
        if urlsplit(u).scheme not in LOCAL_SCHEMES and (urlsplit(u).scheme, urlsplit(u).netloc) != (own.scheme, own.netloc)
    ]
    assert foreign == []


@pytest.mark.parametrize("path", FIRST_SCREEN_PAGES)
def test_warning_box_is_on_the_first_phone_screen(phone_tab, site_url, path):
    phone_tab.goto(site_url + path)
    screen_height = phone_tab.viewport_size["height"]
    # An exercise page also holds a print-only copy for its second printed sheet: never on screen.
    boxes = phone_tab.locator(RED_FLAG_BOX)
    assert [b.is_visible() for b in boxes.all()][1:] == [False] * (boxes.count() - 1)
    box = boxes.first
    assert box.is_visible()
    top = box.bounding_box()["y"]
    heading = box.locator("h2, h3").first.bounding_box()
    assert 0 <= top < screen_height, f"the warning box starts at {top:.0f} px, below the first {screen_height} px"
    assert heading["y"] + heading["height"] <= screen_height, (
        f"the warning box's first heading ends at {heading['y'] + heading['height']:.0f} px, below the first screen"
    )


@pytest.mark.parametrize("path", ALL_PAGES)
def test_print_keeps_the_safety_boxes_and_drops_the_navigation(print_tab, site_url, path):
    print_tab.goto(site_url + path)
    shown = print_tab.evaluate(_SHOWN, [[RED_FLAG_BOX, DISCLAIMER_BOX, *NAVIGATION]])
    assert shown[DISCLAIMER_BOX] == [True], f"disclaimer on paper: {shown[DISCLAIMER_BOX]} (want exactly one, printed)"
    # Exercise and programme sheets after the first start with their own copy of the warning
    # signs (tests/test_print.py reads them per PDF page); every box there is printed whole.
    assert shown[RED_FLAG_BOX] and all(shown[RED_FLAG_BOX]), f"warning boxes on paper: {shown[RED_FLAG_BOX]}"
    for box in (RED_FLAG_BOX, DISCLAIMER_BOX):
        assert all(print_tab.locator(box).evaluate_all(f"els => els.map({_HEADING_SHOWN})")), \
            f"{box} is printed without its heading"
    # Header and sidebars exist on every page: printing must hide them, not the build leave them out.
    assert shown[".md-header"] and shown[".md-sidebar"], "no header or sidebar to hide: is this Material's page?"
    printed = [s for s in NAVIGATION if any(shown[s])]
    assert printed == [], f"navigation printed: {printed}"
