"""A link inside the site that goes nowhere is refused by the verifier, whichever engine built
the pages (guide.checks.internal_links): MkDocs' strict mode is not the only guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from guide.checks import internal_links, pages
from guide.content.brand import default_brand
from guide.content.load import load_content
from helpers import ROOT

PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>T</title>{head}</head><body>{body}</body></html>'


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in {"index.html": PAGE.format(head="", body="home"), **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def broken(root: Path, page: str, body: str = "", head: str = "", base_path: str = "/",
           sources: dict | None = None) -> list[str]:
    tree = html.document_fromstring(PAGE.format(head=head, body=body))
    return [f.format(one_line=True) for f in internal_links.LinkCheck(root, base_path, sources).broken(tree, page)]


@pytest.fixture
def guide_site(tmp_path):
    return site(tmp_path, {
        "understanding/sciatica/index.html": "x",
        "exercises/chin-tuck/index.html": "x",
        "assets/guide.css": "x", "assets/app.js": "x",
        "illustrations/chin-tuck.svg": "x", "illustrations/chin tuck.webp": "x", "illustrations/big.webp": "x",
        "es/index.html": "x", "es/understanding/sciatica/index.html": "x",
        "sitemap.xml": "x", "folder-without-index/readme.txt": "x",
    })


@pytest.mark.parametrize("body,head", [
    ('<a href="../../exercises/chin-tuck/">chin tuck</a>', ""),
    ('<a href="../../exercises/chin-tuck/#how">part of another page</a>', ""),
    ('<a href="../../exercises/chin-tuck/index.html?x=1">with a query</a>', ""),
    ('<a href="../../">home</a> <a href="../..">home</a> <a href="/">home</a>', ""),
    ('<a href="/understanding/sciatica/">root-relative</a>', ""),
    ('<a href="../../es/understanding/sciatica/">another edition</a>', ""),
    ('<a href="../../exercises/chin-tuck">a folder, without the slash</a>', ""),
    ('<img src="../../illustrations/chin-tuck.svg" alt="">', ""),
    ('<img src="../../illustrations/chin%20tuck.webp" alt="">', ""),
    ('<picture><source srcset="../../illustrations/chin%20tuck.webp 1x, ../../illustrations/big.webp 2x">'
     '<img src="../../illustrations/chin-tuck.svg" alt=""></picture>', ""),
    ("", '<link rel="stylesheet" href="../../assets/guide.css"><script src="../../assets/app.js"></script>'),
    ("", '<link rel="sitemap" href="/sitemap.xml">'),
    # Not ours to check: other websites, phone and mail links, parts of this page, inline data.
    ('<a href="https://www.nhs.uk/x/">NHS</a> <a href="http://example.org">x</a> <a href="//cdn.example.org/x.js">x</a>', ""),
    ('<a href="tel:999">Call</a> <a href="mailto:a@example.org">Mail</a> <a href="#box">See the box</a>', ""),
    ('<a href="">this page</a> <a href="?q=back">this page, searched</a> <img src="data:image/gif;base64,R0lGOD" alt="">', ""),
    ("", '<link rel="preconnect" href="https://fonts.example.org">'),
], ids=["page", "fragment-of-another-page", "query", "home", "root-relative", "other-edition", "folder", "svg",
        "escaped-space", "srcset", "css-and-js", "root-relative-file", "external", "tel-mailto-fragment",
        "same-page-and-data", "preconnect"])
def test_links_that_resolve_and_kinds_not_checked_are_accepted(guide_site, body, head):
    assert broken(guide_site, "understanding/sciatica/index.html", body, head) == []


@pytest.mark.parametrize("body,head,link,expected", [
    ('<a href="../nowhere/">x</a>', "", "../nowhere/ (<a href>)", "understanding/nowhere/index.html"),
    ('<a href="/exercises/chin-tuk/#how">x</a>', "", "/exercises/chin-tuk/#how (<a href>)", "exercises/chin-tuk/index.html"),
    ('<a href="../../folder-without-index/">x</a>', "", "(<a href>)", "folder-without-index/index.html"),
    ('<a href="../../folder-without-index">x</a>', "", "(<a href>)", "folder-without-index/index.html"),
    ('<img src="../../illustrations/missing.svg" alt="">', "", "(<img src>)", "illustrations/missing.svg"),
    ('<picture><source srcset="../../illustrations/big.webp 1x, ../../illustrations/huge.webp 2x"></picture>', "",
     "../../illustrations/huge.webp (<source srcset>)", "illustrations/huge.webp"),
    ("", '<link rel="stylesheet" href="../../assets/gone.css">', "(<link href>)", "assets/gone.css"),
    ("", '<script src="../../assets/gone.js"></script>', "(<script src>)", "assets/gone.js"),
    ('<a href="../../../../etc/passwd">x</a>', "", "(<a href>)", "a file above the site's folder"),
], ids=["page", "root-relative-misspelt", "folder-without-index", "folder-without-slash", "picture", "srcset",
        "stylesheet", "script", "above-the-site"])
def test_a_link_to_something_not_in_the_site_is_named(guide_site, body, head, link, expected):
    found = broken(guide_site, "understanding/sciatica/index.html", body, head,
                   sources={"understanding/sciatica/index.html": "content_src/articles/sciatica.md"})
    assert len(found) == 1, found
    assert link in found[0] and f"expected {expected}" in found[0]
    assert "fix the Markdown link in content_src/articles/sciatica.md" in found[0]


def test_a_site_served_from_a_sub_folder_resolves_root_relative_links_from_there(guide_site):
    body = '<a href="/guide/exercises/chin-tuck/">ok</a> <a href="/guide">ok</a> <a href="/exercises/chin-tuck/">no</a>'
    found = broken(guide_site, "index.html", body, base_path="/guide/")
    assert len(found) == 1 and "/exercises/chin-tuck/ (<a href>)" in found[0] and "above the site's folder" in found[0]


def test_the_same_broken_link_twice_on_a_page_is_one_problem(guide_site):
    found = broken(guide_site, "index.html", '<a href="gone/">menu</a> <a href="gone/">footer</a>')
    assert len(found) == 1
    assert "fix the link in the Markdown page or template that makes this page" in found[0]


@pytest.fixture(scope="module")
def expect():
    content = load_content(ROOT / "content_src")
    return pages.Expectations(content, default_brand(content))


def test_the_verifier_refuses_a_built_page_with_a_broken_link_and_names_its_source(tmp_path, expect):
    """Through verify_site, as the build calls it: each edition's pages resolve from the site's root."""
    site(tmp_path, {
        "understanding/sciatica/index.html": PAGE.format(head="", body='<a href="../nowhere/">x</a>'),
        "es/understanding/sciatica/index.html": PAGE.format(
            head="", body='<a href="../../../understanding/sciatica/">English</a> <a href="../gone/">x</a>'),
    })
    links = [p.format(one_line=True) for p in pages.verify_site(tmp_path, expect, skip=("es",)) if "goes nowhere" in p.message]
    assert links == ["understanding/sciatica/index.html: the link ../nowhere/ (<a href>) goes nowhere: expected "
                     "understanding/nowhere/index.html in the built site; hint: fix the Markdown link in "
                     "content_src/articles/sciatica.md"]
    expect.prefix = "es/"
    try:
        links = [p.format(one_line=True) for p in pages.verify_site(tmp_path / "es", expect, prefix="es/") if "goes nowhere" in p.message]
    finally:
        expect.prefix = ""
    # The English page, above es/, is in the site: only the missing Spanish page is refused.
    assert links == ["es/understanding/sciatica/index.html: the link ../gone/ (<a href>) goes nowhere: expected "
                     "es/understanding/gone/index.html in the built site; hint: fix the Markdown link in "
                     "content_src/articles/sciatica.md"]


def test_links_into_an_edition_this_build_does_not_make_are_not_checked(guide_site):
    """`--edition root` (or `mkdocs build` run directly) makes one edition; its switcher still links to the others."""
    body = '<a href="../../uk/understanding/sciatica/">UK</a> <a href="../../es/understanding/gone/">ES</a>'
    tree = html.document_fromstring(PAGE.format(head="", body=body))
    found = internal_links.LinkCheck(guide_site, unbuilt=("uk",)).broken(tree, "understanding/sciatica/index.html")
    assert len(found) == 1 and "expected es/understanding/gone/index.html" in found[0].message


def test_an_edition_built_on_its_own_does_not_judge_its_links_to_the_root_edition(tmp_path):
    """`GUIDE_EDITION=uk mkdocs serve`: the UK folder is the whole build, and its switcher links
    climb out of it (or start at "/") to the same page in the root edition; links inside it are judged."""
    root = site(tmp_path, {"understanding/sciatica/index.html": "x"})
    body = ('<a href="../../../understanding/sciatica/">US</a> <a href="/">US home</a>'
            ' <a href="../../../es/understanding/sciatica/">ES</a> <a href="../gone/">gone</a>')
    tree = html.document_fromstring(PAGE.format(head="", body=body))
    page = "understanding/sciatica/index.html"
    found = internal_links.LinkCheck(root, "/uk/", unbuilt=(internal_links.ABOVE_THE_SITE,)).broken(tree, page)
    assert [f.message for f in found] == ["the link ../gone/ (<a href>) goes nowhere: expected understanding/gone/index.html "
                                          "in the built site"], found
    # Built as part of the whole site, the same climbs out of the site are refused.
    assert len(internal_links.LinkCheck(root, "/uk/").broken(tree, page)) == 4


def test_a_build_without_the_root_edition_checks_only_the_editions_it_made(tmp_path):
    """`--edition es`: the Spanish not-found page links to the root's stylesheets, not built here."""
    root = site(tmp_path, {"es/index.html": PAGE.format(head="", body="inicio")})
    (root / "index.html").unlink()
    body = '<a href="/assets/x.css">root</a> <a href="/es/">es</a> <a href="/es/gone/">gone</a>'
    tree = html.document_fromstring(PAGE.format(head="", body=body))
    found = internal_links.LinkCheck(root, only=("es",)).broken(tree, "es/404.html")
    assert len(found) == 1 and "expected es/gone/index.html" in found[0].message, found
    assert len(internal_links.LinkCheck(root).broken(tree, "es/404.html")) == 2  # a full build judges both


