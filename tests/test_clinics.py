"""Clinic-branded copies: branding shows everywhere it should, safety text stays the same
apart from the numbers, and bad or unsafe profiles are refused with a clear message."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from guide.content.brand import check_contrast, contrast, select_brand
from guide.errors import ContentErrors
from guide.content.load import load_content
from guide.pages.safety_html import visible_text

from helpers import ROOT, exercise_text, make_project, pdf_page_texts, stop_rule_ends
from testkit.require import tool_missing

CLINICS = ROOT / "content_src" / "clinics"
VALLEY, STREET = "example-valley-pt", "example-street-physio"
ARTICLE = "understanding/test-sciatica/index.html"


def clinic_project(tmp_path: Path):
    proj = make_project(tmp_path / "p")
    shutil.copytree(CLINICS, proj.content / "clinics")
    return proj


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The fixture project built unbranded and as each example clinic."""
    proj = clinic_project(tmp_path_factory.mktemp("clinics"))
    proj.edit("content_src/articles/test-sciatica.md", "See also [the neck page](test-neck.md).",
              "See also [the neck page](test-neck.md). If the pain is very bad, go to [[er]]. "
              "[[Physical-therapists]] may ask you to find your center of balance.")
    proj.edit("content_src/articles/test-sciatica.md", "summary: Sciatica is pain",
              "summary: At the center of it, sciatica is pain")
    out = {}
    for slug in ("", VALLEY, STREET):
        target = proj.root / (f"site-{slug}" if slug else "site")
        result = proj.build("-d", str(target), env={"GUIDE_CLINIC": slug})
        assert result.ok, result.output
        out[slug or "default"] = target
    return out


def tree(site: Path, rel: str = ARTICLE):
    return html.fromstring((site / rel).read_bytes())


# ---------------------------------------------------------------- branding
@pytest.mark.parametrize("slug, name, phone, emergency", [
    (VALLEY, "Example Valley Physical Therapy", "+1 312 555 0142", "911"),
    (STREET, "Example Street Physiotherapy", "020 7946 0321", "999"),
])
def test_branding_shows_everywhere(builds, slug, name, phone, emergency):
    page = tree(builds[slug])
    assert page.xpath("string(//title)").endswith(name)
    assert name in page.xpath('string(//*[contains(@class,"md-header__topic")])')
    logo = page.xpath('//*[contains(@class,"md-header__button") and contains(@class,"md-logo")]//img/@src')
    assert logo and logo[0].endswith("assets/brand/logo.svg")
    assert (builds[slug] / "assets" / "brand" / "logo.svg").is_file()
    assert page.xpath('//link[@rel="icon"]/@href')[0].endswith("assets/brand/logo.svg")
    css = (builds[slug] / "assets" / "stylesheets" / "brand.css").read_text()
    profile = select_brand(load_content(ROOT / "content_src"), slug).clinic.profile
    assert profile.primary_colour in css and profile.accent_colour in css
    card = page.xpath('//*[contains(@class,"pn-contact")]')[0]
    assert card.xpath(f'.//a[@href="tel:{phone.replace(" ", "")}"]')
    assert profile.address[0] in visible_text(card)
    header = visible_text(page.xpath('//*[contains(@class,"pn-print-header")]')[0])
    assert name in header and phone in header
    box = page.xpath('//*[@data-safety="red-flags"]')[0]
    assert box.xpath(f'.//a[@href="tel:{emergency}"]')


def test_uk_copy_sends_same_day_advice_to_nhs_111(builds):
    box = tree(builds[STREET]).xpath('//*[@data-safety="red-flags"]')[0]
    assert "Contact your GP or NHS 111." in visible_text(box)
    assert box.xpath('.//a[@href="tel:111"]')
    assert not box.xpath('.//a[@href="tel:911"]')


