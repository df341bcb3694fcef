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
from testkit.http import serve_folder
from helpers import run_build
from tabs import desktop_tab, phone_tab  # noqa: F401  (fixtures)

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


# ---------------------------------------------------------------- the home programme in Spanish
from test_programme import PROGRAMME, WCAG_TAGS, build_programme, fresh, shown_programme  # noqa: E402,F401  (fresh: fixture)

SPANISH_TITLES = ["Retracción de la barbilla", "Deslizamiento del nervio ciático (sentado)", "Puente"]


def test_the_spanish_builder_makes_a_link_that_opens_the_same_programme_in_the_spanish_view(desktop, fresh, site_url):
    link = build_programme(desktop, site_url + "/es")
    assert desktop.locator("html").get_attribute("lang") == "es"
    assert link.startswith(site_url + "/es/programme/view/#v1."), link
    assert desktop.locator(".pn-prog-open").get_attribute("href") == link  # "Abrir la vista del paciente"
    phone = fresh().new_page()
    phone.goto(link)
    assert phone.locator("html").get_attribute("lang") == "es"
    assert phone.locator("h1").first.inner_text() == "Mi programa de ejercicios en casa"
    shown = shown_programme(phone)
    assert [s["title"] for s in shown] == SPANISH_TITLES
    assert shown[0]["dose"] == {"Repetir": "8 veces", "Series": "1", "Mantener": "6 segundos",
                                "Veces al día": "3", "Días a la semana": "7"}
    assert shown[1]["dose"]["Repetir"] == "12 veces" and shown[1]["dose"]["Lado"] == "Lado izquierdo"
    assert shown[2]["note"] == PROGRAMME[2][1]["note"]
    assert phone.get_by_role("complementary", name="Señales de alarma").first.is_visible()
    assert phone.locator(".pn-prog-list .pn-prog-stop .admonition-title").first.inner_text() == "Pare y pida ayuda si"
    # The same programme, the same numbers, in English: the language switch keeps the programme.
    phone.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    phone.wait_for_url("**/programme/view/#v1.*")
    assert urlsplit(phone.url).path == "/programme/view/" and urlsplit(phone.url).fragment == urlsplit(link).fragment
    english = shown_programme(phone)
    assert [s["title"] for s in english] == ["Chin tuck", "Sciatic nerve glide (sitting)", "Bridge"]
    assert english[0]["dose"]["Repeat"] == "8 times" and english[1]["dose"]["Side"] == "Left side"
    phone.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    phone.wait_for_url("**/es/programme/view/#v1.*")
    assert [s["title"] for s in shown_programme(phone)] == SPANISH_TITLES


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_spanish_builder_and_view_have_no_wcag_violations(request, site_url, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = request.getfixturevalue(f"{viewport}_tab")
    link = build_programme(page, site_url + "/es")  # the builder with exercises chosen, then the view showing them
    for url in (None, link):
        if url:
            page.goto(url)
            assert page.locator(".pn-prog-list .pn-prog-ex").count() == len(PROGRAMME)
        # From the top, as a page opens: scrolled, a control under Material's fixed header counts as
        # too small a target (axe target-size), whatever the page.
        page.evaluate("window.scrollTo(0, 0)")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        assert results.response["violations"] == [], (url or "/es/programme/") + "\n" + results.generate_report()


# ---------------------------------------------------------------- the Spanish home page
WAYS_IN_ES = {  # words in the link -> the Spanish page it opens
    "pierna": "/es/understanding/sciatica/",
    "brazo": "/es/understanding/neck-and-arm-symptoms/",
    "fisioterapia": "/es/self-care/soreness-or-worsening/",
    "ejercicios": "/es/exercises/",
    "señales de alarma": "/es/warning-signs/warning-signs/",
}


def test_the_spanish_home_offers_the_same_ways_in_on_its_first_screen(phone_tab, site_url):
    phone_tab.goto(site_url + "/es/")
    assert phone_tab.locator("h1").first.inner_text() == "Nervios pinzados, ciática y fisioterapia"
    assert phone_tab.get_by_role("heading", name="¿Qué le trae por aquí?").is_visible()
    height = phone_tab.viewport_size["height"]
    found = {}
    links = phone_tab.locator(".pn-ways-in a")
    for i in range(links.count()):
        link = links.nth(i)
        box = link.bounding_box()
        assert link.is_visible() and box["y"] + box["height"] <= height, f"{link.inner_text()!r} is below the first screen"
        assert box["height"] >= 44, f"{link.inner_text()!r} is a small tap target ({box['height']:.0f} px)"
        found[" ".join(link.inner_text().split()).lower()] = link.evaluate("a => new URL(a.href).pathname")
    assert len(found) == len(WAYS_IN_ES)
    for words, target in WAYS_IN_ES.items():
        assert any(words in text and href == target for text, href in found.items()), f"{words!r} -> {target}: {found}"
    emergency = phone_tab.locator('[data-safety="red-flags"] h2, [data-safety="red-flags"] h3').first
    box = emergency.bounding_box()
    assert box["y"] + box["height"] <= height and "Llame al" in emergency.inner_text()
    # Not the generated list of pages any more; English on the switch, and back
    assert phone_tab.locator(".md-content").get_by_role("link", name="sobre esta guía").get_attribute("href") == "about/"
    phone_tab.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    phone_tab.wait_for_url(site_url + "/")
