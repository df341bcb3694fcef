"""The first paint waits for no stylesheet, and looks as it will once the stylesheets arrive (issue 13, part 5).

Every page inlines its critical styles (docs/overrides/partials/critical.css); Material's
stylesheet and guide.css load at the reader's first interaction, before printing, or
through <noscript> without JavaScript (docs/overrides/main.html). Before any interaction
the page must already show its title, the start of its answer and the emergency
instruction with its call button, styled; when the full stylesheets arrive, nothing a
reader sees may move or change.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import DESKTOP, PHONE
from helpers import pdf_page_texts
from page_checks import FULL_STYLES_ON

PAGES = {"home": "/", "article": "/understanding/sciatica/", "exercise": "/exercises/chin-tuck/"}
SIZES = {"phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
         "desktop": {"viewport": DESKTOP}}
# What a reader looks at first; the emergency box's tier colour and the call button come from
# guide.css. Articles and exercises open with the short emergency box, home with the full one.
BOX = ":is(.pn-emergency, .pn-redflags)"
CALL = BOX + " a.pn-call"
WATCHED = ["h1", BOX, ".pn-emergency__heading", ".pn-redflags__heading", CALL, ".pn-answer", ".pn-ways-in",
           ".md-header", ".pn-disclaimer"]
STYLE_JS = """(selectors) => Object.fromEntries(selectors.map(s => {
  const e = document.querySelector(s);
  if (!e) return [s, null];
  const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
  return [s, {rect: [r.x, r.y, r.width, r.height].map(Math.round), color: cs.color, background: cs.backgroundColor,
              border: cs.borderTopColor + " " + cs.borderTopWidth, font: cs.fontSize + " " + cs.fontWeight,
              display: cs.display}];
}))"""
# The full stylesheets; print.css (paper's rules, media="print") is not one of them.
FULL_SHEETS = re.compile(r"/assets/stylesheets/(?:main\.[0-9a-f]+\.min\.css|guide\.css)$")
EMERGENCY = "Call 911 now if you have any of these"  # the default brand is a US clinic


def _stylesheet_requests(page) -> list[str]:
    """The full stylesheets the page fetches (print.css, which never holds up the screen, left out)."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url)
            if request.resource_type == "stylesheet" and FULL_SHEETS.search(request.url) else None)
    return seen


@pytest.fixture(params=list(SIZES))
def tab(request, browser):
    context = browser.new_context(**SIZES[request.param])
    page = context.new_page()
    page.size_name = request.param
    yield page
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_before_any_interaction_the_page_is_styled_and_unchanged_when_the_stylesheets_arrive(tab, site_url, name):
    css = _stylesheet_requests(tab)
    tab.goto(site_url + PAGES[name], wait_until="load")
    assert tab.locator("head link[rel=stylesheet]:not([media=print])").count() == 0, \
        "a stylesheet link in <head> blocks the first paint"
    assert css == [], f"stylesheets fetched before any interaction: {css}"
    before = tab.evaluate(STYLE_JS, WATCHED)
    height = tab.viewport_size["height"]
    emergency, call = before[BOX], before[CALL]
    assert before["h1"] and before["h1"]["rect"][1] < height, "the title is not on the first screen"
    assert emergency and call, "no emergency instruction with a call button"
    # Unstyled, the box would be plain text: no tier colour behind it, no border round it.
    assert emergency["background"] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") \
        or not emergency["border"].endswith(" 0px"), \
        f"the emergency box is unstyled before any interaction: {emergency}"
    assert emergency["rect"][1] < height, "the emergency instruction is not on the first screen"
    assert call["background"] != "rgba(0, 0, 0, 0)", f"the call button is unstyled: {call}"
    if name != "home":
        assert call["rect"][1] + call["rect"][3] <= height, f"the call button is below the first screen: {call}"
    if name == "article":
        assert before[".pn-answer"]["rect"][1] < height, "the answer does not start on the first screen"

    tab.mouse.move(5, 300)  # the reader's first interaction
    tab.wait_for_function(FULL_STYLES_ON, timeout=15_000)
    tab.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert any("main." in url for url in css) and any("guide.css" in url for url in css), css
    after = tab.evaluate(STYLE_JS, WATCHED)
    changed = {s: (before[s], after[s]) for s in WATCHED if before[s] != after[s]}
    assert not changed, f"{tab.size_name}: the full stylesheets changed what the reader saw first: {changed}"


