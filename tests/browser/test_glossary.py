"""Medical words explain themselves: tapping one on a phone shows its plain definition."""

from __future__ import annotations

import yaml

from helpers import ROOT


def test_tapping_a_glossary_word_shows_its_definition(phone, site_url):
    glossary = yaml.safe_load((ROOT / "content_src" / "glossary.yml").read_text())
    definitions = {" ".join(g["definition"].split()) for g in glossary}
    phone.goto(site_url + "/understanding/sciatica/")
    word = phone.locator("article p abbr").first
    definition = word.get_attribute("title")  # Material moves it into its own tooltip once shown
    assert definition in definitions
    word.scroll_into_view_if_needed()
    word.tap()
    tooltip = phone.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert " ".join(tooltip.text_content().split()) == definition


def test_glossary_page_lists_every_term(desktop, site_url):
    from guide.pages import wording
    from guide.content.brand import default_brand
    from guide.content.load import load_content

    content = load_content(ROOT / "content_src")  # terms with care-word tokens, filled as the page shows them
    expected = [g.term for g in wording.brand_content(content, default_brand(content)).glossary]
    desktop.goto(site_url + "/glossary/")
    terms = desktop.locator("dl.pn-glossary dt").all_text_contents()
    assert sorted(t.strip() for t in terms) == sorted(expected)
