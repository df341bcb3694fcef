"""The reading-grade check reads what a patient reads: words on the page, not Markdown or addresses."""

from __future__ import annotations

import pytest

from guide import readability


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
