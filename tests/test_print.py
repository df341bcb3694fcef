"""Printed sheets a patient can keep: every page of every handout, on A4 and on US Letter.

Read from the PDFs themselves, page by page (poppler's pdftotext and pdfplumber):
each sheet carries the warning signs and the emergency instruction (a compact copy of
the box heads every sheet), so "the warning signs box at the top of this page" is never
false; an exercise handout ends with the full box, every sign in full, on a sheet of its
own; an exercise's stop rules are on its first sheet; no text is below 12 pt except the
page footer; headings are not in a light face; the write-in box for the patient's own
dose is printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from helpers import ROOT, pdf_page_texts, stop_rule_ends
from testkit.require import tool_missing

STREET = "example-street-physio"
EMERGENCY = "Call 999 now if you have any of these"
URGENT = "Get medical advice today if you have any of these"
# The footer (clinic, phone, page number) sits in the bottom page margin and is page furniture.
FOOTER_MM = 10
MIN_PT = 11.95


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    if not (shutil.which("chromium") or os.environ.get("GUIDE_CHROMIUM")) or not shutil.which("pdftotext"):
        message = "print tests need Chromium and pdftotext (Debian: chromium, poppler-utils)"
        tool_missing(message)
    from guide.publish import handouts as handouts_module
    from guide.content.brand import select_brand
    from guide.content.load import load_content
    from helpers import run_build

    site = tmp_path_factory.mktemp("print") / "site"
    result = run_build(ROOT, "-d", str(site), env={"GUIDE_CLINIC": STREET, "GUIDE_HANDOUTS": "1"})
    assert result.ok, result.output
    content = load_content(ROOT / "content_src")
    brand = select_brand(content, STREET)
    assert handouts_module.paper(brand) == "A4"  # a UK clinic: the build printed A4
    letter = tmp_path_factory.mktemp("letter")
    # In a process of its own: Playwright's sync API refuses to run where an earlier browser
    # test in this worker left an asyncio loop running.
    script = ("import sys; from pathlib import Path; from guide.publish import handouts; from guide.content.brand import select_brand; "
              "from guide.content.load import load_content; content = load_content(Path(sys.argv[1])); "
              "handouts.print_handouts(Path(sys.argv[2]), content, select_brand(content, sys.argv[3]), "
              "paper_size='Letter', out_dir=Path(sys.argv[4]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    printed = subprocess.run([sys.executable, "-c", script, str(ROOT / "content_src"), str(site), STREET, str(letter)],
                             env=env, capture_output=True, text=True, timeout=900)
    assert printed.returncode == 0, printed.stderr[-3000:]
    pdfs = {("A4", p.stem): p for p in (site / "handouts").glob("*.pdf")}
    pdfs.update({("Letter", p.stem): p for p in (letter / "handouts").glob("*.pdf")})
    return pdfs


def exercise_slugs() -> list[str]:
    return sorted(p.stem for p in (ROOT / "content_src" / "exercises").glob("*.yml"))


def test_every_handout_was_printed_on_both_papers(handouts):
    expected = {*exercise_slugs(), "home-programme"}
    for paper in ("A4", "Letter"):
        assert {slug for (p, slug) in handouts if p == paper} == expected, paper


def test_every_sheet_carries_the_warning_signs_and_the_emergency_instruction(handouts):
    missing = []
    for (paper, slug), pdf in sorted(handouts.items()):
        for number, text in enumerate(pdf_page_texts(pdf), 1):
            if not (EMERGENCY in text and URGENT in text and "Or go straight to the nearest emergency department" in text):
                missing.append(f"{slug} p{number} {paper}")
            assert "Example Street Physiotherapy" in text and "020 7946 0321" in text, f"{slug} p{number} {paper}"
    assert missing == [], "sheets without the warning signs"


def test_stop_rules_print_on_the_exercise_s_first_sheet(handouts):
    for slug in exercise_slugs():
        title = re.search(r"^title: (.+)$", (ROOT / "content_src" / "exercises" / f"{slug}.yml").read_text(), re.M).group(1)
        for paper in ("A4", "Letter"):
            pages = pdf_page_texts(handouts[(paper, slug)])
            first = pages[0]
            assert title.strip() in first, f"{slug} ({paper})"
            assert "Stop and get help if" in first, f"{slug} ({paper}): the stop rules are not on the first sheet"
            away = [end for end in stop_rule_ends(slug) if end not in first]
            assert away == [], f"{slug} ({paper}): stop rules printed away from the exercise's first sheet: {away}"
            assert "How to do it" in first and "How much and how often" in first, f"{slug} ({paper})"
            assert "Your own plan" in " ".join(pages) and "Your dose:" in " ".join(pages), f"{slug} ({paper})"
            assert "About this information" in " ".join(pages), f"{slug} ({paper})"
            # Two sheets of exercise, then the full box on a sheet of its own: at 12 pt it fills one.
            assert len(pages) <= 3, f"{slug} takes {len(pages)} sheets on {paper}"


def test_an_exercise_handout_ends_with_every_warning_sign_in_full(handouts):
    from guide.content.load import load_content
    from guide.pages.safety_html import tier_groups

    content = load_content(ROOT / "content_src")
    for entry in content.exercises:
        _, groups = tier_groups(content.red_flags, entry.data.red_flags)
        for paper in ("A4", "Letter"):
            last = pdf_page_texts(handouts[(paper, entry.slug)])[-1]
            for group in groups:
                for item in group.items:
                    assert " ".join(item.text.split()) in last, f"{entry.slug} ({paper}): {item.id}"
            for note in content.red_flags.notes:
                assert " ".join(note.split()) in last, f"{entry.slug} ({paper})"
            assert "How to do it" not in last and "Stop and get help if" not in last, f"{entry.slug} ({paper})"


def test_home_programme_gives_each_exercise_its_own_sheet(handouts):
    for paper in ("A4", "Letter"):
        pages = pdf_page_texts(handouts[(paper, "home-programme")])
        assert len(pages) == len(exercise_slugs()) + 1, paper
        for slug, text in zip(exercise_slugs(), pages[1:]):
            assert "Stop and get help if" in text, f"{slug} ({paper})"


def test_no_printed_text_below_12_pt_and_no_light_headings(handouts):
    import pdfplumber

    problems = []
    for (paper, slug), pdf in sorted(handouts.items()):
        with pdfplumber.open(pdf) as document:
            for number, page in enumerate(document.pages, 1):
                footer_top = page.height - FOOTER_MM * 72 / 25.4
                small = [c for c in page.chars if c["text"].isalnum() and c["top"] < footer_top and c["size"] < MIN_PT]
                if small:
                    words = "".join(c["text"] for c in small[:40])
                    problems.append(f"{slug} p{number} {paper}: {small[0]['size']:.1f} pt: {words}")
                light = {c["fontname"] for c in page.chars if re.search(r"light|thin", c["fontname"], re.I)}
                if light:
                    problems.append(f"{slug} p{number} {paper}: light face {sorted(light)}")
    assert problems == []


def test_no_links_into_the_build_folder(handouts):
    for pdf in handouts.values():
        assert b"file:" not in pdf.read_bytes(), f"{pdf.name} links into the build folder"


@pytest.fixture(scope="module")
def zensical_handouts(tmp_path_factory, handouts):
    """The same clinic's handouts, printed from the pages Zensical built (A4, the clinic's paper)."""
    import importlib.util

    from helpers import run_build

    if importlib.util.find_spec("zensical") is None:
        tool_missing("zensical is not installed (it is pinned in requirements.lock: make venv)")
    site = tmp_path_factory.mktemp("print-zensical") / "site"
    result = run_build(ROOT, "--engine", "zensical", "-d", str(site), env={"GUIDE_CLINIC": STREET, "GUIDE_HANDOUTS": "1"})
    assert result.ok, result.output
    return {p.stem: p for p in (site / "handouts").glob("*.pdf")}


def test_zensical_prints_the_same_handouts_with_the_warning_signs_on_every_sheet(zensical_handouts, handouts):
    """Whichever engine built the pages, a patient gets the same sheets: each one headed by the
    warning signs, the stop rules on the exercise's first sheet."""
    assert set(zensical_handouts) == {*exercise_slugs(), "home-programme"}
    for slug, pdf in sorted(zensical_handouts.items()):
        pages = pdf_page_texts(pdf)
        assert len(pages) == len(pdf_page_texts(handouts[("A4", slug)])), f"{slug}: not as many sheets as MkDocs' build"
        for number, text in enumerate(pages, 1):
            assert EMERGENCY in text and URGENT in text, f"{slug} p{number}: no warning signs"
            assert "Example Street Physiotherapy" in text and "020 7946 0321" in text, f"{slug} p{number}"
        if slug != "home-programme":
            away = [end for end in stop_rule_ends(slug) if end not in pages[0]]
            assert away == [], f"{slug}: stop rules printed away from the first sheet: {away}"


