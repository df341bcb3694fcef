"""Translations: loading, checking, their status against English, and the translated content.

Files live in content_src/translations/<lang>/, one per English file (SPANISH-FORMAT.md):
only patient text plus `source_hash`, `translated`, `translator`. Structure (sections,
order, red-flag sets, sources, review dates, pictures) always comes from English.

`source_hash` records which English text a translation was made from:

- article: every declared patient-text field of the front matter (guide.content.patient_text:
  title, summary, answer, key_points, and help_notes when the model has them) plus the
  body, each line's trailing spaces and the body's leading and trailing blank lines ignored;
- exercise: every declared patient-text field (title, summary, purpose, lists, dose,
  picture descriptions);
- glossary entry: the English term, its other forms and its definition;
- hand-written page (pages/, one per docs/ page): its title, description and body;
- the home-programme words (programme.yml): every text of content_src/programme.yml;
- each safety text on its own: the disclaimer (title and paragraphs), each warning sign's
  text, each set title, the two headings and the two actions.

It is sha256 over a JSON list of [field path, text] pairs, written "sha256:" + 16 hex digits.
Keywords, dates, ids and structure are not in it: they do not change what a translation says.

An article, exercise, page, the programme's words or a glossary entry whose English changed is
out of date: it is still published, with a notice in its language (ui.yml `out_of_date`), and
`make lint` lists it.
A safety text whose English changed is never published: the language's build fails naming it.
Each country's urgent-advice route in a language (ui.yml `urgent_advice`, stamped in
`urgent_advice_source_hash` against countries.yml) is safety text too (urgent_route_errors).

A clinic's own texts in a language (clinic_status) are stamped too: its urgent-advice route is
safety text (the language's copy fails, naming clinic.yml's line); a page of its own gets the
notice; its opening hours (in the contact card of every page) are listed by `make lint`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from . import docs_pages, models, patient_text, programme_texts, readability
from ..findings import Finding
from ..errors import ContentErrors, ErrorCollector
from .load import ARTICLE_LINK
from .loaded import Article, Content, ExerciseEntry
from .source_files import FRONT_MATTER, LineMap, load_yaml_file, parse_yaml, split_front_matter
from .text_rules import TextRules
from .validate import dotted_field, load_list, load_one, validate_model

TRANSLATIONS = "translations"
SAFETY = "safety"
PAGES = "pages"  # translated hand-written pages of docs/, same paths
DOCS = "docs"  # the English hand-written pages: beside content_src/, as mkdocs.yml's docs_dir
PROGRAMME = programme_texts.TEXTS_FILE  # the home-programme words, same name as content_src/'s
HOME_PAGE = "index.md"  # a language edition always has one: translated, or a generated list of its pages
STAMP_HINT = "translate it again, have it reviewed, then run python -m guide translations stamp"
_HEADING = re.compile(r"^## +(.+?)\s*$", re.M)
_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./exercises/)?([a-z0-9-]+)\.md(#[^)\s]*)?\)")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_EXERCISE_LINK = re.compile(r"\]\(\.\./exercises/([a-z0-9-]+)\.md")
# Fields whose list length must match English, one item per English item.
_EXERCISE_LISTS = ("suits", "not_for", "steps", "should_feel", "should_not_feel", "stop_if", "progression")


# ---------------------------------------------------------------- hashes
def _digest(pairs) -> str:
    data = json.dumps([[list(loc), text] for loc, text in pairs], ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def normalise_body(body: str) -> str:
    return "\n".join(line.rstrip() for line in body.strip("\n").split("\n")).strip()


def article_hash(article: Article) -> str:
    return _digest([*patient_text.texts(article.meta), (("body",), normalise_body(article.body))])


def exercise_hash(entry: ExerciseEntry) -> str:
    return _digest(patient_text.texts(entry.data))


def glossary_hash(entry: models.GlossaryEntry) -> str:
    return _digest([(("term",), entry.term), (("also",), "\n".join(entry.also)), (("definition",), entry.definition)])


def disclaimer_hash(disclaimer: models.Disclaimer) -> str:
    return _digest([(("title",), disclaimer.title), *((("paragraphs", i), p) for i, p in enumerate(disclaimer.paragraphs))])


def text_hash(text: str) -> str:
    return _digest([(("text",), text)])


def _page_pairs(meta: dict, body: str) -> list:
    return [(("title",), str(meta.get("title") or "").strip()), (("description",), str(meta.get("description") or "").strip()),
            (("body",), normalise_body(body))]


def page_hash(meta: dict, body: str) -> str:
    return _digest(_page_pairs(meta, body))


def _tree_pairs(value, loc: tuple = ()):
    """(path, text) for every text in parsed YAML or a model's dump, keys in sorted order: the
    same for a model and for the file it was read from, whatever the order of the file's keys."""
    if isinstance(value, str):
        yield loc, value.strip()
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from _tree_pairs(value[key], (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _tree_pairs(item, (*loc, index))


_PROGRAMME_PARTS = tuple(programme_texts.ProgrammeTexts.model_fields)


def programme_hash(data: dict) -> str:
    """Over every text of the programme's words (builder, view, dose, write_in)."""
    return _digest(_tree_pairs({k: v for k, v in (data or {}).items() if k in _PROGRAMME_PARTS}))


# ---------------------------------------------------------------- loaded translations
@dataclass
class Translated:
    """One translated file (or glossary entry) and where it stands against English."""

    kind: str  # article | exercise | glossary | page | programme
    slug: str
    path: Path
    line: int
    data: object
    english_hash: str
    body: str = ""
    english_path: Path | None = None

    @property
    def current(self) -> bool:
        return self.data.source_hash == self.english_hash

    @property
    def why(self) -> str:
        if not self.data.source_hash:
            return "never stamped"
        return "the English text changed after this translation"


# What an out-of-date notice is about, as a Translated names it: ("article", slug),
# ("exercise", slug), ("page", path under docs/), ("programme", "programme"), and for a clinic's
# page ("clinic", its file name). On which pages each one shows is the pages stage's to say
# (guide.pages.paths.notice_pages).
NoticeKey = tuple[str, str]


@dataclass
class Translations:
    language: str
    root: Path  # content_src/translations/<language>
    articles: dict[str, Translated] = field(default_factory=dict)
    exercises: dict[str, Translated] = field(default_factory=dict)
    glossary: list[Translated] = field(default_factory=list)
    disclaimer: models.Disclaimer | None = None
    red_flags: models.RedFlags | None = None
    # Safety texts out of date or missing: never published; the language's build fails on them.
    stale_safety: list[Finding] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # translated docs/ pages, by path
    docs: dict[str, Translated] = field(default_factory=dict)  # the same pages, loaded and checked
    programme: Translated | None = None  # the home-programme words

    @property
    def stale(self) -> list[Translated]:
        return [t for t in [*self.articles.values(), *self.exercises.values(), *self.docs.values(),
                            *([self.programme] if self.programme else []), *self.glossary] if not t.current]


def languages(content: Content) -> list[str]:
    """Every language some edition publishes besides English."""
    return sorted({e.language for e in content.site.editions if e.language})


def folder(content: Content, language: str) -> Path:
    return content.root / TRANSLATIONS / language


def docs_folder(content: Content) -> Path:
    return content.root.parent / DOCS


def english_docs_pages(content: Content) -> list[str]:
    """The hand-written English pages a language edition translates (docs/, overrides left out)."""
    return docs_pages.list_pages(docs_folder(content))


def _rules(content: Content, language: str, errors: ErrorCollector, at: Path) -> tuple[TextRules, models.LanguageRules | None]:
    lang_rules = content.rules.languages.get(language)
    if lang_rules is None:
        errors.add(content.root / "rules.yml", None, f"languages.{language}", f"no text rules for '{language}'",
                   "add its forbidden wording and reading-ease limits under 'languages:' (see the 'es' block)")
        return TextRules.build(content.rules.model_copy(update={"forbidden": [], "sentence": None, "safety_only": []}), content.countries), None
    # English wording rules (and its spelling map) do not apply; numbers and HTML are refused in every language.
    rules = content.rules.model_copy(update={"forbidden": lang_rules.forbidden, "sentence": None, "safety_only": []})
    return TextRules.build(rules, content.countries), lang_rules


def _check_reading(text: str, result: readability.SpanishReadability, limits: models.LanguageRules, path: Path,
                   line: int, field_name: str, errors: ErrorCollector, lines_known: bool) -> None:
    for sentence in result.every:
        too_long = sentence.words > limits.sentence_max_words
        too_hard = sentence.words >= limits.sentence_from_words and sentence.score < limits.sentence_min_score
        if not (too_long or too_hard):
            continue
        what = []
        if too_long:
            what.append(f"{sentence.words} words (limit {limits.sentence_max_words})")
        if too_hard:
            what.append(f"reading ease {sentence.score:.0f} (INFLESZ; at least {limits.sentence_min_score:g})")
        at = line + (readability.line_of(text, sentence) if lines_known else 0)
        errors.add(path, at, field_name, f'sentence of {" and ".join(what)}: "{sentence.text}"',
                   "una idea por frase: corte la frase donde cambia la idea y use palabras de todos los días "
                   "(say one thing per sentence, with everyday words)")


def _check_page_score(result: readability.SpanishReadability, limits: models.LanguageRules | None, path: Path,
                      errors: ErrorCollector) -> None:
    if limits and result.words and result.score < limits.min_score:
        hardest = "; ".join(f'"{s.text[:90]}" ({s.score:.0f})' for s in result.hardest[:3])
        errors.add(path, None, "text", f"reading ease {result.score:.1f} (INFLESZ, {result.band}) is below "
                   f"{limits.min_score:g}", f"use shorter sentences and shorter, everyday words; hardest: {hardest}")


def _headings(body: str) -> list[str]:
    return [h for h in _HEADING.findall(body)]


def _compare_lists(data, english, names, path: Path, lines: LineMap, errors: ErrorCollector) -> None:
    for name in names:
        ours, theirs = getattr(data, name) or [], getattr(english, name, None) or []
        if len(ours) != len(theirs):
            errors.add(path, lines.line((name,)), name, f"{len(ours)} item(s); the English file has {len(theirs)}",
                       "translate each English item into one item, in the same order")


def _load_article(path: Path, content: Content, rules: TextRules, limits, errors: ErrorCollector) -> Translated | None:
    english = content.article(path.stem)
    if english is None:
        errors.add(path, None, "", f"no English article '{path.stem}'",
                   "name the file after an article in content_src/articles/ (same file name)")
        return None
    source = split_front_matter(path, errors, required=True)
    if source is None:
        return None
    data = validate_model(models.ArticleTranslation, source.meta, path, source.lines, errors)
    if data is None:
        return None
    english_hash = article_hash(english)
    # The structure is compared with the English it translates: an out-of-date translation may
    # differ (it is published with the out-of-date notice, and lint lists it).
    if data.source_hash == english_hash:
        _compare_lists(data, english.meta, ("key_points",), path, source.lines, errors)
        if data.help_notes is not None and not english.meta.help_notes:
            errors.add(path, source.lines.line(("help_notes",)), "help_notes", "the English article has no help_notes",
                       "remove help_notes")
        elif english.meta.help_notes:
            _compare_lists(data, english.meta, ("help_notes",), path, source.lines, errors)
        theirs = _headings(english.body)
        ours = _headings(source.body)
        if len(ours) != len(theirs):
            errors.add(path, source.body_line, "body", f"{len(ours)} '## ' heading(s); the English body has {len(theirs)}"
                       f" ({', '.join(theirs)})", "keep the English sections, in the same order")
    for match in ARTICLE_LINK.finditer(source.body):
        if content.article(match.group(1)) is None:
            errors.add(path, source.body_line + source.body[:match.start()].count("\n"), "body",
                       f"link to '{match.group(1)}' goes nowhere", "link to the English file name, as the English page does")
    for loc, text in patient_text.texts(data):
        rules.check(text, path, source.lines.line(loc), dotted_field(loc), errors)
    rules.check(source.body, path, source.body_line, "body", errors)
    if limits:
        parts = [(source.lines.line(("answer",)), "answer", data.answer, False)]
        parts += [(source.lines.line(("key_points", i)), f"key_points[{i}]", "- " + p, False)
                  for i, p in enumerate(data.key_points)]
        parts.append((source.body_line, "body", source.body, True))
        measured = []
        for line, name, text, known in parts:
            result = readability.measure_spanish(text)
            _check_reading(text, result, limits, path, line, name, errors, known)
            measured.append(result)
        _check_page_score(readability.combine_spanish(measured), limits, path, errors)
    return Translated("article", path.stem, path, 1, data, english_hash, source.body, english.path)


def _load_exercise(path: Path, content: Content, rules: TextRules, limits, errors: ErrorCollector) -> Translated | None:
    english = next((e for e in content.exercises if e.slug == path.stem), None)
    if english is None:
        errors.add(path, None, "", f"no English exercise '{path.stem}'",
                   "name the file after an exercise in content_src/exercises/ (same file name)")
        return None
    data, lines = load_one(path, models.ExerciseTranslation, errors)
    if data is None:
        return None
    english_hash = exercise_hash(english)
    if data.source_hash == english_hash:
        _compare_lists(data, english.data, _EXERCISE_LISTS, path, lines, errors)
        for key in models.ExerciseDose.patient_text:
            if bool(getattr(data.dose, key)) != bool(getattr(english.data.dose, key)):
                errors.add(path, lines.line(("dose",)), f"dose.{key}",
                           "missing" if getattr(english.data.dose, key) else "the English exercise has no dose." + key,
                           "translate the same dose fields as the English file, no more and no fewer")
    measured = []
    for loc, text in patient_text.texts(data):
        rules.check(text, path, lines.line(loc), dotted_field(loc), errors)
        if limits and loc[0] not in ("images", "dose"):
            result = readability.measure_spanish(f"- {text}" if loc[0] in ("steps", "suits", "not_for") else text)
            _check_reading(text, result, limits, path, lines.line(loc), dotted_field(loc), errors, False)
            measured.append(result)
    _check_page_score(readability.combine_spanish(measured), limits, path, errors)
    return Translated("exercise", path.stem, path, 1, data, english_hash, english_path=english.path)


def _load_page(rel: str, path: Path, content: Content, rules: TextRules, limits, errors: ErrorCollector) -> Translated | None:
    """A translated docs/ page: its title, description and body, checked as an article's are."""
    english_path = docs_folder(content) / rel
    if not english_path.is_file():
        errors.add(path, None, "", f"no English page docs/{rel}",
                   f"name the file after a page in docs/ (same path), e.g. {PAGES}/about.md for docs/about.md")
        return None
    english = split_front_matter(english_path, errors, required=False)
    source = split_front_matter(path, errors, required=True)
    if english is None or source is None:
        return None
    data = validate_model(models.PageTranslation, source.meta, path, source.lines, errors)
    if data is None:
        return None
    english_hash = page_hash(english.meta, english.body)
    if data.source_hash == english_hash:
        theirs, ours = _headings(english.body), _headings(source.body)
        if len(ours) != len(theirs):
            errors.add(path, source.body_line, "body", f"{len(ours)} '## ' heading(s); the English page has {len(theirs)}"
                       f" ({', '.join(theirs)})", "keep the English sections, in the same order")
    for loc, text in patient_text.texts(data):
        rules.check(text, path, source.lines.line(loc), dotted_field(loc), errors)
    # A hand-written page may carry raw HTML the content allow-list does not have (the home page's
    # <nav> of ways in): its translation may carry the same tags, exactly as the English page has them.
    same = set(_TAG.findall(english.body))
    rules.check(_TAG.sub(lambda m: " " * len(m.group(0)) if m.group(0) in same else m.group(0), source.body),
                path, source.body_line, "body", errors)
    if limits:
        result = readability.measure_spanish(source.body)
        _check_reading(source.body, result, limits, path, source.body_line, "body", errors, True)
        _check_page_score(result, limits, path, errors)
    return Translated("page", rel, path, 1, data, english_hash, source.body, english_path)


def _load_programme(path: Path, content: Content, rules: TextRules, limits, errors: ErrorCollector) -> Translated | None:
    """The home-programme words, key for key as content_src/programme.yml."""
    english_path = content.root / programme_texts.TEXTS_FILE
    if not english_path.is_file():
        errors.add(path, None, "", f"no English {programme_texts.TEXTS_FILE}", "remove this file or restore the English one")
        return None
    english = programme_texts.load_texts(content)
    data, lines = load_one(path, programme_texts.ProgrammeTranslation, errors)
    if data is None or english is None:
        return None
    if set(data.dose.sides) != set(programme_texts.SIDES):
        errors.add(path, lines.line(("dose", "sides")), "dose.sides", f"expected a label for each of "
                   f"{', '.join(repr(s) for s in programme_texts.SIDES)}", "keep the four keys and translate only their words")
    words = data.model_dump(include=set(_PROGRAMME_PARTS))
    if len(data.view.storage) != len(english.view.storage):
        errors.add(path, lines.line(("view", "storage")), "view.storage", f"{len(data.view.storage)} item(s); the English "
                   f"file has {len(english.view.storage)}", "translate each English item into one item, in the same order")
    measured = []
    for loc, text in _tree_pairs(words):
        rules.check(text, path, lines.line(loc), dotted_field(loc), errors)
        if limits:
            result = readability.measure_spanish(text)
            _check_reading(text, result, limits, path, lines.line(loc), dotted_field(loc), errors, False)
            measured.append(result)
    _check_page_score(readability.combine_spanish(measured), limits, path, errors)
    return Translated("programme", "programme", path, 1, data, programme_hash(english.model_dump()),
                      english_path=english_path)


def _tier_pairs(tier) -> list[tuple[tuple, str]]:
    return [((name,), getattr(tier, name)) for name in ("label", "heading", "action", "help")]


def tier_hash(tier: models.RedFlagTier) -> str:
    return _digest(_tier_pairs(tier))


def help_hash(help_section: models.HelpSection) -> str:
    return _digest([((name,), getattr(help_section, name)) for name in ("heading", "intro", "more")])


def first_screen_hash(first_screen: models.FirstScreen) -> str:
    return _digest([(("more",), first_screen.more)])


def item_hash(item: models.RedFlagItem) -> str:
    return _digest([(("text",), item.text), *([(("short",), item.short)] if item.short else [])])


def _load_disclaimer(content: Content, tr: Translations, rules: TextRules, errors: ErrorCollector,
                     stale: ErrorCollector, compare) -> None:
    path = tr.root / SAFETY / "disclaimer.yml"
    english = content.disclaimer
    if not path.is_file():
        stale.add(path, None, "", "no translation of the disclaimer",
                  f"translate content_src/safety/disclaimer.yml into {errors.rel(path)}")
        return
    data, lines = load_one(path, models.DisclaimerTranslation, errors)
    if data is None:
        return
    if len(data.paragraphs) != len(english.paragraphs):
        errors.add(path, lines.line(("paragraphs",)), "paragraphs",
                   f"{len(data.paragraphs)} paragraph(s); the English disclaimer has {len(english.paragraphs)}",
                   "translate each English paragraph into one paragraph")
    for loc, text in [(("title",), data.title), *((("paragraphs", i), p) for i, p in enumerate(data.paragraphs))]:
        rules.check(text, path, lines.line(loc), dotted_field(loc), errors)
    compare(path, lines.line(("source_hash",)), "disclaimer", disclaimer_hash(english), data)
    tr.disclaimer = models.Disclaimer(title=data.title, paragraphs=data.paragraphs)


def _load_safety(content: Content, tr: Translations, rules: TextRules, errors: ErrorCollector) -> None:
    """The translated disclaimer and warning signs, key for key as content_src/safety/. Each
    translated text carries the hash of the English it translates: a missing or out-of-date one
    goes to tr.stale_safety, which stops the language's build with a message naming it."""
    english = content.red_flags
    stale = ErrorCollector(content.root)

    def compare(path: Path, line: int, field_name: str, expected: str, item) -> None:
        if item.source_hash != expected:
            stale.add(path, line, field_name, "the English text changed after this translation"
                      if item.source_hash else "this translation was never stamped against the English text", STAMP_HINT)

    _load_disclaimer(content, tr, rules, errors, stale, compare)
    path = tr.root / SAFETY / "red_flags.yml"
    if not path.is_file():
        stale.add(path, None, "", "no translation of the warning signs",
                  f"translate content_src/safety/red_flags.yml into {errors.rel(path)}")
        tr.stale_safety = stale.errors
        return
    data, lines = load_one(path, models.RedFlagsTranslation, errors)
    if data is None:
        tr.stale_safety = stale.errors
        return

    def check(loc: tuple, text: str) -> None:
        rules.check(text.replace("{emergency}", "").replace("{urgent}", ""), path, lines.line(loc), dotted_field(loc), errors)

    tiers = {}
    for severity in models.SEVERITIES:
        ours, theirs = getattr(data.tiers, severity), english.tiers.of(severity)
        for name in ("label", "heading", "action", "help"):
            text = getattr(ours, name)
            for token in ("{emergency}", "{urgent}"):
                if (token in getattr(theirs, name)) != (token in text):
                    errors.add(path, lines.line(("tiers", severity, name)), f"tiers.{severity}.{name}",
                               f"{token} {'missing' if token in getattr(theirs, name) else 'where the English has none'}",
                               f"keep {token} exactly where the English text has it: the build fills it from the brand")
            check(("tiers", severity, name), text)
        compare(path, lines.line(("tiers", severity)), f"tiers.{severity}", tier_hash(theirs), ours)
        tiers[severity] = theirs.model_copy(update={n: getattr(ours, n) for n in ("label", "heading", "action", "help")})
    if len(data.notes) != len(english.notes):
        errors.add(path, lines.line(("notes",)), "notes", f"{len(data.notes)} note(s); the English box has {len(english.notes)}",
                   "translate each English note into one note, in the same order")
    for i, (ours, theirs) in enumerate(zip(data.notes, english.notes)):
        check(("notes", i, "text"), ours.text)
        compare(path, lines.line(("notes", i)), f"notes[{i}]", text_hash(theirs), ours)
    for name in ("heading", "intro", "more"):
        check(("help", name), getattr(data.help, name))
    compare(path, lines.line(("help",)), "help", help_hash(english.help), data.help)
    check(("first_screen", "more"), data.first_screen.more)
    compare(path, lines.line(("first_screen",)), "first_screen", first_screen_hash(english.first_screen), data.first_screen)
    update = {"tiers": english.tiers.model_copy(update=tiers), "notes": [n.text for n in data.notes],
              "help": english.help.model_copy(update={n: getattr(data.help, n) for n in ("heading", "intro", "more")}),
              "first_screen": english.first_screen.model_copy(update={"more": data.first_screen.more})}
    for kind, english_list in (("sets", english.sets), ("items", english.items)):
        ours = {}
        for i, t in enumerate(getattr(data, kind)):
            if t.id in ours:
                errors.add(path, lines.line((kind, i, "id")), f"{kind}[{i}].id", f"'{t.id}' is translated twice",
                           "keep one translation of each")
            ours.setdefault(t.id, (i, t))
        known = {e.id for e in english_list}
        for tid, (i, t) in ours.items():
            if tid not in known:
                errors.add(path, lines.line((kind, i)), f"{kind}[{i}].id", f"no English {kind[:-1]} '{tid}'",
                           f"use the ids of content_src/safety/red_flags.yml, or remove this {kind[:-1]}")
            for name in ("title",) if kind == "sets" else ("text", "short"):
                if getattr(t, name, None):
                    check((kind, i, name), getattr(t, name))
        translated = []
        for theirs in english_list:
            found = ours.get(theirs.id)
            if found is None:
                stale.add(path, None, f"{kind}[{theirs.id}]", f"no translation of the English {kind[:-1]} '{theirs.id}' "
                          "(new in English)", f"add it to {kind}, have it reviewed, then run python -m guide translations stamp")
                continue
            i, t = found
            if kind == "sets":
                compare(path, lines.line((kind, i)), f"sets[{i}] ({theirs.id})", text_hash(theirs.title), t)
                translated.append(theirs.model_copy(update={"title": t.title}))
                continue
            if bool(t.short) != bool(theirs.short):
                errors.add(path, lines.line((kind, i)), f"items[{i}].short",
                           "missing" if theirs.short else "the English sign has no short form",
                           "translate 'short' exactly when the English sign has one")
            compare(path, lines.line((kind, i)), f"items[{i}] ({theirs.id})", item_hash(theirs), t)
            translated.append(theirs.model_copy(update={"text": t.text, "short": t.short if theirs.short else None}))
        update[kind] = translated
    tr.red_flags = english.model_copy(update=update)
    tr.stale_safety = stale.errors


# ---------------------------------------------------------------- each country's urgent-advice route
UI_FILE = "ui.yml"


def urgent_route_errors(content: Content, language: str, countries: list[str] | None = None) -> list[Finding]:
    """Each country's urgent-advice route in `language` (ui.yml `urgent_advice`) against its English
    one (countries.yml): safety text, so a missing or out-of-date stamp or a missing reviewer is
    an error that stops the language's build. Only `countries` when given (a brand's own)."""
    words = getattr(content.ui, language, None) if content.ui and language != "en" else None
    if words is None:
        return []
    errors = ErrorCollector(content.root)
    path = content.root / UI_FILE
    parsed = load_yaml_file(path, ErrorCollector(content.root))
    lines = parsed[1] if parsed else LineMap()
    hint = f"python -m guide translations stamp {errors.rel(path)}"
    for code, country in content.countries.items():
        wording = words.urgent_advice.get(code)
        if wording is None or (countries is not None and code not in countries):
            continue  # a missing wording: guide.content.brand.in_language, when that country is built
        stamp = words.urgent_advice_source_hash.get(code, "")
        if stamp != text_hash(country.urgent_advice):
            where = (language, "urgent_advice_source_hash", code) if stamp else (language, "urgent_advice", code)
            errors.add(path, lines.line(where), f"{language}.urgent_advice.{code}",
                       f"the English urgent_advice of {code} (content_src/countries.yml) changed after this translation"
                       if stamp else "this translation was never stamped against the English urgent_advice",
                       f"translate '{country.urgent_advice}' again, have it reviewed "
                       f"({language}.urgent_advice_reviewed_by.{code}), then run {hint}")
        if not words.urgent_advice_reviewed_by.get(code):
            errors.add(path, lines.line((language, "urgent_advice", code)), f"{language}.urgent_advice_reviewed_by.{code}",
                       "missing: the translated urgent-advice route is safety text and needs a reviewer",
                       f"add {code} under {language}.urgent_advice_reviewed_by: the role that checked it, e.g. "
                       "'Editorial team (Spanish translation)'")
    return errors.errors


def load_translations(content: Content, language: str, errors: ErrorCollector, *, pages: bool = True) -> Translations:
    """The language's translations. Content errors go to `errors`; out-of-date safety texts to
    `stale_safety` (the caller decides: a build of the language fails, lint lists them)."""
    tr = Translations(language, folder(content, language))
    rules, limits = _rules(content, language, errors, tr.root)
    _load_safety(content, tr, rules, errors)
    tr.stale_safety = [*tr.stale_safety, *urgent_route_errors(content, language)]
    if not pages:
        return tr
    for path in sorted((tr.root / "articles").glob("*.md")):
        item = _load_article(path, content, rules, limits, errors)
        if item:
            tr.articles[item.slug] = item
    for path in sorted((tr.root / "exercises").glob("*.yml")):
        item = _load_exercise(path, content, rules, limits, errors)
        if item:
            tr.exercises[item.slug] = item
    glossary = tr.root / "glossary.yml"
    if glossary.is_file():
        english = {g.term: g for g in content.glossary}
        for entry, line in load_list(glossary, models.GlossaryTranslation, errors, key="term"):
            source = english.get(entry.source_term)
            if source is None:
                errors.add(glossary, line, f"{entry.term}: source_term", f"no English glossary term '{entry.source_term}'",
                           "write the English term exactly as content_src/glossary.yml has it")
                continue
            rules.check(entry.definition, glossary, line, f"{entry.term}: definition", errors)
            tr.glossary.append(Translated("glossary", entry.source_term, glossary, line, entry, glossary_hash(source)))
    pages_dir = tr.root / PAGES
    for rel in sorted(p.relative_to(pages_dir).as_posix() for p in pages_dir.rglob("*.md")) if pages_dir.is_dir() else []:
        item = _load_page(rel, pages_dir / rel, content, rules, limits, errors)
        if item:
            tr.docs[rel] = item
    tr.pages = sorted(tr.docs)
    if (tr.root / PROGRAMME).is_file():
        tr.programme = _load_programme(tr.root / PROGRAMME, content, rules, limits, errors)
    return tr


def load(content: Content, language: str, *, pages: bool = True) -> Translations:
    """For a build of the language: raises ContentErrors for bad files and for any safety
    text that is missing or out of date."""
    errors = ErrorCollector(content.root)
    tr = load_translations(content, language, errors, pages=pages)
    errors.errors.extend(tr.stale_safety)
    errors.raise_if_any()
    return tr


# ---------------------------------------------------------------- a clinic profile's own texts
# A clinic's texts in a language (clinic.yml `translations: <lang>:` and pages/<lang>/) are stamped
# like the guide's: the urgent-advice route is safety text (never published out of date: that
# language's build fails, naming the line); the opening hours are listed by `make lint`; a page of
# its own shows the out-of-date notice, as an article does, and lint lists it.
def opening_hours_hash(hours) -> str:
    return _digest([(("opening_hours", i, name), getattr(h, name).strip()) for i, h in enumerate(hours)
                    for name in ("days", "hours")])


def clinic_page_hash(english_path: Path, errors: ErrorCollector) -> str | None:
    source = split_front_matter(english_path, errors, required=False)
    return None if source is None else page_hash(source.meta, source.body)


@dataclass
class ClinicStatus:
    safety: list[Finding] = field(default_factory=list)  # stops the language's build
    ordinary: list[Finding] = field(default_factory=list)  # lint warnings
    notices: dict[NoticeKey, dict] = field(default_factory=dict)  # ("clinic", page name) -> its notice


def clinic_status(content: Content, clinic, language: str) -> ClinicStatus:
    """Where a clinic's texts in `language` stand against its English ones (guide.content.brand.Clinic)."""
    from .brand import CLINIC_FILE

    status = ClinicStatus()
    errors = ErrorCollector(content.root)
    profile = clinic.profile
    texts = profile.translations.get(language)
    path = clinic.folder / CLINIC_FILE
    parsed = load_yaml_file(path, errors)
    lines = parsed[1] if parsed else LineMap()
    at = ("translations", language)
    if texts is not None:
        if profile.urgent_advice and texts.urgent_advice:
            if texts.urgent_advice_source_hash != text_hash(profile.urgent_advice):
                where = (*at, "urgent_advice_source_hash") if texts.urgent_advice_source_hash else (*at, "urgent_advice")
                status.safety.append(Finding(
                    errors.rel(path), lines.line(where), f"translations.{language}.urgent_advice",
                    "the English urgent_advice changed after this translation" if texts.urgent_advice_source_hash
                    else "this translation was never stamped against the English urgent_advice",
                    f"translate '{profile.urgent_advice}' again, have it reviewed (urgent_advice_reviewed_by), then run "
                    f"python -m guide translations stamp {errors.rel(path)}"))
            if not texts.urgent_advice_reviewed_by:
                status.safety.append(Finding(
                    errors.rel(path), lines.line((*at, "urgent_advice")), f"translations.{language}.urgent_advice_reviewed_by",
                    "missing: the translated urgent-advice route is safety text and needs a reviewer",
                    "add urgent_advice_reviewed_by: the role that checked it, e.g. 'Physical therapist, Spanish-speaking "
                    "(translation review)'"))
        if texts.source_hash != opening_hours_hash(profile.opening_hours):
            status.ordinary.append(Finding(
                errors.rel(path), lines.line((*at, "source_hash") if texts.source_hash else (*at, "opening_hours")),
                f"translations.{language}.opening_hours", "out-of-date translation: " +
                ("the English opening_hours changed after this translation" if texts.source_hash else "never stamped"),
                f"translate the English opening hours again, then run python -m guide translations stamp {errors.rel(path)}"))
    for page in clinic.pages(language):
        english = clinic.folder / "pages" / page.name
        source = split_front_matter(page, errors, required=False)
        if not english.is_file() or source is None:
            continue  # reported by guide.content.brand
        expected = clinic_page_hash(english, errors)
        stamp = str(source.meta.get("source_hash") or "")
        if stamp == expected:
            continue
        status.ordinary.append(Finding(
            errors.rel(page), source.lines.line(("source_hash",)) if stamp else 1, "source_hash",
            "out-of-date translation: " + ("the English page changed after this translation" if stamp else "never stamped"),
            f"translate the changes of {errors.rel(english)}, then run python -m guide translations stamp {errors.rel(page)}"))
        translated = source.meta.get("translated")
        if isinstance(translated, str):
            try:
                translated = dt.date.fromisoformat(translated.strip())
            except ValueError:
                translated = None  # reported by guide.content.brand
        if isinstance(translated, dt.date):
            status.notices["clinic", page.stem] = {"english_date": english_updated(english), "translated_date": translated}
    return status


# ---------------------------------------------------------------- the translated content
def english_updated(path: Path) -> dt.date:
    """When the English file last changed: its last commit, or the build's date when it has
    changes not committed yet (or there is no git)."""
    try:
        dirty = subprocess.run(["git", "-C", str(path.parent), "status", "--porcelain", "--", path.name],
                               capture_output=True, text=True, timeout=10)
        if dirty.returncode == 0 and not dirty.stdout.strip():
            out = subprocess.run(["git", "-C", str(path.parent), "log", "-1", "--format=%cs", "--", path.name],
                                 capture_output=True, text=True, timeout=10)
            if out.returncode == 0 and out.stdout.strip():
                return dt.date.fromisoformat(out.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch.isdigit() else dt.date.today()


def _unlink_missing(body: str, articles: set[str], exercises: set[str]) -> str:
    """Links to pages this language does not have yet become their plain text."""

    def fix(match: re.Match) -> str:
        slug = match.group(2)
        known = exercises if match.group(0).startswith(f"[{match.group(1)}](../exercises/") else articles
        return match.group(0) if slug in known else match.group(1)

    return _LINK.sub(fix, body)


def safety_content(content: Content, tr: Translations) -> Content:
    """What a language edition's pages are checked against: its safety texts, and the articles
    it has translated (by file name: enough to know which pages it publishes)."""
    translated = {p.stem for p in (tr.root / "articles").glob("*.md")}
    exercises = {p.stem for p in (tr.root / "exercises").glob("*.yml")}
    return dataclasses.replace(content, disclaimer=tr.disclaimer, red_flags=tr.red_flags,
                               articles=[a for a in content.articles if a.slug in translated],
                               exercises=[e for e in content.exercises if e.slug in exercises], language=tr.language)


def localize(content: Content, tr: Translations, words: models.UiWords) -> tuple[Content, dict[NoticeKey, dict]]:
    """The content as the language's edition publishes it, and the out-of-date translations'
    notices, by what each translates (NoticeKey). Pages without a translation are left out."""
    articles, exercises, notices = [], [], {}
    slugs = set(tr.articles)
    exercise_slugs = set(tr.exercises)
    for article in content.articles:
        t = tr.articles.get(article.slug)
        if t is None:
            continue
        d = t.data
        # Every patient text from the translation, none left in English: an out-of-date translation
        # may lack help notes the English gained since (its notice says the English page has more).
        fields = {"title": d.title, "summary": d.summary, "answer": d.answer, "key_points": d.key_points,
                  "keywords": d.keywords, "help_notes": d.help_notes or [],
                  "reviewer": words.reviewers.get(article.meta.reviewer, article.meta.reviewer)}
        articles.append(dataclasses.replace(article, meta=article.meta.model_copy(update=fields),
                                            body=_unlink_missing(t.body, slugs, exercise_slugs)))
        if not t.current:
            notices[t.kind, t.slug] = _notice(t)
    for entry in content.exercises:
        t = tr.exercises.get(entry.slug)
        if t is None:
            continue
        d = t.data
        fields = {name: getattr(d, name) for name in ("title", "summary", "purpose", "starting_position", "keywords",
                                                      *_EXERCISE_LISTS)}
        fields["reviewer"] = words.reviewers.get(entry.data.reviewer, entry.data.reviewer)
        fields["dose"] = entry.data.dose.model_copy(update={k: getattr(d.dose, k) for k in models.ExerciseDose.patient_text})
        fields["images"] = entry.data.images.model_copy(update=d.images.model_dump())
        exercises.append(dataclasses.replace(entry, data=entry.data.model_copy(update=fields), source=entry.data))
        if not t.current:
            notices[t.kind, t.slug] = _notice(t)
    for t in tr.docs.values():
        if not t.current:
            notices[t.kind, t.slug] = _notice(t)
    texts = None
    if tr.programme:
        texts = tr.programme.data
        if not tr.programme.current:
            notices[tr.programme.kind, tr.programme.slug] = _notice(tr.programme)
    # Validated as a GlossaryTranslation already, whose length limit allows for Spanish running
    # about a fifth longer than English; GlossaryEntry's limit is the English one.
    glossary = [models.GlossaryEntry.model_construct(term=t.data.term, also=t.data.also, definition=t.data.definition)
                for t in tr.glossary]
    sections = [s.model_copy(update={"title": words.sections.get(s.id, s.title)}) for s in content.sections]
    localized = dataclasses.replace(content, articles=articles, exercises=exercises, glossary=glossary, sections=sections,
                                    disclaimer=tr.disclaimer, red_flags=tr.red_flags, language=tr.language,
                                    programme_texts=texts)
    return localized, notices


def page_meta(t: Translated) -> dict:
    """A translated docs/ page's front matter: the English page's, with the translated title and description."""
    english = split_front_matter(t.english_path, ErrorCollector(t.english_path.parent), required=False)
    meta = {k: v for k, v in (english.meta if english else {}).items() if k not in ("title", "description")}
    return {**meta, "title": t.data.title, "description": t.data.description}


def _notice(t: Translated) -> dict:
    return {"english_date": english_updated(t.english_path), "translated_date": t.data.translated}


def notice_meta(notice: dict, words: models.UiWords, locale: str, english_lang: str, english_prefix: str) -> dict:
    """What the out-of-date notice (guide.pages.frame) shows: the ui.yml sentence split around its link."""
    from babel.dates import format_date

    def day(value: dt.date) -> str:
        return format_date(value, format="long", locale=locale.replace("-", "_"))

    text = (words.out_of_date or "{english_link}").format(english_date=day(notice["english_date"]),
                                                         translated_date=day(notice["translated_date"]),
                                                         english_link="\0")
    before, _, after = text.partition("\0")
    return {"text_before": before, "text_after": after, "link_text": words.english_page,
            "lang": locale.split("-")[0], "english_lang": english_lang, "english_prefix": english_prefix,
            "english_date": notice["english_date"].isoformat(), "translated_date": notice["translated_date"].isoformat()}


# ---------------------------------------------------------------- stamp and status
def _set_line(text: str, line: int | None, indent: str, value: str, after_first: bool) -> str:
    """Write `source_hash: "value"` at `line` (1-based) when it is the key's line; else insert it."""
    rows = text.split("\n")
    entry = f'{indent}source_hash: "{value}"'
    if line is not None and re.match(r"\s*(- )?source_hash:", rows[line - 1]):
        prefix = re.match(r"(\s*(?:- )?)source_hash:", rows[line - 1]).group(1)
        rows[line - 1] = f'{prefix}source_hash: "{value}"'
    else:
        at = (line or 1) if after_first else (line or 1) - 1
        rows.insert(at, entry)
    return "\n".join(rows)


def _raw_texts(model_cls, data, loc: tuple = ()):
    """As guide.content.patient_text.texts, over parsed YAML instead of a model: for an English file as
    it stood at an older commit, which today's models need not accept. Text is stripped, as
    the models strip it, so both give the same hash for the same text."""
    for name in getattr(model_cls, "patient_text", ()):
        value = data.get(name) if isinstance(data, dict) else None
        annotation = model_cls.model_fields[name].annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _raw_texts(annotation, value, (*loc, name))
        else:
            yield from _raw_walk(value, (*loc, name))


def _raw_walk(value, loc: tuple):
    if isinstance(value, str):
        yield loc, value.strip()
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _raw_walk(item, (*loc, index))


def _git_show(content: Content, commit: str, rel: str) -> str:
    """content_src/<rel> as it stood at `commit`."""
    out = subprocess.run(["git", "-C", str(content.root), "show", f"{commit}:./{rel}"], capture_output=True, text=True,
                         timeout=30)
    if out.returncode != 0:
        raise ContentErrors([Finding(f"content_src/{rel}", None, "", f"not found at commit {commit}",
                                          f"git said: {out.stderr.strip()[:200]}")])
    return out.stdout


class _EnglishAt:
    """English hashes of the files as they stood at one commit (`stamp --english-at`)."""

    def __init__(self, content: Content, commit: str):
        self.content, self.commit = content, commit

    def _yaml(self, rel: str):
        errors = ErrorCollector(self.content.root)
        parsed = parse_yaml(_git_show(self.content, self.commit, rel), self.content.root / rel, errors)
        if parsed is None:
            raise ContentErrors(errors.errors)
        return parsed[0]

    def article(self, slug: str) -> str:
        text = _git_show(self.content, self.commit, f"articles/{slug}.md")
        match = FRONT_MATTER.match(text)
        meta = self._parse(match.group(1) or "") if match else {}
        body = text[match.end():] if match else text
        return _digest([*_raw_texts(models.ArticleMeta, meta), (("body",), normalise_body(body))])

    def _parse(self, text: str):
        errors = ErrorCollector(self.content.root)
        parsed = parse_yaml(text, self.content.root, errors)
        if parsed is None:
            raise ContentErrors(errors.errors)
        return parsed[0] or {}

    def exercise(self, slug: str) -> str:
        return _digest(_raw_texts(models.Exercise, self._yaml(f"exercises/{slug}.yml")))

    def page(self, rel: str) -> str:
        text = _git_show(self.content, self.commit, f"../{DOCS}/{rel}")
        match = FRONT_MATTER.match(text)
        meta = self._parse(match.group(1) or "") if match else {}
        return page_hash(meta if isinstance(meta, dict) else {}, text[match.end():] if match else text)

    def programme(self) -> str:
        data = self._yaml(programme_texts.TEXTS_FILE)
        return programme_hash(data if isinstance(data, dict) else {})

    def glossary(self) -> dict[str, str]:
        out = {}
        for item in self._yaml("glossary.yml") or []:
            if isinstance(item, dict) and isinstance(item.get("term"), str):
                out[item["term"].strip()] = _digest([(("term",), item["term"].strip()),
                                                     (("also",), "\n".join(a.strip() for a in item.get("also") or [])),
                                                     (("definition",), str(item.get("definition", "")).strip())])
        return out


def stamp_file(content: Content, path: Path, english_at: str | None = None) -> list[str]:
    """Write the English hashes into one translation file; returns what was stamped.

    `english_at`: hash the English as it stood at that commit (the version translated),
    not today's; a page whose English changed since then is then shown as out of date."""
    path = path.resolve()
    errors = ErrorCollector(content.root)
    text = path.read_text(encoding="utf-8")
    done: list[str] = []
    clinics = (content.root / "clinics").resolve()
    if clinics in path.parents:
        if english_at:
            raise ContentErrors([Finding(errors.rel(path), None, "", "a clinic's texts are stamped only against today's English",
                                              "stamp without --english-at")])
        return _stamp_clinic_file(content, path, clinics)
    if path == (content.root / UI_FILE).resolve():
        if english_at:
            raise ContentErrors([Finding(errors.rel(path), None, "", "the urgent-advice routes are safety texts, "
                                              "stamped only against today's English", "stamp without --english-at")])
        return _stamp_ui_file(content, path)
    lang_root = next((p for p in path.parents if p.parent.name == TRANSLATIONS), None)
    rel = path.relative_to(lang_root).as_posix() if lang_root else path.name
    old = _EnglishAt(content, english_at) if english_at else None
    if rel.startswith("articles/") and path.suffix == ".md":
        english = content.article(path.stem)
        source = split_front_matter(path, errors, required=True)
        if english is None or source is None:
            raise ContentErrors(errors.errors or [Finding(str(path), None, "", f"no English article '{path.stem}'", "")])
        value = old.article(path.stem) if old else article_hash(english)
        line = source.lines.lines.get(("source_hash",))
        text = _set_line(text, None if line is None else line + source.lines.offset, "", value, True)
        done.append(f"{rel}: {value}")
    elif rel.startswith(PAGES + "/") and path.suffix == ".md":
        page = rel.removeprefix(PAGES + "/")
        english_path = docs_folder(content) / page
        source = split_front_matter(path, errors, required=True)
        english = split_front_matter(english_path, errors, required=False) if english_path.is_file() else None
        if english is None or source is None:
            raise ContentErrors(errors.errors or [Finding(str(path), None, "", f"no English page docs/{page}", "")])
        value = old.page(page) if old else page_hash(english.meta, english.body)
        line = source.lines.lines.get(("source_hash",))
        text = _set_line(text, None if line is None else line + source.lines.offset, "", value, True)
        done.append(f"{rel}: {value}")
    elif rel == PROGRAMME:
        english = programme_texts.load_texts(content)
        if english is None:
            raise ContentErrors([Finding(str(path), None, "", f"no English {programme_texts.TEXTS_FILE}", "")])
        value = old.programme() if old else programme_hash(english.model_dump())
        parsed = load_yaml_file(path, errors)
        line = parsed[1].lines.get(("source_hash",)) if parsed else None
        text = _set_line(text, line, "", value, False) if line else f'source_hash: "{value}"\n' + text
        done.append(f"{rel}: {value}")
    elif rel.startswith("exercises/"):
        english = next((e for e in content.exercises if e.slug == path.stem), None)
        if english is None:
            raise ContentErrors([Finding(str(path), None, "", f"no English exercise '{path.stem}'", "")])
        value = old.exercise(path.stem) if old else exercise_hash(english)
        parsed = load_yaml_file(path, errors)
        line = parsed[1].lines.get(("source_hash",)) if parsed else None
        text = _set_line(text, line, "", value, False) if line else f'source_hash: "{value}"\n' + text
        done.append(f"{rel}: {value}")
    else:
        if old and rel.startswith(SAFETY + "/"):
            raise ContentErrors([Finding(errors.rel(path), None, "", "safety texts are stamped only against today's English",
                                              "translate the current content_src/safety/ text, have it reviewed, then stamp "
                                              "without --english-at")])
        parsed = load_yaml_file(path, errors)
        if parsed is None:
            raise ContentErrors(errors.errors)
        data, lines = parsed
        targets = _yaml_targets(content, rel, data, old)
        # From the bottom up, so inserted lines do not move the ones still to write.
        for loc, value in sorted(targets, key=lambda t: lines.line(t[0]), reverse=True):
            key_line = lines.lines.get((*loc, "source_hash"))
            row = text.split("\n")[lines.line(loc) - 1]
            if not loc:
                indent = ""
            elif row.lstrip().startswith("- "):  # a list item: its keys start after the dash
                indent = " " * (len(row) - len(row.lstrip(" -")))
            else:  # a mapping's key line ('emergency:'): its keys are indented below it
                indent = " " * (len(row) - len(row.lstrip()) + 2)
            if key_line is not None:
                text = _set_line(text, key_line, indent, value, True)
            else:  # a new key: just below the item's first line (the top of the file for the whole file)
                rows = text.split("\n")
                rows.insert(lines.line(loc) if loc else 0, f'{indent}source_hash: "{value}"')
                text = "\n".join(rows)
            done.append(f"{rel}: {'.'.join(map(str, loc)) or '(file)'}: {value}")
    path.write_text(text, encoding="utf-8")
    return done


def _stamp_ui_file(content: Content, path: Path) -> list[str]:
    """ui.yml: each language's urgent-advice route by country gets the hash of the country's English
    route, in `urgent_advice_source_hash:` (written just below `urgent_advice:` when it is new)."""
    errors = ErrorCollector(content.root)
    rel = errors.rel(path)
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        raise ContentErrors(errors.errors)
    data, lines = parsed
    rows = path.read_text(encoding="utf-8").split("\n")
    done: list[str] = []
    languages_ = [lang for lang, words in (data or {}).items() if lang != "en" and isinstance(words, dict)
                  and isinstance(words.get("urgent_advice"), dict)]
    # From the bottom up, so inserted lines do not move the ones still to write.
    for lang in sorted(languages_, key=lambda lang: lines.line((lang,)), reverse=True):
        routes = data[lang]["urgent_advice"]
        stamps = data[lang].get("urgent_advice_source_hash")
        head = lines.line((lang, "urgent_advice"))
        indent = " " * (len(rows[head - 1]) - len(rows[head - 1].lstrip()))
        new_rows = []
        for code in routes:
            if code not in content.countries:
                continue  # not a country of countries.yml: reported by lint
            value = text_hash(content.countries[code].urgent_advice)
            at = lines.lines.get((lang, "urgent_advice_source_hash", code)) if isinstance(stamps, dict) else None
            if at is not None:
                rows[at - 1] = re.sub(r"^(\s*)\S+:.*$", rf'\g<1>{code}: "{value}"', rows[at - 1])
            else:
                new_rows.append(f'{indent}  {code}: "{value}"')
            done.append(f"{rel}: {lang}.urgent_advice_source_hash.{code}: {value}")
        if new_rows and isinstance(stamps, dict):
            at = lines.line((lang, "urgent_advice_source_hash"))
            rows[at:at] = new_rows
        elif new_rows:  # a new block, just after the last route
            last = max(lines.line((lang, "urgent_advice", code)) for code in routes)
            rows[last:last] = [f"{indent}urgent_advice_source_hash:", *new_rows]
    path.write_text("\n".join(rows), encoding="utf-8")
    return done


def _stamp_clinic_file(content: Content, path: Path, clinics: Path) -> list[str]:
    """clinic.yml (each language's opening hours and urgent-advice route) or a page of pages/<lang>/."""
    from .brand import CLINIC_FILE, PAGES_DIR

    errors = ErrorCollector(content.root)
    rel = errors.rel(path)
    folder = clinics / path.relative_to(clinics).parts[0]
    text = path.read_text(encoding="utf-8")
    done: list[str] = []
    if path.name == CLINIC_FILE:
        profile, lines = load_one(path, models.ClinicProfile, errors)
        if profile is None:
            raise ContentErrors(errors.errors)
        targets = []
        for lang, texts in profile.translations.items():
            targets.append(((lang, "source_hash"), opening_hours_hash(profile.opening_hours)))
            if profile.urgent_advice and texts.urgent_advice:
                targets.append(((lang, "urgent_advice_source_hash"), text_hash(profile.urgent_advice)))
        # From the bottom up, so inserted lines do not move the ones still to write.
        for (lang, key), value in sorted(targets, key=lambda t: lines.lines.get(("translations", *t[0]), lines.line(("translations", t[0][0]))),
                                    reverse=True):
            rows = text.split("\n")
            at = lines.lines.get(("translations", lang, key))
            if at is not None:
                rows[at - 1] = re.sub(r"^(\s*)\S+:.*$", rf'\g<1>{key}: "{value}"', rows[at - 1])
            else:  # a new key: just below 'es:'
                head = lines.line(("translations", lang))
                indent = " " * (len(rows[head - 1]) - len(rows[head - 1].lstrip()) + 2)
                rows.insert(head, f'{indent}{key}: "{value}"')
            text = "\n".join(rows)
            done.append(f"{rel}: translations.{lang}.{key}: {value}")
    elif path.suffix == ".md" and path.parent.parent.name == PAGES_DIR:
        english = folder / PAGES_DIR / path.name
        source = split_front_matter(path, errors, required=False)
        value = clinic_page_hash(english, errors) if english.is_file() else None
        if value is None or source is None:
            raise ContentErrors(errors.errors or [Finding(rel, None, "", f"no English page {errors.rel(english)}", "")])
        if not source.meta:
            text = f'---\nsource_hash: "{value}"\n---\n' + text
        else:
            line = source.lines.lines.get(("source_hash",))
            text = _set_line(text, None if line is None else line + source.lines.offset, "", value, True)
        done.append(f"{rel}: {value}")
    else:
        raise ContentErrors([Finding(rel, None, "", "not a clinic translation",
                                          f"stamp a clinic's {CLINIC_FILE} or a page of its {PAGES_DIR}/<language>/")])
    path.write_text(text, encoding="utf-8")
    return done


def _yaml_targets(content: Content, rel: str, data, old: _EnglishAt | None = None) -> list[tuple[tuple, str]]:
    if rel == "safety/disclaimer.yml":
        return [((), disclaimer_hash(content.disclaimer))]
    if rel == "safety/red_flags.yml":
        flags = content.red_flags
        out = []
        tiers = data.get("tiers") if isinstance(data, dict) else None
        for severity in models.SEVERITIES:
            if isinstance(tiers, dict) and isinstance(tiers.get(severity), dict):
                out.append((("tiers", severity), tier_hash(flags.tiers.of(severity))))
        for i, note in enumerate(data.get("notes") or [] if isinstance(data, dict) else []):
            if i < len(flags.notes) and isinstance(note, dict):
                out.append((("notes", i), text_hash(flags.notes[i])))
        if isinstance(data, dict) and isinstance(data.get("help"), dict):
            out.append((("help",), help_hash(flags.help)))
        if isinstance(data, dict) and isinstance(data.get("first_screen"), dict):
            out.append((("first_screen",), first_screen_hash(flags.first_screen)))
        sets = {e.id: text_hash(e.title) for e in flags.sets}
        items = {e.id: item_hash(e) for e in flags.items}
        for kind, english in (("sets", sets), ("items", items)):
            for i, item in enumerate(data.get(kind) or [] if isinstance(data, dict) else []):
                if isinstance(item, dict) and item.get("id") in english:
                    out.append(((kind, i), english[item["id"]]))
        return out
    if rel == "glossary.yml":
        english = old.glossary() if old else {g.term: glossary_hash(g) for g in content.glossary}
        return [((i,), english[item["source_term"]]) for i, item in enumerate(data or [])
                if isinstance(item, dict) and item.get("source_term") in english]
    raise ContentErrors([Finding(rel, None, "", "not a translation file",
                                      "stamp files in content_src/translations/<lang>/ (articles, exercises, glossary.yml, safety)")])


def translation_files(content: Content, language: str) -> list[Path]:
    root = folder(content, language)
    files = sorted((root / "articles").glob("*.md")) + sorted((root / "exercises").glob("*.yml"))
    files += sorted((root / PAGES).rglob("*.md")) + [p for p in (root / PROGRAMME,) if p.is_file()]
    files += [p for p in (root / "glossary.yml", root / SAFETY / "disclaimer.yml", root / SAFETY / "red_flags.yml") if p.is_file()]
    return files


def status_lines(content: Content, language: str) -> tuple[list[str], int]:
    """Human-readable status of one language, and how many things need work."""
    errors = ErrorCollector(content.root)
    tr = load_translations(content, language, errors)
    out, todo = [], 0
    rel = lambda p: errors.rel(p)  # noqa: E731
    for e in errors.errors:
        out.append(f"  error: {e.format()}")
    for e in tr.stale_safety:
        out.append(f"  SAFETY, blocks the build: {e.format()}")
    missing_a = [a for a in content.articles if a.slug not in tr.articles]
    missing_e = [e for e in content.exercises if e.slug not in tr.exercises]
    for a in missing_a:
        out.append(f"  missing: {rel(a.path)} (not published in '{language}' until translated)")
    for e in missing_e:
        out.append(f"  missing: {rel(e.path)} (not published in '{language}' until translated)")
    missing_p = [p for p in english_docs_pages(content) if p not in tr.docs]
    for page in missing_p:
        shown = "a generated list of pages instead" if page == HOME_PAGE else "not published until translated"
        out.append(f"  missing: docs/{page} ({shown}; translate it into {rel(tr.root / PAGES / page)})")
    if tr.programme is None and (content.root / programme_texts.TEXTS_FILE).is_file():
        missing_p.append(PROGRAMME)
        out.append(f"  missing: {rel(content.root / programme_texts.TEXTS_FILE)} (the home-programme pages are not published "
                   f"in '{language}' until translated)")
    terms = {t.slug for t in tr.glossary}
    missing_g = [g.term for g in content.glossary if g.term not in terms]
    if missing_g:
        out.append(f"  missing: {len(missing_g)} glossary term(s): {', '.join(missing_g[:10])}{' ...' if len(missing_g) > 10 else ''}")
    for t in tr.stale:
        out.append(f"  out of date: {rel(t.path)}" + (f":{t.line} ({t.slug})" if t.kind == "glossary" else "") + f": {t.why}")
    from .brand import clinic_slugs, load_clinic

    clinic_todo = 0
    for slug in clinic_slugs(content):  # the clinics' own texts in this language (their errors: make lint)
        clinic = load_clinic(content, slug, ErrorCollector(content.root))
        if clinic is None or language not in clinic.profile.languages[1:]:
            continue
        status = clinic_status(content, clinic, language)
        out += [f"  SAFETY, blocks the clinic's '{language}' copy: {e.format()}" for e in status.safety]
        out += [f"  {e.format().replace(': out-of-date translation: ', ': out of date: ', 1)}" for e in status.ordinary]
        clinic_todo += len(status.safety) + len(status.ordinary)
    todo = len(errors.errors) + len(tr.stale_safety) + len(missing_a) + len(missing_e) + len(missing_p) + len(missing_g) \
        + len(tr.stale) + clinic_todo
    current = sum(t.current for t in [*tr.articles.values(), *tr.exercises.values(), *tr.docs.values()])
    total = len(content.articles) + len(content.exercises) + len(english_docs_pages(content))
    words = "" if not (content.root / programme_texts.TEXTS_FILE).is_file() else \
        f", home-programme words {'current' if tr.programme and tr.programme.current else 'not current' if tr.programme else 'missing'}"
    out.insert(0, f"{language}: {current} of {total} pages translated and current, "
                  f"{len(terms)} of {len(content.glossary)} glossary terms{words}")
    return out, todo


def present_languages(content: Content) -> list[str]:
    """Every language with a translations folder (published or not)."""
    tr_root = content.root / TRANSLATIONS
    return sorted(p.name for p in tr_root.iterdir() if p.is_dir()) if tr_root.is_dir() else []


def reading_ease_lines(content: Content) -> list[str]:
    """`lint --grades`: each translated page's reading ease (INFLESZ, higher is easier)."""
    out = []
    for language in present_languages(content):
        limits = content.rules.languages.get(language)
        tr = load_translations(content, language, ErrorCollector(content.root))
        rows = [(page_reading(t), t.path) for t in [*tr.articles.values(), *tr.exercises.values(), *tr.docs.values()]]
        if not rows or limits is None:
            continue
        aim = f", aim {limits.aim_score:g}" if limits.aim_score is not None else ""
        out.append(f"  INFLESZ ({language}; higher is easier; at least {limits.min_score:g}{aim})  page")
        for result, path in sorted(rows, key=lambda r: r[0].score):
            out.append(f"  {result.score:6.1f}  {result.band:<15}  {path.relative_to(content.root).as_posix()}")
    return out


def page_reading(t: Translated) -> readability.SpanishReadability:
    if t.kind == "article":
        parts = [t.data.answer, *("- " + k for k in t.data.key_points), t.body]
    elif t.kind == "page":
        parts = [t.body]
    else:
        parts = [f"- {x}" if loc[0] in ("steps", "suits", "not_for") else x
                 for loc, x in patient_text.texts(t.data) if loc[0] not in ("images", "dose")]
    return readability.combine_spanish([readability.measure_spanish(x) for x in parts])


def lint_messages(content: Content) -> tuple[list[Finding], list[str]]:
    """(errors, warnings) for `make lint`: bad translation files are errors; out-of-date
    translations are warnings; out-of-date safety texts are errors for a published language."""
    from .brand import has_translations

    published = {language for language in languages(content) if has_translations(content, language)}
    errors = ErrorCollector(content.root)
    warnings: list[str] = []
    _check_ui_words(content, "en", errors)
    for language in present_languages(content):
        tr = load_translations(content, language, errors)
        for e in tr.stale_safety:
            if language in published:
                errors.errors.append(e)
            else:
                warnings.append(f"{e.format()} (the '{language}' edition is not published yet, so this does not fail lint)")
        _check_ui_words(content, language, errors)
        for t in tr.stale:
            where = f"{errors.rel(t.path)}:{t.line}" if t.kind == "glossary" else errors.rel(t.path)
            warnings.append(f"{where}: out-of-date translation{' of ' + t.slug if t.kind == 'glossary' else ''}: {t.why}; "
                            "translate the English changes, then run python -m guide translations stamp")
    from .brand import clinic_slugs, load_clinic

    for slug in clinic_slugs(content):
        clinic = load_clinic(content, slug, ErrorCollector(content.root))  # its errors: guide.lint.clinic_errors
        for language in clinic.profile.languages[1:] if clinic else []:
            status = clinic_status(content, clinic, language)
            errors.errors.extend(status.safety)
            warnings.extend(e.format() for e in status.ordinary)
    return errors.errors, warnings


def _check_ui_words(content: Content, language: str, errors: ErrorCollector) -> None:
    """The language's page words (ui.yml) are patient text too: its text rules, no numbers, no HTML."""
    words = getattr(content.ui, language, None) if content.ui else None
    if words is None:
        return
    from .source_files import load_yaml_file

    path = content.root / "ui.yml"
    parsed = load_yaml_file(path, ErrorCollector(content.root))
    lines = parsed[1] if parsed else LineMap()
    if language == "en":
        rules = TextRules.build(content.rules, content.countries, content.locales)
    else:
        rules, _ = _rules(content, language, ErrorCollector(content.root), path)

    def walk(value, loc: tuple) -> None:
        if isinstance(value, str):
            rules.check(value, path, lines.line(loc), dotted_field(loc), errors)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*loc, key))

    # The route's stamps are not patient text: a hash and a reviewer's role (urgent_route_errors).
    walk(words.model_dump(exclude_none=True, exclude={"urgent_advice_source_hash", "urgent_advice_reviewed_by"}),
         (language,))
