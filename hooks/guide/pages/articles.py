"""An article's page: its answer, key points, body, "When to get help" and sources.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

from ..content.brand import Brand
from ..content.load import ARTICLE_LINK
from ..content.loaded import Article, Content
from .safety_html import HELP_ANCHOR, help_section
from .templating import fragment
from .metadata import reviewed_page_meta
from .parts import block, FIRST_SCREEN, Page, review_line, sources_list
from .paths import article_path
from .wording import fill_tokens, words


def _rewrite_links(body: str, sections: dict[str, str]) -> str:
    """Editors link to `slug.md`; pages live in their section's folder."""

    def fix(match: re.Match) -> str:
        slug, anchor = match.group(1), match.group(2) or ""
        return f"](../{sections[slug]}/{slug}.md{anchor})"

    return ARTICLE_LINK.sub(fix, body)


def render_article(content: Content, article: Article, brand: Brand, sections: dict[str, str] | None = None) -> Page:
    meta = article.meta
    w = words(content, brand)
    front = reviewed_page_meta(content, brand, meta, kind="article", keywords=meta.keywords)
    front["pn_section"] = meta.section
    key_points = "\n".join(f"    - {fill_tokens(p, brand)}" for p in meta.key_points)
    sections = sections if sections is not None else {a.slug: a.meta.section for a in content.articles}
    body = fill_tokens(_rewrite_links(article.body, sections), brand).strip()
    markdown = (
        fragment("answer.html", answer=Markup(fill_tokens(escape(meta.answer), brand))) + "\n\n"
        + FIRST_SCREEN
        + f'!!! abstract "{w.key_points}"\n\n{key_points}\n\n'
        + body
        + "\n\n"
        + _when_to_get_help(content, article, brand, sections)
        + sources_list(content, meta.sources, 2, w)
        + review_line(meta.reviewed, meta.next_review, meta.reviewer, brand, w)
    )
    return Page(article_path(content, article), markdown, front)


def help_link(content: Content, article: Article, sections: dict[str, str]) -> str | None:
    """Where an article's "When to get help" links to: the warning-signs page, from an
    article's folder (two levels down); None on that page itself."""
    target = content.red_flags.help.page
    if article.slug == target or target not in sections:  # not in a language edition that has not translated it
        return None
    return f"../../{sections[target]}/{target}/"


def _when_to_get_help(content: Content, article: Article, brand: Brand, sections: dict[str, str]) -> str:
    """Generated from red_flags.yml for the page's sets (checked after the build like the box),
    then the article's own help_notes, which are advice, never warning signs."""
    heading = f"## {content.red_flags.help.heading} {{ #{HELP_ANCHOR} }}\n\n"
    section = heading + help_section(content.red_flags, brand, article.meta.red_flags, help_link(content, article, sections))
    notes = ""
    if article.meta.help_notes:
        items = "\n".join(f"- {fill_tokens(_rewrite_links(n, sections), brand)}" for n in article.meta.help_notes)
        notes = block("pn-help-notes", items + "\n")
    return section + "\n\n" + notes
