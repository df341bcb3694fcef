"""What a worried patient sees on a phone (issue 13, parts 2-4): the home page's first screen
offers the ways in; summaries, warnings and tables are as large as the body text; comparison
tables become cards, what to do first; the drawer opens a section in place and offers "On this
page"; "Back to top" never covers text; exercise pictures are big, beside their steps and
open larger on a tap; and axe finds nothing with the drawer open, a tooltip open or in print."""

from __future__ import annotations

import re
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_pages import urls
from tabs import phone_tab, print_tab  # noqa: F401  (fixtures)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HOME, ARTICLE, EXERCISE = "/", "/understanding/sciatica/", "/exercises/chin-tuck/"
SORENESS = "/self-care/soreness-or-worsening/"
# Where each way in on the home page must lead (docs/index.md).
WAYS_IN = {
    "leg": "/understanding/sciatica/",
    "arm": "/understanding/neck-and-arm-symptoms/",
    "physical therapy": "/self-care/soreness-or-worsening/",
    "exercises": "/exercises/",
    "warning signs": "/warning-signs/warning-signs/",
}
EXERCISES = [u for u in urls("exercise") if not u.endswith("/home-programme/")]
EDITIONS = {u.split("/exercises/")[0] for u in EXERCISES}


def _axe(page, *, paper: bool = False) -> None:
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    if paper:
        # Nothing is tapped on paper: the size of touch targets does not apply to a print-out.
        options["rules"] = {"target-size": {"enabled": False}}
    results = Axe().run(page, options=options)
    assert results.response["violations"] == [], results.generate_report()


def _font_px(locator) -> float:
    return locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def _body_px(page) -> float:
    return _font_px(page.locator("article.md-typeset").first)


def _open_drawer(page) -> None:
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.locator(".md-sidebar--primary").evaluate(
        "e => new Promise(r => { const t = () => e.getBoundingClientRect().right > 200 ? r() : requestAnimationFrame(t); t(); })")


def _shown_section_titles(page) -> int:
    return page.locator(".md-nav--primary .md-nav__title:not([for=__drawer])").evaluate_all(
        "els => els.filter(e => e.checkVisibility() && e.getBoundingClientRect().right > 0).length")


def test_home_first_screen_offers_the_ways_in_beside_the_emergency_instruction(phone_tab, site_url):
    phone_tab.goto(site_url + HOME)
    height = phone_tab.viewport_size["height"]
    links = phone_tab.locator(".pn-ways-in a")
    found = {}
    for i in range(links.count()):
        link = links.nth(i)
        box = link.bounding_box()
        assert link.is_visible() and box["y"] + box["height"] <= height, f"{link.inner_text()!r} is below the first screen"
        assert box["height"] >= 44, f"{link.inner_text()!r} is a small tap target ({box['height']:.0f} px)"
        href = link.evaluate("a => new URL(a.href).pathname")
        found[" ".join(link.inner_text().split()).lower()] = href
    for words, target in WAYS_IN.items():
        assert any(words in text and href == target for text, href in found.items()), \
            f"no way in about {words!r} leading to {target}: {found}"
    emergency = phone_tab.locator('[data-safety="red-flags"] h2, [data-safety="red-flags"] h3').first
    box = emergency.bounding_box()
    assert box["y"] + box["height"] <= height, f"the emergency instruction ends at {box['y'] + box['height']:.0f} px"


@pytest.mark.parametrize("path,selector", [
    (ARTICLE, ".admonition li, .admonition p:not(.admonition-title)"),
    (EXERCISE, ".admonition li"),
    (SORENESS, "table td"),
    ("/self-care/managing-a-flare-up/", "table td"),
])
def test_summaries_warnings_and_tables_are_as_large_as_body_text(phone_tab, site_url, path, selector):
    phone_tab.goto(site_url + path)
    body = _body_px(phone_tab)
    assert body >= 16
    small = phone_tab.locator(selector).evaluate_all(
        "(els, body) => els.map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"
        ".filter(([, size]) => size < body - 0.01)", body)
    assert phone_tab.locator(selector).count() > 0, f"nothing matches {selector}: is the page still built this way?"
    assert small == [], f"smaller than the {body} px body text: {small}"