@pytest.mark.parametrize("slug, reads, never", [
    ("default", ["go to the emergency room (ER).", "Physical therapists may", "your center of balance"],
     ["A&E", "centre", "physiotherapist"]),
    (VALLEY, ["go to the emergency room (ER).", "Physical therapists may", "your center of balance"],
     ["A&E", "centre", "physiotherapist"]),
    (STREET, ["go to A&E (the emergency department).", "Physiotherapists may", "your centre of balance"],
     ["emergency room", "center", "physical therapist"]),
])
def test_care_words_and_spelling_follow_the_brand_locale(builds, slug, reads, never):
    page = tree(builds[slug])
    text = visible_text(page.xpath('//*[contains(@class,"md-content")]')[0])
    for words in reads:
        assert words in text
    # The article's own words: the safety boxes, disclaimer and clinic card come from content_src/safety/ and the profile.
    article = text[text.index("What it feels like"):text.index("When to get help")]
    for words in never:
        assert words not in article
    described = page.xpath('string(//meta[@name="description"]/@content)')
    assert described.startswith("At the centre of it" if slug == STREET else "At the center of it")
    assert "[[" not in (builds[slug] / ARTICLE).read_text()


def test_unbranded_copy_has_no_clinic_parts(builds):
    page = tree(builds["default"])
    assert not page.xpath('//*[contains(@class,"pn-contact") or contains(@class,"pn-questions") or contains(@class,"pn-print-header")]')
    assert not (builds["default"] / "assets" / "stylesheets" / "brand.css").exists()


def test_questions_box_only_on_treatment_and_exercise_pages(tmp_path):
    proj = clinic_project(tmp_path)
    proj.edit("content_src/articles/test-neck.md", "section: understanding", "section: treatment")
    result = proj.build(env={"GUIDE_CLINIC": VALLEY})
    assert result.ok, result.output
    treatment = tree(result.site, "treatment/test-neck/index.html")
    text = visible_text(treatment.xpath('//*[contains(@class,"pn-questions")]')[0])
    assert text == "Questions? Talk to your therapist at Example Valley Physical Therapy: call +1 312 555 0142 or book online (opens another website)."
    assert not tree(result.site).xpath('//*[contains(@class,"pn-questions")]')


def test_clinic_extra_page_is_published_with_the_safety_boxes(builds):
    page = tree(builds[VALLEY], "clinic/about-our-clinic/index.html")
    assert page.xpath('//*[@data-safety="red-flags"]') and len(page.xpath('//*[@data-safety="disclaimer"]')) == 1
    nav = " ".join(page.xpath('//nav//text()'))
    assert "About Example Valley PT" in nav


# ---------------------------------------------------------------- safety text is locked
def _normalise(text: str, numbers: list[str]) -> str:
    for value in sorted(numbers, key=len, reverse=True):
        text = text.replace(value, "<NUMBER>")
    return text


@pytest.mark.parametrize("slug", [VALLEY, STREET])
def test_safety_text_equals_default_except_numbers_and_names(builds, slug):
    content = load_content(ROOT / "content_src")
    default = select_brand(content, "")
    clinic = select_brand(content, slug)
    for rel in (ARTICLE, "index.html", "404.html", "sources/index.html"):
        ours, theirs = tree(builds["default"], rel), tree(builds[slug], rel)
        for kind in ("red-flags", "disclaimer"):
            a = [visible_text(e) for e in ours.xpath(f'//*[@data-safety="{kind}"]')]
            b = [visible_text(e) for e in theirs.xpath(f'//*[@data-safety="{kind}"]')]
            assert len(a) == len(b) >= 1, rel
            values_a = [default.emergency_number, default.urgent_advice] + ([default.urgent_number] if default.urgent_number else [])
            values_b = [clinic.emergency_number, clinic.urgent_advice] + ([clinic.urgent_number] if clinic.urgent_number else [])
            normal_a = [re.sub(r" \(<NUMBER>\)", "", _normalise(t, values_a)) for t in a]
            normal_b = [re.sub(r" \(<NUMBER>\)", "", _normalise(t, values_b)) for t in b]
            assert normal_a == normal_b, rel


# ---------------------------------------------------------------- bad profiles
def profile_errors(tmp_path, change) -> list[str]:
    proj = clinic_project(tmp_path)
    change(proj)
    with pytest.raises(ContentErrors) as info:
        select_brand(load_content(proj.content), VALLEY)
    return [e.format() for e in info.value.errors]


