"""The one renderer of safety content: the red-flag box and the disclaimer.

Templates, handouts and the post-build verifier all call these functions, so
the text a page must show is always derived from content_src/safety/ and the
brand, never copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from lxml import html as lxml_html

from . import models
from .brand import Brand

DISCLAIMER = "disclaimer"
RED_FLAGS = "red-flags"


def ordered_sets(red_flags: models.RedFlags, set_ids: Sequence[str] | None) -> list[str]:
    """Set ids in the canonical order of red_flags.yml; all sets when none are named."""
    wanted = set(set_ids) if set_ids else {s.id for s in red_flags.sets}
    return [s.id for s in red_flags.sets if s.id in wanted]


def _tel(number: str, tel: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<a{klass} href="{escape(tel)}">{escape(number)}</a>'


def urgent_route(brand: Brand) -> str:
    route = escape(brand.urgent_advice)
    if brand.urgent_number and brand.urgent_number not in brand.urgent_advice:
        route += f" ({_tel(brand.urgent_number, brand.urgent_tel)})"
    elif brand.urgent_number:
        route = route.replace(escape(brand.urgent_number), _tel(brand.urgent_number, brand.urgent_tel), 1)
    return route


def red_flag_box(red_flags: models.RedFlags, brand: Brand, set_ids: Sequence[str] | None = None,
                 words: models.UiWords | None = None) -> str:
    """`words`: the box's label and call-button word in the page's language (ui.yml)."""
    sets = ordered_sets(red_flags, set_ids)
    items = [i for i in red_flags.items if set(i.sets) & set(sets)]
    emergency = [i for i in items if i.severity == "emergency"]
    urgent = [i for i in items if i.severity == "urgent"]
    call = _tel(brand.emergency_number, brand.emergency_tel)
    label, call_word = (words.warning_signs_label, words.call) if words else ("Warning signs", "Call")

    def group(kind: str, heading: str, entries: list[models.RedFlagItem], after: str) -> str:
        if not entries:
            return ""
        lis = "".join(f'<li data-flag="{escape(i.id)}">{escape(i.text)}</li>' for i in entries)
        return (f'<div class="pn-redflags__group pn-redflags__group--{kind}">'
                f'<h2 class="pn-redflags__heading">{heading}</h2><ul>{lis}</ul>{after}</div>')

    emergency_heading = escape(red_flags.emergency_heading).replace("{emergency}", call)
    emergency_after = (f'<p class="pn-redflags__action">{escape(red_flags.emergency_action)}</p>'
                       f'<p class="pn-redflags__call">{_tel(call_word + " " + brand.emergency_number, brand.emergency_tel, "pn-call")}</p>')
    urgent_after = f'<p class="pn-redflags__action">{escape(red_flags.urgent_action).replace("{urgent}", urgent_route(brand))}</p>'
    return (
        f'<aside class="pn-redflags" data-safety="{RED_FLAGS}" data-red-flag-sets="{" ".join(sets)}" '
        f'aria-label="{escape(label)}">'
        + group("emergency", emergency_heading, emergency, emergency_after)
        + group("urgent", escape(red_flags.urgent_heading), urgent, urgent_after)
        + "</aside>"
    )


def disclaimer_box(disclaimer: models.Disclaimer) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in disclaimer.paragraphs)
    return (f'<aside class="pn-disclaimer" data-safety="{DISCLAIMER}" aria-label="{escape(disclaimer.title)}">'
            f'<h2 class="pn-disclaimer__title">{escape(disclaimer.title)}</h2>{paragraphs}</aside>')


def visible_text(markup: str | lxml_html.HtmlElement) -> str:
    """Whitespace-normalised text, the form in which boxes are compared."""
    element = lxml_html.fragment_fromstring(markup) if isinstance(markup, str) else markup
    return " ".join(element.text_content().split())