def test_a_glossary_tooltip_is_as_large_as_body_text_and_passes_axe(phone_tab, site_url):
    phone_tab.goto(site_url + ARTICLE)
    body = _body_px(phone_tab)
    word = phone_tab.locator("article p abbr").first
    word.scroll_into_view_if_needed()
    word.tap()
    tooltip = phone_tab.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    inner = tooltip.locator(".md-tooltip2__inner")
    assert _font_px(inner) >= body - 0.01
    assert inner.evaluate("e => getComputedStyle(e).fontWeight") == "400"
    _axe(phone_tab)


def test_the_soreness_comparison_becomes_tier_cards_with_what_to_do_first(phone_tab, site_url):
    phone_tab.goto(site_url + SORENESS)
    table = phone_tab.locator(".pn-compare table")
    assert table.count() == 1
    headings = table.locator("thead th")
    # Two columns since the emergency signs live only in the warning box: soreness, and "tell your therapist".
    assert headings.count() == 2
    content_width = phone_tab.locator("article").bounding_box()["width"]
    colours = []
    for column in range(1, 3):
        th = headings.nth(column - 1).bounding_box()
        assert th["width"] >= content_width - 40, f"column {column} is not a full-width card ({th['width']:.0f} px)"
        cells = table.locator(f"tbody td:nth-child({column}):not(:empty)")
        first_cell = min((cells.nth(i).bounding_box()["y"], cells.nth(i).inner_text()) for i in range(cells.count()))
        assert first_cell[0] > th["y"], "a card's heading is not at its top"
        assert first_cell[1].startswith("What to do"), f"card {column} does not start with what to do: {first_cell[1]!r}"
        colours.append(cells.first.evaluate("e => getComputedStyle(e).backgroundColor"))
    assert len(set(colours)) == 2, f"the two tiers are not told apart by colour: {colours}"
    # Cards follow one another: the second heading comes after every cell of the first card.
    first_card_bottom = max(b["y"] + b["height"] for b in table.locator("tbody td:nth-child(1):not(:empty)").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return {y: r.y, height: r.height}; })"))
    assert headings.nth(1).bounding_box()["y"] >= first_card_bottom - 1
    # Still a real table for screen readers and on a wide screen.
    assert table.locator("thead th").count() == 2 and table.locator("tbody tr").count() >= 5


def test_on_a_wide_screen_the_comparison_stays_a_table(desktop, site_url):
    desktop.goto(site_url + SORENESS)
    ys = {round(b["y"]) for b in desktop.locator(".pn-compare thead th").evaluate_all(
        "els => els.map(e => ({y: e.getBoundingClientRect().y}))")}
    assert len(ys) == 1, "the column headings are not in one row"


@pytest.mark.parametrize("path", [HOME, ARTICLE, EXERCISE])
def test_axe_passes_with_the_drawer_open(phone_tab, site_url, path):
    phone_tab.goto(site_url + path)
    _open_drawer(phone_tab)
    _axe(phone_tab)
    if path != HOME:
        # The open section's title bar is what axe never saw while the drawer was shut.
        assert _shown_section_titles(phone_tab) >= 1


