"""Every kind of bad content gives one clear message: file:line, field, what is wrong, a hint.

Each case changes one thing in a copy of the fixture content and checks the exact
line an editor would see. No case may produce a traceback.
"""

from __future__ import annotations

import pytest

from guide.errors import ContentErrors
from guide.content.load import load_content

from helpers import make_project

ARTICLE = "content_src/articles/test-sciatica.md"
HINT_CALL = ("    hint: the warning box and the generated 'When to get help' already say when to call; warning signs belong in "
             "content_src/safety/red_flags.yml, and advice for this page in the front matter's help_notes")


@pytest.fixture
def proj(tmp_path):
    return make_project(tmp_path / "p")


def errors_for(proj) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(proj.content)
    return [e.format() for e in info.value.errors]


def test_fixture_content_is_valid(proj):
    content = load_content(proj.content)
    assert [a.slug for a in content.articles] == ["test-sciatica", "test-neck", "warning-signs"]


CASES = [
    pytest.param(
        lambda p: p.edit(ARTICLE, "red_flags: [lumbar, general]", "red_flags: [lumbr, general]"),
        "content_src/articles/test-sciatica.md:10: red_flags[0]: unknown red-flag set 'lumbr'\n"
        "    hint: did you mean 'lumbar'? (defined in content_src/safety/red_flags.yml)",
        id="unknown-red-flag-set",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "sources: [NHS-SCI, NICE-NG59]", "sources: [NHS-SCI, NICE-NG95]"),
        "content_src/articles/test-sciatica.md:11: sources[1]: unknown source id 'NICE-NG95'\n"
        "    hint: did you mean 'NICE-NG59'? (defined in content_src/bibliography.yml)",
        id="unknown-source-id",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "section: understanding", "section: understnding"),
        "content_src/articles/test-sciatica.md:4: section[0]: unknown section 'understnding'\n"
        "    hint: did you mean 'understanding'? (defined in content_src/sections.yml)",
        id="unknown-section",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "keywords:", "keywrds:"),
        "content_src/articles/test-sciatica.md:12: keywrds: unknown field\n    hint: did you mean 'keywords'?",
        id="unknown-field-typo",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "reviewer: Editorial team\n", ""),
        "content_src/articles/test-sciatica.md:2: reviewer: required field is missing\n"
        "    hint: add 'reviewer: ...' (the reviewer's role, e.g. 'Physical therapist (clinical reviewer)')",
        id="missing-field",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "order: 1", "order: first"),
        "content_src/articles/test-sciatica.md:5: order: Input should be a valid integer, unable to parse string as an integer\n"
        "    hint: position within its section; lower comes first",
        id="wrong-type",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "reviewed: 2026-11-25", "reviewed: 2026-02-30"),
        "content_src/articles/test-sciatica.md:13: reviewed: 2026-02-30 is not a real date\n"
        "    hint: date of the last clinical review, YYYY-MM-DD",
        id="impossible-date",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "reviewed: 2026-11-25", "reviewed: 25/11/2026"),
        "content_src/articles/test-sciatica.md:13: reviewed: expected a date written as YYYY-MM-DD, for example 2026-11-25\n"
        "    hint: date of the last clinical review, YYYY-MM-DD",
        id="badly-written-date",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "next_review: 2028-11-25", "next_review: 2030-11-25"),
        "content_src/articles/test-sciatica.md:14: next_review: next_review must be at most 3 years after reviewed, so 2029-11-25 or earlier\n"
        "    hint: date the next review is due, YYYY-MM-DD, at most 3 years after 'reviewed'",
        id="review-too-far",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "title: What is sciatica?", "title: What is: sciatica?"),
        "content_src/articles/test-sciatica.md:2: YAML syntax error: mapping values are not allowed here\n"
        "    hint: check indentation and quoting on this line and the one before; text containing ': ' or '#' needs quotes",
        id="yaml-syntax-error",
    ),
    pytest.param(
        lambda p: (p.content / "articles" / "test-sciatica.md").write_bytes(
            (p.content / "articles" / "test-sciatica.md").read_bytes().replace(b"sharp", b"sh\xe9rp")),
        "content_src/articles/test-sciatica.md:20: not valid UTF-8 (byte 0xe9 at offset 546)\n"
        "    hint: save the file as UTF-8 in your editor (for example 'Save with encoding: UTF-8')",
        id="not-utf8",
    ),
    pytest.param(
        lambda p: p.write("content_src/articles/empty.md", "  \n"),
        "content_src/articles/empty.md: file is empty\n    hint: add the content, or delete the file",
        id="empty-file",
    ),
    pytest.param(
        lambda p: p.write("content_src/articles/huge.md", "x" * 600_000),
        "content_src/articles/huge.md: file is 600,000 bytes; the limit is 524,288\n"
        "    hint: split it into smaller files, or check that a binary file was not saved here by mistake",
        id="very-large-file",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "## What you can do", "## When to get help"),
        "content_src/articles/test-sciatica.md:23: body: '## When to get help': the 'When to get help' section is added "
        "by the build from content_src/safety/red_flags.yml\n"
        "    hint: delete this section; warning signs belong in content_src/safety/red_flags.yml, "
        "and advice for this page in the front matter's help_notes",
        id="own-when-to-get-help",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "Stay as active as you can.", "If your legs go numb, call [[emergency-number]]."),
        "content_src/articles/test-sciatica.md:25: body: '[[emergency-number]]': an article may not give its own emergency instruction\n"
        + HINT_CALL,
        id="own-emergency-instruction-token",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "Stay as active as you can.", "If your legs go numb, call an ambulance."),
        "content_src/articles/test-sciatica.md:25: body: 'call an ambulance': an article may not give its own emergency instruction\n"
        + HINT_CALL,
        id="own-emergency-instruction-words",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "See also [the neck page](test-neck.md).", "If it gets bad, go straight to A&E."),
        "content_src/articles/test-sciatica.md:21: body: 'go straight to A&E': an article may not give its own emergency instruction\n"
        "    hint: the warning box and the generated 'When to get help' already say where to go; warning signs belong in "
        "content_src/safety/red_flags.yml, and advice for this page in the front matter's help_notes",
        id="own-emergency-department",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "keywords:", "help_notes:\n  - Go to the ER if your leg goes weak.\nkeywords:"),
        "content_src/articles/test-sciatica.md:13: help_notes[0]: 'Go to the ER': an article may not give its own emergency instruction\n"
        "    hint: the warning box and the generated 'When to get help' already say where to go; warning signs belong in "
        "content_src/safety/red_flags.yml, and advice for this page in the front matter's help_notes",
        id="emergency-instruction-in-help-notes",
    ),
    pytest.param(
        lambda p: p.edit("content_src/articles/test-neck.md", "red_flags: [cervical, general]", "red_flags: [cervical]"),
        "content_src/articles/test-neck.md:10: red_flags: the warning signs leave out the 'general' set\n"
        "    hint: add it: red_flags: [cervical, general]; every page shows the 'general' signs "
        "(stroke, heart attack, serious accident, fever, cancer) beside its own region's",
        id="page-without-general-set",
    ),
    pytest.param(
        lambda p: p.edit("content_src/safety/red_flags.yml", "    short: Stroke signs\n", ""),
        "content_src/safety/red_flags.yml:76: items[0].short: required field is missing\n"
        "    hint: add 'short: ...' (a few words naming the sign, e.g. 'Signs of a stroke', for the compact copy "
        "of the box printed on each sheet and for templates that list the signs briefly)",
        id="sign-without-short-form",
    ),
    pytest.param(
        lambda p: p.edit("content_src/safety/red_flags.yml", "    severity: emergency\n", "    severity: soon\n"),
        "content_src/safety/red_flags.yml:77: items[0].severity: 'soon' is not allowed; expected 'emergency', 'urgent' or 'routine'\n"
        "    hint: 'emergency' (call the emergency number now), 'urgent' (same-day medical advice) "
        "or 'routine' (see a doctor or therapist soon)",
        id="unknown-severity",
    ),
    pytest.param(
        lambda p: p.edit("content_src/safety/red_flags.yml", "  page: warning-signs", "  page: warning-sign"),
        "content_src/safety/red_flags.yml:50: help.page: no article 'warning-sign' to link 'When to get help' to\n"
        "    hint: name the article (its file name without .md) that explains the warning signs",
        id="help-links-to-missing-article",
    ),
    pytest.param(
        lambda p: p.edit("content_src/safety/red_flags.yml", '    action: "Contact {urgent}."', '    action: "Contact {urgent}, or call 999."'),
        "content_src/safety/red_flags.yml:30: tiers.urgent.action: '999' looks like an emergency or advice-line number\n"
        "    hint: numbers differ by country; write {emergency} or {urgent} instead",
        id="phone-number-in-warning-signs",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "Get advice from [[urgent-advice]] if", "Call 911 if"),
        "content_src/articles/test-sciatica.md:25: body: '911' looks like an emergency or advice-line number\n"
        "    hint: numbers differ by country; write [[urgent-advice]] for same-day advice "
        "(the warning box and 'When to get help' already give the emergency number)",
        id="hard-coded-emergency-number",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "The pain can be sharp.", "Our exercises cure the pain."),
        "content_src/articles/test-sciatica.md:20: body: 'cure': the guide never promises a cure\n"
        '    hint: say what may help and how much, e.g. "may ease the pain" or "helps many people"',
        id="promises-a-cure",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "The pain can be sharp.", 'The pain can be sharp.<script src="https://x.example/t.js"></script>'),
        "content_src/articles/test-sciatica.md:20: body: the <script> element is not allowed in content\n"
        "    hint: write plain Markdown; raw HTML that runs code or loads other sites is refused",
        id="script-in-content",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "[the neck page](test-neck.md)", "[the neck page](test-nek.md)"),
        "content_src/articles/test-sciatica.md:21: body: link to 'test-nek' goes nowhere\n    hint: did you mean 'test-neck'?",
        id="broken-internal-link",
    ),
    pytest.param(
        lambda p: p.edit("content_src/articles/test-neck.md", "order: 2", "order: 1"),
        # Files are checked in name order, so the second file in that order carries the error.
        "content_src/articles/test-sciatica.md:5: order: order 1 is already used by test-neck.md in section 'understanding'\n"
        "    hint: give each article in a section its own order number",
        id="duplicate-order",
    ),
    pytest.param(
        lambda p: p.edit("content_src/bibliography.yml", "- id: NHS-SCI", "- id: NICE-NG59"),
        "content_src/bibliography.yml:7: [1].id: duplicate id 'NICE-NG59' (first used on line 1)\n    hint: each id must be unique",
        id="duplicate-source-id",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "The pain can be sharp.", "If it is bad, go to A&E."),
        "content_src/articles/test-sciatica.md:20: body: 'A&E' is written for one country only\n"
        "    hint: write [[er]] (the emergency room or A&E, per country) (content_src/locale.yml)",
        id="one-country-care-word",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "answer: Sciatica is pain", "answer: Sciatica is pain from the centre of your back,"),
        "content_src/articles/test-sciatica.md:6: answer: 'centre' is written for one country only\n"
        "    hint: write 'center': content is spelt as in en-US, and en-GB copies read 'centre' "
        "(content_src/locale.yml, spelling)",
        id="one-country-spelling",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "The pain can be sharp.", "Ask a physical\ntherapist."),
        "content_src/articles/test-sciatica.md:20: body: 'physical therapist' is written for one country only\n"
        "    hint: write [[physical-therapist]] (or 'your therapist') (content_src/locale.yml)",
        id="one-country-phrase-across-lines",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "It may burn or tingle.", "Ask [[gpp]] about it."),
        "content_src/articles/test-sciatica.md:20: body: unknown placeholder '[[gpp]]'\n"
        "    hint: did you mean '[[gp]]'? (care words are defined in content_src/locale.yml)",
        id="unknown-care-word-token",
    ),
    pytest.param(
        lambda p: p.edit(ARTICLE, "It may burn or tingle.", "Ask [[GP]] about it."),
        "content_src/articles/test-sciatica.md:20: body: unknown placeholder '[[GP]]'\n"
        "    hint: did you mean '[[gp]]'? (care words are defined in content_src/locale.yml)",
        id="care-word-token-in-capitals",
    ),
    pytest.param(
        lambda p: p.edit("content_src/safety/disclaimer.yml", "paragraphs:", "paragraphs: []\nold_paragraphs:"),
        None,  # checked below: an emptied disclaimer is refused before any page is built
        id="emptied-disclaimer",
    ),
]


