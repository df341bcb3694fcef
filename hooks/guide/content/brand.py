"""The brand a build is for: the default site settings, or a clinic profile.

Only these values may differ between copies of the site. Safety text never
comes from a brand; it only receives the numbers and names below.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from . import models, patient_text, translations
from ..findings import Finding
from ..errors import ContentErrors, ErrorCollector
from .loaded import Content
from .text_rules import TextRules
from .validate import dotted_field, load_one, validate_model
from .source_files import split_front_matter
from .locale import Words

CLINICS_DIR = "clinics"
CLINIC_FILE = "clinic.yml"
PAGES_DIR = "pages"
# WCAG 2.2 AA for normal-size text.
MIN_CONTRAST = 4.5
# Field names a profile might use to try to change safety text.
_SAFETY_WORDS = re.compile(r"disclaimer|red.?flag|warning|safety|emergency_(heading|action|text)", re.I)


@dataclass(frozen=True)
class Clinic:
    slug: str
    folder: Path
    profile: models.ClinicProfile

    @property
    def profile_path(self) -> Path:
        return self.folder / CLINIC_FILE

    @property
    def logo_path(self) -> Path:
        return self.folder / self.profile.logo

    @property
    def tel(self) -> str:
        return "tel:" + self.profile.phone.replace(" ", "")

    def pages(self, language: str = "en") -> list[Path]:
        """The clinic's own pages: pages/*.md in English, pages/<language>/*.md in another language
        (same file names, so that each page pairs with its translation)."""
        folder = self.folder / PAGES_DIR
        return sorted((folder if language == "en" else folder / language).glob("*.md"))


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
    clinic: Clinic | None = None
    edition: str = ""  # '' for the root edition; else its id, which is also its folder
    words: Words | None = None  # care words and spelling for `locale` (content_src/locale.yml)
    language: str = "en"  # a language edition's pages come from content_src/translations/<language>/
    ui: models.UiWords | None = None  # page furniture in `language` (content_src/ui.yml)

    @property
    def emergency_tel(self) -> str:
        return "tel:" + self.emergency_number.replace(" ", "")

    @property
    def urgent_tel(self) -> str | None:
        return "tel:" + self.urgent_number.replace(" ", "") if self.urgent_number else None


def ui_words(content: Content, language: str = "en") -> models.UiWords | None:
    """The page furniture words (content_src/ui.yml) in one language."""
    return getattr(content.ui, language, None) if content.ui else None


def default_brand(content: Content, edition: str = "") -> Brand:
    """The public guide's brand: the root edition's (site.yml), or another country's or language's edition."""
    site = content.site
    if edition:
        chosen = next((e for e in site.editions if e.id == edition), None)
        if chosen is None:
            ids = [e.id for e in site.editions]
            raise ContentErrors([Finding("content_src/site.yml", None, "editions", f"no edition '{edition}'",
                                              f"{_did_you_mean(edition, ids)}known editions: {', '.join(ids) or 'none'}")])
        country = content.countries[chosen.country]
        brand = Brand(slug=f"default-{chosen.id}", name=site.name, short_name=site.short_name, tagline=site.tagline,
                      locale=chosen.locale, country=country.code, emergency_number=country.emergency_number,
                      urgent_advice=country.urgent_advice, urgent_number=country.urgent_number, edition=chosen.id,
                      words=content.locales.words(chosen.locale), ui=ui_words(content))
        return in_language(content, brand, chosen) if chosen.language else brand
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
        words=content.locales.words(site.locale),
        ui=ui_words(content),
    )


def in_language(content: Content, brand: Brand, edition: models.Edition) -> Brand:
    """A language edition's brand: the same numbers, the language's words for the urgent-advice
    route (ui.yml), and no English care words or spelling."""
    words = ui_words(content, edition.language)
    advice = words.urgent_advice.get(brand.country) if words else None
    if advice is None:
        raise ContentErrors([Finding(
            "content_src/ui.yml", None, f"{edition.language}.urgent_advice.{brand.country}",
            f"no '{edition.language}' wording of the urgent-advice route for {brand.country}",
            f"translate '{brand.urgent_advice}' there (the route a patient takes for same-day advice)")])
    # Safety text: a route whose English changed after its translation is never shown.
    stale = translations.urgent_route_errors(content, edition.language, [brand.country])
    if stale:
        raise ContentErrors(stale)
    return dataclasses.replace(brand, urgent_advice=advice, language=edition.language, ui=words, words=None)


def language_edition(content: Content, language: str) -> models.Edition | None:
    return next((e for e in content.site.editions if e.language == language), None)


def edition_ids(content: Content, clinic: str = "") -> list[str]:
    """The editions a build publishes, root first ('' is the root). A clinic's copy has one.
    A language edition is published once it has a translated article or exercise."""
    return [""] if clinic else ["", *(e.id for e in content.site.editions if not e.language or has_translations(content, e.language))]


def has_translations(content: Content, language: str) -> bool:
    folder = translations.folder(content, language)
    return any((folder / "articles").glob("*.md")) or any((folder / "exercises").glob("*.yml"))


def edition_links(content: Content, current: str) -> list[dict]:
    """For the edition switch: each country's edition's name, language, and the path from the
    current edition's root to its root (the same page then has the same path below it).
    Language editions are not countries: they have their own switch (language_links)."""
    site = content.site
    if any(e.id == current and e.language for e in site.editions):
        return []
    countries = [e for e in site.editions if not e.language]
    up = "../" if current else ""
    links = [{"id": "", "label": site.edition_label, "lang": site.locale, "prefix": up, "current": current == ""}]
    for e in countries:
        links.append({"id": e.id, "label": e.label, "lang": e.locale,
                      "prefix": "" if e.id == current else f"{up}{e.id}/", "current": e.id == current})
    return links if countries else []


def language_links(content: Content, current: str, pages: dict[str, list[str]]) -> list[dict]:
    """For the language switch: the same page in the other language. Each language edition
    pairs with the root edition (its country's); `pages` lists, per language edition, the
    pages it publishes, so that a page it has not translated does not link to it."""
    site = content.site
    chosen = next((e for e in site.editions if e.id == current), None)
    if chosen is not None and chosen.language:  # a language edition: back to the root edition's page
        words = ui_words(content)
        return [{"label": words.language_name, "lang": site.locale.split("-")[0], "prefix": "../", "pages": None}]
    if current:
        return []  # another country's English edition has no other language
    out = []
    for e in site.editions:
        if e.language and e.id in pages:
            words = ui_words(content, e.language)
            out.append({"label": words.language_name if words else e.label, "lang": e.language, "prefix": f"{e.id}/",
                        "pages": pages.get(e.id)})
    return out


# ---------------------------------------------------------------- colour contrast
def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


WHITE = "#ffffff"
# Where the theme uses each brand colour, and against what.
COLOUR_PAIRS = (
    ("primary_colour", "white header text on the primary colour", WHITE),
    ("primary_colour", "links in the primary colour on a white page", WHITE),
    ("accent_colour", "white button text on the accent colour", WHITE),
)


def check_contrast(profile: models.ClinicProfile) -> list[tuple[str, str, float]]:
    """(field, where, ratio) for every pair below WCAG AA."""
    failures = []
    for field, where, other in COLOUR_PAIRS:
        ratio = contrast(getattr(profile, field), other)
        if ratio < MIN_CONTRAST:
            failures.append((field, where, ratio))
    return failures


# ---------------------------------------------------------------- loading
def _did_you_mean(typed: str, known: list[str]) -> str:
    """The start of a hint for a misspelt clinic or edition name: the known name it is closest to."""
    close = difflib.get_close_matches(typed, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def clinic_slugs(content: Content) -> list[str]:
    folder = content.root / CLINICS_DIR
    return sorted(p.name for p in folder.iterdir() if (p / CLINIC_FILE).is_file()) if folder.is_dir() else []


def load_clinic(content: Content, slug: str, errors: ErrorCollector) -> Clinic | None:
    folder = content.root / CLINICS_DIR / slug
    path = folder / CLINIC_FILE
    if not path.is_file():
        slugs = clinic_slugs(content)
        errors.add(path, None, "", f"no clinic profile '{slug}'",
                   f"{_did_you_mean(slug, slugs)}create {errors.rel(path)}, or use one of: {', '.join(slugs) or 'none yet'}")
        return None
    before = len(errors.errors)
    profile, lines = load_one(path, models.ClinicProfile, errors)
    # A profile that tries to set safety text gets told why it cannot.
    for index in range(before, len(errors.errors)):
        error = errors.errors[index]
        if error.message == "unknown field" and _SAFETY_WORDS.search(error.field):
            errors.errors[index] = type(error)(
                error.file, error.line, error.field,
                "a clinic profile cannot change safety content",
                "the disclaimer and warning signs come only from content_src/safety/ and are the same on every copy; "
                "remove this field",
            )
    if profile is None:
        return None
    for field, where, ratio in check_contrast(profile):
        errors.add(path, lines.line((field,)), field,
                   f"{getattr(profile, field)} is too hard to read: {where} has a contrast of {ratio:.2f}:1",
                   f"WCAG 2.2 AA needs at least {MIN_CONTRAST}:1; choose a darker colour")
    if profile.country not in content.countries:
        errors.add(path, lines.line(("country",)), "country", f"unknown country '{profile.country}'",
                   f"use one of: {', '.join(content.countries)} (content_src/countries.yml)")
    if not (folder / profile.logo).is_file():
        errors.add(path, lines.line(("logo",)), "logo", f"logo file '{profile.logo}' not found",
                   f"put the logo in {errors.rel(folder)}/")
    known = content.locales.settings.locales
    if profile.locale not in known:
        errors.add(path, lines.line(("locale",)), "locale", f"locale '{profile.locale}' is not in content_src/locale.yml",
                   f"use one of: {', '.join(known)}, or add it (with its care words) to locale.yml")
    rules = TextRules.build(content.rules, content.countries)
    for field in ("name", "short_name"):
        rules.check_numbers(getattr(profile, field), path, lines.line((field,)), field, errors)
    for loc, text in patient_text.texts(profile):
        rules.check(text, path, lines.line(loc), dotted_field(loc), errors)
        if "[[" in text:
            errors.add(path, lines.line(loc), dotted_field(loc), "placeholders are not filled in in a clinic profile",
                       "write the text itself; the emergency number and urgent-advice route come from 'country'")
    clinic = Clinic(slug, folder, profile)
    for page in clinic.pages():
        text = page.read_text(encoding="utf-8", errors="replace")
        rules.check_numbers(text, page, 1, "body", errors)
        rules.check_html(text, page, 1, "body", errors)
    _check_languages(content, clinic, path, lines, errors)
    return clinic


def _check_languages(content: Content, clinic: Clinic, path: Path, lines, errors: ErrorCollector) -> None:
    """Each language the profile lists besides English needs a language edition of the guide, the
    profile's texts in it (translations.<language>) and each of the clinic's pages in pages/<language>/."""

    profile = clinic.profile
    listed = profile.languages
    if listed[0] != "en" or len(set(listed)) != len(listed):
        errors.add(path, lines.line(("languages",)), "languages", f"{listed} must start with 'en', each language once",
                   "the English copy is published at the site's root; list the others after it, e.g. [en, es]")
    for lang in profile.translations:
        if lang not in listed:
            errors.add(path, lines.line(("translations", lang)), f"translations.{lang}",
                       f"'{lang}' texts, but '{lang}' is not in languages", f"add '{lang}' to languages, or remove these texts")
    for lang in dict.fromkeys(listed):
        if lang == "en":
            continue
        if language_edition(content, lang) is None:
            known = ", ".join(sorted({e.language for e in content.site.editions if e.language})) or "none"
            errors.add(path, lines.line(("languages",)), "languages", f"the guide has no '{lang}' edition",
                       f"use a language of content_src/site.yml's editions ({known})")
            continue
        texts = profile.translations.get(lang)
        if texts is None:
            errors.add(path, lines.line(("languages",)), "languages",
                       f"'{lang}' is listed, but the profile has no '{lang}' texts",
                       f"add 'translations:' with '{lang}:' and its 'opening_hours' (one entry per English entry)"
                       + (" and 'urgent_advice'" if profile.urgent_advice else ""))
        else:
            _check_translation(content, clinic, lang, texts, path, lines, errors)
        _check_pages(clinic, lang, errors, translations.language_rules(content, lang, errors, path)[0])


def _check_translation(content: Content, clinic: Clinic, lang: str, texts: models.ClinicTranslation, path: Path,
                       lines, errors: ErrorCollector) -> None:
    profile = clinic.profile
    at = ("translations", lang)
    if len(texts.opening_hours) != len(profile.opening_hours):
        errors.add(path, lines.line((*at, "opening_hours")), f"translations.{lang}.opening_hours",
                   f"{len(texts.opening_hours)} entries; the English opening_hours has {len(profile.opening_hours)}",
                   "write one entry per English entry, in the same order")
    if profile.urgent_advice and not texts.urgent_advice:
        errors.add(path, lines.line(at), f"translations.{lang}.urgent_advice",
                   f"missing: the profile's urgent-advice route '{profile.urgent_advice}' has no '{lang}' wording",
                   f"add 'urgent_advice:' under translations.{lang}, the same route in that language")
    elif texts.urgent_advice and not profile.urgent_advice:
        errors.add(path, lines.line((*at, "urgent_advice")), f"translations.{lang}.urgent_advice",
                   "the profile has no English urgent_advice: the country's route is used in every language",
                   "remove it, or set urgent_advice (and urgent_number) in English too")
    elif not profile.urgent_advice:
        words = ui_words(content, lang)
        if not (words and words.urgent_advice.get(profile.country)):
            errors.add(path, lines.line(("country",)), "country",
                       f"no '{lang}' wording of {profile.country}'s urgent-advice route",
                       f"add {profile.country} under {lang}.urgent_advice in content_src/ui.yml, or set urgent_advice "
                       f"in the profile and in translations.{lang}")
    rules = translations.language_rules(content, lang, errors, path)[0]
    for loc, text in patient_text.texts(texts):
        rules.check(text, path, lines.line((*at, *loc)), f"translations.{lang}.{dotted_field(loc)}", errors)


def _check_pages(clinic: Clinic, lang: str, errors: ErrorCollector, rules: TextRules) -> None:
    english = {p.name for p in clinic.pages()}
    translated = {p.name for p in clinic.pages(lang)}
    folder = clinic.folder / PAGES_DIR / lang
    for name in sorted(english - translated):
        errors.add(clinic.folder / PAGES_DIR / name, None, "", f"no '{lang}' version of this page",
                   f"write it as {errors.rel(folder / name)} (the same file name), or remove '{lang}' from languages")
    for name in sorted(translated - english):
        errors.add(folder / name, None, "", "no English page of the same name",
                   f"name it after a page in {errors.rel(clinic.folder / PAGES_DIR)}/, which it translates")
    for page in clinic.pages(lang):
        text = page.read_text(encoding="utf-8", errors="replace")
        rules.check_numbers(text, page, 1, "body", errors)
        rules.check_html(text, page, 1, "body", errors)
        source = split_front_matter(page, errors, required=False)
        if source is not None:  # its stamp and date: guide.content.translations.clinic_status
            validate_model(models.ClinicPageTranslation, source.meta, page, source.lines, errors)


def clinic_brand(content: Content, clinic: Clinic, language: str = "en") -> Brand:
    """The clinic's brand in English, or in another language it publishes (its edition's id and
    folder, the language's page words, and the profile's own texts in that language)."""
    profile = clinic.profile
    country = content.countries[profile.country]
    brand = Brand(
        slug=clinic.slug,
        name=profile.name,
        short_name=profile.short_name,
        tagline=content.site.tagline,
        locale=profile.locale,
        country=country.code,
        emergency_number=profile.emergency_number or country.emergency_number,
        urgent_advice=profile.urgent_advice or country.urgent_advice,
        urgent_number=profile.urgent_number or (None if profile.urgent_advice else country.urgent_number),
        clinic=clinic,
        words=content.locales.words(profile.locale),
        ui=ui_words(content),
    )
    if language == "en":
        return brand
    edition = language_edition(content, language)
    texts = profile.translations[language]
    # Dates in the language; the edition's regional form where the clinic is in the edition's country.
    locale = edition.locale if edition.country == profile.country else language
    localized = in_language(content, dataclasses.replace(brand, edition=edition.id, locale=locale), edition)
    if profile.urgent_advice:
        localized = dataclasses.replace(localized, urgent_advice=texts.urgent_advice)
    # Safety text is never published out of date: the language's copy is not built.
    stale = translations.clinic_status(content, clinic, language).safety
    if stale:
        raise ContentErrors(stale)
    return localized


def clinic_edition(content: Content, clinic: Clinic, edition: str) -> str:
    """The language of a clinic copy's edition ('' is English); raises ContentErrors for one it does not publish."""
    if not edition:
        return "en"
    chosen = next((e for e in content.site.editions if e.id == edition), None)
    if chosen is None or chosen.language not in clinic.profile.languages:
        raise ContentErrors([Finding(
            f"content_src/{CLINICS_DIR}/{clinic.slug}/{CLINIC_FILE}", None, "languages",
            f"the clinic's copy has no edition '{edition}'",
            f"its languages are {', '.join(clinic.profile.languages)}; add the edition's language to publish it")])
    return chosen.language


def clinic_edition_ids(content: Content, clinic: Clinic) -> list[str]:
    """The editions a clinic's copy publishes, English (the root) first: one per language it lists."""
    return ["", *(language_edition(content, lang).id for lang in clinic.profile.languages if lang != "en")]


def select_brand(content: Content, slug: str | None, edition: str = "") -> Brand:
    """The default brand, or the named clinic's (in one of its editions); raises ContentErrors for a bad profile."""
    if not slug:
        return default_brand(content)
    errors = ErrorCollector(content.root)
    clinic = load_clinic(content, slug, errors)
    errors.raise_if_any()
    return clinic_brand(content, clinic, clinic_edition(content, clinic, edition))
