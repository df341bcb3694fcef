"""The parts of a page around its own words, written into the page's Markdown.

The warning-signs box, the first-screen emergency strip, the disclaimer and a
clinic copy's print header, "Questions?" box and contact card used to be placed
by the theme override calling functions that only our MkDocs hooks register.
An engine that runs no hooks (Zensical) cannot call them, so the compile step
writes them into the page itself, in the order the override used to, as raw HTML
blocks that Markdown passes through unchanged:

    title, emergency strip, first screen, warning-signs box (with the print header),
    out-of-date notice, the rest of the page, questions box, disclaimer, contact card

The MkDocs hooks call this same step, so `mkdocs serve` shows what any engine builds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from . import brand_html
from .. import links
from ..content.brand import Brand
from ..content.loaded import Content
from .safety_html import BOX_ANCHOR, disclaimer_box, emergency_strip, red_flag_box
from .templating import fragment

FIRST_SCREEN = "<!-- pn:first-screen -->"
# page.meta keys (guide.pages.parts): the page opens with the strip; a translation's out-of-date notice.
STRIP_KEY = "pn_emergency_strip"
NOTICE_KEY = "pn_out_of_date"
# page.meta key of the boxes `page` left as placeholders, until `fill` puts them back.
SLOTS_KEY = "pn_box_slots"


def page_url(src_path: str) -> str:
    """The page's address relative to the site root, as MkDocs writes it with use_directory_urls."""
    path = src_path[:-3] if src_path.endswith(".md") else src_path
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return path


def base_url(url: str) -> str:
    """The relative way back to the site root from a page at `url`: ".", "..", "../.."."""
    depth = url.count("/")
    return "/".join([".."] * depth) if depth else "."


def out_of_date_notice(notice: Mapping, url: str) -> str:
    """A translated page's notice that its English source changed since, for a page at `url`."""
    href = f"{base_url(url)}/{notice['english_prefix']}{url}"
    return fragment("out_of_date.html", notice=notice, href=href)


@dataclass
class Frame:
    """One build's boxes, rendered once per combination of warning-sign sets, not once per page."""

    content: Content
    brand: Brand
    site_url: str | None = None
    _boxes: dict = field(default_factory=dict)
    _strips: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        ui = self.brand.ui
        self.hidden = links.hidden_text(ui.external_link if ui else None)
        self.disclaimer = disclaimer_box(self.content.disclaimer)
        self.print_header = self.marked(brand_html.print_header(self.brand))
        self.contact_card = self.marked(brand_html.contact_card(self.brand))

    def marked(self, markup: str) -> str:
        """Links to other sites opened safely and marked: an engine without our hooks marks nothing."""
        return links.mark_external_links(markup, self.site_url, self.hidden) if markup else markup

    def red_flags(self, sets=()) -> str:
        sets = tuple(sets or ())
        if sets not in self._boxes:
            self._boxes[sets] = self.marked(red_flag_box(self.content.red_flags, self.brand, sets, anchor=BOX_ANCHOR))
        return self._boxes[sets]

    def sheet_head(self, meta: Mapping) -> str:
        return fragment("sheet_head.html", print_header=Markup(self.print_header),
                        red_flags=Markup(self.red_flags(meta.get("red_flags"))))

    def strip(self, meta: Mapping) -> str:
        if not meta.get(STRIP_KEY):
            return ""
        sets = tuple(meta.get("red_flags") or ())
        if sets not in self._strips:
            self._strips[sets] = self.marked(emergency_strip(self.content.red_flags, self.brand, sets))
        return self._strips[sets]

    def questions(self, meta: Mapping) -> str:
        return self.marked(brand_html.questions_box(self.brand, dict(meta)))

    def not_found_parts(self) -> dict[str, str]:
        """What docs/overrides/404.html shows besides its words (config.extra.pn_frame)."""
        return {"print_header": self.print_header, "red_flags": self.red_flags(),
                "disclaimer": self.disclaimer, "contact_card": self.contact_card}

    def page(self, markdown: str, meta: Mapping, src_path: str, slots: dict[str, str] | None = None) -> str:
        """The page's Markdown (without front matter) with its boxes in place.

        With `slots`, each box is a placeholder comment instead, its HTML kept in `slots` for
        `fill` to put back after Markdown: Python-Markdown's raw-HTML parser spends about 5 ms a
        page reading the boxes, which the MkDocs hooks (who can fill) need not pay."""
        is_home = page_url(src_path) == ""
        strip = self.strip(meta)
        title, body = _leading_title(markdown)
        before, after = None, body
        if (is_home or strip) and FIRST_SCREEN in body:
            before, after = body.split(FIRST_SCREEN, 1)
        notice = meta.get(NOTICE_KEY)

        def box(html: str) -> str:
            if slots is None or not html or not html.strip():
                return html
            token = f"<!-- pn:box:{len(slots)} -->"
            slots[token] = html.strip("\n")
            return token

        blocks = [title, box(strip), before,
                  box(self.sheet_head(meta)),
                  box(out_of_date_notice(notice, page_url(src_path)) if notice else ""),
                  after, box(self.questions(meta)), box(self.disclaimer), box(self.contact_card)]
        # Blank lines around each box: each is then a raw HTML block, passed through by Markdown.
        return "\n\n".join(b.strip("\n") for b in blocks if b and b.strip()) + "\n"


def fill(html: str, slots: Mapping[str, str]) -> str:
    """The page's HTML with the boxes `page` left as placeholders put back."""
    for token, box in slots.items():
        html = html.replace(token, box, 1)
    return html


def _leading_title(markdown: str) -> tuple[str | None, str]:
    """("# Title" line, the rest) when the page opens with its title; the theme lifts that title
    above everything else (guide.engine.theme_markup.take_leading_title), so the boxes go after it."""
    text = markdown.lstrip("\n")
    if text.startswith("# "):
        line, _, rest = text.partition("\n")
        return line, rest
    return None, markdown


def calls_no_functions(template_text: str) -> list[str]:
    """The `pn_*(` calls left in a template: none, for a template any engine can render."""
    import re

    return re.findall(r"\bpn_[a-z_]+\s*\(", template_text)