def test_a_tampered_compact_copy_of_the_box_is_refused():
    """The compact copy that heads each printed sheet is checked against red_flags.yml like the full box."""
    from guide.content.brand import select_brand
    from guide.content.load import load_content
    from guide.pages.safety_html import disclaimer_box, red_flag_box, red_flag_short_box
    from guide.checks.pages import Expectations, verify_page

    content = load_content(ROOT / "content_src")
    brand = select_brand(content, STREET)
    expect = Expectations(content, brand)
    compact = red_flag_short_box(content.red_flags, brand, ["lumbar", "general"])
    # From red_flags.yml, so that rewording a short form there does not break this test.
    saddle = next(i.short for i in content.red_flags.items if i.id == "saddle-numbness")
    assert saddle in compact and "Call <a" in compact and "tel:999" in compact

    def page(copy: str) -> str:
        return (f"<!doctype html><html><body>{red_flag_box(content.red_flags, brand, ['lumbar', 'general'])}"
                f"{copy}{disclaimer_box(content.disclaimer)}</body></html>")

    assert verify_page(page(compact), "p.html", expect) == []
    refused = {
        "a sign left out": compact.replace("<li data-flag=\"bladder\">New bladder problems</li>", ""),
        "a sign reworded": compact.replace(saddle, "Numb legs"),
        "an action dropped": compact.replace("Or go straight to the nearest emergency department.", ""),
        "the wrong number": compact.replace("tel:999", "tel:911").replace(">999<", ">911<"),
        "another set's signs": red_flag_short_box(content.red_flags, brand, ["cervical", "general"]).replace(
            'data-red-flag-sets="cervical general"', 'data-red-flag-sets="lumbar general"'),
        "hidden": compact.replace("<aside ", "<aside hidden "),
    }
    for why, copy in refused.items():
        problems = [p.message for p in verify_page(page(copy), "p.html", expect)]
        assert any("compact copy of the warning-signs box" in m for m in problems), (why, problems)
    # A compact copy never stands in for the full box.
    alone = f"<!doctype html><html><body>{compact}{disclaimer_box(content.disclaimer)}</body></html>"
    assert 'no warning-signs box (element with data-safety="red-flags")' in [
        p.message for p in verify_page(alone, "p.html", expect)]


def test_exercise_text_points_only_to_lists_by_their_printed_heading_never_below_or_above():
    """On paper an exercise's later lists print on the second sheet and its stop rules on the first:
    "the box below" would point at nothing. A quoted heading must be one the page prints."""
    import yaml

    problems = []
    ui = yaml.safe_load((ROOT / "content_src" / "ui.yml").read_text(encoding="utf-8"))
    for language, folder in (("en", ROOT / "content_src" / "exercises"), ("es", ROOT / "content_src" / "translations" / "es" / "exercises")):
        headings = {v.rstrip(":") for v in ui[language].values() if isinstance(v, str)}
        for path in sorted(folder.glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for field in ("should_feel", "should_not_feel", "stop_if", "not_for", "steps"):
                for item in data.get(field) or []:
                    if re.search(r"\b(box|list) (below|above)\b|\b(de abajo|de arriba|más abajo|más arriba)\b", item, re.I):
                        problems.append(f"{path.name} {field}: {item}")
                    problems += [f"{path.name} {field}: no heading {q!r}" for q in re.findall(r'"([^"]+)"', item) if q not in headings]
    assert problems == []
