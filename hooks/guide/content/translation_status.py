"""Where each language's translations stand: `python -m guide translations status` (what is
missing or out of date), the reading-ease table, and what `make lint` reports of translations.
"""

from __future__ import annotations

from pathlib import Path

from . import patient_text, programme_texts, readability
from ..findings import Finding
from ..errors import ErrorCollector
from .loaded import Content
from .source_files import LineMap, load_yaml_file
from .text_rules import TextRules
from .translations import (HOME_PAGE, PAGES, PROGRAMME, SAFETY, TRANSLATIONS, Translated, clinic_status,
                           english_docs_pages, folder, language_rules, languages, load_translations)
from .validate import dotted_field


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
    path = content.root / "ui.yml"
    parsed = load_yaml_file(path, ErrorCollector(content.root))
    lines = parsed[1] if parsed else LineMap()
    if language == "en":
        rules = TextRules.build(content.rules, content.countries, content.locales)
    else:
        rules, _ = language_rules(content, language, ErrorCollector(content.root), path)

    def walk(value, loc: tuple) -> None:
        if isinstance(value, str):
            rules.check(value, path, lines.line(loc), dotted_field(loc), errors)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*loc, key))

    # The route's stamps are not patient text: a hash and a reviewer's role (urgent_route_errors).
    walk(words.model_dump(exclude_none=True, exclude={"urgent_advice_source_hash", "urgent_advice_reviewed_by"}),
         (language,))
