"""A clinic's own parts of a page: print header, contact card, questions box, colours.

None of these touch safety text; for the unbranded site they are all empty.
"""

from __future__ import annotations

from html import escape

from .brand import Brand

BRAND_CSS = "assets/stylesheets/brand.css"
BRAND_ASSETS = "assets/brand"
# Page kinds and sections where a reader is likely to want to ask their therapist.
QUESTIONS_ON_KINDS = ("exercise", "exercise-library")
QUESTIONS_ON_SECTIONS = ("treatment", "self-care")


def _phone_link(brand: Brand) -> str:
    clinic = brand.clinic
    return f'<a href="{escape(clinic.tel)}">{escape(clinic.profile.phone)}</a>'


def print_header(brand: Brand) -> str:
    """Shown only on paper: which clinic the handout is from and how to call it."""
    if not brand.clinic:
        return ""
    return (f'<div class="pn-print-header"><strong>{escape(brand.name)}</strong> '
            f"· Phone {escape(brand.clinic.profile.phone)} · {escape(brand.clinic.profile.website)}</div>")


def questions_box(brand: Brand, meta: dict) -> str:
    if not brand.clinic:
        return ""
    if meta.get("pn_kind") not in QUESTIONS_ON_KINDS and meta.get("pn_section") not in QUESTIONS_ON_SECTIONS:
        return ""
    profile = brand.clinic.profile
    book = f' or <a href="{escape(profile.booking_url)}">book online</a>' if profile.booking_url else ""
    return (f'<aside class="pn-questions" aria-label="Questions"><p><strong>Questions?</strong> '
            f"Talk to your therapist at {escape(profile.name)}: call {_phone_link(brand)}{book}.</p></aside>")


def contact_card(brand: Brand) -> str:
    if not brand.clinic:
        return ""
    profile = brand.clinic.profile
    address = "<br>".join(escape(line) for line in profile.address)
    hours = "".join(f"<tr><th scope=\"row\">{escape(h.days)}</th><td>{escape(h.hours)}</td></tr>" for h in profile.opening_hours)
    links = [f'<a href="{escape(profile.website)}">Website</a>']
    if profile.booking_url:
        links.insert(0, f'<a href="{escape(profile.booking_url)}">Book an appointment</a>')
    return (
        f'<section class="pn-contact" aria-labelledby="pn-contact-title">'
        f'<h2 id="pn-contact-title" class="pn-contact__title">{escape(profile.name)}</h2>'
        f'<p class="pn-contact__phone">Phone: {_phone_link(brand)}</p>'
        f"<address>{address}</address>"
        f'<table class="pn-contact__hours"><caption>Opening hours</caption><tbody>{hours}</tbody></table>'
        f'<p class="pn-contact__links">{" · ".join(links)}</p>'
        "</section>"
    )


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def brand_css(brand: Brand) -> str:
    """The clinic's colours (already checked for contrast) and its print header and footer."""
    if not brand.clinic:
        return ""
    profile = brand.clinic.profile
    footer = _css_string(f"{profile.name} · Phone {profile.phone} · Page ")
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
  @bottom-center {{ content: {footer} counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; }}
}}
"""
