"""The brand a build is for: the default site settings, or a clinic profile.

Only these values may differ between copies of the site. Safety text never
comes from a brand; it only receives the numbers and names below.
"""

from __future__ import annotations

from dataclasses import dataclass

from .load import Content


@dataclass(frozen=True)
class Brand:
    slug: str  # "default" for the unbranded site
    name: str
    short_name: str
    tagline: str
    locale: str
    country: str
    emergency_number: str
    urgent_advice: str
    urgent_number: str | None

    @property
    def emergency_tel(self) -> str:
        return "tel:" + self.emergency_number.replace(" ", "")

    @property
    def urgent_tel(self) -> str | None:
        return "tel:" + self.urgent_number.replace(" ", "") if self.urgent_number else None


def default_brand(content: Content) -> Brand:
    site = content.site
    country = content.countries[site.country]
    return Brand(
        slug="default",
        name=site.name,
        short_name=site.short_name,
        tagline=site.tagline,
        locale=site.locale,
        country=country.code,
        emergency_number=site.emergency_number or country.emergency_number,
        urgent_advice=site.urgent_advice or country.urgent_advice,
        urgent_number=site.urgent_number or (None if site.urgent_advice else country.urgent_number),
    )
