"""Care words and spelling per locale, from one source: content_src/locale.yml.

Content is written in one locale (`written_in`, en-US) with care-word tokens
such as [[er]]; a brand in another locale gets the tokens' text for its locale
and the spelling map (center -> centre). Words that belong to one locale only
("A&E", "GP", "centre") are refused in patient text, with a hint naming the
token or the spelling to write. Nothing inside code, link targets, web
addresses, HTML tags or attribute lists is read or changed: those are not prose.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from . import models
from ..errors import ErrorCollector

# Filled by guide.pages.wording from the brand's country, not from locale.yml.
SAFETY_TOKENS = ("emergency-number", "urgent-advice")
TOKEN = re.compile(r"\[\[([A-Za-z][A-Za-z0-9-]*)\]\]")
# What is not prose: fenced and inline code, HTML tags (with their attributes) and
# autolinks, Markdown link targets, reference definitions, bare web addresses,
# { .class } attribute lists, character references, and tokens themselves.
_NOT_PROSE = re.compile(
    r"^(```|~~~).*?^\1[ \t]*$"
    r"|(`+)(?!`).+?(?<!`)\2(?!`)"
    r"|<[^<>\n]*>"
    r"|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"
    r"|^[ \t]*\[[^\]\n]+\]:[^\n]*"
    r"|https?://[^\s<>()\]]+"
    r"|\{:?[ \t]*[.#][^}\n]*\}"
    r"|&[A-Za-z0-9#]+;"
    r"|\[\[[A-Za-z][A-Za-z0-9-]*\]\]",
    re.S | re.M,
)


def prose_spans(text: str):
    """(start, end) of each stretch of `text` that is prose, in order."""
    start = 0
    for match in _NOT_PROSE.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = max(start, match.end())
    if start < len(text):
        yield start, len(text)


_WORD = re.compile(r"[\w&]+")


def _phrase_end(lowered: str, start: int, phrase: str) -> int | None:
    """Where `phrase` ends if it is written, as whole words, at `start` (any run of spaces or a line break
    between its words); None if it is not."""
    position = start
    for index, part in enumerate(re.split(r"( )", phrase)):
        if part == " ":
            gap = len(lowered[position:]) - len(lowered[position:].lstrip())
            if gap == 0:
                return None
            position += gap
        elif not lowered.startswith(part, position):
            return None
        else:
            position += len(part)
    if position < len(lowered) and (lowered[position].isalnum() or lowered[position] in "_&"):
        return None
    return position


def _same_case(word: str, like: str) -> str:
    if len(like) > 1 and like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _whole_words(words, ignore_case: bool) -> re.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])", re.I if ignore_case else 0)


@dataclass(frozen=True)
class Words:
    """One locale's care words and spelling, ready to apply to text."""

    locale: str
    tokens: dict[str, str]
    spelling: dict[str, str]
    _spelling: re.Pattern | None

    def apply(self, text: str, *, markup: bool) -> str:
        """`text` in this locale: spelling changed in prose, care-word tokens filled.

        With `markup`, the filled words are HTML-escaped ("A&amp;E"), for page
        markup; without, they are plain text (titles, descriptions, attributes)."""
        if self._spelling is not None and any(c.isalpha() for c in text):
            parts, last = [], 0
            for start, end in prose_spans(text):
                parts.append(text[last:start])
                parts.append(self._spelling.sub(self._respell, text[start:end]))
                last = end
            parts.append(text[last:])
            text = "".join(parts)
        if "[[" in text:
            text = TOKEN.sub(lambda m: self._token(m, markup), text)
        return text

    def _respell(self, match: re.Match) -> str:
        return _same_case(self.spelling[match.group(0).lower()], match.group(0))

    def _token(self, match: re.Match, markup: bool) -> str:
        name = match.group(1)
        words = self.tokens.get(name[:1].lower() + name[1:])
        if words is None:  # a safety placeholder, filled by guide.pages.wording; unknown ones are refused at load
            return match.group(0)
        words = _same_case(words, name[0])
        return escape(words, quote=False) if markup else words


