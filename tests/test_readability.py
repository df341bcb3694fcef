"""The reading-grade check reads what a patient reads: words on the page, not Markdown or addresses."""

from __future__ import annotations

import pytest

from guide.content import readability


def test_each_heading_list_item_and_table_cell_is_its_own_block():
    text = (
        "## Why it hurts\n\n"
        "A nerve gets pressed.\nIt can tingle.\n\n"
        "- first point\n- second point\n  goes on here\n    - nested point\n\n"
        "1. step one\n2. step two\n\n"
        "| What | How often |\n| --- | :---: |\n| Walk | Every day |\n"
    )
    assert readability.visible_blocks(text) == [
        "Why it hurts",
        "A nerve gets pressed. It can tingle.",
        "first point", "second point goes on here", "nested point",
        "step one", "step two",
        "What", "How often", "Walk", "Every day",
    ]


def test_markup_and_addresses_are_not_read_as_words():
    text = (
        'See [what helps](treatment.md#rest) and **rest** a `little`. '
        '![A drawing of the spine](spine.svg) <span class="x">Tap</span> here &amp; wait.{ .pn-note }\n\n'
        '<p class="pn-answer">An answer in HTML.</p>\n\n'
        '!!! warning "Stop if it spreads"\n\n'
        '    Indented text in the box.\n\n'
        "```\ncode is not prose\n```\n\n"
        "*[MRI]: a scan\n"
    )
    assert readability.visible_blocks(text) == [
        "See what helps and rest a little. Tap here & wait.",
        "An answer in HTML.",
        "Stop if it spreads",
        "Indented text in the box.",
    ]


def test_grade_follows_the_flesch_kincaid_formula():
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45
    result = readability.measure.__wrapped__("The cat sat on the mat.")
    assert (result.words, result.sentences, result.syllables) == (6, 1, 6)
    assert result.grade == pytest.approx(-1.4, abs=0.06)


def test_long_words_and_long_sentences_raise_the_grade():
    easy = readability.measure.__wrapped__("Rest a bit. Then walk. Keep moving each day.")
    hard = readability.measure.__wrapped__(
        "Intervertebral foraminal stenosis characteristically necessitates comprehensive multidisciplinary evaluation.")
    assert easy.grade < 3 < 12 < hard.grade
    assert hard.hardest[0].text.startswith("Intervertebral")


def test_each_sentence_keeps_the_line_it_starts_on():
    text = (
        "## Heading\n\n"                       # line 0
        "One short line. Then a second\n"      # line 2: the second sentence starts here...
        "that runs on. And a third.\n\n"       # ...and the third on line 3
        "- a list item\n"                      # line 5
        "| cell one | cell two |\n"            # line 6
    )
    found = [(s.text, readability.line_of(text, s)) for s in readability.measure.__wrapped__(text).every]
    assert found == [
        ("Heading", 0), ("One short line.", 2), ("Then a second that runs on.", 2), ("And a third.", 3),
        ("a list item", 5), ("cell one", 6), ("cell two", 6),
    ]


def test_smog_counts_words_of_three_or_more_syllables():
    # 3 sentences, 3 words of 3+ syllables: 1.0430 * sqrt(3 * 30 / 3) + 3.1291 = 8.84
    result = readability.measure.__wrapped__(
        "Physical therapy helps. Exercise every day. Walk a little.")
    assert result.polysyllables == 3
    assert result.smog == pytest.approx(8.8, abs=0.06)


def test_parts_measured_apart_give_the_grade_of_the_whole():
    parts = ["An answer first.", "- A key point that is here.", "## Body\n\nThe body text goes on for a while."]
    whole = readability.measure.__wrapped__("\n\n".join(parts))
    combined = readability.combine([readability.measure.__wrapped__(p) for p in parts])
    assert (combined.grade, combined.words, combined.sentences, combined.smog) == (
        whole.grade, whole.words, whole.sentences, whole.smog)


def test_lint_grades_lists_smog_beside_flesch_kincaid(tmp_path, capsys):
    """`python -m guide lint --grades`: one row per page, both grades, hardest first."""
    from helpers import make_project

    from guide.__main__ import main

    proj = make_project(tmp_path / "p")
    assert main(["--content", str(proj.content), "lint", "--docs", str(proj.docs), "--grades"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Flesch-Kincaid", "SMOG", "page"]
    rows = [line.split() for line in lines[1:-1]]
    assert {r[2] for r in rows} >= {"articles/test-sciatica.md", "articles/test-neck.md"}
    assert [float(r[0]) for r in rows] == sorted((float(r[0]) for r in rows), reverse=True)
    assert all(float(r[1]) > 3 for r in rows)  # SMOG's constant alone is 3.1: a real figure, not a blank
