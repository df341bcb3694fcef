"""The typed results of loading content_src/: what every later stage reads.

Kept apart from the loader so the stages that only read content (pages, checks, publish, the
handover pickle) depend on these few dataclasses, not on the validation and text rules that
produce them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import models, readability
from .locale import Locales, no_locales
from .source_files import LineMap


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
    # A translated entry (guide.content.localize): the English exercise it translates, whose
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
    language: str = "en"  # a language edition's content is translated (guide.content.localize)
    programme_texts: Any = None  # a language edition's home-programme words (guide.content.programme_texts.ProgrammeTranslation)

    @property
    def red_flag_set_ids(self) -> list[str]:
        return [s.id for s in self.red_flags.sets]

    def article(self, slug: str) -> Article | None:
        return next((a for a in self.articles if a.slug == slug), None)
