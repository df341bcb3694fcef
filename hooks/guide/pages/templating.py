"""The one template environment of stage 2: every box, card, list and page part drawn from templates/.

The home-programme pages (programme.py) are whole documents whose block tags sit on lines of their
own, so they are rendered with `PROGRAMME`, an overlay of the same environment (the same loader,
filters and undefined rule) that drops those lines' whitespace; the page fragments are one-line
templates whose output must keep every space, so they are not.
"""

from __future__ import annotations

from html import escape as escape_html
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=False,
)
# html.escape's form (a quote as &#x27;), which the generated pages have always had; Jinja's |e writes &#39;.
ENVIRONMENT.filters["html_escape"] = lambda text: Markup(escape_html(text))

PROGRAMME = ENVIRONMENT.overlay(trim_blocks=True, lstrip_blocks=True)


def fragment(template: str, **context) -> str:
    """A piece of a generated page drawn by templates/<template>, in the one template environment."""
    return ENVIRONMENT.get_template(template).render(**context)


def macro(template: str, name: str):
    """A macro of templates/<template>, for pieces drawn in more than one place."""
    return getattr(ENVIRONMENT.get_template(template).module, name)
