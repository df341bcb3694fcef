"""Translations: loading and checking a language's files, and where each stands against English.

Beside it: what a language edition publishes from them (localize), the stamp command
(translation_stamps) and the status and lint reports (translation_status).

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

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import docs_pages, models, patient_text, programme_texts, readability
from ..findings import Finding
from ..errors import ErrorCollector
from .load import ARTICLE_LINK
from .loaded import Article, Content, ExerciseEntry
from .source_files import LineMap, load_yaml_file, split_front_matter
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
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_EXERCISE_LINK = re.compile(r"\]\(\.\./exercises/([a-z0-9-]+)\.md")
# Fields whose list length must match English, one item per English item.
EXERCISE_LISTS = ("suits", "not_for", "steps", "should_feel", "should_not_feel", "stop_if", "progression")


# ---------------------------------------------------------------- hashes
def digest(pairs) -> str:
    data = json.dumps([[list(loc), text] for loc, text in pairs], ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def normalise_body(body: str) -> str:
    return "\n".join(line.rstrip() for line in body.strip("\n").split("\n")).strip()


def article_hash(article: Article) -> str:
    return digest([*patient_text.texts(article.meta), (("body",), normalise_body(article.body))])


def exercise_hash(entry: ExerciseEntry) -> str:
    return digest(patient_text.texts(entry.data))


def glossary_hash(entry: models.GlossaryEntry) -> str:
    return digest([(("term",), entry.term), (("also",), "\n".join(entry.also)), (("definition",), entry.definition)])


def disclaimer_hash(disclaimer: models.Disclaimer) -> str:
    return digest([(("title",), disclaimer.title), *((("paragraphs", i), p) for i, p in enumerate(disclaimer.paragraphs))])


def text_hash(text: str) -> str:
    return digest([(("text",), text)])


def _page_pairs(meta: dict, body: str) -> list:
    return [(("title",), str(meta.get("title") or "").strip()), (("description",), str(meta.get("description") or "").strip()),
            (("body",), normalise_body(body))]


def page_hash(meta: dict, body: str) -> str:
    return digest(_page_pairs(meta, body))


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
    return digest(_tree_pairs({k: v for k, v in (data or {}).items() if k in _PROGRAMME_PARTS}))


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


def language_rules(content: Content, language: str, errors: ErrorCollector, at: Path) -> tuple[TextRules, models.LanguageRules | None]:
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
        _compare_lists(data, english.data, EXERCISE_LISTS, path, lines, errors)
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
    return digest(_tier_pairs(tier))


def help_hash(help_section: models.HelpSection) -> str:
    return digest([((name,), getattr(help_section, name)) for name in ("heading", "intro", "more")])


def first_screen_hash(first_screen: models.FirstScreen) -> str:
    return digest([(("more",), first_screen.more)])


def item_hash(item: models.RedFlagItem) -> str:
    return digest([(("text",), item.text), *([(("short",), item.short)] if item.short else [])])


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
    rules, limits = language_rules(content, language, errors, tr.root)
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
    return digest([(("opening_hours", i, name), getattr(h, name).strip()) for i, h in enumerate(hours)
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
    status = ClinicStatus()
    errors = ErrorCollector(content.root)
    profile = clinic.profile
    texts = profile.translations.get(language)
    path = clinic.profile_path
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


# ---------------------------------------------------------------- when the English changed
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
