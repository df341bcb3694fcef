"""What every generated page is made of: the Page handed to the engine, the first-screen marker,
and the blocks shared by articles and exercises (sources list, review line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from ..content import models
from ..content.brand import Brand
from ..content.loaded import Content
from .templating import fragment
from .paths import source_anchor
from .wording import fill_tokens, long_date


# Where a page's first screen ends (docs/overrides/partials/content.html): what comes before it
# (an article's answer, an exercise's summary) is shown under the emergency strip, above the full box.
FIRST_SCREEN = "<!-- pn:first-screen -->\n\n"
# page.meta key: the page opens with the short emergency strip (guide.pages.safety_html.emergency_strip).
EMERGENCY_STRIP = "pn_emergency_strip"


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "understanding/sciatica.md"
    markdown: str
    # Handed to MkDocs' page.meta by the hook, not written as front matter:
    # MkDocs would otherwise parse back, page by page, YAML we have just written.
    meta: dict = field(default_factory=dict)


def sources_list(content: Content, source_ids: list[str], depth: int, w: models.UiWords) -> str:
    entries = [{"id": s, "anchor": source_anchor(s), "source": content.sources[s]} for s in source_ids]
    return f'## {w.sources}\n\n' + fragment("sources_list.html", entries=entries, up="../" * depth) + "\n\n"


def review_line(reviewed: dt.date, next_review: dt.date, reviewer: str, brand: Brand, w: models.UiWords) -> str:
    return fragment("review_line.html", words=w, reviewed=reviewed, next_review=next_review, reviewer=reviewer,
                    reviewed_long=long_date(reviewed, brand), next_review_long=long_date(next_review, brand)) + "\n"


def sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def block(css_class: str, markdown: str) -> str:
    return fragment("markdown_block.html", css_class=css_class, markdown=Markup(markdown)) + "\n\n"


def bullets(items: list[str], brand: Brand) -> str:
    return "\n".join(f"- {fill_tokens(escape(i, quote=False), brand)}" for i in items) + "\n\n"
