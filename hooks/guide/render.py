"""Turn validated content into Markdown pages and the navigation.

Pages are returned as (path, markdown) pairs; the hook hands them to MkDocs as
generated files, so nothing generated is ever committed to docs/.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape

import yaml
from babel.dates import format_date

from . import models
from .brand import Brand
from .load import _ARTICLE_LINK, Article, Content
from .safety_html import urgent_route

SOURCES_PAGE = "sources.md"


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "understanding/sciatica.md"
    markdown: str


def article_path(content: Content, article: Article) -> str:
    return f"{article.meta.section}/{article.slug}.md"


def source_anchor(source_id: str) -> str:
    return "src-" + source_id.lower()


def long_date(value: dt.date, brand: Brand) -> str:
    return format_date(value, format="long", locale=brand.locale.replace("-", "_"))


def fill_tokens(text: str, brand: Brand) -> str:
    emergency = f'<a class="pn-tel" href="{brand.emergency_tel}">{escape(brand.emergency_number)}</a>'
    return text.replace("[[emergency-number]]", emergency).replace("[[urgent-advice]]", urgent_route(brand))


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


def _rewrite_links(body: str, content: Content, article: Article) -> str:
    sections = {a.slug: a.meta.section for a in content.articles}

    def fix(match: re.Match) -> str:
        slug, anchor = match.group(1), match.group(2) or ""
        return f"](../{sections[slug]}/{slug}.md{anchor})"

    return _ARTICLE_LINK.sub(fix, body)


def source_citation(source: models.Source) -> str:
    """One bibliography entry as HTML: authors, title, journal or publisher, year, link."""
    parts = []
    if source.authors:
        parts.append(escape(source.authors) + ".")
    parts.append(f"<cite>{escape(source.title)}</cite>.")
    where = source.journal or source.publisher
    year = f"{source.year}" + (f", updated {source.updated}" if source.updated else "") if source.year else ""
    parts.append(escape(", ".join(x for x in (where, year) if x)) + ".")
    if source.doi:
        parts.append(f'<a href="https://doi.org/{escape(source.doi)}">doi:{escape(source.doi)}</a>')
    elif source.url:
        parts.append(f'<a href="{escape(source.url)}">{escape(source.url)}</a>')
    return " ".join(parts)


def render_article(content: Content, article: Article, brand: Brand) -> Page:
    meta = article.meta
    front = {
        "title": meta.title,
        "description": meta.summary,
        "red_flags": meta.red_flags,
        "sources": meta.sources,
        # Material indexes front-matter tags with a high weight: patients' own words find the page.
        "tags": meta.keywords,
        "pn_kind": "article",
        "pn_reviewed": meta.reviewed.isoformat(),
        "pn_next_review": meta.next_review.isoformat(),
        "pn_reviewer": meta.reviewer,
    }
    key_points = "\n".join(f"    - {fill_tokens(p, brand)}" for p in meta.key_points)
    sources = "\n".join(
        f'<li data-source-id="{s}"><a href="../../sources/#{source_anchor(s)}">{escape(content.sources[s].title)}</a>'
        f"{', ' + escape(content.sources[s].journal or content.sources[s].publisher or '')}</li>"
        for s in meta.sources
    )
    body = fill_tokens(_rewrite_links(article.body, content, article), brand).strip()
    markdown = (
        _front_matter(front)
        + f'<p class="pn-answer">{escape(meta.answer)}</p>\n\n'
        + f'!!! abstract "Key points"\n\n{key_points}\n\n'
        + body
        + "\n\n## Sources\n\n"
        + f'<ul class="pn-sources">{sources}</ul>\n\n'
        + f'<p class="pn-review" data-reviewed="{meta.reviewed.isoformat()}" data-next-review="{meta.next_review.isoformat()}">'
        + f"Last reviewed {long_date(meta.reviewed, brand)} by {escape(meta.reviewer)}. "
        + f"Next review due {long_date(meta.next_review, brand)}.</p>\n"
    )
    return Page(article_path(content, article), markdown)


def render_sources(content: Content) -> Page:
    kinds = [
        ("guideline", "Clinical guidelines"),
        ("patient-information", "Patient information from health services"),
        ("review", "Reviews of research"),
        ("trial", "Clinical trials"),
        ("cohort", "Studies that followed groups of people"),
        ("other", "Other sources"),
    ]
    parts = [_front_matter({"title": "Sources", "description": "Every source this guide uses, with links to the original.",
                            "pn_kind": "sources"})]
    parts.append("Every article in this guide lists the sources it is based on. "
                 "Clinical guidelines come first: where other sources disagree with them, we follow the guidelines.\n")
    for kind, heading in kinds:
        entries = [s for s in content.sources.values() if s.kind == kind]
        if not entries:
            continue
        items = "".join(f'<li id="{source_anchor(s.id)}" data-source-id="{s.id}">{source_citation(s)}</li>' for s in entries)
        parts.append(f"## {heading}\n\n<ul class=\"pn-bibliography\">{items}</ul>\n")
    return Page(SOURCES_PAGE, "\n".join(parts))


def render_pages(content: Content, brand: Brand) -> list[Page]:
    pages = [render_article(content, a, brand) for a in content.articles]
    pages.append(render_sources(content))
    return pages


def navigation(content: Content, docs_pages: list[str]) -> list:
    """Home, then each section's articles in order, then the remaining pages."""
    nav: list = []
    if "index.md" in docs_pages:
        nav.append({"Home": "index.md"})
    for section in content.sections:
        paths = [article_path(content, a) for a in content.articles if a.meta.section == section.id]
        if paths:
            nav.append({section.title: paths})
    nav.append({"Sources": SOURCES_PAGE})
    nav.extend(p for p in docs_pages if p != "index.md")
    return nav