CLINIC_YML = f"content_src/clinics/{VALLEY}/clinic.yml"


@pytest.mark.parametrize("change, expected", [
    pytest.param(lambda p: p.edit(CLINIC_YML, 'phone: "+1 312 555 0142"\n', ""),
                 f"{CLINIC_YML}:6: phone: required field is missing\n"
                 "    hint: add 'phone: ...' (the clinic's own phone number (not an emergency number))", id="missing-phone"),
    pytest.param(lambda p: p.edit(CLINIC_YML, "website:", "webiste:"),
                 f"{CLINIC_YML}:15: webiste: unknown field\n    hint: did you mean 'website'?", id="unknown-key"),
    pytest.param(lambda p: p.edit(CLINIC_YML, 'primary_colour: "#0f5c4d"', 'primary_colour: "teal"'),
                 f"{CLINIC_YML}:9: primary_colour: 'teal' is not in the expected form\n"
                 "    hint: header and link colour, written as #rrggbb (e.g. #1a3d6b); must reach 4.5:1 contrast with white", id="malformed-colour"),
    pytest.param(lambda p: (p.content / "clinics" / VALLEY / "logo.svg").unlink(),
                 f"{CLINIC_YML}:8: logo: logo file 'logo.svg' not found\n    hint: put the logo in content_src/clinics/{VALLEY}/",
                 id="missing-logo"),
    pytest.param(lambda p: p.edit(CLINIC_YML, 'primary_colour: "#0f5c4d"', 'primary_colour: "#7fd1c1"'),
                 f"{CLINIC_YML}:9: primary_colour: #7fd1c1 is too hard to read: white header text on the primary colour has a contrast of 1.78:1\n"
                 "    hint: WCAG 2.2 AA needs at least 4.5:1; choose a darker colour", id="unreadable-colour"),
    pytest.param(lambda p: p.edit(CLINIC_YML, "country: US\n", "country: US\ndisclaimer: We are not responsible.\n"),
                 f"{CLINIC_YML}:25: disclaimer: a clinic profile cannot change safety content\n"
                 "    hint: the disclaimer and warning signs come only from content_src/safety/ and are the same on every copy; remove this field",
                 id="tries-to-replace-disclaimer"),
    pytest.param(lambda p: p.edit(CLINIC_YML, "country: US\n", "country: US\nred_flags: []\n"),
                 f"{CLINIC_YML}:25: red_flags: a clinic profile cannot change safety content\n"
                 "    hint: the disclaimer and warning signs come only from content_src/safety/ and are the same on every copy; remove this field",
                 id="tries-to-empty-red-flags"),
    pytest.param(lambda p: p.write(f"content_src/clinics/{VALLEY}/pages/bad.md", "# Bad\n\nCall 999 now.\n"),
                 f"content_src/clinics/{VALLEY}/pages/bad.md:3: body: '999' looks like an emergency or advice-line number\n"
                 "    hint: numbers differ by country; write [[emergency-number]] or [[urgent-advice]] instead",
                 id="emergency-number-in-clinic-page"),
    pytest.param(lambda p: p.write(f"content_src/clinics/{VALLEY}/pages/bad.md", "# Bad\n\n<script>alert(1)</script>\n"),
                 f"content_src/clinics/{VALLEY}/pages/bad.md:3: body: the <script> element is not allowed in content\n"
                 "    hint: write plain Markdown; raw HTML that runs code or loads other sites is refused",
                 id="script-in-clinic-page"),
])
def test_bad_profile_is_refused_with_a_clear_message(tmp_path, change, expected):
    found = profile_errors(tmp_path, change)
    assert expected in found, "\n\n".join(found)