@pytest.mark.parametrize("change, expected", CASES)
def test_bad_content_gives_one_clear_message(proj, change, expected):
    change(proj)
    found = errors_for(proj)
    if expected is None:
        assert any("disclaimer.yml" in e and "paragraphs" in e for e in found), found
        return
    assert expected in found, "\n\n".join(found)


def test_windows_line_endings_are_accepted(proj):
    path = proj.content / "articles" / "test-sciatica.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    content = load_content(proj.content)
    assert content.article("test-sciatica").meta.title == "What is sciatica?"


def test_every_error_is_reported_in_one_run(proj):
    proj.edit(ARTICLE, "red_flags: [lumbar, general]", "red_flags: [lumbr, general]")
    proj.edit("content_src/articles/test-neck.md", "sources: [NHS-SCI, NICE-NG59]", "sources: [NHS-SCI, NOPE]")
    proj.write("content_src/articles/broken.md", "---\ntitle: [unclosed\n---\n")
    found = errors_for(proj)
    assert len(found) == 3, found
    assert [f.split(":")[0] for f in found] == [
        "content_src/articles/broken.md", "content_src/articles/test-neck.md", "content_src/articles/test-sciatica.md",
    ]


def test_reading_grade_gate_names_hardest_sentences(proj):
    hard = ("Radiculopathy constitutes a pathophysiological manifestation of compressive neuropathology "
            "characteristically originating intervertebrally, necessitating comprehensive multidisciplinary evaluation.")
    proj.edit(ARTICLE, "The pain can be sharp. It may burn or tingle. It can feel worse when you cough.", hard)
    found = errors_for(proj)
    grade_errors = [e for e in found if ": body: reading grade " in e]
    assert len(grade_errors) == 1, found
    assert any(": body: sentence of " in e and "Radiculopathy constitutes" in e for e in found), found  # and the sentence itself
    assert grade_errors[0].startswith("content_src/articles/test-sciatica.md: body: reading grade ")
    assert "is above 8" in grade_errors[0] and "Radiculopathy constitutes" in grade_errors[0]


