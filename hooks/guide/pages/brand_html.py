"""A clinic's own parts of a page: print header, contact card, questions box, colours.

None of these touch safety text; for the unbranded site they are all empty.
"""

from __future__ import annotations

from ..content.brand import Brand

BRAND_CSS = "assets/stylesheets/brand.css"
BRAND_ASSETS = "assets/brand"
# Page kinds and sections where a reader is likely to want to ask their therapist.
QUESTIONS_ON_KINDS = ("exercise", "exercise-library")
QUESTIONS_ON_SECTIONS = ("treatment", "self-care")


def _macro(name: str):
    from .templating import macro  # one template environment for every generated part of a page

    return macro("clinic.html", name)


def _one_line(markup: str) -> str:
    # Inside Markdown a blank line would end the HTML block.
    return "".join(line.strip() for line in str(markup).splitlines())


def opening_hours(brand: Brand) -> list:
    """The opening hours in the brand's language: the profile's, or its translation's."""
    profile = brand.clinic.profile
    texts = profile.translations.get(brand.language)
    return texts.opening_hours if texts else profile.opening_hours


def print_header(brand: Brand) -> str:
    """Shown only on paper: which clinic the handout is from and how to call it."""
    if not brand.clinic:
        return ""
    return _one_line(_macro("print_header")(brand, brand.ui.clinic))


def questions_box(brand: Brand, meta: dict) -> str:
    if not brand.clinic:
        return ""
    if meta.get("pn_kind") not in QUESTIONS_ON_KINDS and meta.get("pn_section") not in QUESTIONS_ON_SECTIONS:
        return ""
    return _one_line(_macro("questions_box")(brand, brand.ui.clinic))


def contact_card(brand: Brand) -> str:
    if not brand.clinic:
        return ""
    return _one_line(_macro("contact_card")(brand, brand.ui.clinic, opening_hours(brand)))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def brand_css(brand: Brand) -> str:
    """The clinic's colours (already checked for contrast) and its print header and footer."""
    if not brand.clinic:
        return ""
    profile = brand.clinic.profile
    words = brand.ui.clinic
    before, _, rest = words.page_of.partition("{page}")
    between, _, after = rest.partition("{pages}")
    footer = (f'{_css_string(f"{profile.name} · {words.phone} {profile.phone} · {before}")} counter(page) '
              f'{_css_string(between)} counter(pages){" " + _css_string(after) if after else ""}')
    return f""":root {{
  --pn-primary: {profile.primary_colour};
  --pn-link: {profile.primary_colour};
  --md-primary-fg-color: {profile.primary_colour};
  --md-primary-fg-color--light: {profile.primary_colour};
  --md-primary-fg-color--dark: {profile.primary_colour};
  --md-accent-fg-color: {profile.accent_colour};
  --pn-accent: {profile.accent_colour};
}}
@page {{
  @bottom-center {{ content: {footer}; font: 8pt system-ui, sans-serif; }}
}}
"""
