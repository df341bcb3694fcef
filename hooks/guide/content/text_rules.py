"""The text rules every patient-facing text passes, wherever it is written.

One place for what no text may say or contain, so an article, an exercise, a warning sign, a
brand's words and a translation are held to the same rules: forbidden and safety-only wording
(content_src/rules.yml), emergency and advice-line numbers (they differ by country, so texts use
placeholders), raw HTML beyond a short allow-list, and the sentence and reading-grade limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import models, readability
from .locale import Locales, no_locales
from ..errors import ErrorCollector

# The safety placeholders; care-word tokens come from content_src/locale.yml (guide.content.locale).
TOKENS = ("[[emergency-number]]", "[[urgent-advice]]")
NUMBER_HINT = "numbers differ by country; write [[emergency-number]] or [[urgent-advice]] instead"
# Raw HTML an author may never use: it could run code or load other sites.
# The third item is a string every match contains: most texts lack it, and
# testing for it is far cheaper than a case-insensitive search.
_UNSAFE_HTML = [
    (re.compile(r"<\s*(script|iframe|object|embed|form|style|link|meta|base)\b", re.I), "the <{0}> element", "<"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on... event attribute", "="),
    (re.compile(r"(?:href|src)\s*=\s*[\"']?\s*(?:javascript|data|vbscript):", re.I), "a javascript: or data: address", "="),
    (re.compile(r"\]\(\s*(?:javascript|data|vbscript):", re.I), "a javascript: or data: link", "]("),
]
# The only raw HTML content may use, with the attributes each element may carry.
# Everything else (elements or attributes) fails the build: Markdown covers it.
_LAYOUT = ("class", "markdown")  # markdown="1" lets Markdown work inside (md_in_html)
_CELL = ("colspan", "rowspan", "scope", "align")
ALLOWED_HTML: dict[str, tuple[str, ...]] = {
    "abbr": ("title",), "br": (), "sup": (), "sub": (), "kbd": (), "mark": (), "small": (),
    "strong": (), "em": (),
    "details": ("class", "open"), "summary": (),
    "div": _LAYOUT, "span": _LAYOUT, "p": _LAYOUT,
    "table": ("class",), "caption": (), "thead": (), "tbody": (), "tfoot": (), "tr": (), "th": _CELL, "td": _CELL,
}
_CLASS_VALUE = re.compile(r"[A-Za-z0-9_ -]*")
_HTML_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")
_HTML_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# Code is shown as text, never run: its '<' is not HTML. Blanked before the
# allow-list check (keeping line breaks, so line numbers stay right).
_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|(`+)(?!`).+?(?<!`)\2(?!`)", re.S | re.M)
_DENIED_TAGS = {"script", "iframe", "object", "embed", "form", "style", "link", "meta", "base"}
_UNSAFE_URL = re.compile(r"\s*(?:javascript|data|vbscript):", re.I)


_ESCAPE_OR_CHAR = re.compile(r"\\.|.", re.S)


_LEADING_ASSERTION = re.compile(r"\\b|\(\?<[=!](?:\\.|[^()\\])*\)")


def _top_level_branches(pattern: str) -> list[str]:
    """The pattern split at each '|' outside groups and character classes."""
    branches, depth, in_class, start, class_start = [], 0, False, 0, -1
    for m in _ESCAPE_OR_CHAR.finditer(pattern):
        char = m.group(0)
        if in_class:
            # A ']' first in a class ("[]a]", "[^]a]") is a literal, not its end.
            in_class = char != "]" or pattern[class_start:m.start()] in ("", "^")
        elif char == "[":
            in_class, class_start = True, m.end()
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:m.start()])
            start = m.end()
    return [*branches, pattern[start:]]


def _without_leading_assertions(pattern: str) -> str:
    """A pattern that matches wherever `pattern` does (and maybe more): leading \\b and
    look-behinds dropped from each branch. Starting with a literal, it is found by
    the engine's fast literal search; the full pattern then runs only on texts it finds."""
    out = []
    for branch in _top_level_branches(pattern):
        while match := _LEADING_ASSERTION.match(branch):
            branch = branch[match.end():]
        out.append(branch)
    return "|".join(out)


def _lower_pattern(pattern: str) -> str:
    """The pattern in lower case, escapes such as \\B or \\S kept as written."""
    return "".join(m.group(0) if m.group(0).startswith("\\") else m.group(0).lower()
                   for m in _ESCAPE_OR_CHAR.finditer(pattern))


