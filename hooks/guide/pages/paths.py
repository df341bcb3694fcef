"""Where each generated page is published, relative to docs/: the one place a page's path is made.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..content import programme_texts, translations
from ..content.loaded import Article, Content, ExerciseEntry
from ..content.translations import NoticeKey

SOURCES_PAGE = "sources.md"
GLOSSARY_PAGE = "glossary.md"
EXERCISES_INDEX = "exercises/index.md"
EXERCISE_IMAGES = "exercises/images"
ILLUSTRATIONS = "illustrations"

HOME_PROGRAMME = "exercises/home-programme.md"
HOME_PROGRAMME_SLUG = PurePosixPath(HOME_PROGRAMME).stem  # also the name of its printed handout
CLINIC_PAGES = "clinic"
PROGRAMME_BUILDER = "programme/index.md"
PROGRAMME_VIEW = "programme/view.md"


def article_path(content: Content, article: Article) -> str:
    return f"{article.meta.section}/{article.slug}.md"


def exercise_path(entry: ExerciseEntry) -> str:
    return f"exercises/{entry.slug}.md"


def source_anchor(source_id: str) -> str:
    return "src-" + source_id.lower()


def clinic_page_path(source) -> str:
    """A clinic's own page, from its file (clinics/<slug>/pages/<name>.md, or its translation)."""
    return clinic_page(source.stem)


def clinic_page(name: str) -> str:
    return f"{CLINIC_PAGES}/{name}.md"


def notice_pages(content: Content, key: NoticeKey) -> list[str]:
    """The pages that show an out-of-date translation's notice (guide.content.translations.NoticeKey)."""
    kind, name = key
    if kind == "article":
        return [article_path(content, a) for a in content.articles if a.slug == name]
    if kind == "exercise":
        return [exercise_path(e) for e in content.exercises if e.slug == name]
    if kind == "programme":
        return [PROGRAMME_BUILDER, PROGRAMME_VIEW]
    if kind == "clinic":
        return [clinic_page(name)]
    return [name]  # a docs/ page is published at its own path


def edition_pages(content: Content, language: str) -> list[str]:
    """The pages a language's edition publishes, from its translations' file names alone (fast,
    no checks): for the links from every other edition to it."""
    root = translations.folder(content, language)
    articles = {p.stem for p in (root / "articles").glob("*.md")}
    exercises = {p.stem for p in (root / "exercises").glob("*.yml")}
    pages = [article_path(content, a) for a in content.articles if a.slug in articles]
    found = [exercise_path(e) for e in content.exercises if e.slug in exercises]
    if found:
        pages += [*found, EXERCISES_INDEX, HOME_PROGRAMME]
        if (root / translations.PROGRAMME).is_file() and (content.root / programme_texts.TEXTS_FILE).is_file():
            pages += [PROGRAMME_BUILDER, PROGRAMME_VIEW]
    if (root / "glossary.yml").is_file():
        pages.append(GLOSSARY_PAGE)
    docs = root / translations.PAGES
    pages += sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
    return sorted({*pages, translations.HOME_PAGE, SOURCES_PAGE})