class Locales:
    """content_src/locale.yml, compiled: checks text, and gives each locale its Words."""

    def __init__(self, settings: models.LocaleSettings):
        self.settings = settings
        self.token_ids = {t.id for t in settings.tokens}
        # Each refused word with the hint that names what to write instead.
        refused: dict[str, str] = {}
        for locale, mapping in settings.spelling.items():
            for written, spelt in mapping.items():
                refused.setdefault(spelt, f"write '{written}': content is spelt as in {settings.written_in}, "
                                          f"and {locale} copies read '{spelt}' (content_src/locale.yml, spelling)")
        for entry in settings.refuse:
            for word in entry.words:
                refused[word] = f"write {entry.use} (content_src/locale.yml)"
        self.hints = {w.lower(): h for w, h in refused.items() if w.islower()}
        self.exact_hints = {w: h for w, h in refused.items() if not w.islower()}
        # Phrases by their first word: one pass over a text's words finds them all, far faster
        # than a regular expression of a hundred alternatives (which has no literal to search for).
        self._first_words: dict[str, list[str]] = {}
        for phrase in (*self.hints, *(w.lower() for w in self.exact_hints)):
            self._first_words.setdefault(_WORD.match(phrase.lower()).group(0), []).append(phrase.lower())
        self._words: dict[str, Words] = {}
        self._word_patterns: dict[str, re.Pattern] = {}

    def _refused(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, hint) of each refused word or phrase in `text`, prose or not."""
        lowered = text.lower()
        if len(lowered) != len(text):  # positions would not correspond; rare (a few non-English letters)
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        hits = self._first_words.keys() & set(_WORD.findall(lowered))
        if not hits:  # most texts: a set intersection, done in C
            return []
        out = []
        # Only where a hit word stands as a whole word (as _WORD splits the text), in text order:
        # common first words ("emergency", "out") would otherwise walk every word of most texts.
        starts = sorted((m.start(), word) for word in hits for m in self._whole_word(word).finditer(lowered))
        for start, word in starts:
            for phrase in self._first_words[word]:
                end = _phrase_end(lowered, start, phrase)
                if end is None:
                    continue
                written = text[start:end]
                if phrase in self.hints:
                    out.append((start, end, self.hints[phrase]))
                elif " ".join(written.split()) in self.exact_hints:  # GP, ER, A&E: exactly as listed
                    out.append((start, end, self.exact_hints[" ".join(written.split())]))
        return out

    def _whole_word(self, word: str) -> re.Pattern:
        if word not in self._word_patterns:
            self._word_patterns[word] = re.compile(r"(?<![\w&])" + re.escape(word) + r"(?![\w&])")
        return self._word_patterns[word]

    @property
    def token_names(self) -> list[str]:
        return [f"[[{name}]]" for name in (*SAFETY_TOKENS, *sorted(self.token_ids))]

    def written(self, text: str) -> str:
        """`text` as readers of the written locale see it: care words filled, as plain text."""
        return self.words(self.settings.written_in).apply(text, markup=False) if "[[" in text else text

    def words(self, locale: str) -> Words:
        if locale not in self._words:
            tokens = {t.id: t.text.get(locale, t.text[self.settings.written_in]) for t in self.settings.tokens}
            spelling = self.settings.spelling.get(locale, {})
            self._words[locale] = Words(locale, tokens, spelling, _whole_words(spelling, ignore_case=True))
        return self._words[locale]

    def check(self, text: str, path: Path, line: int, field_name: str, errors: ErrorCollector,
              skip: range | None = None) -> None:
        """Refused words in prose and unknown tokens, each at its line.

        Lines (counted from 0 in `text`) in `skip` are not checked for refused words."""
        found = self._refused(text)
        if found:
            not_prose = [m.span() for m in _NOT_PROSE.finditer(text)]
            for start, end, hint in found:
                if any(a <= start < b for a, b in not_prose):
                    continue
                offset = text.count("\n", 0, start)
                if skip is not None and offset in skip:
                    continue
                errors.add(path, line + offset, field_name,
                           f"'{' '.join(text[start:end].split())}' is written for one country only", hint)
        if "[[" in text:
            for match in TOKEN.finditer(text):
                name = match.group(1)
                # [[er]], or [[Er]] at the start of a sentence; never [[ER]]
                known = name in SAFETY_TOKENS or name[:1].lower() + name[1:] in self.token_ids
                if not known:
                    close = difflib.get_close_matches(match.group(0), self.token_names, n=1)
                    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(self.token_names)}"
                    errors.add(path, line + text.count("\n", 0, match.start()), field_name,
                               f"unknown placeholder '{match.group(0)}'",
                               f"{hint} (care words are defined in content_src/locale.yml)")


def no_locales() -> Locales:
    """When a content folder has no locale.yml: only the safety placeholders are known."""
    return Locales(models.LocaleSettings(written_in="en-US", locales=["en-US"]))
