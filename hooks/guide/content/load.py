"""Load and validate everything in content_src/, reporting every error at once.

`load_content(root)` returns a `Content` or raises `ContentErrors` listing all
problems, each with file:line, field, what was expected and a hint.

This module owns the order of loading and what only the whole folder can show: a
page's text is checked only against valid shared files, links and orders across
articles, the warning-sign sets, the help page. How one value is validated
(`validate`), what a text may say (`text_rules`) and the results (`loaded`) live
apart, so each can be read without the others.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from . import models, patient_text, readability
from .loaded import Article, Content, ExerciseEntry
from .locale import Locales, no_locales
from ..errors import ErrorCollector
from .source_files import LineMap, split_front_matter
from .text_rules import TextRules, check_grade, skipped_lines
from .validate import dotted_field, load_list, load_one, check_page_sets, check_refs, validate_model

# Articles leave emergency instructions to the warning box (rules.yml safety_only).
ARTICLE_NUMBER_HINT = ("numbers differ by country; write [[urgent-advice]] for same-day advice "
                       "(the warning box and 'When to get help' already give the emergency number)")
ARTICLE_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)")
_EXERCISE_LINK = re.compile(r"\]\(\.\./exercises/([a-z0-9-]+)\.md(#[^)\s]*)?\)")
_H1 = re.compile(r"^#\s", re.M)


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
        text_rules.check(text, path, at, dotted_field(loc), errors, ARTICLE_NUMBER_HINT)
        if loc[0] in ("answer", "key_points", "help_notes"):
            text_rules.check_safety_only(text, path, at, dotted_field(loc), errors)
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
        skip = skipped_lines(text, text_rules.sentence.skip_sections) if text_rules.sentence and field_name == "body" else None
        text_rules.check_sentences(text, result, path, line, field_name, errors, lines_known, skip)
        measured.append(result)
    article.grade = readability.combine(measured)
    check_grade(article.grade, text_rules.max_grade, path, errors, "body")
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
    exercise, lines = load_one(path, models.Exercise, errors)
    if exercise is None:
        return None
    for loc, text in _exercise_texts(exercise):
        text_rules.check(text, path, lines.line(loc), dotted_field(loc), errors)
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
        text_rules.check_sentences(text, result, path, lines.line(loc), dotted_field(loc), errors, lines_known=False)
        measured.append(result)
    entry.grade = readability.combine(measured)
    check_grade(entry.grade, text_rules.max_grade, path, errors, "text")
    return entry


# ---------------------------------------------------------------- entry point
def load_content(root: Path, *, pages: bool | str = True) -> Content:
    """Everything in content_src/; with pages=False only the shared files (safety, brand,
    bibliography, rules); with pages="index" also each article's front matter, unchecked:
    enough to check built pages, and fast at any number of articles."""
    root = Path(root)
    errors = ErrorCollector(root)
    site, _ = load_one(root / "site.yml", models.SiteSettings, errors)
    countries = {c.code: c for c, _ in load_list(root / "countries.yml", models.Country, errors, key="code")}
    disclaimer, _ = load_one(root / "safety" / "disclaimer.yml", models.Disclaimer, errors)
    red_flags, flag_lines = load_one(root / "safety" / "red_flags.yml", models.RedFlags, errors)
    sources = {s.id: s for s, _ in load_list(root / "bibliography.yml", models.Source, errors)}
    section_entries = load_list(root / "sections.yml", models.Section, errors)
    sections = [s for s, _ in section_entries]
    rules, _ = load_one(root / "rules.yml", models.Rules, errors)
    locale_settings, _ = load_one(root / "locale.yml", models.LocaleSettings, errors) if (root / "locale.yml").exists() else (None, None)
    locales = Locales(locale_settings) if locale_settings else no_locales()
    ui, ui_lines = load_one(root / "ui.yml", models.Ui, errors)
    glossary_path = root / "glossary.yml"
    glossary_entries = load_list(glossary_path, models.GlossaryEntry, errors, key="term") if glossary_path.exists() else []
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
    content.exercises.sort(key=lambda e: (models.REGIONS.index(e.data.region), e.data.order, e.slug))
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
        text_rules.check(text, path, lines.line(loc), dotted_field(loc), errors,
                         number_hint="numbers differ by country; write {emergency} or {urgent} instead")
    grade = readability.measure("\n\n".join(text for _, text in texts))
    check_grade(grade, text_rules.max_grade, path, errors, "items")


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
