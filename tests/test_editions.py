"""The public guide for each country: one build per edition, each with its own emergency
number, and every page linking to the same page in the other edition."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html

from guide import build
from guide.content.brand import default_brand, edition_ids
from guide.content.load import load_content
from guide.checks.pages import html_files


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    from helpers import make_project

    project = make_project(tmp_path_factory.mktemp("editions") / "project")
    result = project.build(editions=True)
    assert result.ok, result.output
    return project


def tel_links(path: Path) -> set[str]:
    tree = html.fromstring(path.read_bytes())
    return set(tree.xpath('//*[@data-safety="red-flags"]//a[starts-with(@href,"tel:")]/@href'))


def test_each_edition_has_its_own_emergency_number(both):
    assert tel_links(both.site / "understanding/test-sciatica/index.html") == {"tel:911"}
    assert tel_links(both.site / "uk/understanding/test-sciatica/index.html") == {"tel:999", "tel:111"}


def test_every_page_links_to_itself_in_the_other_edition(both):
    site = both.site
    pages = html_files(site)
    assert any(p.is_relative_to(site / "uk") for p in pages) and any(not p.is_relative_to(site / "uk") for p in pages)
    for path in pages:
        rel = path.relative_to(site).as_posix()
        tree = html.fromstring(path.read_bytes())
        links = tree.xpath('//nav[@class="pn-editions"]//a')
        assert len(links) == 1, f"{rel}: expected one link to the other edition"
        current = tree.xpath('//nav[@class="pn-editions"]//*[@aria-current="true"]/text()')
        assert current == (["United Kingdom"] if rel.startswith("uk/") else ["United States"]), rel
        if path.name == "404.html":  # served at any address: its links start from the site's root
            assert links[0].get("href") == ("/" if rel.startswith("uk/") else "/uk/"), rel
            continue
        page_url = "file://" + path.as_posix()
        target = urljoin(page_url, links[0].get("href"))
        target_path = Path(target.removeprefix("file://"))
        if target.endswith("/"):
            target_path = target_path / "index.html"
        twin = rel.removeprefix("uk/") if rel.startswith("uk/") else f"uk/{rel}"
        assert target_path.resolve() == (site / twin).resolve(), f"{rel} links to {target}"
        # In the switch, not in <head>: Material's script takes every <link rel=alternate hreflang>
        # for another site and fetches its sitemap (a 404 on every page).
        assert links[0].get("hreflang") in ("en-GB", "en-US"), rel
        assert not tree.xpath('//head/link[@rel="alternate"][@hreflang]'), rel


def test_an_editions_not_found_page_links_to_its_own_edition(both):
    """A reader who mistypes an address under /uk/ gets the UK not-found page: its menu, logo and
    stylesheets are the UK edition's, not the root edition's (another country's emergency number)."""
    for rel in ("uk/404.html", "404.html"):
        tree = html.fromstring((both.site / rel).read_bytes())
        menu = tree.xpath('//nav[contains(@class,"md-nav--primary")]//a/@href')
        assert menu, f"{rel}: no menu links"
        own = [*menu, *tree.xpath('//a[contains(@class,"md-logo")]/@href'),
               *tree.xpath('//link[@rel="stylesheet"]/@href')]
        # The UK page's links all start in /uk/; the root page's never do.
        wrong = [h for h in own if h.startswith("/") and h.startswith("/uk/") != rel.startswith("uk/")]
        assert not wrong, f"{rel} links outside its edition: {wrong[:5]}"
        for href in own:
            if href.startswith("/"):
                target = both.site / href.lstrip("/")
                assert (target / "index.html" if href.endswith("/") else target).exists(), f"{rel}: {href}"


def test_an_edition_page_with_the_other_countrys_number_is_refused(both, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(both.site, copy)
    page = copy / "uk/understanding/test-sciatica/index.html"
    page.write_text(page.read_text().replace('href="tel:999">999<', 'href="tel:911">911<'))
    content = load_content(both.content, pages=False)
    editions = [build.EditionBuild(e, default_brand(content, e)) for e in edition_ids(content)]
    with pytest.raises(build.BuildFailed) as failed:
        build.check_site(copy, content, editions, None, both.root)
    assert ("uk/understanding/test-sciatica/index.html: the warning-signs box (lumbar general) differs from "
            "content_src/safety/red_flags.yml") in failed.value.details, failed.value.details


def test_unknown_edition_is_a_located_error(project):
    result = project.build("--edition", "mars")
    assert not result.ok and "Traceback" not in result.output
    assert "content_src/site.yml: editions: no edition 'mars'" in result.output, result.output
