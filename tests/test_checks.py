"""Each post-build page check (guide.checks.registry) on small HTML strings, without a build.

A correct article page is put together from the real safety texts (content_src/, rendered by
guide.pages.safety_html as the build renders them); each case changes one thing a template, a plugin
or a hand-written page could get wrong and names the finding the reader of the build's output
sees. Every registered check must have at least one case here: a new check without one fails
test_every_registered_check_has_a_case.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from guide import links
from guide.content.brand import default_brand
from guide.checks import internal_links, pages
from guide.findings import Finding, report
from guide.checks import site as site_checks
from guide.checks.registry import PAGE_CHECKS, SITE_CHECKS, page_check, site_check
from guide.content.load import load_content
from guide.pages.safety_html import (BOX_ANCHOR, DISCLAIMER, EMERGENCY, HELP, HELP_ANCHOR, RED_FLAGS, RED_FLAGS_SHORT,
                               disclaimer_box, emergency_strip, help_section, red_flag_box, red_flag_short_box)
from helpers import ROOT

ARTICLE = "understanding/sciatica/index.html"


@pytest.fixture(scope="module")
def expect():
    content = load_content(ROOT / "content_src")
    return pages.Expectations(content, default_brand(content))


@pytest.fixture(scope="module")
def good(expect) -> str:
    """An article page as the build writes it, reduced to what the checks read."""
    red_flags, brand = expect.content.red_flags, expect.brand
    sets, linked = expect.help_pages[ARTICLE]
    source = sorted(expect.source_ids)[0]
    outside = links.mark_external_links('<a href="https://www.nhs.uk/">NHS</a>')
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>Sciatica</title></head><body>'
        '<a href="../../">Home</a> <a href="../../#start">Start here</a><article><h1>Sciatica</h1>'
        f'{emergency_strip(red_flags, brand, sets)}'
        '<p class="pn-answer">An answer.</p>'
        f'{red_flag_box(red_flags, brand, sets, BOX_ANCHOR)}'
        f'<h2>What it is</h2><p>Text <span data-source-id="{source}">[1]</span> and {outside}.</p>'
        f'<h2 id="{HELP_ANCHOR}">{red_flags.help.heading}</h2>{help_section(red_flags, brand, sets, "#" if linked else None)}'
        f'</article>{disclaimer_box(expect.content.disclaimer)}'
        f'<div class="pn-print-head">{red_flag_short_box(red_flags, brand, sets)}</div>'
        '<a href="#">Back to the top</a> <a href="#top">Top</a></body></html>')


@pytest.fixture
def site(tmp_path, expect):
    """The site the page is in, for the link check: its home page (with a part, #start), nothing else."""
    (tmp_path / "index.html").write_text('<!doctype html><html><body><h2 id="start">Start here</h2></body></html>',
                                         encoding="utf-8")
    return internal_links.LinkCheck(tmp_path, "/", expect.page_sources)


def run(name: str, markup: str, expect, link_check=None) -> list[str]:
    tree = lxml_html.document_fromstring(markup)
    page = pages.page_of(tree, ARTICLE, markup.encode("utf-8"), link_check)
    return [f.format(one_line=True) for f in PAGE_CHECKS[name](page, expect)]


# ---------------------------------------------------------------- changes to the correct page
def _edit(xpath: str, change):
    def edit(tree) -> None:
        change(tree.xpath(xpath)[0])
    return edit


def box(change):
    return _edit(f'//*[@data-safety="{RED_FLAGS}"]', change)


def short(change):
    return _edit(f'//*[@data-safety="{RED_FLAGS_SHORT}"]', change)


def strip(change):
    return _edit(f'//*[@data-safety="{EMERGENCY}"]', change)


def help_(change):
    return _edit(f'//*[@data-safety="{HELP}"]', change)


def disclaimer(change):
    return _edit(f'//*[@data-safety="{DISCLAIMER}"]', change)


def remove(element) -> None:
    element.getparent().remove(element)


def duplicate(element) -> None:
    element.addnext(lxml_html.fromstring(lxml_html.tostring(element)))


def attribute(name: str, value: str):
    return lambda element: element.set(name, value)


def wrap_in(tag: str, **attributes):
    """Put the element inside a new <tag> (an ancestor that hides it)."""
    def change(element) -> None:
        outer = element.makeelement(tag, attributes)
        element.addprevious(outer)
        outer.append(element)
    return change


def drop_first_item(element) -> None:
    remove(element.xpath(".//li")[0])


def dial(number: str):
    def change(element) -> None:
        for link in element.xpath(".//a[starts-with(@href, 'tel:')]"):
            link.set("href", f"tel:{number}")
    return change


def add_text(text: str):
    def change(element) -> None:
        element.append(lxml_html.fragment_fromstring(f"<p>{text}</p>"))
    return change


def strip_after_box(tree) -> None:
    element = tree.xpath(f'//*[@data-safety="{EMERGENCY}"]')[0]
    the_box = tree.xpath(f'//*[@data-safety="{RED_FLAGS}"]')[0]
    the_box.addnext(element)


def box_after_heading(tree) -> None:
    the_box = tree.xpath(f'//*[@data-safety="{RED_FLAGS}"]')[0]
    tree.xpath("//article/h2")[0].addnext(the_box)


def page_body(markup: str):
    def change(tree) -> None:
        tree.xpath("//article")[0].append(lxml_html.fragment_fromstring(markup))
    return change


def misspelt_marker(tree) -> None:
    tree.xpath("//article/h1")[0].set("data-safety", "red-flag")


# The hiding a template, a stylesheet attribute or a script wrapper can do, for any box.
def hidings(name: str, wrap) -> list:
    return [
        (wrap(attribute("aria-hidden", "true")), f"{{page}}: the {name} is marked aria-hidden"),
        (wrap(wrap_in("div", **{"aria-hidden": "true"})), f"{{page}}: the {name} is marked aria-hidden"),
        (wrap(attribute("hidden", "")), f"{{page}}: the {name} has the 'hidden' attribute"),
        (wrap(wrap_in("section", hidden="hidden")), f"{{page}}: the {name} has the 'hidden' attribute"),
        (wrap(attribute("style", "display: none")), f"{{page}}: the {name} is hidden by an inline style (display: none)"),
        (wrap(wrap_in("div", style="visibility:hidden")),
         f"{{page}}: the {name} is hidden by an inline style (visibility:hidden)"),
        (wrap(attribute("style", "opacity: 0")), f"{{page}}: the {name} is hidden by an inline style (opacity: 0)"),
        (wrap(attribute("style", "font-size:0")), f"{{page}}: the {name} is hidden by an inline style (font-size:0)"),
        (wrap(wrap_in("template")), f"{{page}}: the {name} sits inside <template>, which is not shown"),
        (wrap(wrap_in("noscript")), f"{{page}}: the {name} sits inside <noscript>, which is not shown"),
    ]


# check name -> [(change to the correct page, the finding(s) it must give, and no other), ...].
# {page}, {tel} (the brand's emergency number), {sets} (the page's red-flag sets) and {heading}
# ("When to get help") are filled in from the real content; a finding ending in "..." is matched on
# its beginning (the rest names the line of the source text that differs).
DISCLAIMER_SOURCE = "content_src/safety/disclaimer.yml"
RED_FLAGS_SOURCE = "content_src/safety/red_flags.yml"
NOT_FILLED = "was printed instead of being filled in (a text field the build does not fill; see guide.content.models.PATIENT_TEXT)"
CASES: dict[str, list] = {
    "safety-markers": [
        (misspelt_marker, '{page}: unknown safety marker data-safety="red-flag"'),
    ],
    "disclaimer": [
        (disclaimer(remove), '{page}: no medical disclaimer (element with data-safety="disclaimer")'),
        (disclaimer(duplicate), "{page}: 2 disclaimers; a page must have exactly one"),
        (disclaimer(add_text("We cure everything.")), f"{{page}}: the disclaimer's text differs from {DISCLAIMER_SOURCE}"),
        *hidings("disclaimer", disclaimer),
    ],
    "warning-signs-box": [
        (box(remove), '{page}: no warning-signs box (element with data-safety="red-flags")'),
        (box(attribute("data-red-flag-sets", "lumbr")), "{page}: the warning-signs box names unknown red-flag set(s): lumbr"),
        (box(attribute("data-red-flag-sets", "")),
         "{page}: the warning-signs box does not say which red-flag sets it shows (data-red-flag-sets)"),
        (box(drop_first_item), f"{{page}}: the warning-signs box ({{sets}}) differs from {RED_FLAGS_SOURCE}:..."),
        (box(dial("999")), "{page}: the warning-signs box has no emergency link to {tel}"),
        *hidings("warning-signs box", box),
    ],
    "compact-box": [
        (short(attribute("data-red-flag-sets", "nerve")),
         "{page}: the compact copy of the warning-signs box names unknown red-flag set(s): nerve"),
        (short(drop_first_item),
         f"{{page}}: the compact copy of the warning-signs box ({{sets}}) differs from {RED_FLAGS_SOURCE}:..."),
        (short(dial("112")), "{page}: the compact copy of the warning-signs box has no emergency link to {tel}"),
        *hidings("compact copy of the warning-signs box", short),
    ],
    "help-section": [
        (help_(remove), "{page}: no 'When to get help' section (element with data-safety=\"help\")"),
        (help_(duplicate), ("{page}: 2 'When to get help' sections; a page has at most one",
                            f"{{page}}: the 'When to get help' section does not follow its heading "
                            f"(<h2>{{heading}}</h2>, from {RED_FLAGS_SOURCE})")),
        (help_(attribute("data-red-flag-sets", "general")),
         ("{page}: the 'When to get help' section names sets (general), not the page's ({sets})",
          "{page}: the 'When to get help' section (general) and the warning-signs box name different sets")),
        (help_(add_text("Or wait and see.")), f"{{page}}: the 'When to get help' section ({{sets}}) differs from {RED_FLAGS_SOURCE}"),
        (help_(lambda e: remove(e.getprevious())),
         f"{{page}}: the 'When to get help' section does not follow its heading (<h2>{{heading}}</h2>, from {RED_FLAGS_SOURCE})"),
        # Hidden on itself: an ancestor wrapped around it also parts it from its heading (a finding of its own).
        *hidings("'When to get help' section", help_)[0:8:2],
    ],
    "emergency-strip": [
        (strip(remove), '{page}: no emergency strip on the first screen (element with data-safety="emergency")'),
        (strip(duplicate), "{page}: 2 emergency strips; a page has at most one"),
        (strip(attribute("data-red-flag-sets", "general")), "{page}: the emergency strip names sets (general), not the page's ({sets})"),
        (strip(drop_first_item), f"{{page}}: the emergency strip ({{sets}}) differs from {RED_FLAGS_SOURCE}"),
        (strip(dial("999")), "{page}: the emergency strip has no emergency link to {tel}"),
        (strip(lambda e: e.xpath(".//a[starts-with(@href, '#')]")[0].set("href", "#top")),
         "{page}: the emergency strip's link (#top) does not lead to the warning-signs box"),
        (strip_after_box, "{page}: the emergency strip comes after the warning-signs box; it must come first, under the title"),
        (box_after_heading, "{page}: the warning-signs box comes after the section heading 'What it is'; "
                            "keep it near the top, straight after the page's answer"),
        *hidings("emergency strip", strip)[:5],
    ],
    "sources": [
        (page_body('<p><span data-source-id="nice-2099">[2]</span></p>'), "{page}: cites unknown source id 'nice-2099'"),
    ],
    "placeholders": [
        (page_body("<p>Call [[emergency-number]] now.</p>"), f"{{page}}: the placeholder [[emergency-number]] {NOT_FILLED}"),
        (page_body('<p><img alt="Call [[urgent-advice]]" src="#"></p>'), f"{{page}}: the placeholder [[urgent-advice]] {NOT_FILLED}"),
        (page_body("<p>Call &#91;[Er]] now.</p>"), f"{{page}}: the placeholder [[Er]] {NOT_FILLED}"),
    ],
    "external-links": [
        (page_body('<p><a href="https://example.org/page">a study</a></p>'),
         "{page}: the link to https://example.org/page is not marked as going to another website "
         "(guide.links.mark_external_links)"),
    ],
    "internal-links": [
        (page_body('<p><a href="../nowhere/">more</a></p>'),
         "{page}: the link ../nowhere/ (<a href>) goes nowhere: expected understanding/nowhere/index.html "
         "in the built site; hint: fix the Markdown link in content_src/articles/sciatica.md"),
        (page_body('<p><img src="../../../up.png" alt=""></p>'),
         "{page}: the link ../../../up.png (<img src>) goes nowhere: expected a file above the site's folder; "
         "hint: fix the Markdown link in content_src/articles/sciatica.md"),
    ],
    "link-fragments": [
        (page_body('<p><a href="#what-to-do">what to do</a></p>'),
         '{page}: the link #what-to-do (<a href>) names a part of this page that is not there: no element has '
         'id="what-to-do" (a reader lands at the top of the page); hint: fix the Markdown link in content_src/articles/sciatica.md'),
        (page_body('<p><a href="../../#starting">start here</a></p>'),
         '{page}: the link ../../#starting (<a href>) names a part of index.html that is not there: no element has '
         'id="starting" (a reader lands at the top of the page); hint: fix the Markdown link in content_src/articles/sciatica.md'),
        (lambda tree: tree.xpath(f'//*[@data-safety="{RED_FLAGS}"]')[0].attrib.pop("id"),
         '{page}: the link #' + BOX_ANCHOR + ' (<a href>) names a part of this page that is not there: no element has '
         'id="' + BOX_ANCHOR + '" (a reader lands at the top of the page); hint: fix the Markdown link in content_src/articles/sciatica.md'),
    ],
}


def changed(markup: str, change) -> str:
    tree = lxml_html.document_fromstring(markup)
    change(tree)
    return lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


# ---------------------------------------------------------------- the site checks' cases
# For each site check: (files written into a built folder that passes, the findings wanted).
GOOD_FILES = {
    "assets/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title><rect width="4" height="4"/></svg>',
    "exercises/bridge/bridge-1.svg": '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h4"/></svg>',
    "search/search_index.json": '{"docs": [{"title": "Sciatica", "text": "Call the emergency number if you cannot control your bladder."}]}',
    "sitemap.xml": "<urlset><url><loc>https://example.org/understanding/sciatica/</loc></url></urlset>",
    "manifest.webmanifest": '{"name": "Your home programme"}',
}
SITE_CASES = {
    "pictures": [
        ({"exercises/bridge/bridge-1.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>'},
         ["exercises/bridge/bridge-1.svg:2: the <script> element is not allowed in pictures (no scripts, embedded HTML or animation)"]),
        ({"assets/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>'},
         ["assets/images/logo.svg:1: the onload= event handler on <rect> runs script; remove it"]),
    ],
    "placeholders-in-data": [
        ({"search/search_index.json": '{"docs": [{"title": "Call [[emergency-number]] now"}]}'},
         ["search/search_index.json: the placeholder(s) [[emergency-number]] were written out instead of being filled in"]),
        ({"uk/sitemap.xml": "<urlset><url><loc>[[clinic-url]]</loc></url></urlset>"},
         ["uk/sitemap.xml: the placeholder(s) [[clinic-url]] were written out instead of being filled in"]),
    ],
}


def built(folder, files: dict[str, str]):
    for name, text in {**GOOD_FILES, **files}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- the tests
def test_every_registered_check_has_a_case():
    assert sorted(PAGE_CHECKS) == sorted(CASES), "a page check without a case here (or a case for no check)"
    assert all(CASES[name] for name in PAGE_CHECKS)


def test_every_registered_site_check_has_a_case():
    assert sorted(SITE_CHECKS) == sorted(SITE_CASES), "a site check without a case here (or a case for no check)"
    assert all(SITE_CASES[name] for name in SITE_CHECKS)


def test_a_correct_built_folder_passes_every_site_check(tmp_path):
    assert site_checks.check_site_files(built(tmp_path, {})) == []


@pytest.mark.parametrize("name,files,wanted", [
    pytest.param(name, files, wanted, id=f"{name}-{i}") for name, cases in SITE_CASES.items()
    for i, (files, wanted) in enumerate(cases)])
def test_each_site_check_refuses_what_it_is_for(name, files, wanted, tmp_path):
    """The file gives exactly its finding(s), from this check alone; the other checks pass the folder."""
    folder = built(tmp_path, files)
    assert [f.format(one_line=True) for f in SITE_CHECKS[name](folder)] == wanted
    assert [f.format(one_line=True) for f in site_checks.check_site_files(folder)] == wanted


def test_two_site_checks_cannot_share_a_name():
    with pytest.raises(ValueError, match="two site checks named 'pictures'"):
        site_check("pictures")(lambda folder: [])
    assert SITE_CHECKS["pictures"] is site_checks.pictures_safe


def test_the_correct_page_passes_every_check(good, expect, site):
    tree = lxml_html.document_fromstring(good)
    assert pages.verify_tree(tree, ARTICLE, expect, good.encode("utf-8"), site) == []


@pytest.mark.parametrize("name", list(PAGE_CHECKS))
def test_each_check_accepts_the_correct_page(name, good, expect, site):
    assert run(name, good, expect, site) == []


@pytest.mark.parametrize("name,change,wanted", [
    pytest.param(name, change, wanted, id=f"{name}-{i}") for name, cases in CASES.items()
    for i, (change, wanted) in enumerate(cases)])
def test_each_check_refuses_what_it_is_for(name, change, wanted, good, expect, site):
    """The change gives exactly its finding(s), from this check alone."""
    values = {"page": ARTICLE, "tel": expect.brand.emergency_tel, "sets": " ".join(expect.help_pages[ARTICLE][0]),
              "heading": expect.help_heading}
    wanted = [w.format(**values) for w in ((wanted,) if isinstance(wanted, str) else wanted)]
    got = run(name, changed(good, change), expect, site)
    if wanted[-1].endswith("..."):
        assert len(got) == len(wanted) and got[-1].startswith(wanted[-1][:-3]) and got[:-1] == wanted[:-1], (wanted, got)
    else:
        assert got == wanted


def test_a_page_checked_on_its_own_has_no_site_to_look_links_up_in(good, expect):
    """verify_page (a page without its site) cannot judge a link inside the site; it does not guess."""
    assert run("internal-links", changed(good, page_body('<a href="../nowhere/">x</a>')), expect) == []


def test_a_part_of_a_page_that_is_not_there_is_the_link_checks_finding_alone(good, expect, site):
    """A link to a missing page is one finding (the page goes nowhere), not a second for its #part;
    a link into an edition this build does not make is not judged."""
    page = changed(good, page_body('<a href="../nowhere/#x">x</a>'))
    assert run("link-fragments", page, expect, site) == [] and len(run("internal-links", page, expect, site)) == 1
    (site.root / "es").mkdir()
    (site.root / "es" / "index.html").write_text("<p>Inicio</p>", encoding="utf-8")
    page = changed(good, page_body('<a href="../../es/#x">es</a>'))
    assert [f.split(":")[1] for f in run("link-fragments", page, expect, site)] == [
        " the link ../../es/#x (<a href>) names a part of es/index.html that is not there"]
    unbuilt = internal_links.LinkCheck(site.root, "/", expect.page_sources, unbuilt=("es",))
    assert run("link-fragments", page, expect, unbuilt) == []


def test_a_page_checked_on_its_own_has_its_own_parts_judged(good, expect):
    """verify_page has no site for "../x/#part", but the parts of the page itself are there to look up."""
    page = changed(good, page_body('<p><a href="#nowhere">x</a> <a href="../../#nowhere">y</a></p>'))
    assert [f.split(":")[1].strip() for f in run("link-fragments", page, expect)] == ["the link #nowhere (<a href>) names a part of this page that is not there"]


def test_two_checks_cannot_share_a_name():
    """A second check under a name already taken would replace the first one's cases silently."""
    with pytest.raises(ValueError, match="two page checks named 'disclaimer'"):
        page_check("disclaimer")(lambda page, expect: [])
    assert PAGE_CHECKS["disclaimer"] is pages.disclaimer_shown


def test_a_finding_reads_as_file_line_field_message_and_hint():
    """One shape for a content error (hint on its own line) and a problem on a built page (one line each)."""
    error = Finding("content_src/articles/sciatica.md", 16, "red_flags[0]", "unknown red-flag set 'lumbr'",
                    "did you mean 'lumbar'?")
    assert error.format() == ("content_src/articles/sciatica.md:16: red_flags[0]: unknown red-flag set 'lumbr'\n"
                              "    hint: did you mean 'lumbar'?")
    link = Finding("about/index.html", None, "", "the link x/ goes nowhere", "fix the link")
    assert link.format(one_line=True) == "about/index.html: the link x/ goes nowhere; hint: fix the link"
    assert report([link, Finding("pic.svg", 2, "", "has a <script>")], "2 problems.", one_line=True).splitlines() == [
        "about/index.html: the link x/ goes nowhere; hint: fix the link", "pic.svg:2: has a <script>", "2 problems."]