def test_the_drawer_opens_a_section_in_place_and_shows_on_this_page(phone_tab, site_url):
    phone_tab.goto(site_url + ARTICLE)
    _open_drawer(phone_tab)
    on_this_page = phone_tab.locator('.md-nav--primary label.md-nav__link[for="__toc"]')
    assert on_this_page.is_visible()
    assert "On this page" in on_this_page.evaluate("e => getComputedStyle(e, '::after').content")
    # Back to the top level, then open another section: its pages show, and no page is loaded.
    phone_tab.locator(".md-nav--primary .md-nav__item--active > nav > label.md-nav__title").first.click()
    section = phone_tab.locator(".md-nav--primary > .md-nav__list > .md-nav__item--nested > label.md-nav__link").filter(
        has_text=re.compile("Treatment", re.I)).first
    section.click()
    phone_tab.wait_for_timeout(400)
    assert phone_tab.url == site_url + ARTICLE, "opening a section loaded another page"
    inner = section.locator("xpath=following-sibling::nav").first
    assert inner.locator("a.md-nav__link").first.is_visible(), "the section's pages did not show in the drawer"


def test_back_to_top_never_covers_the_text(phone_tab, site_url):
    phone_tab.goto(site_url + SORENESS)
    phone_tab.mouse.move(1, 1)
    phone_tab.wait_for_function("() => 'document$' in window")
    phone_tab.mouse.wheel(0, 3000)
    phone_tab.wait_for_function("() => scrollY > 1000")
    phone_tab.mouse.wheel(0, -400)
    top = phone_tab.locator(".md-top")
    top.wait_for(state="visible", timeout=5_000)
    button = top.bounding_box()
    header = phone_tab.locator(".md-header").bounding_box()
    assert button["y"] >= header["y"] and button["y"] + button["height"] <= header["y"] + header["height"], \
        "Back to top sits outside the header bar, over the page"
    title = phone_tab.locator(".md-header__title").bounding_box()
    assert title["x"] + title["width"] <= button["x"] + 1, "Back to top covers the header's title"


@pytest.mark.parametrize("path", EXERCISES)
def test_exercise_pictures_are_big_beside_their_steps_and_open_larger(phone_tab, site_url, path):
    # Twelve exercises in each edition: a page dropped from the list would escape this check.
    assert len(EXERCISES) == 12 * len(EDITIONS)
    phone_tab.goto(site_url + path)
    how = phone_tab.locator(".pn-how")
    width = phone_tab.viewport_size["width"]
    start, end = how.locator(".pn-figure-start img"), how.locator(".pn-figure-end img")
    for picture in (start, end):
        picture.scroll_into_view_if_needed()
        picture.evaluate("img => img.decode()")
        box = picture.bounding_box()
        assert box["height"] >= width / 2, f"{picture.get_attribute('src')} is {box['height']:.0f} px tall on a {width} px phone"
        link = picture.locator("xpath=ancestor::a[1]")
        href = link.evaluate("a => a.href")
        assert href == picture.evaluate("img => img.src"), "tapping the picture does not open it on its own"
        with urlopen(href) as response:
            assert response.status == 200 and response.headers["Content-Type"].startswith("image/svg")
    # Start picture straight before the starting position; the end picture straight after the steps.
    order = how.evaluate("e => [...e.children].map(c => c.tagName + '.' + c.className)")
    assert order[0].startswith("FIGURE") and "pn-figure-start" in order[0]
    assert order[1].startswith("P") and order[2].startswith("OL")
    assert order[3].startswith("FIGURE") and "pn-figure-end" in order[3]
    steps = how.locator("ol").bounding_box()
    gap = steps["y"] - (start.bounding_box()["y"] + start.bounding_box()["height"])
    assert gap < phone_tab.viewport_size["height"] / 3, f"the steps start {gap:.0f} px below the start picture"


@pytest.mark.parametrize("path", [HOME, ARTICLE, EXERCISE, SORENESS])
def test_axe_passes_in_print(print_tab, site_url, path):
    print_tab.goto(site_url + path)
    _axe(print_tab, paper=True)


def test_exercise_pictures_stay_clear_in_print(print_tab, site_url):
    print_tab.goto(site_url + EXERCISE)
    for picture in print_tab.locator(".pn-how img").all():
        # 34 mm at 96 px per inch: big enough to see the movement on paper.
        assert picture.bounding_box()["height"] >= 120
