"""The site's navigation: home, each section's articles (A-to-Z groups when long), the rest.
"""

from __future__ import annotations

import math

from . import programme
from ..content.brand import Brand
from ..content.loaded import Content
from .paths import article_path, clinic_page_path, exercise_path, EXERCISES_INDEX, GLOSSARY_PAGE, HOME_PROGRAMME, SOURCES_PAGE
from .wording import words


def _distinct_prefix(title: str, neighbour: str | None) -> str:
    """The start of `title` that tells it from `neighbour`, as on a dictionary's page: one
    letter when that is enough ("B"), else up to the end of the word that differs
    ("Coping with a slipped"), never a cut word."""
    a, b = title.casefold(), (neighbour or "").casefold()
    length = 1
    while length < len(a) and a[:length] == b[:length]:
        length += 1
    if length > 1:
        while length < len(title) and title[length].isalnum():
            length += 1
    prefix = title[:length].strip()
    return prefix[:1].upper() + prefix[1:]


def _grouped(entries: list[tuple[str, str]], size: int) -> list:
    """Nav items for (title, path) pairs in title order: the paths, or A-to-Z groups of at most `size`.

    Material writes a section's whole menu into each of its pages, so without
    groups a section of 1,000 articles puts 1,000 links into every one of them:
    slow to download on a phone, and a build time that grows with the square
    of the page count.
    """
    if len(entries) <= size:
        return [path for _, path in entries]
    groups = min(size, math.ceil(len(entries) / size))
    per_group = math.ceil(len(entries) / groups)
    chunks = [entries[i:i + per_group] for i in range(0, len(entries), per_group)]
    nav = []
    for index, chunk in enumerate(chunks):
        before = chunks[index - 1][-1][0] if index else None
        after = chunks[index + 1][0][0] if index + 1 < len(chunks) else None
        label = f"{_distinct_prefix(chunk[0][0], before)} to {_distinct_prefix(chunk[-1][0], after)}"
        nav.append({label: _grouped(chunk, size)})
    return nav


def navigation(content: Content, docs_pages: list[str], brand: Brand | None = None) -> list:
    """Home, then each section's articles in order, then the remaining pages.

    A section with more articles than site.yml's nav_group_size lists them A to Z,
    in groups of at most that many.
    """
    size = content.site.nav_group_size
    w = words(content, brand)
    nav: list = []
    if "index.md" in docs_pages:
        nav.append({w.home: "index.md"})
    for section in content.sections:
        articles = [a for a in content.articles if a.meta.section == section.id]
        if len(articles) > size:
            entries = sorted(((a.meta.title, article_path(content, a)) for a in articles), key=lambda e: e[0].casefold())
            nav.append({section.title: _grouped(entries, size)})
        elif articles:
            nav.append({section.title: [article_path(content, a) for a in articles]})
    if content.exercises:
        nav.append({w.exercises: [EXERCISES_INDEX, *(exercise_path(e) for e in content.exercises), HOME_PROGRAMME,
                                  *programme.nav_pages(content)]})
    if content.glossary:
        nav.append({w.glossary: GLOSSARY_PAGE})
    nav.append({w.sources: SOURCES_PAGE})
    nav.extend(p for p in docs_pages if p != "index.md")
    if brand and brand.clinic and brand.clinic.pages(brand.language):
        nav.append({w.about_clinic.format(name=brand.short_name):
                    [clinic_page_path(p) for p in brand.clinic.pages(brand.language)]})
    return nav
