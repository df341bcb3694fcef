"""A reviewed page's metadata: its front matter for the engine and its schema.org JSON-LD.
"""

from __future__ import annotations

import datetime as dt

from ..content.brand import Brand
from ..content.loaded import Content
from .parts import EMERGENCY_STRIP
from .wording import words


def json_ld(content: Content, brand: Brand, *, title: str, summary: str, reviewed: dt.date, reviewer: str,
            about: str, source_ids: list[str]) -> str:
    """schema.org MedicalWebPage, so search engines and reviewers can read the review status."""
    import json

    citations = []
    for sid in source_ids:
        src = content.sources[sid]
        cite = {"@type": "CreativeWork", "name": src.title}
        if src.doi:
            cite["sameAs"] = f"https://doi.org/{src.doi}"
        elif src.url:
            cite["url"] = src.url
        citations.append(cite)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": summary,
        "inLanguage": brand.locale,
        "lastReviewed": reviewed.isoformat(),
        "reviewedBy": {"@type": "Organization", "name": reviewer},
        "about": {"@type": "MedicalCondition", "name": about},
        "audience": {"@type": "PeopleAudience", "audienceType": "Patient"},
        "publisher": {"@type": "Organization", "name": brand.name},
        "citation": citations,
    }
    # "</" would end the <script> element early.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def _about(red_flags: list[str], brand: Brand, content: Content) -> str:
    """The condition a page is about, in the page's language (ui.yml `conditions`, else English's)."""
    names = {**content.ui.en.conditions, **words(content, brand).conditions}
    # ui.yml's conditions are keyed by red-flag set: a page about one named condition says so, any
    # other says the required set's (the condition in general).
    general = content.red_flags.required_set
    named = [names[s] for s in red_flags if s in names and s != general]
    return named[0] if len(named) == 1 else names[general]


def reviewed_page_meta(content: Content, brand: Brand, item, *, kind: str, keywords: list[str]) -> dict:
    """Front matter shared by articles and exercises: description, safety sets, review data, JSON-LD."""
    return {
        "title": item.title,
        "description": item.summary,
        "red_flags": item.red_flags,
        "sources": item.sources,
        # Material indexes front-matter tags with a high weight: patients' own words find the page.
        "tags": keywords,
        "pn_kind": kind,
        EMERGENCY_STRIP: True,
        "pn_reviewed": item.reviewed.isoformat(),
        "pn_next_review": item.next_review.isoformat(),
        "pn_reviewer": item.reviewer,
        "pn_jsonld": json_ld(content, brand, title=item.title, summary=item.summary, reviewed=item.reviewed,
                             reviewer=item.reviewer, about=_about(item.red_flags, brand, content), source_ids=item.sources),
    }