def test_bad_profile_fails_the_build_and_keeps_the_last_site(tmp_path):
    proj = clinic_project(tmp_path)
    first = proj.build(env={"GUIDE_CLINIC": VALLEY})
    assert first.ok and first.site.name == f"site-{VALLEY}"
    before = (first.site / "index.html").read_bytes()
    proj.edit(CLINIC_YML, "country: US\n", "country: US\ndisclaimer: Nothing here is our fault.\n")
    result = proj.build(env={"GUIDE_CLINIC": VALLEY})
    assert not result.ok and "a clinic profile cannot change safety content" in result.output
    assert "Traceback" not in result.output
    assert (first.site / "index.html").read_bytes() == before


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes AA on white
    profile = select_brand(load_content(ROOT / "content_src"), STREET).clinic.profile
    assert check_contrast(profile) == []


# ---------------------------------------------------------------- handouts
@pytest.fixture(scope="module")
def handout_site(tmp_path_factory):
    if not (shutil.which("chromium") or os.environ.get("GUIDE_CHROMIUM")) or not shutil.which("pdftotext"):
        message = "handout tests need Chromium and pdftotext (Debian: chromium, poppler-utils)"
        tool_missing(message)
    from helpers import run_build

    out = tmp_path_factory.mktemp("handouts") / "site"
    result = run_build(ROOT, "-d", str(out), env={"GUIDE_CLINIC": STREET, "GUIDE_HANDOUTS": "1"})
    assert result.ok, result.output
    return out


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


def test_every_exercise_has_a_branded_handout(handout_site):
    # Page by page, on A4 and Letter: tests/test_print.py.
    exercises = sorted(p.stem for p in (ROOT / "content_src" / "exercises").glob("*.yml"))
    assert len(exercises) >= 10
    for slug in exercises:
        pdf = handout_site / "handouts" / f"{slug}.pdf"
        text = pdf_text(pdf)
        assert "Example Street Physiotherapy" in text and "020 7946 0321" in text, slug
        assert "Call 999 now if you have any of these" in text, slug
        assert "About this information" in text, slug
        page = html.fromstring((handout_site / "exercises" / slug / "index.html").read_bytes())
        assert page.xpath(f'//a[@href="../../handouts/{slug}.pdf"]'), slug


def test_home_programme_handout_has_every_exercise(handout_site):
    text = pdf_text(handout_site / "handouts" / "home-programme.pdf")
    for path in (ROOT / "content_src" / "exercises").glob("*.yml"):
        title = re.search(r"^title: (.+)$", path.read_text(), re.M).group(1).strip()
        assert title in text, title
    assert "Call 999 now" in text and "About this information" in text
    for pdf in (handout_site / "handouts").glob("*.pdf"):
        assert b"file:" not in pdf.read_bytes(), f"{pdf.name} links into the build folder"


# ---------------------------------------------------------------- handouts in Spanish
ES_EMERGENCY = "Llame al 911 ahora si tiene alguna de estas señales"
ES_URGENT = "Pida consejo médico hoy mismo si tiene alguna de estas señales"


@pytest.fixture(scope="module")
def spanish_handouts(tmp_path_factory):
    if not (shutil.which("chromium") or os.environ.get("GUIDE_CHROMIUM")) or not shutil.which("pdftotext"):
        tool_missing("handout tests need Chromium and pdftotext (Debian: chromium, poppler-utils)")
    from helpers import run_build

    out = tmp_path_factory.mktemp("handouts-es") / "site"
    result = run_build(ROOT, "-d", str(out), env={"GUIDE_CLINIC": VALLEY, "GUIDE_HANDOUTS": "1"}, editions=True)
    assert result.ok, result.output
    assert "Printed 13 handouts into es/handouts/" in result.output, result.output
    return out


def test_spanish_handouts_sit_beside_the_english_ones_and_are_linked_from_the_spanish_pages(spanish_handouts):
    english = sorted(p.name for p in (spanish_handouts / "handouts").glob("*.pdf"))
    spanish = sorted(p.name for p in (spanish_handouts / "es" / "handouts").glob("*.pdf"))
    assert spanish == english and len(spanish) == 13
    page = html.fromstring((spanish_handouts / "es/exercises/bridge/index.html").read_bytes())
    assert page.xpath('//a[@href="../../handouts/bridge.pdf"]')  # es/handouts/bridge.pdf
    assert "(letter)" in subprocess.run(["pdfinfo", str(spanish_handouts / "es/handouts/bridge.pdf")],
                                        capture_output=True, text=True, check=True).stdout  # a US clinic: Letter


