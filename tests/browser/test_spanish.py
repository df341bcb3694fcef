"""The Spanish edition as a Spanish-speaking patient on a phone meets it: Spanish pages, the
language switch to the same page in English and back, and the notice on a page whose
English changed after its translation (every real Spanish page is stamped against the
English of 6414a57, which has changed since). Every /es/ page also goes through
test_every_page.py (axe, foreign requests, first screen, print) like the English pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from tabs import phone_tab  # noqa: F401  (fixture)

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


def test_the_out_of_date_notice_shows_both_dates_and_leads_to_the_english_page(phone_tab, site_url):
    phone_tab.goto(site_url + ARTICLE)
    notice = phone_tab.locator('[data-translation="out-of-date"]')
    assert notice.count() == 1 and notice.is_visible()
    text = notice.inner_text()
    assert "La página en inglés se actualizó el" in text and "después de esta traducción" in text
    assert text.count("de 2026") >= 2  # both dates, written out in Spanish
    box = phone_tab.locator('[data-safety="red-flags"]').first.bounding_box()
    assert notice.bounding_box()["y"] > box["y"], "the notice must not push the warning box down"
    notice.get_by_role("link", name="lea la página en inglés").click()
    phone_tab.wait_for_url("**/understanding/sciatica/")
    assert urlsplit(phone_tab.url).path == "/understanding/sciatica/"
