"""A patient using only a keyboard: a skip link first, search that works without a mouse, and
focus that can be seen on every stop of the Tab key, on every page at phone and desktop size."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from guide.pages.safety_html import RED_FLAGS
from guide.checks.pages import html_files
from site_pages import sampled_urls
from tabs import desktop_tab, phone_tab  # noqa: F401  (fixtures)

FOCUS_CHECK = (Path(__file__).parent / "focus_check.js").read_text(encoding="utf-8")
# Transitions only delay what a user ends up seeing; without them each Tab can be judged at once.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
MAX_TAB_STOPS = 300  # far more than any page has: a page that never lets focus go is a trap

SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT_LINK = ".md-search-result__item > .md-search-result__link"
SEARCH_WORD = "sciatica"  # which result ranks first is test_search.py's concern; here: can a keyboard open it
# The results of the whole word (search.js marks the list with the query it shows).
SEARCH_DONE = f'.md-search-result[data-query="{SEARCH_WORD}"] {SEARCH_RESULT_LINK}'



def open_page(page, url: str) -> None:
    page.goto(url)
    # Material's JavaScript starts at the reader's first interaction (docs/overrides/main.html).
    page.mouse.move(1, 1)
    page.wait_for_function("() => 'document$' in window")
    page.add_style_tag(content=NO_TRANSITIONS)


def active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; const r = e.getBoundingClientRect();
        return {tag: e.tagName.toLowerCase(), classes: [...e.classList], href: e.getAttribute('href'), url: e.href || null,
                shown: e.checkVisibility({visibilityProperty: true, opacityProperty: true})
                       && r.width > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth}; }""")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", sampled_urls())
def test_every_tab_stop_shows_where_focus_is(request, site_url, path, viewport):
    page = request.getfixturevalue(f"{viewport}_tab")
    open_page(page, site_url + path)
    stops, unseen = [], []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_CHECK)
        if stop is None:  # focus left the page: every stop was visited
            break
        stops.append(stop["element"])
        if stop["problems"]:
            unseen.append(f"stop {len(stops)}: {stop['element']} " + "; ".join(stop["problems"]))
    else:
        pytest.fail(f"focus never leaves the page after {MAX_TAB_STOPS} presses of Tab (a keyboard trap)")
    assert len(stops) >= 3, f"only {len(stops)} tab stops: {stops}"
    assert unseen == [], f"{len(unseen)} of {len(stops)} tab stops cannot be seen:\n" + "\n".join(unseen)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", sampled_urls())
def test_skip_link_comes_first_and_skips_the_navigation(request, site_url, path, viewport):
    page = request.getfixturevalue(f"{viewport}_tab")
    open_page(page, site_url + path)
    page.keyboard.press("Tab")
    skip = active(page)
    assert "md-skip" in skip["classes"], f"the first Tab reaches {skip['tag']}.{'.'.join(skip['classes'])}, not the skip link"
    assert skip["shown"], "the skip link has focus but cannot be seen"
    target = skip["href"].removeprefix("#")
    page.keyboard.press("Enter")
    try:
        page.wait_for_url(lambda url: urlsplit(url).fragment == target, timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"Enter on the skip link did not move to #{target} (address: {page.url})")
    header_bottom = page.locator(".md-header").bounding_box()["height"]
    landed = page.locator(f"[id='{target}']").bounding_box()
    assert header_bottom <= landed["y"] < page.viewport_size["height"], (
        f"after the skip link, #{target} is at {landed['y']:.0f} px: hidden under the header or off screen"
    )
    page.keyboard.press("Tab")
    after = page.evaluate("""(id) => { const target = document.getElementById(id), e = document.activeElement;
        return {following: !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING),
                inNavigation: !!e.closest('.md-header, .md-sidebar, .md-tabs')}; }""", target)
    assert after == {"following": True, "inNavigation": False}, "the next Tab after the skip link went back into the navigation"


def test_skip_link_does_not_skip_the_warning_box(real_site):
    skipped = []
    for path in html_files(real_site.site):
        tree = lxml_html.parse(str(path)).getroot()
        skip = tree.xpath('//a[contains(concat(" ", @class, " "), " md-skip ")]')
        box = tree.xpath(f'//*[@data-safety="{RED_FLAGS}"]')
        assert skip and box, f"{path.name}: no skip link or no warning box"
        order = {el: i for i, el in enumerate(tree.iter())}
        target = tree.get_element_by_id(skip[0].get("href").removeprefix("#"))
        if order[target] > order[box[0]]:
            skipped.append(path.relative_to(real_site.site).as_posix())
    assert skipped == [], f"'Skip to content' jumps past the warning box on {len(skipped)} pages: {skipped}"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_works_with_the_keyboard_alone(request, site_url, viewport):
    page = request.getfixturevalue(f"{viewport}_tab")
    open_page(page, site_url + "/")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches('{SEARCH_INPUT}')"):
            break
    else:
        pytest.fail("the search box is not among the first five Tab stops")
    # On a phone the search box is revealed by script once it takes focus.
    try:
        page.wait_for_function("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0
                   && r.bottom > 0 && r.top < innerHeight; }""", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail("the search box has focus but cannot be seen")
    # Material answers only once its search worker has loaded the index ("Initializing search" until then).
    page.locator(".md-search-result__meta").filter(has_text="Type to start").wait_for(state="attached")
    # Typed key by key: Material searches on key presses, not on a bare input event.
    page.keyboard.type(SEARCH_WORD, delay=20)
    # Each key press brings its own list of results, and a later list replaces an earlier one
    # (taking focus with it), so wait for the list of the whole word.
    page.locator(SEARCH_DONE).first.wait_for()
    page.keyboard.press("ArrowDown")
    result = active(page)
    assert result["tag"] == "a" and "md-search-result__link" in result["classes"], f"ArrowDown moved focus to {result}"
    assert result["shown"], "the focused search result cannot be seen"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == urlsplit(result["url"]).path, "Enter did not open the focused result"
    assert urlsplit(page.url).path != "/"


def test_slash_key_jumps_to_search(desktop_tab, site_url):
    open_page(desktop_tab, site_url + "/understanding/sciatica/")
    desktop_tab.keyboard.press("/")
    assert desktop_tab.evaluate(f"() => document.activeElement.matches('{SEARCH_INPUT}')"), "'/' did not focus the search box"


def test_search_keys_work_before_material_starts(desktop, site_url):
    """On a slow connection Material's script can arrive seconds after the text; the page's own
    loader must answer '/' meanwhile, and what was typed must be searched once Material runs."""
    held = []

    def hold(route) -> None:
        held.append(route)

    desktop.route("**/assets/javascripts/bundle.*.min.js", hold)
    desktop.goto(site_url + "/understanding/sciatica/", wait_until="commit")
    desktop.wait_for_function("() => document.readyState !== 'loading'")  # the loader has run
    desktop.keyboard.press("/")
    assert desktop.evaluate(f"() => document.activeElement.matches('{SEARCH_INPUT}')"), "'/' did nothing before Material started"
    assert desktop.evaluate("() => document.getElementById('__search').checked"), "the search box did not open"
    desktop.keyboard.type(SEARCH_WORD)
    assert held and not desktop.evaluate("() => 'document$' in window"), "Material was not held back: this test checks nothing"
    for route in held:
        route.continue_()
    desktop.unroute("**/assets/javascripts/bundle.*.min.js")
    desktop.locator(SEARCH_DONE).first.wait_for()
    desktop.keyboard.press("Escape")
    assert not desktop.evaluate("() => document.getElementById('__search').checked"), "Escape did not close search"