def test_every_spanish_sheet_is_in_spanish_with_the_clinic_and_its_warning_signs(spanish_handouts):
    leaks = {}
    for pdf in sorted((spanish_handouts / "es" / "handouts").glob("*.pdf")):
        pages = pdf_page_texts(pdf)
        for number, text in enumerate(pages, 1):
            where = f"{pdf.name} sheet {number}"
            assert "Example Valley Physical Therapy · Teléfono +1 312 555 0142" in text, where
            assert f"Página {number} de {len(pages)}" in text, where
            # Never the English box or instruction on a Spanish sheet, nor the language switch.
            assert "Call 911" not in text and "Get medical advice today" not in text and "English" not in text, where
            if not (ES_EMERGENCY in text and ES_URGENT in text and "O vaya directamente a la sala de emergencias" in text):
                leaks.setdefault(pdf.stem, set()).add(number)
        joined = " ".join(pages)
        assert "Acerca de esta información" in joined and "About this information" not in joined, pdf.name
    assert not leaks, f"Spanish sheets without the warning signs and the emergency instruction: {leaks}"


@pytest.fixture(scope="module")
def spanish_sheets(spanish_handouts, tmp_path_factory):
    """(paper, slug) -> PDF: the Spanish exercise pages printed on Letter by the build (a US
    clinic) and on A4 by Chromium from the same built pages, as a reader printing one would."""
    a4 = tmp_path_factory.mktemp("handouts-es-a4")
    # In a process of its own: Playwright's sync API refuses to run where an earlier browser
    # test in this worker left an asyncio loop running.
    script = ("import sys; from pathlib import Path; from guide.publish import handouts; from guide.content.brand import select_brand; "
              "from guide.content.load import load_content; content = load_content(Path(sys.argv[1])); "
              "handouts.print_handouts(Path(sys.argv[2]), content, select_brand(content, sys.argv[3]), "
              "paper_size='A4', out_dir=Path(sys.argv[4]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    printed = subprocess.run([sys.executable, "-c", script, str(ROOT / "content_src"), str(spanish_handouts / "es"), VALLEY,
                              str(a4)], env=env, capture_output=True, text=True, timeout=900)
    assert printed.returncode == 0, printed.stderr[-3000:]
    slugs = [entry.slug for entry in load_content(ROOT / "content_src").exercises]
    sheets = {("Letter", slug): spanish_handouts / "es" / "handouts" / f"{slug}.pdf" for slug in slugs}
    sheets.update({("A4", slug): a4 / "handouts" / f"{slug}.pdf" for slug in slugs})
    return sheets


def test_spanish_stop_rules_print_on_the_exercise_s_first_sheet_on_both_papers(spanish_sheets):
    assert len(spanish_sheets) == 2 * len(list((ROOT / "content_src" / "exercises").glob("*.yml")))
    for (paper, slug), pdf in sorted(spanish_sheets.items()):
        pages = pdf_page_texts(pdf)
        first = pages[0]
        assert " ".join(exercise_text(slug, "es")["title"].split()) in first, f"{slug} ({paper})"
        assert ES_EMERGENCY in first and ES_URGENT in first, f"{slug} ({paper})"
        assert "Pare y pida ayuda si" in first, f"{slug} ({paper}): the stop rules are not on the first sheet"
        away = [end for end in stop_rule_ends(slug, "es") if end not in first]
        assert away == [], f"{slug} ({paper}): stop rules printed away from the exercise's first sheet: {away}"
        assert "Cómo hacerlo" in first and "Cuánto y con qué frecuencia" in first, f"{slug} ({paper})"
        assert "Su dosis:" in " ".join(pages) and "Acerca de esta información" in " ".join(pages), f"{slug} ({paper})"
        for number, text in enumerate(pages, 1):
            assert ES_EMERGENCY in text and ES_URGENT in text, f"{slug} sheet {number} ({paper})"
        assert len(pages) <= 3, f"{slug} takes {len(pages)} sheets on {paper}"
