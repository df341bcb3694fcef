"""Load and validate everything in content_src/, reporting every error at once.

`load_content(root)` returns a `Content` or raises `ContentErrors` listing all
problems, each with file:line, field, what was expected and a hint.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import models, patient_text, readability
from .locale import Locales, no_locales
from ..errors import ErrorCollector
from .source_files import LineMap, load_yaml_file, split_front_matter

M = TypeVar("M", bound=BaseModel)

# The safety placeholders; care-word tokens come from content_src/locale.yml (guide.content.locale).
TOKENS = ("[[emergency-number]]", "[[urgent-advice]]")
NUMBER_HINT = "numbers differ by country; write [[emergency-number]] or [[urgent-advice]] instead"
# Articles leave emergency instructions to the warning box (rules.yml safety_only).
ARTICLE_NUMBER_HINT = ("numbers differ by country; write [[urgent-advice]] for same-day advice "
                       "(the warning box and 'When to get help' already give the emergency number)")
ARTICLE_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)")
_EXERCISE_LINK = re.compile(r"\]\(\.\./exercises/([a-z0-9-]+)\.md(#[^)\s]*)?\)")
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
_H1 = re.compile(r"^#\s", re.M)


@dataclass
class Article:
    slug: str
    path: Path
    meta: models.ArticleMeta
    body: str
    body_line: int
    lines: LineMap
    grade: readability.Readability | None = None


@dataclass
class ExerciseEntry:
    slug: str
    path: Path
    data: models.Exercise
    lines: LineMap
    grade: readability.Readability | None = None
    # A translated entry (guide.content.translations.localize): the English exercise it translates, whose
    # dose text gives the home-programme builder its starting numbers.
    source: models.Exercise | None = None


@dataclass
class Content:
    root: Path
    site: models.SiteSettings
    countries: dict[str, models.Country]
    disclaimer: models.Disclaimer
    red_flags: models.RedFlags
    sources: dict[str, models.Source]
    sections: list[models.Section]
    rules: models.Rules
    articles: list[Article] = field(default_factory=list)
    exercises: list[ExerciseEntry] = field(default_factory=list)
    glossary: list[models.GlossaryEntry] = field(default_factory=list)
    locales: Locales = field(default_factory=no_locales)  # content_src/locale.yml
    ui: models.Ui | None = None  # page furniture words by language (content_src/ui.yml)
    language: str = "en"  # a language edition's content is translated (guide.content.translations.localize)
    programme_texts: Any = None  # a language edition's home-programme words (guide.pages.programme.ProgrammeTranslation)

    @property
    def red_flag_set_ids(self) -> list[str]:
        return [s.id for s in self.red_flags.sets]

    def article(self, slug: str) -> Article | None:
        return next((a for a in self.articles if a.slug == slug), None)


# ---------------------------------------------------------------- helpers
def _describe(model: Any, loc: tuple) -> str:
    """The field's description, used as the hint for a wrong value."""
    target = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(target, "model_fields", None)
        if not fields or part not in fields:
            return ""
        info = fields[part]
        target = info.annotation
        # Unwrap list[X] / X | None to reach a nested model.
        for arg in getattr(target, "__args__", ()) or ():
            if hasattr(arg, "model_fields"):
                target = arg
        if part == loc[-1] or loc.index(part) == len([p for p in loc if not isinstance(p, int)]) - 1:
            return info.description or ""
    return ""