HARD_SENTENCE = (
    "Radiculopathy frequently necessitates comprehensive multidisciplinary evaluation, incorporating "
    "electrodiagnostic investigations, magnetic resonance imaging and a neurological examination, with a "
    "physical assessment and a psychological consultation, so that the team can plan a return to work with "
    "you and your whole family.")


def test_one_impossible_sentence_fails_a_page_whose_grade_passes(proj):
    """The page's average stays under 8; the one 40-word, grade-30 sentence is named at its line."""
    proj.edit(ARTICLE, "See also [the neck page](test-neck.md).",
              "See also [the neck page](test-neck.md).\n" + HARD_SENTENCE)
    found = errors_for(proj)
    assert found == [
        f'content_src/articles/test-sciatica.md:22: body: sentence of 40 words and reading grade 30 '
        f'(limits: 25 words, grade 12): "{HARD_SENTENCE}"\n'
        "    hint: say one thing per sentence: end it where the thought changes, and use everyday words "
        "for long ones (the medical word can follow in brackets)"]


@pytest.mark.parametrize("edit, expected", [
    pytest.param(
        lambda p: p.edit(ARTICLE, "It can feel worse when you cough.",
                         "It can feel worse when you cough, sneeze, laugh, lift a bag, bend down to tie a shoe, "
                         "sit in a low chair for a long time or stand up after a long drive."),
        'content_src/articles/test-sciatica.md:20: body: sentence of 34 words (limit 25): "It can feel worse when '
        'you cough, sneeze, laugh, lift a bag, bend down to tie a shoe, sit in a low chair for a long time or stand '
        'up after a long drive."\n'
        "    hint: say one thing per sentence: end it where the thought changes, or drop words the reader does not need",
        id="too-many-words"),
    pytest.param(
        lambda p: p.edit(ARTICLE, "  - Keep moving as much as you can.",
                         "  - Intervertebral foraminal narrowing characteristically accompanies degenerative spondylosis in older adults."),
        'content_src/articles/test-sciatica.md:9: key_points[1]: sentence of reading grade 31 (limit 12): '
        '"Intervertebral foraminal narrowing characteristically accompanies degenerative spondylosis in older adults."\n'
        "    hint: say one thing per sentence: end it where the thought changes, and use everyday words "
        "for long ones (the medical word can follow in brackets)",
        id="grade-too-high-in-key-point"),
])
def test_sentence_limits_name_file_line_field_and_sentence(proj, edit, expected):
    edit(proj)
    assert errors_for(proj) == [expected]