@pytest.mark.parametrize("name", list(PAGES))
def test_before_any_interaction_a_page_fetches_only_itself_and_its_pictures(browser, site_url, name):
    """On a slow phone every request at load opens a connection of its own and competes with the
    page: a linked print sheet (fetched at load whatever its media) and the web app manifest
    ended after the text had painted, and Lighthouse counted them into the page's LCP."""
    context = browser.new_context(**SIZES["phone"])
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append((request.resource_type, request.url)))
    page.goto(site_url + PAGES[name], wait_until="load")
    page.wait_for_timeout(300)  # the browser fetches a manifest shortly after load
    other = [(kind, url) for kind, url in fetched
             if kind not in ("document", "image") and not url.startswith("data:")]
    assert other == [], f"fetched at load besides the page and its pictures: {other}"
    assert page.locator("link[rel=manifest]").count() == 0, "a reading page links the programme's manifest"
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_pictures_load_at_low_priority_and_none_is_on_the_first_screen(browser, site_url, size):
    """Chromium raises a page's first pictures to medium priority, and Lighthouse then waits for
    them before it counts the text painted; low priority is right only while no picture is on the
    first screen, so that is checked too (a picture there would come late)."""
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    for name in ("article", "exercise"):
        page.goto(site_url + PAGES[name], wait_until="load")
        pictures = page.evaluate("""() => [...document.querySelectorAll('article img')].map(i =>
            [i.getAttribute('src'), i.getAttribute('fetchpriority'), Math.round(i.getBoundingClientRect().top)])""")
        assert pictures, f"{name}: no picture to check"
        height = page.viewport_size["height"]
        assert [p for p in pictures if p[1] != "low"] == [], f"{name}: pictures at default priority"
        assert [p for p in pictures if p[2] < height] == [], f"{name}: a low-priority picture on the first screen"
    context.close()


def test_a_page_opened_for_print_gets_the_full_stylesheets_before_it_loads(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(site_url + PAGES["article"], wait_until="load")
    # guide.css's print rules (not in the critical styles) leave the short emergency box off paper.
    assert page.locator(".pn-emergency").evaluate("e => getComputedStyle(e).display") == "none"
    context.close()


def test_printing_loads_the_full_stylesheets_without_any_other_interaction(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    css = _stylesheet_requests(page)
    page.goto(site_url + PAGES["exercise"], wait_until="load")
    assert css == []
    page.evaluate("() => dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function(FULL_STYLES_ON, timeout=15_000)
    page.emulate_media(media="print")
    assert page.locator(".pn-emergency").evaluate("e => getComputedStyle(e).display") == "none"
    context.close()


def test_without_javascript_the_full_stylesheets_come_from_noscript(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    css = _stylesheet_requests(page)
    page.goto(site_url + PAGES["article"], wait_until="load")
    assert any("main." in url for url in css) and any("guide.css" in url for url in css), css
    # Material's search box and the guide's print rules are in the full stylesheets only.
    assert page.evaluate("() => document.styleSheets.length") >= 3
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printing_before_the_full_stylesheets_arrive_prints_the_same_sheets(browser, site_url, tmp_path, paper):
    """A reader who prints at once (the full stylesheets not loaded yet, or lost on a bad
    connection) gets the same sheets as with them: print.css carries paper's rules."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (Debian: poppler-utils)")
    sheets = {}
    for case in ("with the full stylesheets", "without them"):
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        if case == "without them":
            page.route(FULL_SHEETS, lambda route: route.abort())
            page.goto(site_url + PAGES["exercise"], wait_until="load")
        else:
            page.emulate_media(media="print")
            page.goto(site_url + PAGES["exercise"], wait_until="load")
            page.wait_for_function(FULL_STYLES_ON, timeout=15_000)
        page.emulate_media(media="print")
        pdf = tmp_path / f"{len(sheets)}.pdf"
        pdf.write_bytes(page.pdf(format=paper))
        sheets[case] = pdf_page_texts(pdf)
        context.close()
    assert sheets["without them"] == sheets["with the full stylesheets"]
    for number, text in enumerate(sheets["without them"], 1):
        assert EMERGENCY in text, f"sheet {number} of {len(sheets['without them'])} has no warning signs"
