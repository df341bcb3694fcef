"""The emergency strip on the first screen of every article and exercise (issue 13, part 2):
built from content_src/safety/red_flags.yml and the brand only, and refused by the post-build
check when it is missing, changed, hidden, out of order, or pushes the full box down the page.
(What a phone shows: tests/browser/test_every_page.py.)"""

from __future__ import annotations

import copy

import pytest
from lxml import html

from guide.checks import pages
from guide.content.brand import default_brand, select_brand
from guide.content.load import load_content
from guide.pages.safety_html import BOX_ANCHOR, EMERGENCY, RED_FLAGS, emergency_strip, tier_groups
from helpers import PAGE_CONTENT, ROOT

PAGE = "understanding/test-sciatica/index.html"
STRIP = f'//*[@data-safety="{EMERGENCY}"]'
BOX = f'//*[@data-safety="{RED_FLAGS}"]'
CONTENT_PARTIAL = "docs/overrides/partials/content.html"


@pytest.fixture(scope="module")
def real():
    return load_content(ROOT / "content_src")


@pytest.fixture(scope="module")
def expect(mini_site):
    content = load_content(mini_site.site.parent / "content_src")
    return pages.Expectations(content, default_brand(content))


@pytest.fixture
def tree(mini_site):
    return html.document_fromstring((mini_site.site / PAGE).read_bytes())


def problems(tree, expect) -> list[str]:
    return [p.format() for p in pages.verify_page(html.tostring(tree), PAGE, expect)]


def strip_of(tree):
    return tree.xpath(STRIP)[0]


def _emergency_signs(content, sets):
    _, groups = tier_groups(content.red_flags, sets)
    return [i for g in groups if g.severity == "emergency" for i in g.items]


# ---------------------------------------------------------------- what it shows
@pytest.mark.parametrize("brand_of,number", [
    (lambda c: default_brand(c), "911"),
    (lambda c: default_brand(c, "uk"), "999"),
    (lambda c: select_brand(c, "example-street-physio"), "999"),
])
def test_the_strip_is_the_emergency_tier_in_short_with_the_brands_number(real, brand_of, number):
    brand = brand_of(real)
    sets = ["lumbar", "general"]
    strip = html.fragment_fromstring(emergency_strip(real.red_flags, brand, sets))
    tier = real.red_flags.tiers.emergency
    assert strip.get("data-safety") == EMERGENCY and strip.get("data-red-flag-sets") == "lumbar general"
    heading = strip.xpath('.//*[contains(@class, "pn-emergency__heading")]')[0]
    assert pages.visible_text(heading) == tier.heading.replace("{emergency}", number)
    assert strip.xpath(".//li/text()") == [i.short for i in _emergency_signs(real, sets)]
    assert len(strip.xpath(".//li")) >= 10  # every emergency sign of a low-back page, in its few words
    assert tier.action in pages.visible_text(strip)
    call = strip.xpath('.//a[contains(@class, "pn-call")]')[0]
    assert call.get("href") == f"tel:{number}" and call.text == f"Call {number}"
    more = strip.xpath(f'.//a[@href="#{BOX_ANCHOR}"]')
    assert [a.text for a in more] == [real.red_flags.first_screen.more]
    # Nothing but the emergency tier: the same-day and routine signs are in the full box.
    urgent = [i.text for i in real.red_flags.items if i.severity != "emergency"]
    assert not any(text in pages.visible_text(strip) for text in urgent)


def test_every_article_and_exercise_must_have_it(real):
    expect = pages.Expectations(real, default_brand(real))
    assert "understanding/sciatica/index.html" in expect.strip_pages
    assert expect.strip_pages["exercises/chin-tuck/index.html"] == ("cervical", "general")
    assert len(expect.strip_pages) == len(real.articles) + len(real.exercises)
    assert "exercises/home-programme/index.html" not in expect.strip_pages


def test_the_published_article_opens_with_the_strip_then_its_answer_then_the_box(tree, expect):
    assert problems(tree, expect) == []
    article = tree.xpath("//article")[0]
    order = [e.get("data-safety") or e.get("class") for e in article.iter()
             if e.get("data-safety") in (EMERGENCY, RED_FLAGS) or e.get("class") == "pn-answer"]
    assert order == [EMERGENCY, "pn-answer", RED_FLAGS]
    assert tree.xpath(BOX)[0].get("id") == BOX_ANCHOR


