"""Zensical, the second engine: the default site built with it passes the same verifier.

Zensical is pinned in requirements.lock, so `make test` (GUIDE_REQUIRE_BROWSER=1) fails
rather than skips if it is missing; elsewhere the test skips only when it is not installed."""

from __future__ import annotations

import importlib.util
import subprocess

import pytest
import yaml

from lxml import html as lxml_html

from helpers import PAGE_CONTENT, ROOT, build_env, guide_command, skip_links_in_another_language
from testkit.require import tool_missing


def test_zensical_build_of_the_default_site_is_published_verified(zensical_site):
    assert "Published" in zensical_site.output and "every page verified" in zensical_site.output
    for edition in ("", "uk/", "es/"):
        assert (zensical_site.site / edition / "index.html").is_file(), edition
        assert (zensical_site.site / edition / "pagefind").is_dir(), edition  # our search, indexed after any engine


def test_the_verifier_passes_zensicals_output_again(zensical_site):
    proc = subprocess.run([*guide_command(ROOT), "verify", str(zensical_site.site)], cwd=ROOT, env=build_env(),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("clinic", sorted(p.name for p in (ROOT / "content_src" / "clinics").iterdir() if p.is_dir()))
def test_each_clinic_copy_built_with_zensical_is_published_verified_with_its_own_number(clinic, tmp_path):
    from helpers import run_build

    if importlib.util.find_spec("zensical") is None:
        tool_missing("zensical is not installed (it is pinned in requirements.lock: make venv)")
    result = run_build(ROOT, "--engine", "zensical", "-d", str(tmp_path / "site"), env={"GUIDE_CLINIC": clinic},
                       editions=True)
    assert result.ok and "every page verified" in result.output, result.output
    profile = yaml.safe_load((ROOT / "content_src" / "clinics" / clinic / "clinic.yml").read_text(encoding="utf-8"))
    page = lxml_html.parse(str(result.site / "understanding" / "sciatica" / "index.html")).getroot()
    countries = yaml.safe_load((ROOT / "content_src" / "countries.yml").read_text(encoding="utf-8"))
    number = next(c["emergency_number"] for c in countries if c["code"] == profile["country"])
    calls = set(page.xpath('//*[@data-safety="emergency"]//a[starts-with(@href, "tel:")]/@href'))
    assert calls == {"tel:" + number.replace(" ", "")}, calls
    assert profile["name"] in page.text_content()


def test_zensical_pages_show_the_boxes_on_the_first_screen(zensical_site):
    page = lxml_html.parse(str(zensical_site.site / "understanding" / "sciatica" / "index.html")).getroot()
    article = page.xpath('//article[contains(@class, "md-content__inner")]')[0]
    order = [e.get("data-safety") for e in article.xpath(".//*[@data-safety]")]
    assert order[0] == "emergency" and "red-flags" in order[:3] and order[-1] == "disclaimer", order
    h1, elements = article.xpath(".//h1"), list(article.iter())
    assert len(h1) == 1 and elements.index(h1[0]) < elements.index(article.xpath('.//*[@data-safety="emergency"]')[0])



def test_zensical_pages_mark_links_to_other_websites(zensical_site):
    # Marked by guide.pages.mdx_links: no hook runs under Zensical.
    page = lxml_html.parse(str(zensical_site.site / "sources" / "index.html")).getroot()
    external = page.xpath("//article//a[starts-with(@href, 'https://')]")
    assert len(external) > 10
    assert all("pn-external" in a.get("class", "") and "noopener" in a.get("rel", "") for a in external)
    assert all(a.xpath('.//span[@class="pn-visually-hidden"]') for a in external)


def test_a_zensical_build_of_a_page_without_the_box_is_refused(project):
    if importlib.util.find_spec("zensical") is None:
        tool_missing("zensical is not installed (it is pinned in requirements.lock: make venv)")
    project.edit("docs/overrides/partials/content.html", PAGE_CONTENT,
                 """{{ page.content | replace('data-safety="red-flags"', 'data-was="red-flags"') }}""")
    result = project.build("--engine", "zensical")
    assert not result.ok
    assert "index.html: no warning-signs box" in result.output, result.output
    assert not project.site.exists()


def test_a_zensical_build_with_a_broken_link_is_refused(project):
    """Zensical's --strict stops on a Markdown link to a missing page, but not on an address in raw
    HTML (the boxes, figures and citations are raw HTML): the verifier's link check
    (guide.checks.internal_links) refuses it whichever engine built the pages."""
    if importlib.util.find_spec("zensical") is None:
        tool_missing("zensical is not installed (it is pinned in requirements.lock: make venv)")
    project.write("docs/extra.md", "---\ntitle: Extra\n---\n\n"
                  '<p><a href="../nowhere/">more</a> <img src="../illustrations/gone.svg" alt=""></p>\n')
    result = project.build("--engine", "zensical")
    assert not result.ok, result.output
    assert "extra/index.html: the link ../illustrations/gone.svg (<img src>) goes nowhere" in result.output, result.output
    assert ("extra/index.html: the link ../nowhere/ (<a href>) goes nowhere: expected nowhere/index.html "
            "in the built site") in result.output
    assert "Nothing was published" in result.output
    assert not project.site.exists()


def test_zensical_pages_skip_link_speaks_the_page_s_language(zensical_site):
    # Zensical runs no hooks: the build writes the skip link itself, in each edition's words.
    seen, wrong = skip_links_in_another_language(zensical_site.site)
    assert seen > 100 and not wrong, wrong[:10]
