"""Hand-written pages in docs/: list them and check the front matter we act on."""

from __future__ import annotations

from pathlib import Path

from . import models
from ..findings import Finding
from ..errors import ErrorCollector
from .loaded import Content
from .validate import check_page_sets, check_refs, validate_model
from .source_files import split_front_matter

# Theme overrides live in docs/ too but are templates, not pages.
EXCLUDED_DIRS = ("overrides",)


def list_pages(docs_dir: Path) -> list[str]:
    if not docs_dir.is_dir():
        return []
    return sorted(
        p.relative_to(docs_dir).as_posix()
        for p in docs_dir.rglob("*.md")
        if not any(part in EXCLUDED_DIRS or part.startswith(".") for part in p.relative_to(docs_dir).parts)
    )


def check_front_matter(docs_dir: Path, content: Content, *, words: bool = False) -> list[Finding]:
    """With `words`, also the care words and spelling (content_src/locale.yml): docs/ pages are written like
    content and shown in each brand's locale; a clinic's own pages are in its own words."""
    errors = ErrorCollector(docs_dir)
    for rel in list_pages(docs_dir):
        path = docs_dir / rel
        source = split_front_matter(path, errors, required=False)
        if source is None:
            continue
        meta = validate_model(models.DocsPageMeta, source.meta, path, source.lines, errors)
        if meta is None:
            continue
        if words:
            for key in ("title", "description"):
                if isinstance(source.meta.get(key), str):
                    content.locales.check(source.meta[key], path, source.lines.line((key,)), key, errors)
            content.locales.check(source.body, path, source.body_line, "body", errors)
        if meta.red_flags is not None:  # when omitted, the page shows every set
            check_page_sets(meta.red_flags, content, path, source.lines, errors)
        if meta.sources is not None:
            check_refs(meta.sources, content.sources, path, source.lines, errors, "sources", "source id",
                       "content_src/bibliography.yml")
    return errors.errors
