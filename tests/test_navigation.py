"""The menu stays short however many articles a section has: big sections are split A to Z."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from helpers import make_project

ARTICLE = "content_src/articles/test-sciatica.md"
# Titles in an order that is not alphabetical, some sharing their first letters.
TITLES = ["Walking with sciatica", "Back pain at night", "Bending and lifting", "Sitting at a desk",
          "Driving with leg pain", "Sleeping positions", "Standing for long", "Coughing and sneezing",
          "Carrying shopping", "Gardening safely", "Stairs and steps"]


@pytest.fixture(scope="module")
def big_section(tmp_path_factory):
    proj = make_project(tmp_path_factory.mktemp("nav") / "p")
    proj.edit("content_src/site.yml", "locale: en-US", "locale: en-US\nnav_group_size: 5")
    template = (proj.root / ARTICLE).read_text(encoding="utf-8").replace("See also [the neck page](test-neck.md).\n", "")
    for number, title in enumerate(TITLES, start=10):
        text = template.replace("title: What is sciatica?", f"title: {title}").replace("order: 1", f"order: {number}")
        proj.write(f"content_src/articles/extra-{number}.md", text)
    result = proj.build()
    assert result.ok, result.output
    return proj


def menu(page) -> list[str]:
    """The entries of the primary menu of a built page (groups and pages), in order."""
    tree = lxml_html.parse(str(page))
    nav = tree.xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    entries = [" ".join(e.text_content().split())
               for e in nav.xpath(".//*[contains(@class, 'md-nav__link')][not(ancestor::nav[contains(@class, 'md-nav--secondary')])]")]
    # The open page is written twice (a label that opens its contents, and a link).
    return [e for i, e in enumerate(entries) if not i or e != entries[i - 1]]


GROUPS = ["B to D", "G to Stairs", "Standing to W"]


def test_a_section_bigger_than_the_group_size_is_listed_a_to_z_in_labelled_groups(big_section):
    entries = menu(big_section.site / "understanding" / "extra-10" / "index.html")  # "Walking with sciatica"
    # 13 articles in groups of at most 5, labelled like the pages of a dictionary (whole words, never "Stai").
    assert [e for e in entries if re.fullmatch(r"\S+ to \S+", e)] == GROUPS, entries
    # Only the page's own group is open, its articles in title order.
    after = entries[entries.index("Standing to W") + 1:]
    assert after[:3] == ["Standing for long", "Walking with sciatica", "What is sciatica?"], entries
    assert not set(entries) & (set(TITLES) - {"Standing for long", "Walking with sciatica"})


def test_no_page_carries_more_menu_entries_than_the_groups_allow(big_section):
    pages = list((big_section.site / "understanding").glob("*/index.html"))
    assert len(pages) == 13
    for page in pages:
        titles = [e for e in menu(page) if e in TITLES or e in ("What is sciatica?", "Neck and arm pain")]
        assert 1 <= len(titles) <= 5, (page, titles)


def test_pages_outside_the_section_link_to_it_without_listing_its_articles(big_section):
    entries = menu(big_section.site / "index.html")
    assert "Understanding pinched nerves" in entries
    assert not set(entries) & set(TITLES), entries
