"""The one renderer of safety content: the red-flag box, each article's "When to get help" and the disclaimer.

Templates, handouts and the post-build verifier all call these functions, so
the text a page must show is always derived from content_src/safety/ and the
brand, never copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape as escape_html

from lxml import html as lxml_html
from markupsafe import Markup, escape

from ..content import models
from ..content.brand import Brand
from .templating import ENVIRONMENT, fragment, macro

DISCLAIMER = "disclaimer"
RED_FLAGS = "red-flags"
RED_FLAGS_SHORT = "red-flags-short"
HELP = "help"
EMERGENCY = "emergency"
HELP_ANCHOR = "when-to-get-help"
# The id of the full warning-signs box near the top of a page, which the emergency strip links to.
BOX_ANCHOR = "pn-warning-signs"


def ordered_sets(red_flags: models.RedFlags, set_ids: Sequence[str] | None) -> list[str]:
    """Set ids in the canonical order of red_flags.yml; all sets when none are named."""
    wanted = set(set_ids) if set_ids else {s.id for s in red_flags.sets}
    return [s.id for s in red_flags.sets if s.id in wanted]


def tel_link(number: str, tel: str, css: str = "") -> str:
    """A phone link (templates/_tel.html), for phone numbers filled into text."""
    return str(macro("_tel.html", "tel")(number, tel, css))


def urgent_route(brand: Brand) -> str:
    route = escape_html(brand.urgent_advice)
    if brand.urgent_number and brand.urgent_number not in brand.urgent_advice:
        route += f" ({tel_link(brand.urgent_number, brand.urgent_tel)})"
    elif brand.urgent_number:
        route = route.replace(escape_html(brand.urgent_number), tel_link(brand.urgent_number, brand.urgent_tel), 1)
    return route


@dataclass(frozen=True)
class TierGroup:
    severity: str
    tier: models.RedFlagTier
    items: list[models.RedFlagItem]


def tier_groups(red_flags: models.RedFlags, set_ids: Sequence[str] | None) -> tuple[list[str], list[TierGroup]]:
    """The page's sets in canonical order, and its signs grouped by tier, most urgent first."""
    sets = ordered_sets(red_flags, set_ids)
    items = [i for i in red_flags.items if set(i.sets) & set(sets)]
    groups = [TierGroup(s, red_flags.tiers.of(s), [i for i in items if i.severity == s]) for s in models.SEVERITIES]
    return sets, [g for g in groups if g.items]


def emergency_shorts(red_flags: models.RedFlags, set_ids: Sequence[str] | None = None) -> list[str]:
    """The few-word names of the emergency signs a page shows, for templates that list them briefly."""
    _, groups = tier_groups(red_flags, set_ids)
    return [i.short for g in groups if g.severity == "emergency" for i in g.items if i.short]


def _render(template: str, brand: Brand, **context) -> str:
    call = macro("_tel.html", "tel")(brand.emergency_number, brand.emergency_tel)
    route = Markup(urgent_route(brand))

    def placeholders(text: str) -> Markup:
        return escape(text).replace("{emergency}", call).replace("{urgent}", route)

    # A function in the context, not a filter on an overlay environment: an overlay compiles
    # its templates again, and that was most of a build's time.
    # The box's name and call button in the page's language (content_src/ui.yml, on the brand).
    markup = ENVIRONMENT.get_template(template).render(brand=brand, words=brand.ui, placeholders=placeholders, **context)
    # One line: the help section sits inside Markdown, where a blank line would end the HTML block.
    return "".join(line.strip() for line in markup.splitlines())


def red_flag_box(red_flags: models.RedFlags, brand: Brand, set_ids: Sequence[str] | None = None,
                 anchor: str | None = None) -> str:
    """The full box; `anchor` (BOX_ANCHOR) for the box near the top of a page, not for its printed copies."""
    sets, groups = tier_groups(red_flags, set_ids)
    return _render("red_flags.html", brand, marker=RED_FLAGS, sets=sets, groups=groups, notes=red_flags.notes,
                   anchor=anchor)


def emergency_strip(red_flags: models.RedFlags, brand: Brand, set_ids: Sequence[str] | None = None) -> str:
    """The short emergency list for an article's or exercise's first screen, linking to the full
    box (BOX_ANCHOR) on the same page; empty if the page's sets have no emergency sign."""
    sets, groups = tier_groups(red_flags, set_ids)
    emergency = [g for g in groups if g.severity == "emergency"]
    if not emergency:
        return ""
    return _render("emergency_strip.html", brand, marker=EMERGENCY, sets=sets, group=emergency[0],
                   more=red_flags.first_screen.more, box_anchor=BOX_ANCHOR)


def red_flag_short_box(red_flags: models.RedFlags, brand: Brand, set_ids: Sequence[str] | None = None,
                       sheet: str = "copy") -> str:
    """The compact copy of the box that heads each printed sheet: tier headings and actions,
    each sign's short form and the emergency number, from the same source as the full box.
    `sheet`: "first" on a page's first sheet, "copy" where a further sheet starts."""
    sets, groups = tier_groups(red_flags, set_ids)
    return _render("red_flags_short.html", brand, marker=RED_FLAGS_SHORT, sets=sets, groups=groups, sheet=sheet)


def help_section(red_flags: models.RedFlags, brand: Brand, set_ids: Sequence[str] | None, more_href: str | None) -> str:
    """An article's "When to get help": each tier's action for the signs in the page's box,
    and a link to the page that explains them (none on that page itself). Its heading,
    `help.heading` with the id HELP_ANCHOR, comes just before it."""
    sets, groups = tier_groups(red_flags, set_ids)
    return _render("help.html", brand, marker=HELP, sets=sets, groups=groups, help=red_flags.help,
                   anchor=HELP_ANCHOR, more_href=more_href)


def disclaimer_box(disclaimer: models.Disclaimer) -> str:
    return fragment("disclaimer.html", marker=DISCLAIMER, disclaimer=disclaimer)


def visible_text(markup: str | lxml_html.HtmlElement) -> str:
    """Whitespace-normalised text, the form in which boxes are compared."""
    element = lxml_html.fragment_fromstring(markup) if isinstance(markup, str) else markup
    return " ".join(element.text_content().split())