def test_links_into_a_folder_written_after_the_check_wait(guide_site):
    """The handouts are printed from the verified pages: their PDFs are not there yet."""
    body = '<a href="../../handouts/chin-tuck.pdf">PDF</a> <a href="../../gone/">gone</a>'
    tree = html.document_fromstring(PAGE.format(head="", body=body))
    found = internal_links.LinkCheck(guide_site, later=("handouts/",)).broken(tree, "understanding/sciatica/index.html")
    assert len(found) == 1 and "expected gone/index.html" in found[0].message, found
    assert len(internal_links.LinkCheck(guide_site).broken(tree, "understanding/sciatica/index.html")) == 2


def test_the_compile_step_writes_raw_html_addresses_as_zensical_reads_them():
    """Zensical reads raw HTML addresses from the Markdown file's folder: without this, every exercise
    picture and citation of Zensical's site went nowhere (a real finding of the link check)."""
    from guide.engine.folder import _raw_html_from_the_file as rebase

    markdown = ('<img src="../images/bridge-start.svg" alt=""> <a href="../../sources/#src-x">1</a> '
                '<a href="tel:999">call</a> <a href="#box">box</a> <a href="https://nhs.uk/">NHS</a> [more](../x.md)')
    assert rebase(markdown, "exercises/bridge.md", "exercises/bridge/") == (
        '<img src="images/bridge-start.svg" alt=""> <a href="../sources/#src-x">1</a> '
        '<a href="tel:999">call</a> <a href="#box">box</a> <a href="https://nhs.uk/">NHS</a> [more](../x.md)')
    assert rebase('<a href="../x/">x</a>', "exercises/index.md", "exercises/") == '<a href="../x/">x</a>'


