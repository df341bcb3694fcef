"""The words pages are made of: ui.yml's page furniture in the brand's language, and the placeholders
and care words filled for a brand (as links in text, as plain text in titles and attributes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from babel.dates import format_date

from ..content import models
from ..content import patient_text
from ..content.brand import Brand
from ..content.loaded import Content
from .safety_html import tel_link, urgent_route


def words(content: Content, brand: Brand | None = None) -> models.UiWords:
    """The page furniture words (content_src/ui.yml) in the brand's language."""
    return (brand.ui if brand and brand.ui else None) or content.ui.en


def long_date(value: dt.date, brand: Brand) -> str:
    return format_date(value, format="long", locale=brand.locale.replace("-", "_"))


def fill_tokens(text: str, brand: Brand) -> str:
    text = brand.words.apply(text, markup=True) if brand.words else text  # care words and spelling (guide.content.locale)
    emergency = tel_link(brand.emergency_number, brand.emergency_tel, "pn-tel")
    return text.replace("[[emergency-number]]", emergency).replace("[[urgent-advice]]", urgent_route(brand))


def urgent_route_text(brand: Brand) -> str:
    if brand.urgent_number and brand.urgent_number not in brand.urgent_advice:
        return f"{brand.urgent_advice} ({brand.urgent_number})"
    return brand.urgent_advice


def plain_tokens(text: str, brand: Brand) -> str:
    """Placeholders as plain text, for titles, summaries and attributes, where a link cannot go."""
    text = brand.words.apply(text, markup=False) if brand.words else text
    return text.replace("[[emergency-number]]", brand.emergency_number).replace("[[urgent-advice]]", urgent_route_text(brand))


def brand_content(content: Content, brand: Brand) -> Content:
    """The content as this brand's readers see it: plain-text fields filled (guide.content.patient_text), and the
    glossary in the brand's locale (its words are matched in pages that are in that locale)."""
    branded = patient_text.branded(content, lambda text: plain_tokens(text, brand))
    if not brand.words:
        return branded
    fill = lambda text: brand.words.apply(text, markup=False)  # noqa: E731
    glossary = [g.model_copy(update={"term": fill(g.term), "definition": fill(g.definition)}) for g in content.glossary]
    sections = [s.model_copy(update={"title": fill(s.title)}) for s in content.sections]
    return dataclasses.replace(branded, glossary=glossary, sections=sections)