def _friendly(error: dict, model: Any) -> tuple[str, str]:
    loc = tuple(error["loc"])
    kind = error["type"]
    description = _describe(model, loc)
    if kind == "missing":
        return "required field is missing", f"add '{loc[-1]}: ...'" + (f" ({description})" if description else "")
    if kind == "extra_forbidden":
        known = list(getattr(_owner(model, loc), "model_fields", {}))
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(known)}"
        return "unknown field", hint
    message = error["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and description:
        message = f"'{error.get('input')}' is not in the expected form"
    if kind in ("literal_error", "enum") and "expected" in error.get("ctx", {}):
        message = f"'{error.get('input')}' is not allowed; expected {error['ctx']['expected']}"
    return message, description


def _owner(model: Any, loc: tuple) -> Any:
    target = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(target, "model_fields", {}).get(part)
        if info is None:
            return target
        target = info.annotation
        for arg in getattr(target, "__args__", ()) or ():
            if hasattr(arg, "model_fields"):
                target = arg
    return target


def _field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def validate_model(model: type[M], data: Any, path: Path, lines: LineMap, errors: ErrorCollector, prefix: tuple = ()) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            message, hint = _friendly(error, model)
            errors.add(path, lines.line(prefix + loc), _field_name(prefix + loc), message, hint)
        return None


def _load_list(path: Path, model: type[M], errors: ErrorCollector, key: str = "id") -> list[tuple[M, int]]:
    """A YAML file holding a list of entries; each entry is validated on its own."""
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        return []
    data, lines = parsed
    if not isinstance(data, list):
        errors.add(path, 1, "", "expected a list of entries, each starting with '- '", "see content_src/README.md")
        return []
    out: list[tuple[M, int]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        entry = validate_model(model, item, path, lines, errors, (index,))
        if entry is None:
            continue
        value = getattr(entry, key)
        line = lines.line((index,))
        if value.lower() in seen:
            errors.add(path, line, f"[{index}].{key}", f"duplicate {key} '{value}' (first used on line {seen[value.lower()]})",
                       f"each {key} must be unique")
            continue
        seen[value.lower()] = line
        out.append((entry, line))
    return out


def _load_one(path: Path, model: type[M], errors: ErrorCollector) -> tuple[M | None, LineMap]:
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        return None, LineMap()
    data, lines = parsed
    if not isinstance(data, dict):
        errors.add(path, 1, "", "expected 'field: value' lines", "see content_src/README.md")
        return None, lines
    return validate_model(model, data, path, lines, errors), lines


def check_refs(values: list[str], known: set[str] | list[str], path: Path, lines: LineMap, errors: ErrorCollector,
               field_name: str, what: str, where: str) -> None:
    for index, value in enumerate(values):
        if value not in known:
            close = difflib.get_close_matches(value, list(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known {what}: {', '.join(sorted(known))}"
            errors.add(path, lines.line((field_name, index)), f"{field_name}[{index}]",
                       f"unknown {what} '{value}'", f"{hint} (defined in {where})")


def check_page_sets(values: list[str], content: "Content", path: Path, lines: LineMap, errors: ErrorCollector) -> None:
    """A page's red_flags: known set ids, and always the set every page shows (general)."""
    check_refs(values, content.red_flag_set_ids, path, lines, errors, "red_flags", "red-flag set",
               "content_src/safety/red_flags.yml")
    required = content.red_flags.required_set
    if required not in values:
        errors.add(path, lines.line(("red_flags",)), "red_flags",
                   f"the warning signs leave out the '{required}' set",
                   f"add it: red_flags: [{', '.join([*values, required])}]; every page shows the '{required}' signs "
                   "(stroke, heart attack, serious accident, fever, cancer) beside its own region's")


# ---------------------------------------------------------------- text rules
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


def _skipped_lines(body: str, headings: list[str]) -> range | None:
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


def _check_grade(result: readability.Readability, limit: float, path: Path, errors: ErrorCollector, field_name: str) -> None:
    if result.grade > limit:
        hardest = "; ".join(f'"{s.text[:90]}" ({s.grade:.0f})' for s in result.hardest[:3])
        errors.add(path, None, field_name,
                   f"reading grade {result.grade:.1f} is above {limit:g}",
                   f"use shorter sentences and everyday words; hardest sentences: {hardest}")


# ---------------------------------------------------------------- articles
def _load_article(path: Path, content: Content, text_rules: TextRules, errors: ErrorCollector) -> Article | None:
    source = split_front_matter(path, errors, required=True)
    if source is None:
        return None
    slug = path.stem
    if not re.fullmatch(models.ID_PATTERN, slug):
        errors.add(path, None, "", f"file name '{path.name}' is not a valid page address",
                   "use lower-case words joined by hyphens, e.g. 'spinal-stenosis.md'")
    meta = validate_model(models.ArticleMeta, source.meta, path, source.lines, errors)
    body, line0 = source.body, source.body_line
    if _H1.search(body):
        at = line0 + body[: _H1.search(body).start()].count("\n")
        errors.add(path, at, "body", "a '# ' (level-1) heading in the body",
                   "the title comes from the front matter; start body headings at '## '")
    text_rules.check(body, path, line0, "body", errors, ARTICLE_NUMBER_HINT)
    text_rules.check_safety_only(body, path, line0, "body", errors)
    if meta is None:
        return None
    for loc, text in patient_text.texts(meta):
        at = source.lines.line(loc)
        text_rules.check(text, path, at, _field_name(loc), errors, ARTICLE_NUMBER_HINT)
        if loc[0] in ("answer", "key_points", "help_notes"):
            text_rules.check_safety_only(text, path, at, _field_name(loc), errors)
    check_page_sets(meta.red_flags, content, path, source.lines, errors)
    if content.sources:  # when the bibliography itself is broken, that error is the one to fix
        check_refs(meta.sources, content.sources, path, source.lines, errors, "sources", "source id",
                   "content_src/bibliography.yml")
    check_refs([meta.section], [s.id for s in content.sections], path, source.lines, errors, "section", "section",
               "content_src/sections.yml")
    article = Article(slug, path, meta, body, line0, source.lines)
    # Measured part by part, so each sentence keeps its own line; the page's grade is all parts together.
    parts = [(source.lines.line(("answer",)), "answer", meta.answer, False)]
    parts += [(source.lines.line(("key_points", i)), f"key_points[{i}]", "- " + point, False)
              for i, point in enumerate(meta.key_points)]
    parts.append((line0, "body", body, True))
    measured = []
    written = text_rules.locales.written
    for line, field_name, text, lines_known in parts:
        text = written(text)  # measured as readers of the written locale see it, care words filled
        result = readability.measure(text)
        skip = _skipped_lines(text, text_rules.sentence.skip_sections) if text_rules.sentence and field_name == "body" else None
        text_rules.check_sentences(text, result, path, line, field_name, errors, lines_known, skip)
        measured.append(result)
    article.grade = readability.combine(measured)
    _check_grade(article.grade, text_rules.max_grade, path, errors, "body")
    return article


def _check_links(content: Content, errors: ErrorCollector) -> None:
    # Every file counts as a target, valid or not: a broken article is reported
    # once, not again as a dead link in every page that links to it.
    slugs = {p.stem for p in (content.root / "articles").glob("*.md")}
    exercises = {p.stem for p in (content.root / "exercises").glob("*.yml")}
    for article in content.articles:
        texts = [(article.body, article.body_line, "body")] + [
            (note, article.lines.line(("help_notes", i)), f"help_notes[{i}]") for i, note in enumerate(article.meta.help_notes)]
        for text, first_line, field_name in texts:
            for pattern, known, folder in ((ARTICLE_LINK, slugs, "content_src/articles/"),
                                           (_EXERCISE_LINK, exercises, "content_src/exercises/")):
                for match in pattern.finditer(text):
                    if match.group(1) not in known:
                        line = first_line + text[: match.start()].count("\n")
                        close = difflib.get_close_matches(match.group(1), list(known), n=1)
                        hint = f"did you mean '{close[0]}'?" if close else f"link to a file that exists in {folder}"
                        errors.add(article.path, line, field_name, f"link to '{match.group(1)}' goes nowhere", hint)


# ---------------------------------------------------------------- exercises
def _exercise_texts(exercise: models.Exercise) -> list[tuple[tuple, str]]:
    return list(patient_text.texts(exercise))


def _load_exercise(path: Path, content: Content, text_rules: TextRules, errors: ErrorCollector) -> ExerciseEntry | None:
    exercise, lines = _load_one(path, models.Exercise, errors)
    if exercise is None:
        return None
    for loc, text in _exercise_texts(exercise):
        text_rules.check(text, path, lines.line(loc), _field_name(loc), errors)
    check_page_sets(exercise.red_flags, content, path, lines, errors)
    if content.sources:
        check_refs(exercise.sources, content.sources, path, lines, errors, "sources", "source id",
                   "content_src/bibliography.yml")
    images = path.parent / "images"
    for name in ("start", "end"):
        image = getattr(exercise.images, name)
        if not (images / image).is_file():
            errors.add(path, lines.line(("images", name)), f"images.{name}", f"image '{image}' not found",
                       f"add the SVG file to {errors.rel(images)}/")
    entry = ExerciseEntry(path.stem, path, exercise, lines)
    measured = []
    for loc, text in _exercise_texts(exercise):
        if loc[0] in ("images", "dose"):  # the grade counts the prose, not dose figures or picture descriptions
            continue
        text = text_rules.locales.written(text)
        result = readability.measure(f"- {text}" if loc[0] in ("steps", "suits", "not_for") else text)
        text_rules.check_sentences(text, result, path, lines.line(loc), _field_name(loc), errors, lines_known=False)
        measured.append(result)
    entry.grade = readability.combine(measured)
    _check_grade(entry.grade, text_rules.max_grade, path, errors, "text")
    return entry


# ---------------------------------------------------------------- entry point
def load_content(root: Path, *, pages: bool | str = True) -> Content:
    """Everything in content_src/; with pages=False only the shared files (safety, brand,
    bibliography, rules); with pages="index" also each article's front matter, unchecked:
    enough to check built pages, and fast at any number of articles."""
    root = Path(root)
    errors = ErrorCollector(root)
    site, _ = _load_one(root / "site.yml", models.SiteSettings, errors)
    countries = {c.code: c for c, _ in _load_list(root / "countries.yml", models.Country, errors, key="code")}
    disclaimer, _ = _load_one(root / "safety" / "disclaimer.yml", models.Disclaimer, errors)
    red_flags, flag_lines = _load_one(root / "safety" / "red_flags.yml", models.RedFlags, errors)
    sources = {s.id: s for s, _ in _load_list(root / "bibliography.yml", models.Source, errors)}
    section_entries = _load_list(root / "sections.yml", models.Section, errors)
    sections = [s for s, _ in section_entries]
    rules, _ = _load_one(root / "rules.yml", models.Rules, errors)
    locale_settings, _ = _load_one(root / "locale.yml", models.LocaleSettings, errors) if (root / "locale.yml").exists() else (None, None)
    locales = Locales(locale_settings) if locale_settings else no_locales()
    ui, ui_lines = _load_one(root / "ui.yml", models.Ui, errors)
    glossary_path = root / "glossary.yml"
    glossary_entries = _load_list(glossary_path, models.GlossaryEntry, errors, key="term") if glossary_path.exists() else []
    glossary = [g for g, _ in glossary_entries]

    if site is not None and countries:
        for index, edition in enumerate(site.editions):
            if edition.country not in countries:
                errors.add(root / "site.yml", None, f"editions[{index}].country", f"unknown country '{edition.country}'",
                           f"use one of: {', '.join(countries)} (content_src/countries.yml)")
    if site is not None and countries and site.country not in countries:
        errors.add(root / "site.yml", None, "country", f"unknown country '{site.country}'",
                   f"use one of: {', '.join(countries)} (content_src/countries.yml)")
    if site is not None and locale_settings and site.locale not in locale_settings.locales:
        errors.add(root / "site.yml", None, "locale", f"locale '{site.locale}' is not in content_src/locale.yml",
                   f"use one of: {', '.join(locale_settings.locales)}, or add it (with its care words) to locale.yml")
    if red_flags is not None:
        _check_red_flags(red_flags, flag_lines, root / "safety" / "red_flags.yml", errors)

    # The articles can only be checked against valid shared files.
    if site is not None and ui is not None:
        for index, edition in enumerate(site.editions):
            if edition.language and getattr(ui, edition.language, None) is None:
                errors.add(root / "site.yml", None, f"editions[{index}].language",
                           f"no '{edition.language}' block of page words in content_src/ui.yml",
                           f"add '{edition.language}:' to ui.yml with every field of the 'en' block, translated")
    if None in (site, disclaimer, red_flags, rules, ui) or not countries:
        errors.raise_if_any()
    content = Content(root, site, countries, disclaimer, red_flags, sources, sections, rules, glossary=glossary,
                      locales=locales, ui=ui)
    if not pages or pages == "index":  # "index" is truthy: without this test it fell through to the full load
        errors.raise_if_any()
        if pages == "index":
            content.articles = _article_index(root)
        return content
    text_rules = TextRules.build(rules, countries, locales)
    for index, (section, line) in enumerate(section_entries):  # menu titles, shown in each brand's locale
        locales.check(section.title, root / "sections.yml", line, f"[{index}].title", errors)
    for entry, line in glossary_entries:  # shown on every page that uses the word ('also' holds every spelling)
        locales.check(entry.term, glossary_path, line, f"{entry.term}: term", errors)
        locales.check(entry.definition, glossary_path, line, f"{entry.term}: definition", errors)
        definition = locales.written(entry.definition)
        text_rules.check_sentences(definition, readability.measure(definition), glossary_path, line,
                                   f"{entry.term}: definition", errors, lines_known=False)
    _check_red_flag_wording(red_flags, flag_lines, root / "safety" / "red_flags.yml", text_rules, errors)
    for path in sorted((root / "exercises").glob("*.yml")):
        entry = _load_exercise(path, content, text_rules, errors)
        if entry is not None:
            content.exercises.append(entry)
    for path in sorted((root / "articles").glob("*")):
        if path.suffix != ".md":
            errors.add(path, None, "", f"'{path.name}' is not an article", "articles are Markdown files ending in .md")
            continue
        article = _load_article(path, content, text_rules, errors)
        if article is not None:
            content.articles.append(article)
    if not content.articles:
        errors.add(root / "articles", None, "", "no articles found", "add at least one article")
    _check_links(content, errors)
    _check_unique_orders(content, errors)
    if content.articles and content.article(red_flags.help.page) is None:
        errors.add(root / "safety" / "red_flags.yml", flag_lines.line(("help", "page")), "help.page",
                   f"no article '{red_flags.help.page}' to link 'When to get help' to",
                   "name the article (its file name without .md) that explains the warning signs")
    errors.raise_if_any()
    content.articles.sort(key=lambda a: ([s.id for s in sections].index(a.meta.section), a.meta.order, a.slug))
    content.exercises.sort(key=lambda e: (["lumbar", "cervical", "general"].index(e.data.region), e.data.order, e.slug))
    return content


def _article_index(root: Path) -> list[Article]:
    """Every article's front matter, validated by its model but not by the text rules: what
    the check of a built site needs (which pages are articles, with which warning-sign sets).
    A broken article is skipped here; the full load reports it."""
    quiet = ErrorCollector(root)
    index = []
    for path in sorted((root / "articles").glob("*.md")):
        source = split_front_matter(path, quiet, required=True)
        meta = source and validate_model(models.ArticleMeta, source.meta, path, source.lines, quiet)
        if meta is not None:
            index.append(Article(path.stem, path, meta, source.body, source.body_line, source.lines))
    return index


def _check_red_flags(red_flags: models.RedFlags, lines: LineMap, path: Path, errors: ErrorCollector) -> None:
    set_ids = [s.id for s in red_flags.sets]
    for kind, entries in (("sets", red_flags.sets), ("items", red_flags.items)):
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            if entry.id in seen:
                errors.add(path, lines.line((kind, index, "id")), f"{kind}[{index}].id", f"duplicate id '{entry.id}'",
                           "each id must be unique")
            seen.add(entry.id)
    for index, item in enumerate(red_flags.items):
        check_refs(item.sets, set_ids, path, LineMap(lines.offset, {("sets", i): lines.line(("items", index, "sets", i))
                                                                    for i in range(len(item.sets))}),
                   errors, "sets", "red-flag set", "the 'sets' list at the top of this file")
    if red_flags.required_set not in set_ids:
        errors.add(path, lines.line(("required_set",)), "required_set", f"unknown red-flag set '{red_flags.required_set}'",
                   f"use one of the ids in the 'sets' list: {', '.join(set_ids)}")
    for index, flag_set in enumerate(red_flags.sets):
        severities = {i.severity for i in red_flags.items if flag_set.id in i.sets}
        if not severities:
            errors.add(path, lines.line(("sets", index)), f"sets[{index}]", f"set '{flag_set.id}' has no warning signs",
                       "list it in the 'sets' of at least one item, or remove it")


def _red_flag_texts(red_flags: models.RedFlags) -> list[tuple[tuple, str]]:
    out: list[tuple[tuple, str]] = []
    for severity in models.SEVERITIES:
        tier = red_flags.tiers.of(severity)
        out += [(("tiers", severity, name), getattr(tier, name)) for name in ("label", "heading", "action", "help")]
    out += [(("notes", i), note) for i, note in enumerate(red_flags.notes)]
    out += [(("help", name), getattr(red_flags.help, name)) for name in ("heading", "intro", "more")]
    out.append((("first_screen", "more"), red_flags.first_screen.more))
    for i, item in enumerate(red_flags.items):
        out.append((("items", i, "text"), item.text))
        if item.short:
            out.append((("items", i, "short"), item.short))
    return out


def _check_red_flag_wording(red_flags: models.RedFlags, lines: LineMap, path: Path, text_rules: TextRules,
                            errors: ErrorCollector) -> None:
    """The same wording rules as articles (no phone numbers, no promises), and the same reading grade:
    people read the warning signs frightened, often on a phone."""
    texts = _red_flag_texts(red_flags)
    for loc, text in texts:
        text_rules.check(text, path, lines.line(loc), _field_name(loc), errors,
                         number_hint="numbers differ by country; write {emergency} or {urgent} instead")
    grade = readability.measure("\n\n".join(text for _, text in texts))
    _check_grade(grade, text_rules.max_grade, path, errors, "items")


def _check_unique_orders(content: Content, errors: ErrorCollector) -> None:
    seen: dict[tuple, Article] = {}
    for article in content.articles:
        key = (article.meta.section, article.meta.order)
        if key in seen:
            errors.add(article.path, article.lines.line(("order",)), "order",
                       f"order {article.meta.order} is already used by {seen[key].path.name} in section '{key[0]}'",
                       "give each article in a section its own order number")
        else:
            seen[key] = article
