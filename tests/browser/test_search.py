"""Patients search with their own words, misspellings and UK or US spelling.
Each query must list the right page among the first three results in a real browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

QUERIES = [
    # Words as they appear in the articles themselves.
    ("stenosis", "/understanding/spinal-stenosis/"),
    ("traction", "/treatment/traction/"),
    ("centralisation", "/self-care/soreness-or-worsening/"),
    # Patients' own words.
    ("physio", "/treatment/what-physical-therapy-involves/"),
    ("physical therapy", "/treatment/what-physical-therapy-involves/"),
    ("slipped disc", "/understanding/herniated-disc/"),
    ("bulging disk", "/understanding/herniated-disc/"),
    ("siatica", "/understanding/sciatica/"),
    ("trapped nerve", "/understanding/what-is-a-pinched-nerve/"),
    ("pins and needles", "/understanding/what-is-a-pinched-nerve/"),
    ("tingling fingers", "/understanding/neck-and-arm-symptoms/"),
    ("numb foot", "/understanding/back-and-leg-symptoms/"),
    ("sore after", "/self-care/soreness-or-worsening/"),
    ("worse after physio", "/self-care/soreness-or-worsening/"),
    ("flare up", "/self-care/managing-a-flare-up/"),
    ("nerve flossing", "/treatment/nerve-glides/"),
    ("hot water bottle", "/treatment/heat-and-ice/"),
    ("ice pack", "/treatment/heat-and-ice/"),
    ("painkillers", "/treatment/medicines/"),
    ("ibuprofen", "/treatment/medicines/"),
    ("epidural", "/treatment/injections-and-surgery/"),
    ("operation", "/treatment/injections-and-surgery/"),
    ("MRI scan", "/getting-checked/how-it-is-diagnosed/"),
    ("xray", "/getting-checked/how-it-is-diagnosed/"),
    ("bladder", "/warning-signs/warning-signs/"),
    ("cauda equina", "/warning-signs/warning-signs/"),
    ("chin tuck", "/exercises/chin-tuck/"),
    ("exercise bike", "/exercises/cycling/"),
    ("how long", "/understanding/how-long-recovery-takes/"),
    ("bone spur", "/understanding/bone-spurs-and-wear/"),
    ("arthritis", "/understanding/bone-spurs-and-wear/"),
    ("narrowing", "/understanding/spinal-stenosis/"),
    ("carpal tunnel", "/understanding/other-causes/"),
    ("posture", "/treatment/posture-and-body-mechanics/"),
    ("lifting", "/treatment/posture-and-body-mechanics/"),
    ("massage", "/treatment/manual-therapy/"),
    ("chiropractor", "/treatment/manual-therapy/"),
    ("stretching", "/treatment/exercise-therapy/"),
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/")
    page.locator("input.md-search__input").click()
    yield page
    context.close()


def top_results(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    meta.filter(has_text="Type to start").wait_for()
    # Material searches when a key comes up, not on other input. Filling all but the last letter
    # and pressing that one key makes exactly one search, for the whole query, so the results
    # read below cannot be those of a shorter query that a later list is about to replace.
    box.fill(query[:-1])
    box.press(query[-1])
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('Type to start')",
        timeout=10_000,
    )
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    return [urlsplit(h).path for h in hrefs]


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_patient_words_find_the_right_page(search_page, query, expected):
    results = top_results(search_page, query)
    assert expected in results[:3], f"{query!r} -> {results[:5]}"


INDEX = "/search/search_index.json"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_search_index_is_downloaded_only_once_search_is_used(request, site_url, viewport):
    page = request.getfixturevalue(viewport)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if urlsplit(r.url).path == INDEX else None)
    page.goto(site_url + "/understanding/sciatica/", wait_until="networkidle")
    # Material asks for the index as soon as it starts; the page holds that request back.
    page.mouse.move(1, 1)  # Material starts at the first interaction (docs/overrides/main.html)
    page.wait_for_function("() => 'document$' in window")
    page.wait_for_load_state("networkidle")
    assert fetched == [], "a reader who never searches still downloaded the search index"
    if viewport == "phone":
        page.locator("label.md-header__button[for='__search']").tap()
    else:
        page.keyboard.press("/")
    # Material says "Initializing search" until the index has arrived and been read.
    page.locator(".md-search-result__meta").filter(has_text="Type to start").wait_for()
    assert fetched == [INDEX]
    page.keyboard.type("sciatica")
    page.locator('.md-search-result__link[href$="?h=sciatica"]').first.wait_for()


def test_results_do_not_show_the_keywords_they_matched(search_page):
    """Keywords hold misspellings and jargon so that patients' words match; a patient should not see them."""
    assert "/understanding/sciatica/" in top_results(search_page, "siatica")[:3]
    keywords = search_page.locator(".md-search-result .md-tags")
    assert keywords.count() > 0, "Material no longer lists keywords in results: this test checks nothing"
    shown = keywords.evaluate_all("els => els.filter(e => e.checkVisibility()).map(e => e.textContent.trim())")
    assert shown == [], f"search results show keyword lists: {shown[:3]}"
