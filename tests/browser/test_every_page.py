"""Every page of the real site in a real browser: no WCAG 2.2 A/AA violations at phone and
desktop size, nothing fetched from another site, a first phone screen of every article and
exercise that shows its title, the emergency strip and the start of its answer, and a
print-out that keeps both safety boxes and drops the navigation. (Keyboard use: test_keyboard.py; HTML validity: tests/test_html_validity.py.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide.checks.pages import html_files
from page_checks import COMPACT_COPY, DISCLAIMER_BOX, HEADING_SHOWN, RED_FLAG_BOX, SHOWN, STRIP
from page_checks import assert_first_phone_screen_answers_and_says_when_to_call, assert_nothing_requested_from_another_origin
from site_pages import every_page, url_of_html, urls
from tabs import desktop_tab, phone_tab, print_tab  # noqa: F401  (fixtures)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A programme's full box (every set) is longer than a sheet: on paper these pages carry, on
# every sheet, the compact copy instead (guide.css, print; tests/test_print.py reads each sheet).
PROGRAMME_PAGES = ("/exercises/home-programme/", "/programme/", "/programme/view/")
# Material's navigation: header (with search), tabs, sidebars and footer links.
NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer"]

ALL_PAGES = urls()
FIRST_SCREEN_PAGES = urls("article", "exercise")


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
    assert_nothing_requested_from_another_origin(desktop_tab, site_url, path)


@pytest.mark.parametrize("path", FIRST_SCREEN_PAGES)
def test_the_first_phone_screen_answers_and_says_when_to_call(phone_tab, site_url, path):
    assert_first_phone_screen_answers_and_says_when_to_call(phone_tab, site_url, path)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_print_keeps_the_safety_boxes_and_drops_the_navigation(print_tab, site_url, path):
    print_tab.goto(site_url + path)
    shown = print_tab.evaluate(SHOWN, [[RED_FLAG_BOX, DISCLAIMER_BOX, STRIP, COMPACT_COPY, *NAVIGATION]])
    assert shown[DISCLAIMER_BOX] == [True], f"disclaimer on paper: {shown[DISCLAIMER_BOX]} (want exactly one, printed)"
    # Exercise and programme sheets start with a compact copy of the warning signs
    # (tests/test_print.py reads them per PDF page); every copy there is printed.
    assert all(shown[COMPACT_COPY]), f"compact copies of the warning signs on paper: {shown[COMPACT_COPY]}"
    programme = path.removeprefix("/uk").removeprefix("/es") in PROGRAMME_PAGES
    if programme:
        assert shown[COMPACT_COPY] and all(shown[COMPACT_COPY]), f"a programme printed without compact copies: {shown[COMPACT_COPY]}"
    else:
        assert shown[RED_FLAG_BOX] and all(shown[RED_FLAG_BOX]), f"warning boxes on paper: {shown[RED_FLAG_BOX]}"
    for box in (DISCLAIMER_BOX,) if programme else (RED_FLAG_BOX, DISCLAIMER_BOX):
        assert all(print_tab.locator(box).evaluate_all(f"els => els.map({HEADING_SHOWN})")), \
            f"{box} is printed without its heading"
    # The screen's emergency strip stays off paper: the printed sheet is headed by the box itself.
    assert not any(shown[STRIP]), "the emergency strip is printed"
    # Header and sidebars exist on every page: printing must hide them, not the build leave them out.
    assert shown[".md-header"] and shown[".md-sidebar"], "no header or sidebar to hide: is this Material's page?"
    printed = [s for s in NAVIGATION if any(shown[s])]
    assert printed == [], f"navigation printed: {printed}"