# ---------------------------------------------------------------- what the check refuses
def test_a_missing_strip_is_refused(tree, expect):
    strip = strip_of(tree)
    strip.getparent().remove(strip)
    assert problems(tree, expect) == [f'{PAGE}: no emergency strip on the first screen (element with data-safety="emergency")']


@pytest.mark.parametrize("edit", ["short", "dropped sign", "heading", "action", "more"])
def test_a_tampered_strip_is_refused(tree, expect, edit):
    strip = strip_of(tree)
    if edit == "short":
        strip.xpath(".//li")[0].text = "Signs of a bad day"
    elif edit == "dropped sign":
        li = strip.xpath(".//li")[-1]
        li.getparent().remove(li)
    elif edit == "heading":
        heading = strip.xpath('.//*[contains(@class, "pn-emergency__heading")]')[0]
        heading.text = "Think about calling "
    elif edit == "action":
        strip.xpath('.//*[contains(@class, "pn-emergency__action")]')[0].text = "Wait and see."
    else:
        strip.xpath(f'.//a[@href="#{BOX_ANCHOR}"]')[0].text = "More"
    assert problems(tree, expect) == [f"{PAGE}: the emergency strip (lumbar general) differs from content_src/safety/red_flags.yml"]


def test_a_strip_calling_the_wrong_number_is_refused(tree, expect):
    for link in strip_of(tree).xpath('.//a[@href="tel:911"]'):
        link.set("href", "tel:912")
    assert problems(tree, expect) == [f"{PAGE}: the emergency strip has no emergency link to tel:911"]


def test_a_hidden_strip_is_refused(tree, expect):
    strip_of(tree).set("style", "display: none")
    assert problems(tree, expect) == [f"{PAGE}: the emergency strip is hidden by an inline style (display: none)"]


def test_a_strip_for_other_sets_is_refused(tree, expect):
    strip_of(tree).set("data-red-flag-sets", "cervical general")
    assert problems(tree, expect) == [f"{PAGE}: the emergency strip names sets (cervical general), not the page's (lumbar general)"]


def test_a_second_strip_is_refused(tree, expect):
    strip = strip_of(tree)
    strip.addnext(copy.deepcopy(strip))
    assert f"{PAGE}: 2 emergency strips; a page has at most one" in problems(tree, expect)


def test_a_strip_after_the_box_is_refused(tree, expect):
    strip, box = strip_of(tree), tree.xpath(BOX)[0]
    box.addnext(strip)  # moves it
    assert problems(tree, expect) == [
        f"{PAGE}: the emergency strip comes after the warning-signs box; it must come first, under the title"]


def test_a_box_pushed_below_the_first_section_is_refused(tree, expect):
    box = tree.xpath(BOX)[0]
    first_section = tree.xpath("//article//h2[not(ancestor::*[@data-safety])]")[0]
    first_section.addnext(box)
    title = pages.visible_text(first_section)
    assert problems(tree, expect) == [
        f"{PAGE}: the warning-signs box comes after the section heading '{title}'; "
        "keep it near the top, straight after the page's answer"]


def test_a_strip_whose_link_misses_the_box_is_refused(tree, expect):
    tree.xpath(BOX)[0].attrib.pop("id")
    found = problems(tree, expect)
    assert found[0] == f"{PAGE}: the emergency strip's link (#{BOX_ANCHOR}) does not lead to the warning-signs box"
    # The link check says it too, as it would of any link to a part the page lacks.
    assert len(found) == 2 and f"the link #{BOX_ANCHOR} (<a href>) names a part of this page that is not there" in found[1]


def test_a_theme_override_without_the_strip_is_refused(project):
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT,
                 """{{ page.content | replace('data-safety="emergency"', 'data-was="emergency"') }}""")
    result = project.build()
    assert not result.ok
    assert f"{PAGE}: no emergency strip on the first screen" in result.output


def test_an_anchor_named_like_the_box_still_finds_the_box(tree, expect):
    # libxml2's id table, which the check reads first, also holds <a name>: the box must still be found.
    tree.body.insert(0, html.fragment_fromstring(f'<a name="{BOX_ANCHOR}"></a>'))
    assert problems(tree, expect) == []


def test_an_earlier_element_with_the_box_id_is_refused(tree, expect):
    strip_of(tree).addprevious(html.fragment_fromstring(f'<p id="{BOX_ANCHOR}">Elsewhere</p>'))
    assert problems(tree, expect) == [
        f"{PAGE}: the emergency strip's link (#{BOX_ANCHOR}) does not lead to the warning-signs box"]
