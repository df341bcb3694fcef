"""Zensical's output in a real browser (issue 11, part 2): on a sample of its pages, at phone
size, the safety boxes show, the first screen answers and says when to call, and nothing is
requested from another site. The same checks as test_every_page.py runs on every page of the
default build (page_checks.py), on the site Zensical built (tests/conftest.py, zensical_site)."""

from __future__ import annotations

import pytest

from testkit.http import serve_folder
from page_checks import (assert_first_phone_screen_answers_and_says_when_to_call,
                         assert_nothing_requested_from_another_origin, assert_safety_boxes_shown)
from site_pages import every_page
from tabs import phone_tab  # noqa: F401  (fixture)

# One page of each kind a patient lands on, in each edition: home, an article, an exercise,
# the warning signs, Spanish and the GB edition (/uk/).
SAMPLE = ["/", "/understanding/sciatica/", "/exercises/chin-tuck/", "/warning-signs/warning-signs/",
          "/es/", "/es/understanding/sciatica/", "/uk/understanding/sciatica/", "/uk/exercises/chin-tuck/"]
KINDS = {p.url: p.kind for p in every_page()}
FIRST_SCREEN = [u for u in SAMPLE if KINDS[u] in ("article", "exercise")]


@pytest.fixture(scope="module")
def zensical_url(zensical_site):
    with serve_folder(zensical_site.site) as url:
        yield url


def test_the_sample_is_published_by_the_default_build():
    # A page renamed in content_src/ must not quietly drop out of the sample.
    assert set(SAMPLE) <= set(KINDS) and len(FIRST_SCREEN) >= 4


@pytest.mark.parametrize("path", SAMPLE)
def test_zensical_pages_show_the_safety_boxes(phone_tab, zensical_url, path):
    assert_safety_boxes_shown(phone_tab, zensical_url, path)


@pytest.mark.parametrize("path", FIRST_SCREEN)
def test_zensicals_first_phone_screen_answers_and_says_when_to_call(phone_tab, zensical_url, path):
    assert_first_phone_screen_answers_and_says_when_to_call(phone_tab, zensical_url, path)


@pytest.mark.parametrize("path", SAMPLE)
def test_zensical_pages_request_nothing_from_another_origin(phone_tab, zensical_url, path):
    assert_nothing_requested_from_another_origin(phone_tab, zensical_url, path)
