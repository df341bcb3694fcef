"""A clinic's branded copy meets the same accessibility bar: its colours are in play here."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from testkit.http import serve_folder
from helpers import ROOT, run_build

CLINIC = "example-street-physio"
PAGES = ["/", "/understanding/sciatica/", "/exercises/sciatic-nerve-glide/", "/treatment/traction/",
         "/clinic/about-our-clinic/"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _served_copy(tmp_path_factory, clinic: str, **build):
    """The clinic's copy built once into a temporary folder and served on loopback."""
    out = tmp_path_factory.mktemp(clinic) / "site"
    result = run_build(ROOT, "-d", str(out), env={"GUIDE_CLINIC": clinic}, **build)
    assert result.ok, result.output
    return serve_folder(out)


@pytest.fixture(scope="module")
def clinic_url(tmp_path_factory):
    with _served_copy(tmp_path_factory, CLINIC) as url:
        yield url


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES)
def test_clinic_copy_has_no_wcag_violations(request, clinic_url, path, viewport):
    page = request.getfixturevalue(viewport)
    page.goto(clinic_url + path)
    assert "Example Street Physiotherapy" in page.title()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.response["violations"] == [], results.generate_report()


# A clinic's copy in Spanish (example-valley-pt publishes [en, es]): its own colours with the
# Spanish pages' longer words, its own page in Spanish, under /es/.
SPANISH_CLINIC = "example-valley-pt"
SPANISH_PAGES = ["/es/", "/es/understanding/sciatica/", "/es/exercises/sciatic-nerve-glide/",
                 "/es/warning-signs/warning-signs/", "/es/clinic/about-our-clinic/"]


@pytest.fixture(scope="module")
def spanish_clinic_url(tmp_path_factory):
    with _served_copy(tmp_path_factory, SPANISH_CLINIC, editions=True) as url:
        yield url


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_a_clinic_s_spanish_copy_has_no_wcag_violations(request, spanish_clinic_url, path, viewport):
    page = request.getfixturevalue(viewport)
    page.goto(spanish_clinic_url + path)
    assert "Example Valley Physical Therapy" in page.title()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator('[data-translation="out-of-date"]').count() == 0  # its texts are current
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.response["violations"] == [], results.generate_report()