@dataclass(frozen=True)
class _Wording:
    """A forbidden-wording rule, compiled twice.

    Python's regex engine drops its fast literal search for case-insensitive
    patterns, which made these few rules the slowest step of loading content.
    So texts are lower-cased once and matched by the lower-cased pattern
    without IGNORECASE (3 to 50 times faster); `exact` is the rule as written,
    for the rare text whose length lower-casing changes, or a pattern that
    cannot be lower-cased.
    """

    rule: models.ForbiddenWording
    exact: re.Pattern
    lowered: re.Pattern | None
    prefilter: re.Pattern | None  # on lower-cased text: no match here, no match at all

    @classmethod
    def compile(cls, rule: models.ForbiddenWording) -> "_Wording":
        try:
            lowered = re.compile(_lower_pattern(rule.pattern))
            prefilter = re.compile(_lower_pattern(_without_leading_assertions(rule.pattern)))
        except re.error:
            lowered = prefilter = None
        return cls(rule, re.compile(rule.pattern, re.I), lowered, prefilter)

    def finditer(self, text: str, lowered: str):
        if self.lowered is None or len(lowered) != len(text):  # positions would not correspond
            return self.exact.finditer(text)
        if self.prefilter is not None and not self.prefilter.search(lowered):
            return iter(())
        return self.lowered.finditer(lowered)


