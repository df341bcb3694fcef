"""Content cannot smuggle code or tracking into pages, and links to other sites open safely.

Raw HTML in content passes only through an allow-list; anything else fails the
build with the file, line and a hint. Every link to another website gets
rel="noopener noreferrer" and is announced as external.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from guide.errors import ContentErrors
from guide.links import HIDDEN_TEXT, mark_external_links
from guide.content.load import load_content

from helpers import PAGE_CONTENT, make_project

ARTICLE = "content_src/articles/test-sciatica.md"
SENTENCE = "The pain can be sharp."  # line 20 of the fixture article
ALLOWED = ("abbr, br, caption, details, div, em, kbd, mark, p, small, span, strong, sub, summary, sup, "
           "table, tbody, td, tfoot, th, thead, tr")


@pytest.fixture
def proj(tmp_path):
    return make_project(tmp_path / "p")


def errors_after(proj, replacement: str) -> list[str]:
    proj.edit(ARTICLE, SENTENCE, replacement)
    with pytest.raises(ContentErrors) as info:
        load_content(proj.content)
    return [e.format() for e in info.value.errors]


# ---------------------------------------------------------------- the allow-list
REFUSED = [
    pytest.param(
        'The pain can be <img src="pain.png" alt="">sharp.',
        "content_src/articles/test-sciatica.md:20: body: the <img> element is not on the list of HTML allowed in content\n"
        f"    hint: write Markdown instead; allowed elements: {ALLOWED}",
        id="img",
    ),
    pytest.param(
        'See <a href="https://tracker.example/?id=1">this page</a>.',
        "content_src/articles/test-sciatica.md:20: body: the <a> element is not on the list of HTML allowed in content\n"
        f"    hint: write Markdown instead; allowed elements: {ALLOWED}",
        id="raw-link",
    ),
    pytest.param(
        '<video src="x.mp4"></video>',
        "content_src/articles/test-sciatica.md:20: body: the <video> element is not on the list of HTML allowed in content\n"
        f"    hint: write Markdown instead; allowed elements: {ALLOWED}",
        id="video",
    ),
    pytest.param(
        '<span style="display:none">The pain can be sharp.</span>',
        "content_src/articles/test-sciatica.md:20: body: the 'style' attribute on <span> is not allowed in content\n"
        "    hint: <span> may carry: class, markdown",
        id="style-attribute",
    ),
    pytest.param(
        '<p id="x" class="pn-caption">The pain can be sharp.</p>',
        "content_src/articles/test-sciatica.md:20: body: the 'id' attribute on <p> is not allowed in content\n"
        "    hint: <p> may carry: class, markdown",
        id="id-attribute",
    ),
    pytest.param(
        'The pain can be <sup title="x">sharp</sup>.',
        "content_src/articles/test-sciatica.md:20: body: the 'title' attribute on <sup> is not allowed in content\n"
        "    hint: <sup> takes no attributes",
        id="attribute-on-bare-element",
    ),
    pytest.param(
        '<div class="a&quot;b">The pain can be sharp.</div>',
        "content_src/articles/test-sciatica.md:20: body: class=\"a&quot;b\" on <div> is not a plain list of class names\n"
        "    hint: use letters, digits, '-' and '_' only, separated by spaces",
        id="odd-class-value",
    ),
    # The dangerous cases keep their own message (tests/test_validation.py), once, not twice.
    pytest.param(
        '<span onmouseover="steal()">The pain can be sharp.</span>',
        "content_src/articles/test-sciatica.md:20: body: an on... event attribute is not allowed in content\n"
        "    hint: write plain Markdown; raw HTML that runs code or loads other sites is refused",
        id="event-attribute",
    ),
    pytest.param(
        '<iframe src="https://x.example/"></iframe>',
        "content_src/articles/test-sciatica.md:20: body: the <iframe> element is not allowed in content\n"
        "    hint: write plain Markdown; raw HTML that runs code or loads other sites is refused",
        id="iframe",
    ),
    pytest.param(
        "[Click](javascript:alert(1))",
        "content_src/articles/test-sciatica.md:20: body: a javascript: or data: link is not allowed in content\n"
        "    hint: write plain Markdown; raw HTML that runs code or loads other sites is refused",
        id="javascript-link",
    ),
]


@pytest.mark.parametrize("replacement, expected", REFUSED)
def test_html_outside_the_allow_list_fails_naming_file_and_line(proj, replacement, expected):
    found = errors_after(proj, replacement)
    assert expected in found, "\n\n".join(found)
    assert len(found) == 1, found  # one problem, one message


def test_a_disallowed_element_on_a_later_line_is_reported_at_that_line(proj):
    found = errors_after(proj, "The pain can be sharp.\n\nIt may\n<marquee>burn</marquee>.")
    assert found[0].startswith("content_src/articles/test-sciatica.md:23: body: the <marquee> element"), found


ACCEPTED = [
    'The <abbr title="magnetic resonance imaging">MRI</abbr> scan.<br>Line two.',
    "Take 2<sup>nd</sup> H<sub>2</sub>O. Press <kbd>Ctrl</kbd>. <mark>Note</mark> <small>small</small>",
    '<div class="pn-note" markdown="1">\n\nThe pain can be **sharp**.\n\n</div>',
    '<details class="note"><summary>More</summary>The pain can be sharp.</details>',
    '<table class="pn-dose"><caption>Dose</caption><thead><tr><th scope="col">A</th></tr></thead>'
    '<tbody><tr><td colspan="2">B</td></tr></tbody></table>',
    # Code is shown, never run: its angle brackets are not HTML.
    "Type `<video>` to see it.\n\n```\n<img src=x>\n```",
    # Markdown autolinks and e-mail addresses are not elements.
    "See <https://www.nhs.uk/conditions/sciatica/> or write to <help@example.org>.",
]


@pytest.mark.parametrize("replacement", ACCEPTED, ids=range(len(ACCEPTED)))
def test_allowed_html_passes(proj, replacement):
    proj.edit(ARTICLE, SENTENCE, replacement)
    load_content(proj.content)


def test_the_real_content_passes_the_allow_list():
    from helpers import ROOT

    load_content(ROOT / "content_src")


# ---------------------------------------------------------------- links to other sites
def _links(site: Path, rel: str):
    return html.fromstring((site / rel).read_bytes()).xpath("//a[@href]")


def test_every_link_to_another_site_opens_safely_and_says_so(mini_site):
    checked = 0
    for path in sorted(mini_site.site.rglob("*.html")):
        for link in html.fromstring(path.read_bytes()).xpath("//a[@href]"):
            href = link.get("href")
            if not href.startswith(("http://", "https://", "//")):
                continue
            checked += 1
            where = f"{path.relative_to(mini_site.site)}: {href}"
            assert {"noopener", "noreferrer"} <= set(link.get("rel", "").split()), where
            assert "pn-external" in link.get("class", "").split(), where
            hidden = link.xpath('./span[@class="pn-visually-hidden"]')
            assert hidden and hidden[0].text_content() == HIDDEN_TEXT, where
    assert checked >= 2, "the fixture's sources page should link to other sites"


def test_site_links_and_phone_links_are_left_alone(mini_site):
    links = _links(mini_site.site, "understanding/test-sciatica/index.html")
    tel = [a for a in links if a.get("href").startswith("tel:")]
    internal = [a for a in links if not a.get("href").startswith(("http", "//", "tel:"))]
    assert tel and internal
    for link in tel + internal:
        assert "pn-external" not in link.get("class", ""), link.get("href")
        assert link.get("rel") is None, link.get("href")
        assert not link.xpath('.//*[@class="pn-visually-hidden"]'), link.get("href")


def test_a_markdown_link_in_an_article_is_marked_in_the_built_page(project):
    project.edit(ARTICLE, SENTENCE, "The pain can be sharp. Read [the NHS page](https://www.nhs.uk/conditions/sciatica/).")
    result = project.build()
    assert result.ok, result.output
    [link] = [a for a in _links(result.site, "understanding/test-sciatica/index.html") if "nhs.uk" in a.get("href")]
    assert link.get("rel") == "noopener noreferrer"
    assert link.text_content() == "the NHS page" + HIDDEN_TEXT


@pytest.mark.parametrize("markup, site_url, marked", [
    ('<a href="https://guide.example.org/sources/">x</a>', "https://guide.example.org/", False),
    ('<a href="https://other.example.org/">x</a>', "https://guide.example.org/", True),
    ('<a href="//cdn.example.net/x">x</a>', None, True),
    ('<a href="mailto:help@example.org">x</a>', None, False),
    ('<a href="tel:999">x</a>', None, False),
    ('<a href="#top">x</a>', None, False),
])
def test_only_other_hosts_count_as_external(markup, site_url, marked):
    out = mark_external_links(markup, site_url)
    assert ("pn-external" in out) is marked, out


def test_marking_keeps_existing_rel_and_class_and_runs_once():
    once = mark_external_links('<a class="md-button" rel="nofollow" href="https://x.example/">Go</a>')
    assert mark_external_links(once) == once
    link = html.fromstring(once)
    assert link.get("class").split() == ["md-button", "pn-external"]
    assert link.get("rel").split() == ["nofollow", "noopener", "noreferrer"]


def test_scripts_are_never_rewritten():
    script = '<script type="application/ld+json">{"a": "<a href=\'https://x.example/\'>x</a>"}</script>'
    assert mark_external_links(script) == script


def test_a_theme_override_that_adds_an_unmarked_link_to_another_site_is_refused(project):
    # Links are marked in page content; anything the theme adds is caught by the post-build check.
    project.edit("docs/overrides/partials/content.html", PAGE_CONTENT,
                 '{{ page.content }}<a href="https://tracker.example.com/">More</a>')
    result = project.build()
    assert result.returncode != 0
    assert ("understanding/test-sciatica/index.html: the link to https://tracker.example.com/ "
            "is not marked as going to another website") in result.output
    assert not project.site.exists()
