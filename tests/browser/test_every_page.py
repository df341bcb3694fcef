"""Every page of the real site in a real browser: no WCAG 2.2 A/AA violations at phone and
desktop size, nothing fetched from another site, a first phone screen of every article and
exercise that shows its title, the emergency strip and the start of its answer, and a
print-out that keeps both safety boxes and drops the navigation. (Keyboard use: test_keyboard.py; HTML validity: tests/test_html_validity.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide.safety_html import DISCLAIMER, EMERGENCY, RED_FLAGS, RED_FLAGS_SHORT
from guide.verify import html_files
from site_pages import every_page, url_of_html, urls
from tabs import desktop_tab, phone_tab, print_tab  # noqa: F401  (fixtures)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RED_FLAG_BOX = f'[data-safety="{RED_FLAGS}"]'
DISCLAIMER_BOX = f'[data-safety="{DISCLAIMER}"]'
STRIP = f'[data-safety="{EMERGENCY}"]'
COMPACT_COPY = f'[data-safety="{RED_FLAGS_SHORT}"]'
# A programme's full box (every set) is longer than a sheet: on paper these pages carry, on
# every sheet, the compact copy instead (guide.css, print; tests/test_print.py reads each sheet).
PROGRAMME_PAGES = ("/exercises/home-programme/", "/programme/", "/programme/view/")
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
        # The stylesheets (and Material's script) load at the reader's first interaction.
        with desktop_tab.expect_request(lambda request: urlsplit(request.url).path.endswith(".css")):
            desktop_tab.mouse.move(20, 200)
            desktop_tab.mouse.move(40, 220)
        desktop_tab.wait_for_load_state("networkidle")
    finally:
        desktop_tab.remove_listener("request", record)
    assert response.ok, f"{path} answered {response.status}"
    assert any(urlsplit(u).path.endswith(".css") for u in requested), "the page loaded no stylesheet at all"
    foreign = [
        u for u in requested
        if urlsplit(u).scheme not in LOCAL_SCHEMES and (urlsplit(u).scheme, urlsplit(u).netloc) != (own.scheme, own.netloc)
    ]
    assert foreign == []


# One round trip per page: where the title, the emergency strip's parts, the answer's first words
# and the full box are on a phone's first screen, and whether each shows.
_FIRST_SCREEN = """() => {
    const shown = e => !!e && e.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const where = e => e && {shown: shown(e), top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom,
                             height: e.getBoundingClientRect().height, text: e.textContent.trim()};
    const strip = document.querySelector('article [data-safety="%(strip)s"]');
    const answer = document.querySelector('article .pn-answer');
    let words = null;
    if (answer) {  // the first four words, wherever the lines break
        const walk = document.createTreeWalker(answer, NodeFilter.SHOW_TEXT);
        let text = walk.nextNode();
        while (text && !text.data.trim()) text = walk.nextNode();
        if (text) {
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, text.data.match(/^\\s*(\\S+\\s+){0,3}\\S+/)[0].length);
            const rects = [...range.getClientRects()];
            words = {shown: shown(answer), text: range.toString().trim(), bottom: Math.max(...rects.map(r => r.bottom))};
        }
    }
    const boxes = [...document.querySelectorAll('[data-safety="%(box)s"]')];
    return {
        scrollY, height: innerHeight,
        title: where(document.querySelector('article h1')),
        strip: where(strip),
        signs: strip ? [...strip.querySelectorAll('li')].map(where) : [],
        call: where(strip && strip.querySelector('a.pn-call[href^="tel:"]')),
        words,
        box: where(boxes[0]), boxHeading: where(boxes[0] && boxes[0].querySelector('h2, h3')),
        otherBoxesShown: boxes.slice(1).map(shown),
    };
}""" % {"strip": EMERGENCY, "box": RED_FLAGS}


@pytest.mark.parametrize("path", FIRST_SCREEN_PAGES)
def test_the_first_phone_screen_answers_and_says_when_to_call(phone_tab, site_url, path):
    """Title, the emergency strip (its call button and every emergency sign in a few words) and
    the answer's first words all on the first 390x844 screen; the full box near the top after it."""
    phone_tab.goto(site_url + path)
    seen = phone_tab.evaluate(_FIRST_SCREEN)
    height = seen["height"]
    assert seen["scrollY"] == 0

    def on_screen(what: str, where) -> None:
        assert where and where["shown"], f"{what} is missing or hidden"
        assert 0 <= where.get("top", 0) and where["bottom"] <= height, \
            f"{what} ends at {where['bottom']:.0f} px, below the first {height} px screen"

    on_screen("the title", seen["title"])
    on_screen("the emergency strip", seen["strip"])
    on_screen("the strip's call button", seen["call"])
    assert seen["call"]["height"] >= 44, f"the call button is a small tap target ({seen['call']['height']:.0f} px)"
    assert len(seen["signs"]) >= 9, f"the strip names only {len(seen['signs'])} emergency signs"
    for sign in seen["signs"]:
        on_screen(f"the emergency sign {sign['text']!r}", sign)
    assert seen["words"] and len(seen["words"]["text"].split()) == 4, f"no answer's first words found: {seen['words']}"
    on_screen(f"the answer's first words ({seen['words']['text']!r})", seen["words"])
    # The full box follows the answer: shown, starting within the second screen. (An exercise page also
    # holds a print-only copy for its second printed sheet: never on screen.)
    assert seen["box"]["shown"] and seen["boxHeading"]["shown"], "the full warning-signs box is hidden"
    assert seen["strip"]["bottom"] <= seen["box"]["top"] < 2 * height, \
        f"the full warning-signs box starts at {seen['box']['top']:.0f} px, not near the top"
    assert seen["otherBoxesShown"] == [False] * len(seen["otherBoxesShown"])


@pytest.mark.parametrize("path", ALL_PAGES)
def test_print_keeps_the_safety_boxes_and_drops_the_navigation(print_tab, site_url, path):
    print_tab.goto(site_url + path)
    shown = print_tab.evaluate(_SHOWN, [[RED_FLAG_BOX, DISCLAIMER_BOX, STRIP, COMPACT_COPY, *NAVIGATION]])
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
        assert all(print_tab.locator(box).evaluate_all(f"els => els.map({_HEADING_SHOWN})")), \
            f"{box} is printed without its heading"
    # The screen's emergency strip stays off paper: the printed sheet is headed by the box itself.
    assert not any(shown[STRIP]), "the emergency strip is printed"
    # Header and sidebars exist on every page: printing must hide them, not the build leave them out.
    assert shown[".md-header"] and shown[".md-sidebar"], "no header or sidebar to hide: is this Material's page?"
    printed = [s for s in NAVIGATION if any(shown[s])]
    assert printed == [], f"navigation printed: {printed}"