def test_a_skipped_section_is_left_to_the_page_grade_only(proj):
    """rules.yml's sentence.skip_sections: those sections' sentences are not checked one by one."""
    import re

    rules = proj.content / "rules.yml"
    text = re.sub(r"\n  skip_sections:.*", "", rules.read_text(encoding="utf-8"))
    rules.write_text(text.replace("  grade_from_words: 8\n", "  grade_from_words: 8\n  skip_sections: [What it feels like]\n"),
                     encoding="utf-8")
    proj.edit(ARTICLE, "See also [the neck page](test-neck.md).",
              "See also [the neck page](test-neck.md).\n" + HARD_SENTENCE)
    article = next(a for a in load_content(proj.content).articles if a.slug == "test-sciatica")  # no error
    assert HARD_SENTENCE in [s.text for s in article.grade.every]  # the page grade still counts it


def test_short_headings_are_not_held_to_the_sentence_grade(proj):
    """A one-word heading scores a silly grade; below grade_from_words only its length counts."""
    proj.edit(ARTICLE, "## What it feels like", "## Radiculopathy")
    load_content(proj.content)


@pytest.mark.parametrize("pattern, text, found", [
    (r"\bAdvil\b", "Take ADVIL or advil.", ["ADVIL", "advil"]),             # matched whatever the case, quoted as written
    (r"(?<!not a )\bcure\b", "It is not a cure. A Cure!", ["Cure"]),        # look-behinds still apply
    (r"\bno\S+pain\b", "NO-PAIN promise", ["NO-PAIN"]),                     # upper-case escapes keep their meaning
    (r"[A-Z]{2}\d", "Code ab1 and AB2", ["ab1", "AB2"]),                    # ranges are case-insensitive too
    (r"\bcure\b", "İ: a CURE", ["CURE"]),
    (r"\bmiracle\b|(?<!no )\bfix(?:es)?\b", "Nothing fixes it, no fix, a prefix", ["fixes"]),  # each branch tested
    (r"(?<![]|])\bsure[]|]", "a sure] thing, [sure|", ["sure]", "sure|"]),                                   # a text lower-casing lengthens is matched as written
])
def test_forbidden_wording_is_matched_case_insensitively_and_quoted_as_written(pattern, text, found):
    from pathlib import Path

    from guide.content import models
    from guide.errors import ErrorCollector
    from guide.content.text_rules import TextRules

    rules = TextRules.build(models.Rules(max_grade=8, forbidden=[{"pattern": pattern, "why": "no", "hint": "h"}]), {})
    errors = ErrorCollector(Path("."))
    rules.check(text, Path("a.md"), 1, "body", errors)
    assert [e.message.split("'")[1] for e in errors.errors] == found


