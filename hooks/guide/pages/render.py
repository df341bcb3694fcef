"""Every generated page of an edition, and the pictures they use.

Pages are returned as (path, markdown) pairs; the hook hands them to MkDocs as
generated files, so nothing generated is ever committed to docs/.
"""

from __future__ import annotations

from . import programme
from ..content.brand import Brand
from ..content.loaded import Content
from .articles import render_article
from .exercises import render_exercise, render_home_programme
from .lists import render_exercise_library, render_glossary, render_sources
from .parts import Page
from .paths import EXERCISE_IMAGES, ILLUSTRATIONS


def render_pages(content: Content, brand: Brand, handouts: bool = False) -> list[Page]:
    sections = {a.slug: a.meta.section for a in content.articles}
    pages = [render_article(content, a, brand, sections) for a in content.articles]
    pages += [render_exercise(content, e, brand, handouts) for e in content.exercises]
    if content.exercises:
        pages.append(render_exercise_library(content, brand))
        pages.append(render_home_programme(content, brand, handouts))
    pages += programme.render_pages(content, brand)  # /programme/ and /programme/view/, when content_src/programme.yml exists
    if content.glossary:
        pages.append(render_glossary(content, brand))
    pages.append(render_sources(content, brand))
    return pages


def asset_files(content: Content) -> list[tuple[str, str]]:
    """(published path, source file) for pictures that pages use."""
    out = []
    for entry in content.exercises:
        for name in (entry.data.images.start, entry.data.images.end):
            out.append((f"{EXERCISE_IMAGES}/{name}", str(entry.path.parent / "images" / name)))
    for svg in sorted((content.root / ILLUSTRATIONS).glob("*.svg")):
        out.append((f"{ILLUSTRATIONS}/{svg.name}", str(svg)))
    return out
