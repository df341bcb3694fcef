"""What a patient's browser does with the real site: the emergency strip's link to the full
warning box, a thumb-sized emergency button. (The first phone screen of every article and
exercise, nothing from other sites and WCAG checks on every page: test_every_page.py;
search: test_search.py.)"""

from __future__ import annotations


def test_the_strips_link_opens_the_full_box_below_the_header(phone, site_url):
    """The first screen names the emergency signs in a few words; one tap shows them in full."""
    phone.goto(site_url + "/understanding/sciatica/")
    phone.locator('[data-safety="emergency"] a[href="#pn-warning-signs"]').click()
    phone.wait_for_function("() => scrollY > 100 && location.hash === '#pn-warning-signs'")
    heading = phone.locator('[data-safety="red-flags"] h2').first.bounding_box()
    header = phone.locator(".md-header").bounding_box()
    assert heading["y"] >= header["y"] + header["height"] - 1, "the full box's heading is under the header"
    assert heading["y"] + heading["height"] <= 844


def test_emergency_link_is_a_tap_to_call_button(phone, site_url):
    phone.goto(site_url + "/understanding/sciatica/")
    call = phone.locator('[data-safety="red-flags"] a.pn-call')
    assert call.get_attribute("href") == "tel:911"
    size = call.bounding_box()
    assert size["height"] >= 44 and size["width"] >= 200  # a thumb-sized target on a phone