@pytest.mark.parametrize("text, refused", [
    ("## When to get help\n\nSee the box.", True),
    ("Call [[emergency-number]] if your legs go numb.", True),
    ("If this happens, phone for an ambulance.", True),
    ("Go straight to the nearest emergency department.", True),
    ("You can also go to A&E.", True),
    ("Head to the ER now.", True),
    # Ordinary prose about the same things is not an instruction of the article's own.
    ("Read the [warning signs](warning-signs.md) page.", False),
    ("The warning signs page says when to get help.", False),
    ("Many people who are checked in the emergency department go home the same day.", False),
    ("Get advice the same day from [[urgent-advice]].", False),
    ("You will usually need an emergency scan (MRI).", False),
    ("Go to your doctor if it is not easing.", False),
])
def test_articles_may_not_give_their_own_emergency_instruction(text, refused):
    """The real rules.yml: precise enough to refuse an article's own triage, and nothing else."""
    from pathlib import Path

    from guide.content import models
    from guide.errors import ErrorCollector
    from guide.content.text_rules import TextRules
    from guide.content.source_files import load_yaml_file

    root = Path(__file__).resolve().parents[1] / "content_src"
    errors = ErrorCollector(root)
    data, _ = load_yaml_file(root / "rules.yml", errors)
    rules = TextRules.build(models.Rules.model_validate(data), {})
    rules.check_safety_only(text, Path("a.md"), 1, "body", errors)
    assert bool(errors.errors) == refused, [e.format() for e in errors.errors]


