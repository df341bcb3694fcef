"""Where each generated page is published, relative to docs/: the one place a page's path is made.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..content.loaded import Article, Content, ExerciseEntry

SOURCES_PAGE = "sources.md"
GLOSSARY_PAGE = "glossary.md"
EXERCISES_INDEX = "exercises/index.md"
EXERCISE_IMAGES = "exercises/images"
ILLUSTRATIONS = "illustrations"

HOME_PROGRAMME = "exercises/home-programme.md"
HOME_PROGRAMME_SLUG = PurePosixPath(HOME_PROGRAMME).stem  # also the name of its printed handout
CLINIC_PAGES = "clinic"


def article_path(content: Content, article: Article) -> str:
    return f"{article.meta.section}/{article.slug}.md"


def exercise_path(entry: ExerciseEntry) -> str:
    return f"exercises/{entry.slug}.md"


def source_anchor(source_id: str) -> str:
    return "src-" + source_id.lower()


def clinic_page_path(source) -> str:
    return f"{CLINIC_PAGES}/{source.stem}.md"
