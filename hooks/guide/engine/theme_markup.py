"""Corrections to the HTML that Material's templates write, applied to every built page.

- The skip link (ui.yml skip_to_content) lands on the page title. Material links it to the first
  table-of-contents entry, the first heading after the title and so after the
  warning box, and writes none on pages without headings.
- Material adds autocomplete="off" to its header checkboxes (a Firefox
  workaround); the attribute is invalid on checkboxes and fails the Nu checker.
- A hand-written page's own "# Title" is lifted out of the content, so that
  the template can place it above the warning box rather than below.
"""

from __future__ import annotations

import re

_LEADING_H1 = re.compile(r"\A\s*(<h1\b[^>]*>.*?</h1>)", re.S)
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
# Material's navigation.sections writes tabindex="" on section labels: not a number, so invalid HTML.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')

TARGET_ID = "pn-title"
_SKIP_BLOCK = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.S)
_ARTICLE_H1 = re.compile(r'(<article class="md-content__inner md-typeset">.*?<h1\b)([^>]*)(>)', re.S)
_ID = re.compile(r'\sid="([^"]+)"')


def point_skip_link_at_title(html: str, label: str) -> str:
    """The theme's skip link, which lands below the warning box, made to land on the page's title
    (the box comes right after it); `label` is the page's language's words (ui.yml skip_to_content)."""
    match = _ARTICLE_H1.search(html)
    if not match:
        return html
    existing = _ID.search(match.group(2))
    target = existing.group(1) if existing else TARGET_ID
    if not existing:
        html = html[: match.start(2)] + f' id="{TARGET_ID}"' + html[match.start(2):]
    link = f'<a href="#{target}" class="md-skip">{label}</a>'
    return _SKIP_BLOCK.sub(lambda m: m.group(1) + link + m.group(2), html, count=1)


def fix_theme_markup(html: str, skip_label: str) -> str:
    html = _EMPTY_TABINDEX.sub(r"\1", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))
    return point_skip_link_at_title(html, skip_label)


def take_leading_title(content_html: str) -> tuple[str | None, str]:
    """(the page's leading <h1>, the rest), or (None, unchanged) when it starts otherwise."""
    match = _LEADING_H1.match(content_html)
    if not match:
        return None, content_html
    return match.group(1), content_html[match.end():]