def test_exercise_without_the_general_set_is_refused(proj):
    import shutil

    from helpers import ROOT

    real = ROOT / "content_src" / "exercises"
    shutil.copytree(real / "images", proj.content / "exercises" / "images")
    text = (real / "bridge.yml").read_text(encoding="utf-8")
    assert "red_flags: [lumbar, general]\n" in text
    proj.write("content_src/exercises/bridge.yml", text.replace("red_flags: [lumbar, general]\n", "red_flags: [lumbar]\n"))
    line = text[: text.index("red_flags:")].count("\n") + 1
    assert (f"content_src/exercises/bridge.yml:{line}: red_flags: the warning signs leave out the 'general' set\n"
            "    hint: add it: red_flags: [lumbar, general]; every page shows the 'general' signs "
            "(stroke, heart attack, serious accident, fever, cancer) beside its own region's") in errors_for(proj)


def test_care_words_and_spellings_are_only_refused_in_prose(proj):
    """Keywords hold every spelling on purpose; addresses, code and tokens are not prose."""
    proj.edit(ARTICLE, "keywords: [siatica,", "keywords: [A&E, physio, centre, siatica,")
    proj.edit(ARTICLE, "It may burn or tingle.",
              "It may burn or tingle. See [a plan](https://example.org/walking-programme) or `centre`. "
              "Ask [[Physical-therapist]] Lee, or go to [[er]].")
    load_content(proj.content)


def test_a_wording_rule_that_is_not_a_regular_expression_is_refused_with_its_pattern(proj):
    proj.edit("content_src/rules.yml", r"'\bguarantee(?:s|d)?\b", r"'\bguarantee(?:s|d?\b")
    with pytest.raises(ContentErrors) as failed:
        load_content(proj.content)
    report = failed.value.report()
    assert "content_src/rules.yml:" in report and "is not a valid regular expression" in report, report
    assert "Traceback" not in report
