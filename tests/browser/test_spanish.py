"""The Spanish edition as a Spanish-speaking patient on a phone meets it: Spanish pages, the
language switch to the same page in English and back, no notice while a translation is
current, and the notice once its English page is edited (in a copy of the project).
Every /es/ page also goes through test_every_page.py (axe, foreign requests, first
screen, print) like the English pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import shutil

import pytest
import yaml
from conftest import serve_folder
from helpers import run_build
from tabs import phone_tab  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "/es/understanding/sciatica/"


def test_a_spanish_page_is_in_spanish_and_switches_to_its_english_page_and_back(phone_tab, site_url):
    phone_tab.goto(site_url + ARTICLE)
    assert phone_tab.locator("html").get_attribute("lang") == "es"
    assert phone_tab.locator("h1").first.inner_text() == "¿Qué es la ciática?"
    assert phone_tab.get_by_role("complementary", name="Señales de alarma").first.is_visible()
    switch = phone_tab.get_by_role("navigation", name="Idioma").get_by_role("link", name="English")
    assert switch.is_visible() and switch.get_attribute("hreflang") == "en"
    switch.click()
    phone_tab.wait_for_url("**/understanding/sciatica/")
    assert urlsplit(phone_tab.url).path == "/understanding/sciatica/"
    assert phone_tab.locator("html").get_attribute("lang") == "en"
    back = phone_tab.get_by_role("navigation", name="Language").get_by_role("link", name="Español")
    assert back.get_attribute("lang") == "es"
    back.click()
    phone_tab.wait_for_url("**/es/understanding/sciatica/")


NOTICE = '[data-translation="out-of-date"]'


@pytest.fixture(scope="module")
def edited_english_url(tmp_path_factory):
    """A copy of the project whose English sciatica page gained a sentence after its Spanish
    translation was stamped, Spanish edition built and served."""
    root = tmp_path_factory.mktemp("edited-english")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for part in ("hooks", "content_src", "docs"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    article = root / "content_src" / "articles" / "sciatica.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMost people can keep up their usual day.\n",
                       encoding="utf-8")
    result = run_build(root, "--site-dir", str(root / "site"), "--edition", "es")
    assert result.ok, result.output
    with serve_folder(root / "site") as url:
        yield url


def test_a_current_translation_shows_no_notice(phone_tab, site_url):
    phone_tab.goto(site_url + ARTICLE)
    assert phone_tab.locator("h1").first.inner_text() == "¿Qué es la ciática?"
    assert phone_tab.locator(NOTICE).count() == 0


def test_the_out_of_date_notice_shows_both_dates_and_leads_to_the_english_page(phone_tab, edited_english_url):
    site_url = edited_english_url
    phone_tab.goto(site_url + ARTICLE)
    notice = phone_tab.locator(NOTICE)
    assert notice.count() == 1 and notice.is_visible()
    text = notice.inner_text()
    assert "La página en inglés se actualizó el" in text and "después de esta traducción" in text
    assert text.count("de 2026") >= 2  # both dates, written out in Spanish
    box = phone_tab.locator('[data-safety="red-flags"]').first.bounding_box()
    assert notice.bounding_box()["y"] > box["y"], "the notice must not push the warning box down"
    notice.get_by_role("link", name="lea la página en inglés").click()
    phone_tab.wait_for_url("**/understanding/sciatica/")
    assert urlsplit(phone_tab.url).path == "/understanding/sciatica/"


QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries_es.yml").read_text(encoding="utf-8"))["queries"]
INPUT = "input.md-search__input"
LINKS = ".md-search-result__list .md-search-result__link"


def test_spanish_words_lead_to_the_right_spanish_page_first(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/es/")
    assert page.locator(INPUT).get_attribute("placeholder") == "Búsqueda"  # Material's own words, in Spanish
    page.locator(INPUT).click()
    failures = []
    for q in QUERIES:
        page.locator(INPUT).fill(q["query"])
        page.wait_for_function("q => document.querySelector('.md-search-result').dataset.query === q", arg=q["query"],
                               timeout=10_000)
        results = [urlsplit(h).path for h in page.locator(LINKS).evaluate_all("els => els.map(e => e.href)")]
        assert all(r.startswith("/es/") for r in results), f"{q['query']!r}: a result outside /es/: {results[:3]}"
        if results[:1] != [q["first"]]:
            failures.append(f"  {q['query']!r} ({q['kind']}): wanted {q['first']}, got {results[:3]}")
    context.close()
    assert not failures, f"{len(failures)} of {len(QUERIES)} Spanish queries lead elsewhere first:\n" + "\n".join(failures)