class TextRules:
    def __init__(self, forbidden: list[_Wording], phone_numbers: re.Pattern, any_number: re.Pattern,
                 max_grade: float, sentence: models.SentenceLimits | None = None,
                 safety_only: list[_Wording] | None = None, locales: Locales | None = None):
        self.forbidden = forbidden
        self.safety_only = safety_only or []
        self.locales = locales or no_locales()
        self.phone_numbers = phone_numbers
        self.max_grade = max_grade
        self.sentence = sentence
        # The numbers without the look-arounds: found by fast literal search, and
        # a text without any of them needs no full check.
        self.any_number = any_number

    @classmethod
    def build(cls, rules: models.Rules, countries: dict[str, models.Country], locales: Locales | None = None) -> "TextRules":
        numbers = {c.emergency_number for c in countries.values()} | {
            c.urgent_number for c in countries.values() if c.urgent_number
        }
        alternatives = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True)) or "(?!)"
        return cls(
            [_Wording.compile(r) for r in rules.forbidden],
            re.compile(rf"(?<![\w,.]){'(?:' + alternatives + ')'}(?![\w,]|\.\d)"),
            re.compile(alternatives),
            rules.max_grade,
            rules.sentence,
            [_Wording.compile(r) for r in rules.safety_only],
            locales,
        )

    def check(self, text: str, path: Path, line: int, field_name: str, errors: ErrorCollector,
              number_hint: str = NUMBER_HINT, skip: range | None = None) -> None:
        self._check_wording(self.forbidden, text, path, line, field_name, errors)
        self.check_numbers(text, path, line, field_name, errors, number_hint)
        self.locales.check(text, path, line, field_name, errors, skip)  # one-country words, unknown tokens
        self.check_html(text, path, line, field_name, errors)

    def check_safety_only(self, text: str, path: Path, line: int, field_name: str, errors: ErrorCollector) -> None:
        """Articles' own text: wording only content_src/safety/ may use (triage lists, emergency instructions).
        Exercises are not checked: their stop rules may send the reader to the emergency number."""
        self._check_wording(self.safety_only, text, path, line, field_name, errors)

    @staticmethod
    def _check_wording(rules: list[_Wording], text: str, path: Path, line: int, field_name: str,
                       errors: ErrorCollector) -> None:
        lowered = text.lower()
        for wording in rules:
            for match in wording.finditer(text, lowered):
                errors.add(path, line + text[: match.start()].count("\n"), field_name,
                           f"'{text[match.start():match.end()].strip()}': {wording.rule.why}", wording.rule.hint)

    def check_numbers(self, text: str, path: Path, line: int, field_name: str, errors: ErrorCollector,
                      hint: str = NUMBER_HINT) -> None:
        if not self.any_number.search(text):
            return
        for match in self.phone_numbers.finditer(text):
            errors.add(path, line + text[: match.start()].count("\n"), field_name,
                       f"'{match.group(0)}' looks like an emergency or advice-line number", hint)

    @staticmethod
    def check_html(text: str, path: Path, line: int, field_name: str, errors: ErrorCollector) -> None:
        for pattern, what, needs in _UNSAFE_HTML:
            if needs not in text:
                continue
            for match in pattern.finditer(text):
                name = match.group(1).lower() if match.groups() else ""
                errors.add(path, line + text[: match.start()].count("\n"), field_name,
                           f"{what.format(name)} is not allowed in content",
                           "write plain Markdown; raw HTML that runs code or loads other sites is refused")
        if "<" in text:
            TextRules.check_html_allowed(text, path, line, field_name, errors)

    @staticmethod
    def check_html_allowed(text: str, path: Path, line: int, field_name: str, errors: ErrorCollector) -> None:
        """Raw HTML outside the allow-list; the dangerous cases are reported above, not twice."""
        text = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        for match in _HTML_TAG.finditer(text):
            closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if closing or tag in _DENIED_TAGS:
                continue  # an element is reported at its opening tag
            at = line + text[: match.start()].count("\n")
            if tag not in ALLOWED_HTML:
                errors.add(path, at, field_name, f"the <{tag}> element is not on the list of HTML allowed in content",
                           f"write Markdown instead; allowed elements: {', '.join(sorted(ALLOWED_HTML))}")
                continue
            for name, raw in _HTML_ATTR.findall(attributes):
                name = name.lower()
                value = raw[1:-1] if raw[:1] in ("'", '"') else raw
                if name.startswith("on") or _UNSAFE_URL.match(value):
                    continue  # already reported by the deny-list above
                allowed = ALLOWED_HTML[tag]
                if name not in allowed:
                    may = f"<{tag}> may carry: {', '.join(allowed)}" if allowed else f"<{tag}> takes no attributes"
                    errors.add(path, at, field_name, f"the '{name}' attribute on <{tag}> is not allowed in content", may)
                elif name == "class" and not _CLASS_VALUE.fullmatch(value):
                    errors.add(path, at, field_name, f"class=\"{value}\" on <{tag}> is not a plain list of class names",
                               "use letters, digits, '-' and '_' only, separated by spaces")


    def check_sentences(self, text: str, result: readability.Readability, path: Path, line: int | None,
                        field_name: str, errors: ErrorCollector, lines_known: bool = True,
                        skip: range | None = None) -> None:
        """Each sentence over the word or grade limit, at the line it starts on.

        `lines_known` is false for a YAML value folded onto one line: its sentences
        are all reported at the field's own line. Sentences starting on a line in
        `skip` (counted like `sentence.line`) are not checked.
        """
        limits = self.sentence
        if limits is None:
            return
        for sentence in result.every:
            if skip is not None and sentence.line in skip:  # the line its block starts on decides its section
                continue
            too_long = sentence.words > limits.max_words
            grade = sentence.grade
            too_hard = sentence.words >= limits.grade_from_words and grade > limits.max_grade
            if not (too_long or too_hard):
                continue
            if too_long and too_hard:
                what = (f"{sentence.words} words and reading grade {grade:.0f} "
                        f"(limits: {limits.max_words} words, grade {limits.max_grade:g})")
            elif too_long:
                what = f"{sentence.words} words (limit {limits.max_words})"
            else:
                what = f"reading grade {grade:.0f} (limit {limits.max_grade:g})"
            at = None if line is None else line + (readability.line_of(text, sentence) if lines_known else 0)
            errors.add(path, at, field_name, f'sentence of {what}: "{sentence.text}"',
                       "say one thing per sentence: end it where the thought changes, and use everyday words "
                       "for long ones (the medical word can follow in brackets)" if too_hard else
                       "say one thing per sentence: end it where the thought changes, or drop words the "
                       "reader does not need")


def skipped_lines(body: str, headings: list[str]) -> range | None:
    """The lines of the first section whose '## ' heading is in `headings`, to the next '## ' heading."""
    if not headings:
        return None
    lines = body.split("\n")
    starts = [i for i, text in enumerate(lines) if text.startswith("## ")]
    for index, start in enumerate(starts):
        if lines[start][3:].strip() in headings:
            end = starts[index + 1] if index + 1 < len(starts) else len(lines)
            return range(start, end)
    return None


def check_grade(result: readability.Readability, limit: float, path: Path, errors: ErrorCollector, field_name: str) -> None:
    if result.grade > limit:
        hardest = "; ".join(f'"{s.text[:90]}" ({s.grade:.0f})' for s in result.hardest[:3])
        errors.add(path, None, field_name,
                   f"reading grade {result.grade:.1f} is above {limit:g}",
                   f"use shorter sentences and everyday words; hardest sentences: {hardest}")

