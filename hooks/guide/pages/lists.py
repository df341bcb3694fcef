"""The pages that list the rest: the exercise library, the glossary, the bibliography, and a
language edition's generated contents page; and the glossary words marked on every page.
"""

from __future__ import annotations

import re
from html import escape

from ..content import models
from ..content.brand import Brand
from ..content.loaded import Content
from .templating import fragment
from .parts import Page, sentence
from .paths import article_path, EXERCISES_INDEX, GLOSSARY_PAGE, source_anchor, SOURCES_PAGE
from .wording import fill_tokens, words


# The order of the bibliography's kinds and (models.REGIONS, models.GOALS) of the exercise library's
# groups and goals; their words are in content_src/ui.yml.
SOURCE_KINDS = ("guideline", "patient-information", "review", "trial", "cohort", "other")


def _where_year(source: models.Source, w: models.UiWords) -> str:
    year = f"{source.year}" + (f", {w.updated} {source.updated}" if source.updated else "") if source.year else ""
    return ", ".join(x for x in (source.journal or source.publisher, year) if x)


def render_exercise_library(content: Content, brand: Brand | None = None) -> Page:
    w = words(content, brand)
    meta = {
        "title": w.library_title,
        "description": w.library_description,
        "pn_kind": "exercise-library",
    }
    intro = w.library_intro + "\n"
    parts = [fill_tokens(intro, brand) if brand else content.locales.written(intro)]
    for region in models.REGIONS:
        heading = w.regions[region]
        entries = [e for e in content.exercises if e.data.region == region]
        if not entries:
            continue
        parts.append(f"## {heading}\n")
        cards = [{"slug": e.slug, "image": e.data.images.end, "title": e.data.title, "summary": sentence(e.data.summary),
                  "goals": ", ".join(w.goals[g] for g in e.data.goals)} for e in entries]
        parts.append(fragment("exercise_cards.html", cards=cards, words=w) + "\n")
    parts.append(f"## {w.by_goal}\n")
    for goal in models.GOALS:
        label = w.goals[goal]
        entries = [e for e in content.exercises if goal in e.data.goals]
        if entries:
            links = ", ".join(f"[{e.data.title}]({e.slug}.md)" for e in entries)
            parts.append(f"- **{label[:1].upper() + label[1:]}:** {links}")
    return Page(EXERCISES_INDEX, "\n".join(parts) + "\n", meta)


def render_glossary(content: Content, brand: Brand | None = None) -> Page:
    w = words(content, brand)
    meta = {"title": w.glossary, "pn_kind": "glossary", "description": w.glossary_description}
    parts = [w.glossary_intro + "\n"]
    entries = [{"anchor": _anchor(g.term), "term": g.term, "definition": g.definition}
               for g in sorted(content.glossary, key=lambda g: g.term.lower())]
    parts.append(fragment("glossary.html", entries=entries) + "\n")
    return Page(GLOSSARY_PAGE, "\n".join(parts), meta)


def _anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def glossary_abbreviations(content: Content) -> dict[str, str]:
    """Each glossary word and the definition shown when a reader taps or points at it.

    Given to Python-Markdown's abbr extension as its `glossary`, which marks the
    words on every page. Matching is case-sensitive, so each term is listed as
    written, in lower case and capitalised.
    """
    glossary: dict[str, str] = {}
    for entry in content.glossary:
        definition = " ".join(entry.definition.split())
        for word in (entry.term, *entry.also):
            for form in (word, word.lower(), word[:1].upper() + word[1:].lower()):
                glossary.setdefault(form, definition)
    return glossary


def render_sources(content: Content, brand: Brand | None = None) -> Page:
    w = words(content, brand)
    kinds = [(kind, w.source_kinds[kind]) for kind in SOURCE_KINDS]
    meta = {"title": w.sources, "description": w.sources_description, "pn_kind": "sources"}
    parts = [w.sources_intro + "\n"]
    for kind, heading in kinds:
        entries = [s for s in content.sources.values() if s.kind == kind]
        if not entries:
            continue
        items = [{"anchor": source_anchor(s.id), "source": s, "where_year": _where_year(s, w)} for s in entries]
        parts.append(f"## {heading}\n\n" + fragment("bibliography.html", entries=items) + "\n")
    return Page(SOURCES_PAGE, "\n".join(parts), meta)


def render_contents(content: Content, brand: Brand) -> Page:
    """A language edition's home page until docs/index.md is translated: its title, one line,
    and every published page by section (the words are ui.yml's, the titles the translations')."""
    w = words(content, brand)
    parts = [f"# {escape(w.contents_title or w.home)}\n", (w.contents_intro or "") + "\n"]
    for section in content.sections:
        articles = [a for a in content.articles if a.meta.section == section.id]
        if articles:
            links = "\n".join(f"- [{escape(a.meta.title)}]({article_path(content, a)})" for a in articles)
            parts.append(f"## {escape(section.title)}\n\n{links}\n")
    others = []
    if content.exercises:
        others.append(f"- [{escape(w.library_title)}]({EXERCISES_INDEX})")
    if content.glossary:
        others.append(f"- [{escape(w.glossary)}]({GLOSSARY_PAGE})")
    others.append(f"- [{escape(w.sources)}]({SOURCES_PAGE})")
    parts.append("\n".join(others) + "\n")
    meta = {"title": w.contents_title or w.home, "description": w.contents_intro or ""}
    return Page("index.md", "\n".join(parts), meta)
