"""What a patient's browser does with the real site: the warning box on the first phone
screen, a thumb-sized emergency button. (Search: test_search.py; nothing from other sites and
WCAG checks on every page: test_every_page.py.)"""

from __future__ import annotations

import pytest

from guide.verify import html_files


def site_pages(real_site) -> list[str]:
    pages = []
    for path in html_files(real_site.site):
        rel = path.relative_to(real_site.site).as_posix()
        pages.append("/" + rel.removesuffix("index.html"))
    return pages


def article_pages(real_site) -> list[str]:
    return [p for p in site_pages(real_site) if p.count("/") == 3 and not p.startswith(("/exercises/",))]


def test_warning_box_is_on_the_first_phone_screen_of_every_article(phone, site_url, real_site):
    articles = article_pages(real_site)
    assert len(articles) >= 5
    late = []
    for path in articles:
        phone.goto(site_url + path)
        box = phone.locator('[data-safety="red-flags"]').first
        assert box.is_visible(), path
        top = box.bounding_box()["y"]
        heading = phone.locator('[data-safety="red-flags"] h2').first.bounding_box()
        if not (0 <= top and heading["y"] + heading["height"] <= 844):
            late.append((path, top))
    assert late == [], f"warning box starts below the first screen on: {late}"


def test_emergency_link_is_a_tap_to_call_button(phone, site_url):
    phone.goto(site_url + "/understanding/sciatica/")
    call = phone.locator('[data-safety="red-flags"] a.pn-call')
    assert call.get_attribute("href") == "tel:911"
    size = call.bounding_box()
    assert size["height"] >= 44 and size["width"] >= 200  # a thumb-sized target on a phone