def test_a_link_to_a_neighbour_is_judged_on_each_page(tmp_path):
    """"../x/" means another folder on each page: found next to one page, it can go nowhere from the next."""
    for page in ("a/one/index.html", "a/x/index.html", "b/two/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html><body><a href='../x/'>x</a> <a href='../../a/x/'>ax</a></body></html>")
    check = internal_links.LinkCheck(tmp_path)
    found = {page: [f.format(one_line=True) for f in check.broken(html.document_fromstring((tmp_path / page).read_bytes()), page)]
             for page in ("a/one/index.html", "b/two/index.html")}
    assert found["a/one/index.html"] == []
    assert found["b/two/index.html"] == [
        "b/two/index.html: the link ../x/ (<a href>) goes nowhere: expected b/x/index.html in the built site; "
        "hint: fix the link in the Markdown page or template that makes this page"]


def test_a_link_that_climbs_is_judged_for_each_depth(tmp_path):
    """"../../../a/x/" is the site's a/x/ three folders down, and above the site's root two folders down."""
    pages = ("c/d/e/index.html", "a/x/index.html", "b/two/index.html", "c/d/f/index.html")
    for page in pages:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html><body><a href='../../../a/x/'>ax</a></body></html>")
    check = internal_links.LinkCheck(tmp_path)
    found = {page: [f.format(one_line=True) for f in check.broken(html.document_fromstring((tmp_path / page).read_bytes()), page)]
             for page in ("c/d/e/index.html", "b/two/index.html", "c/d/f/index.html")}
    assert found["c/d/e/index.html"] == found["c/d/f/index.html"] == []
    assert found["b/two/index.html"] == [
        "b/two/index.html: the link ../../../a/x/ (<a href>) goes nowhere: expected a file above the site's folder; "
        "hint: fix the link in the Markdown page or template that makes this page"]
