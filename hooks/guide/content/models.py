"""Typed models of every kind of content. `python -m guide schema` exports them as JSON Schema.

Field descriptions double as the hints shown to editors when a field is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_ID_PATTERN = r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ]{1,18}[0-9]$"
# The longest a review may be trusted for (NHS practice; clinical-brief.md section 10).
MAX_REVIEW_YEARS = 3
# The exercise library's groups and the exercises' goals, in the order pages list them; their words are
# ui.yml's `regions` and `goals`.
REGIONS = ("lumbar", "cervical", "general")
GOALS = ("nerve-movement", "mobility", "strength", "posture", "fitness")
Region = Literal[REGIONS]
Goal = Literal[GOALS]


def _iso_date(value: object) -> object:
    # Dates arrive as text (the YAML loader keeps them as strings) so that an
    # impossible date such as 2026-02-30 is reported against its field.
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError("expected a date written as YYYY-MM-DD, for example 2026-11-25")
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value.strip()} is not a real date") from None
    if isinstance(value, dt.date):
        return value
    raise ValueError("expected a date written as YYYY-MM-DD, for example 2026-11-25")


def _check_review_window(cls, next_review: dt.date, info: ValidationInfo) -> dt.date:
    reviewed = info.data.get("reviewed")
    if reviewed is None:  # reviewed itself is wrong; that error is reported already
        return next_review
    if next_review <= reviewed:
        raise ValueError(f"next_review ({next_review}) must be after reviewed ({reviewed})")
    try:
        limit = reviewed.replace(year=reviewed.year + MAX_REVIEW_YEARS)
    except ValueError:  # reviewed on 29 February
        limit = dt.date(reviewed.year + MAX_REVIEW_YEARS, 3, 1)
    if next_review > limit:
        raise ValueError(f"next_review must be at most {MAX_REVIEW_YEARS} years after reviewed, so {limit} or earlier")
    return next_review


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Slug = Annotated[str, Field(pattern=ID_PATTERN, description="lower-case words joined by hyphens, e.g. 'lumbar'")]
SourceId = Annotated[str, Field(pattern=SOURCE_ID_PATTERN, description="an id from content_src/bibliography.yml, e.g. NICE-NG59")]
Phone = Annotated[str, Field(pattern=PHONE_PATTERN, description="digits and spaces, optionally starting with +")]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---------------------------------------------------------------- safety
class Disclaimer(Strict):
    title: Text = Field(description="the heading of the disclaimer box")
    paragraphs: list[Text] = Field(min_length=1, description="one or more short paragraphs of plain text")


class RedFlagSet(Strict):
    id: Slug
    title: Text = Field(description="who this set is for, e.g. 'Low back, buttock and leg'")


Severity = Literal["emergency", "urgent", "routine"]
# Most urgent first: the box shows the tiers in this order.
SEVERITIES: tuple[str, ...] = ("emergency", "urgent", "routine")


class RedFlagItem(Strict):
    id: Slug
    severity: Severity = Field(
        description="'emergency' (call the emergency number now), 'urgent' (same-day medical advice) "
                    "or 'routine' (see a doctor or therapist soon)"
    )
    sets: list[Slug] = Field(min_length=1, description="the ids of the red-flag sets this sign belongs to")
    text: Text = Field(description="the warning sign in plain words; never a phone number")
    # Required of every sign: the compact copy of the box printed on each sheet names the signs by it.
    short: Annotated[str, Field(min_length=3, max_length=40)] = Field(
        description="a few words naming the sign, e.g. 'Signs of a stroke', for the compact copy of the box "
                    "printed on each sheet and for templates that list the signs briefly")


class RedFlagTier(Strict):
    label: Annotated[str, Field(min_length=3, max_length=40, description="the tier's name, e.g. 'Emergency signs'")]
    heading: Text = Field(description="the heading above this tier's signs in the box")
    action: Text = Field(description="what to do, shown under this tier's signs")
    help: Text = Field(description="one line for each article's 'When to get help' section: what to do for this tier's signs")


class RedFlagTiers(Strict):
    emergency: RedFlagTier = Field(description="heading or action must contain {emergency}, the brand's emergency number")
    urgent: RedFlagTier = Field(description="action must contain {urgent}, the brand's urgent-advice route")
    routine: RedFlagTier

    @model_validator(mode="after")
    def _placeholders(self) -> "RedFlagTiers":
        if "{emergency}" not in self.emergency.heading:
            raise ValueError("emergency.heading must contain {emergency}, where the emergency number goes")
        if "{emergency}" not in self.emergency.help:
            raise ValueError("emergency.help must contain {emergency}, where the emergency number goes")
        if "{urgent}" not in self.urgent.action or "{urgent}" not in self.urgent.help:
            raise ValueError("urgent.action and urgent.help must contain {urgent}, where the urgent-advice route goes")
        return self

    def of(self, severity: str) -> RedFlagTier:
        return getattr(self, severity)


class HelpSection(Strict):
    heading: Text = Field(description="the heading of the section the build adds near the end of every article")
    intro: Text = Field(description="one line before the tiers, pointing to the warning box")
    more: Text = Field(description="the text of the link to the warning-signs page")
    page: Slug = Field(description="the article (file name without .md) that explains every warning sign")


class FirstScreen(Strict):
    """The short emergency list on the first screen of every article and exercise: the emergency
    tier's heading and action, each emergency sign's `short` form and the call button, then this link."""

    more: Text = Field(description="the text of the link from the short emergency list to the full warning box on the same page")


class RedFlags(Strict):
    tiers: RedFlagTiers
    notes: list[Text] = Field(min_length=1, max_length=3, description=(
        "short lines at the foot of the box, e.g. what 'new' means, with an example"))
    help: HelpSection
    first_screen: FirstScreen
    sets: list[RedFlagSet] = Field(min_length=1)
    items: list[RedFlagItem] = Field(min_length=1)
    # Every page shows this set beside its region's: signs that can come with any back or neck pain.
    required_set: Slug = Field("general", description="the set every page must show beside its own")


# ---------------------------------------------------------------- brand
class Country(Strict):
    code: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="two-letter country code, e.g. GB")]
    name: Text
    emergency_number: Phone
    urgent_advice: Text = Field(description="where to get same-day advice, e.g. 'your GP or NHS 111'")
    urgent_number: Phone | None = None


Language = Annotated[str, Field(pattern=r"^[a-z]{2}$", description="a two-letter language code, e.g. 'es'")]


class Edition(Strict):
    """Another edition of the public guide (a country's, or a language's), published in its own folder."""

    id: Annotated[str, Field(pattern=r"^[a-z]{2,10}$", description="short lower-case id, also the folder: 'uk' is published at /uk/")]
    label: Text = Field(description="what a reader picks, e.g. 'United Kingdom'")
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="two-letter code from content_src/countries.yml")]
    locale: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$", description="e.g. en-GB")]
    language: Language | None = Field(None, description=(
        "a language edition: its pages are compiled from content_src/translations/<language>/ "
        "(e.g. 'es'); omitted for another country's edition in English"))


class SiteSettings(Strict):
    name: Text = Field(description="the site's name, shown in the header and page titles")
    short_name: Text
    tagline: Text
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="two-letter code from content_src/countries.yml")]
    locale: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$", description="e.g. en-US or en-GB; sets date format")]
    emergency_number: Phone | None = Field(None, description="overrides the country's emergency number")
    urgent_advice: Text | None = Field(None, description="overrides the country's urgent-advice route")
    urgent_number: Phone | None = None
    nav_group_size: Annotated[int, Field(
        ge=5, le=200,
        description="most links in one level of the navigation menu; a bigger section is split into A-to-Z groups "
                    "of at most this many, so no page carries a menu of hundreds of links")] = 25
    edition_label: Text | None = Field(None, description="the root edition's name in the edition switch, e.g. 'United States'")
    editions: list[Edition] = Field(default_factory=list, description="other countries' editions, each in its own folder")
    editions_intro: Text | None = Field(None, description="the words before the edition links, e.g. 'This guide for:'")

    @model_validator(mode="after")
    def _editions_named(self) -> "SiteSettings":
        if self.editions and not (self.edition_label and self.editions_intro):
            raise ValueError("with 'editions', give 'edition_label' (this edition's name) and 'editions_intro'")
        return self


HexColour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="a colour written as #rrggbb, e.g. #1a3d6b")]
HttpsUrl = Annotated[str, Field(pattern=r"^https://[^\s\"'<>]+$", description="an https:// address")]


SourceHash = Annotated[str, Field(pattern=r"^(sha256:[0-9a-f]{16})?$", description=(
    "the hash of the English text this was translated from; written by `python -m guide translations stamp`"))]


class OpeningHours(Strict):
    patient_text: ClassVar[tuple[str, ...]] = ("days", "hours")
    days: Annotated[str, Field(min_length=2, max_length=40, description="e.g. 'Monday to Friday'")]
    hours: Annotated[str, Field(min_length=2, max_length=40, description="e.g. '8am to 6pm' or 'Closed'")]


class OpeningHoursTranslation(OpeningHours):
    # Spanish runs about a fifth longer than English, and times are written out in words.
    days: Annotated[str, Field(min_length=2, max_length=60, description="e.g. 'De lunes a viernes'")]
    hours: Annotated[str, Field(min_length=2, max_length=60, description="e.g. 'De ocho de la mañana a seis de la tarde' or 'Cerrado'")]


class ClinicTranslation(Strict):
    """A clinic's own texts in one more language it publishes (clinic.yml `translations: es:`).
    Names, address, phone and web addresses are the same in every language and are not repeated."""

    patient_text: ClassVar[tuple[str, ...]] = ("opening_hours", "urgent_advice")
    opening_hours: list[OpeningHoursTranslation] = Field(min_length=1, max_length=8, description=(
        "the opening hours in this language, one entry per English entry, in the same order"))
    urgent_advice: Annotated[str, Field(min_length=3, max_length=80)] | None = Field(None, description=(
        "the urgent-advice route in this language; required when the profile sets 'urgent_advice'"))
    # Stamps (guide.content.translations): the opening hours are ordinary text, listed by `make lint` when
    # out of date; the urgent-advice route is safety text, so the language's build fails on it.
    source_hash: SourceHash = Field("", description=(
        "the hash of the English opening_hours these were translated from; written by "
        "`python -m guide translations stamp content_src/clinics/<slug>/clinic.yml`"))
    urgent_advice_source_hash: SourceHash = Field("", description=(
        "the hash of the English urgent_advice this route was translated from (safety text: the build "
        "of this language fails when it is missing or out of date); written by the same stamp command"))
    urgent_advice_reviewed_by: Text | None = Field(None, description=(
        "the role that checked the translated urgent-advice route, e.g. 'Physical therapist, "
        "Spanish-speaking (translation review)'; required with urgent_advice"))


class ClinicPageTranslation(BaseModel):
    """Front matter of a clinic's own page in another language (pages/<language>/): which English page
    text it translates and when; its other front matter (title, description) is read as any page's."""

    model_config = ConfigDict(extra="allow")
    source_hash: SourceHash = ""
    translated: IsoDate = Field(description="date of this translation, YYYY-MM-DD: shown in the out-of-date notice")


class ClinicProfile(Strict):
    """A clinic's branded copy. Only names, contact details, colours and numbers can vary:
    there is deliberately no field for safety text, so a profile cannot change it."""

    # Checked by the text rules like any content (names only for numbers: they are names).
    patient_text: ClassVar[tuple[str, ...]] = ("opening_hours",)

    name: Annotated[str, Field(min_length=2, max_length=60, description="the clinic's name, shown in the header and page titles")]
    short_name: Annotated[str, Field(min_length=2, max_length=30)]
    logo: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+\.(svg|png)$", description="an SVG or PNG file in the clinic's folder")]
    primary_colour: HexColour = Field(description="header and link colour, written as #rrggbb (e.g. #1a3d6b); must reach 4.5:1 contrast with white")
    accent_colour: HexColour = Field(description="hover and button colour, written as #rrggbb; must reach 4.5:1 contrast with white")
    phone: Phone = Field(description="the clinic's own phone number (not an emergency number)")
    address: list[Annotated[str, Field(min_length=1, max_length=80)]] = Field(min_length=1, max_length=6, description="address lines")
    website: HttpsUrl
    booking_url: HttpsUrl | None = None
    opening_hours: list[OpeningHours] = Field(min_length=1, max_length=8)
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="two-letter code from content_src/countries.yml; sets the emergency number")]
    locale: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$", description="e.g. en-GB; sets the date format")]
    emergency_number: Phone | None = Field(None, description="overrides the country's emergency number")
    urgent_advice: Annotated[str, Field(min_length=3, max_length=60, pattern=r"^[A-Za-z0-9 ,.'()&/-]+$",
                                        description="the local route for same-day advice, e.g. 'your GP or NHS 111'")] | None = None
    urgent_number: Phone | None = Field(None, description="phone number of the urgent-advice route")
    languages: list[Language] = Field(["en"], min_length=1, description=(
        "the languages the copy is published in, English first, e.g. [en, es]; each other language needs "
        "its texts under 'translations' and its pages in pages/<language>/, and is published under /<language>/"))
    translations: dict[Language, ClinicTranslation] = Field(default_factory=dict, description=(
        "the profile's texts in each other language it publishes, e.g. 'es: {opening_hours: [...]}'"))


# ---------------------------------------------------------------- bibliography
class Source(Strict):
    id: SourceId
    kind: Literal["guideline", "review", "trial", "cohort", "patient-information", "other"]
    title: Text
    authors: Text | None = None
    publisher: Text | None = None
    journal: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    updated: Annotated[int, Field(ge=1900, le=2100)] | None = None
    url: Annotated[str, Field(pattern=r"^https://\S+$", description="an https:// address")] | None = None
    doi: Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$", description="a DOI such as 10.1136/bmj.i6748")] | None = None

    @model_validator(mode="after")
    def _findable(self) -> "Source":
        if not (self.publisher or self.journal):
            raise ValueError("give a publisher or a journal")
        return self


class Section(Strict):
    id: Slug
    title: Text


# ---------------------------------------------------------------- pages
class ArticleMeta(Strict):
    # What a patient reads: checked by the text rules, counted in the grade, placeholders filled (guide.content.patient_text).
    patient_text: ClassVar[tuple[str, ...]] = ("title", "summary", "answer", "key_points", "help_notes")
    plain_text: ClassVar[tuple[str, ...]] = ("title", "summary")
    title: Annotated[str, Field(min_length=3, max_length=80, description="the question or topic, in plain words")]
    summary: Annotated[str, Field(min_length=20, max_length=170, description="one sentence; becomes the page's meta description")]
    section: Slug = Field(description="an id from content_src/sections.yml")
    order: Annotated[int, Field(ge=0, description="position within its section; lower comes first")]
    answer: Annotated[str, Field(min_length=20, description="one or two sentences that answer the title directly")]
    key_points: list[Text] = Field(min_length=2, max_length=6, description="two to six short bullet points")
    red_flags: list[Slug] = Field(min_length=1, description="red-flag set ids from content_src/safety/red_flags.yml")
    sources: list[SourceId] = Field(min_length=2, description="at least two ids from content_src/bibliography.yml")
    keywords: list[Text] = Field(default_factory=list, description="words patients search with: synonyms, UK/US spellings, misspellings")
    help_notes: list[Annotated[str, Field(min_length=3, max_length=300)]] = Field(
        default_factory=list, max_length=5,
        description="short Markdown lines of advice for this page, shown after the generated 'When to get help'; "
                    "never a warning sign or an emergency instruction (those come from content_src/safety/red_flags.yml)")
    reviewed: IsoDate = Field(description="date of the last clinical review, YYYY-MM-DD")
    next_review: IsoDate = Field(description="date the next review is due, YYYY-MM-DD, at most 3 years after 'reviewed'")
    reviewer: Text = Field(description="the reviewer's role, e.g. 'Physical therapist (clinical reviewer)'")

    @field_validator("summary")
    @classmethod
    def _one_sentence(cls, value: str) -> str:
        if re.search(r"[.!?]\s+\S", value):
            raise ValueError("summary must be one sentence")
        return value

    _review_window = field_validator("next_review")(classmethod(_check_review_window))


class ExerciseDose(Strict):
    patient_text: ClassVar[tuple[str, ...]] = ("reps", "sets", "hold", "duration", "how_often")
    plain_text: ClassVar[tuple[str, ...]] = patient_text
    reps: Text | None = None
    sets: Text | None = None
    hold: Text | None = None
    duration: Text | None = None
    how_often: Text = Field(description="how often to do it, e.g. '2 to 3 times a day'")


class ExerciseImages(Strict):
    patient_text: ClassVar[tuple[str, ...]] = ("start_alt", "end_alt")
    plain_text: ClassVar[tuple[str, ...]] = patient_text
    start: Annotated[str, Field(pattern=r"^[a-z0-9-]+\.svg$", description="an SVG file in content_src/exercises/images/")]
    start_alt: Annotated[str, Field(min_length=10, description="describes the starting position for people who cannot see the picture")]
    end: Annotated[str, Field(pattern=r"^[a-z0-9-]+\.svg$")]
    end_alt: Annotated[str, Field(min_length=10)]


ShortList = Annotated[list[Text], Field(min_length=1, max_length=8)]


class Exercise(Strict):
    patient_text: ClassVar[tuple[str, ...]] = (
        "title", "summary", "purpose", "suits", "not_for", "starting_position", "steps", "dose",
        "should_feel", "should_not_feel", "stop_if", "progression", "images")
    plain_text: ClassVar[tuple[str, ...]] = ("title", "summary", "dose", "images")
    title: Annotated[str, Field(min_length=3, max_length=60)]
    summary: Annotated[str, Field(min_length=20, max_length=170, description="one sentence; becomes the meta description")]
    region: Region = Field(description="groups the exercise library")
    goals: list[Goal] = Field(min_length=1)
    order: Annotated[int, Field(ge=0)]
    red_flags: list[Slug] = Field(min_length=1)
    purpose: Text
    suits: ShortList
    not_for: ShortList
    starting_position: Text
    steps: Annotated[list[Text], Field(min_length=2, max_length=10)]
    dose: ExerciseDose
    should_feel: ShortList
    should_not_feel: ShortList
    stop_if: ShortList
    progression: ShortList
    images: ExerciseImages
    sources: list[SourceId] = Field(min_length=2)
    keywords: list[Text] = Field(default_factory=list)
    reviewed: IsoDate
    next_review: IsoDate
    reviewer: Text

    _review_window = field_validator("next_review")(classmethod(_check_review_window))


class GlossaryEntry(Strict):
    term: Text = Field(description="the word as it appears in text")
    also: list[Text] = Field(default_factory=list, description="other forms or spellings that get the same definition")
    definition: Annotated[str, Field(min_length=10, max_length=200, description="plain words, one or two short sentences")]


class ForbiddenWording(Strict):
    pattern: Text = Field(description="a Python regular expression, matched case-insensitively")
    why: Text
    hint: Text


def _patterns_compile(value: list[ForbiddenWording]) -> list[ForbiddenWording]:
    """A wording rule whose pattern is not a regular expression is refused at load, with its pattern."""
    for rule in value:
        try:
            re.compile(rule.pattern)
        except re.error as exc:
            raise ValueError(f"pattern {rule.pattern!r} is not a valid regular expression: {exc}") from None
    return value


class SentenceLimits(Strict):
    """Limits for each sentence on its own: a page's average grade can hide one impossible sentence."""

    max_words: Annotated[int, Field(gt=0, description="no sentence may have more words than this")]
    max_grade: Annotated[float, Field(gt=0, description="no sentence may have a higher Flesch-Kincaid grade than this")]
    grade_from_words: Annotated[int, Field(ge=1, description=(
        "the grade limit applies to sentences of at least this many words: the formula means little "
        "for a heading of one or two words"))]
    skip_sections: list[Text] = Field(default_factory=list, description=(
        "article sections (## headings, exact text) whose sentences are not checked one by one; "
        "they still count in the page's grade"))


class LanguageRules(Strict):
    """The text rules for one other language: its own forbidden wording and reading-ease limits.
    Numbers need no rule of their own: emergency numbers are refused in every language."""

    min_score: Annotated[float, Field(ge=0, le=100, description=(
        "lowest INFLESZ (Szigriszt-Pazos) score of a whole page; higher is easier"))]
    aim_score: Annotated[float, Field(ge=0, le=100, description="the score pages aim for (reported, not enforced)")] | None = None
    sentence_max_words: Annotated[int, Field(gt=0, description="no sentence may have more words than this")]
    sentence_min_score: Annotated[float, Field(ge=0, le=100, description=(
        "no sentence of at least sentence_from_words words may score lower than this"))]
    sentence_from_words: Annotated[int, Field(ge=1)] = 8
    forbidden: list[ForbiddenWording] = Field(default_factory=list)

    @field_validator("forbidden")
    @classmethod
    def _compiles(cls, value: list[ForbiddenWording]) -> list[ForbiddenWording]:
        return _patterns_compile(value)


class Rules(Strict):
    max_grade: Annotated[float, Field(gt=0, le=12, description="highest Flesch-Kincaid grade of a whole page")]
    sentence: SentenceLimits | None = Field(None, description="limits for every sentence; not checked when omitted")
    forbidden: list[ForbiddenWording] = Field(default_factory=list)
    safety_only: list[ForbiddenWording] = Field(default_factory=list, description=(
        "wording only content_src/safety/ may use: an article that writes its own triage list or emergency "
        "instruction is refused (exercises' stop rules are not checked)"))
    languages: dict[Language, LanguageRules] = Field(default_factory=dict, description=(
        "rules for translated text, by language code (content_src/translations/<code>/)"))

    @field_validator("forbidden", "safety_only")
    @classmethod
    def _compiles(cls, value: list[ForbiddenWording]) -> list[ForbiddenWording]:
        return _patterns_compile(value)


# ---------------------------------------------------------------- locale (content_src/locale.yml)
LocaleId = Annotated[str, Field(pattern=r"^[a-z]{2}-[A-Z]{2}$", description="a locale such as en-US or en-GB")]
TokenId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$",
                               description="lower-case words joined by hyphens; written in text as [[id]]")]
SpellingWord = Annotated[str, Field(pattern=r"^[a-z]+(?:[ -][a-z]+)*$", description="a whole word, in lower case")]


class CareWord(Strict):
    id: TokenId
    text: dict[LocaleId, Text] = Field(description="the words shown for each locale, e.g. {en-US: the emergency room (ER), en-GB: A&E}")
    note: Text | None = Field(None, description="when to use it (for editors; never shown)")


class RefusedWords(Strict):
    words: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1, description=(
        "words the build refuses in patient text; with a capital letter they match exactly as written "
        "(GP, ER), in lower case they match in any case (physio)"))
    use: Text = Field(description="what to write instead, e.g. '[[er]]'; shown as the hint")


class LocaleSettings(Strict):
    written_in: LocaleId = Field(description="the locale content is written in (spelling and words)")
    locales: list[LocaleId] = Field(min_length=1, description="every locale a brand may use; each care word needs text for each")
    tokens: list[CareWord] = Field(default_factory=list, description="care words: [[id]] in text, filled per locale")
    spelling: dict[LocaleId, dict[SpellingWord, SpellingWord]] = Field(default_factory=dict, description=(
        "for each locale, words as written (written_in) and as that locale spells them; whole words, case kept"))
    refuse: list[RefusedWords] = Field(default_factory=list, description="locale-specific words never written directly")

    @model_validator(mode="after")
    def _complete(self) -> "LocaleSettings":
        if self.written_in not in self.locales:
            raise ValueError(f"written_in '{self.written_in}' must be one of locales: {', '.join(self.locales)}")
        for word in self.tokens:
            missing = [loc for loc in self.locales if loc not in word.text]
            if missing:
                raise ValueError(f"care word '{word.id}' has no text for {', '.join(missing)}")
        for loc in self.spelling:
            if loc not in self.locales:
                raise ValueError(f"spelling for '{loc}', which is not in locales")
        return self


class DocsPageMeta(BaseModel):
    """Front matter of hand-written pages in docs/: only the fields we act on are checked."""

    model_config = ConfigDict(extra="allow")
    red_flags: list[Slug] | None = Field(None, description="red-flag set ids; all sets when omitted")
    sources: list[SourceId] | None = None


# ---------------------------------------------------------------- search
PagePath = Annotated[str, Field(pattern=r"^/(?:[a-z0-9-]+/)*$",
                                description="a page's address on the site, starting and ending with '/', e.g. /warning-signs/warning-signs/")]


class BestBet(Strict):
    """Queries that must lead to one page first, whatever the ranking says."""

    queries: list[Text] = Field(min_length=1, description=(
        "words a patient types; the bet applies when a query contains one of these as whole words, "
        "in this order (\"er\" matches \"should i go to the er\", not \"where\")"))
    page: PagePath
    whole_query: bool = Field(False, description="true: the bet applies only when the whole query is one of `queries` (\"exercises\", not \"exercises for sciatica\")")
    why: str = Field("", description="why ranking alone does not find this page (for the next editor)")


class BestBets(Strict):
    best_bets: list[BestBet] = Field(default_factory=list)


class SearchRanking(Strict):
    """Pagefind's ranking settings (https://pagefind.app/docs/ranking/)."""

    term_frequency: float = Field(1.0, ge=0, le=1, description="0 ranks by how many matches; 1 by how often the words occur for the page's length")
    term_similarity: float = Field(1.0, ge=0, description="how much an exact word beats a longer word it starts (\"disc\" and \"discs\")")
    term_saturation: float = Field(1.4, ge=0, le=2, description="how quickly more matches of one word stop counting")
    page_length: float = Field(0.75, ge=0, le=1, description="how much long pages are penalised")


class SearchMessages(Strict):
    """The words the search box shows; {words} and {count} are filled in."""

    none: Text
    one: Text
    other: Text
    without: Text = Field(description="shown when some query words were left out because no page has them; {words} lists them")
    failed: Text


class SearchSettings(Strict):
    stop_words: list[Text] = Field(default_factory=list, description=(
        "words left out of a query before it is searched: common words that otherwise match the start of "
        "other words (\"should\" would find \"shoulder\")"))
    respell: dict[str, Text] = Field(default_factory=dict, description=(
        "query words replaced before searching: misspellings and words no page uses, "
        "mapped to the words the pages use (siatica: sciatica, physio: physical therapy)"))
    ranking: SearchRanking = Field(default_factory=SearchRanking)
    messages: SearchMessages


# ---------------------------------------------------------------- translations
# One translation file per English file (content_src/translations/<lang>/, SPANISH-FORMAT.md):
# only the patient text and translation metadata; structure always comes from English.


class TranslationMeta(Strict):
    source_hash: SourceHash = ""
    translated: IsoDate = Field(description="date of this translation, YYYY-MM-DD")
    translator: Text = Field(description="the translator's role, e.g. 'Editorial team (Spanish translation)'")


class ArticleTranslation(TranslationMeta):
    patient_text: ClassVar[tuple[str, ...]] = ("title", "summary", "answer", "key_points", "help_notes")
    plain_text: ClassVar[tuple[str, ...]] = ("title", "summary")
    title: Annotated[str, Field(min_length=3, max_length=90)]
    summary: Annotated[str, Field(min_length=20, max_length=220, description="one sentence")]
    answer: Annotated[str, Field(min_length=20)]
    key_points: list[Text] = Field(min_length=2, max_length=6)
    keywords: list[Text] = Field(default_factory=list, description="patients' own words in this language, misspellings included")
    help_notes: list[Text] | None = Field(None, description="only when the English file has help_notes, one per English note")


class PageTranslation(TranslationMeta):
    """Front matter of a translated hand-written page (translations/<lang>/pages/, one per docs/ page):
    its title and description; the English page's other front matter (warning-sign sets, sources) applies."""

    patient_text: ClassVar[tuple[str, ...]] = ("title", "description")
    plain_text: ClassVar[tuple[str, ...]] = patient_text
    title: Annotated[str, Field(min_length=3, max_length=90)]
    description: Annotated[str, Field(min_length=20, max_length=220, description="one sentence, for search results")]


class ExerciseDoseTranslation(Strict):
    patient_text: ClassVar[tuple[str, ...]] = ("reps", "sets", "hold", "duration", "how_often")
    plain_text: ClassVar[tuple[str, ...]] = patient_text
    reps: Text | None = None
    sets: Text | None = None
    hold: Text | None = None
    duration: Text | None = None
    how_often: Text


class ExerciseImagesTranslation(Strict):
    patient_text: ClassVar[tuple[str, ...]] = ("start_alt", "end_alt")
    plain_text: ClassVar[tuple[str, ...]] = patient_text
    start_alt: Annotated[str, Field(min_length=10)]
    end_alt: Annotated[str, Field(min_length=10)]


class ExerciseTranslation(TranslationMeta):
    patient_text: ClassVar[tuple[str, ...]] = Exercise.patient_text
    plain_text: ClassVar[tuple[str, ...]] = Exercise.plain_text
    title: Annotated[str, Field(min_length=3, max_length=70)]
    summary: Annotated[str, Field(min_length=20, max_length=220)]
    purpose: Text
    suits: ShortList
    not_for: ShortList
    starting_position: Text
    steps: Annotated[list[Text], Field(min_length=2, max_length=10)]
    dose: ExerciseDoseTranslation
    should_feel: ShortList
    should_not_feel: ShortList
    stop_if: ShortList
    progression: ShortList
    images: ExerciseImagesTranslation
    keywords: list[Text] = Field(default_factory=list)


class GlossaryTranslation(Strict):
    term: Text
    also: list[Text] = Field(default_factory=list)
    definition: Annotated[str, Field(min_length=10, max_length=240)]
    source_term: Text = Field(description="the English term (content_src/glossary.yml) this translates")
    source_hash: SourceHash = ""


class SafetyTranslation(Strict):
    """One translated safety text: who checked it, and which English text it translates."""

    source_hash: SourceHash = ""
    reviewed_by: Text = Field(description="the role that checked the translation, e.g. 'Physical therapist, Spanish-speaking (translation review)'")


class DisclaimerTranslation(SafetyTranslation):
    title: Text
    paragraphs: list[Text] = Field(min_length=1, description="as many paragraphs as the English disclaimer")


class RedFlagTierTranslation(SafetyTranslation):
    label: Annotated[str, Field(min_length=3, max_length=40)]
    heading: Text
    action: Text
    help: Text


class RedFlagTiersTranslation(Strict):
    emergency: RedFlagTierTranslation = Field(description="heading and help must contain {emergency}")
    urgent: RedFlagTierTranslation = Field(description="action and help must contain {urgent}")
    routine: RedFlagTierTranslation


class RedFlagNoteTranslation(SafetyTranslation):
    text: Text


class HelpSectionTranslation(SafetyTranslation):
    heading: Text
    intro: Text
    more: Text


class FirstScreenTranslation(SafetyTranslation):
    more: Text = Field(description="the link from the short emergency list to the full warning box")


class RedFlagSetTranslation(SafetyTranslation):
    id: Slug = Field(description="the id of the English set this translates")
    title: Text


class RedFlagItemTranslation(SafetyTranslation):
    id: Slug = Field(description="the id of the English warning sign this translates")
    text: Text
    short: Annotated[str, Field(min_length=3, max_length=40)] | None = Field(
        None, description="only when the English sign has a short form")


class RedFlagsTranslation(Strict):
    """The warning signs in one language, key for key as content_src/safety/red_flags.yml."""

    tiers: RedFlagTiersTranslation
    notes: list[RedFlagNoteTranslation] = Field(min_length=1, max_length=3, description="one per English note, same order")
    help: HelpSectionTranslation
    first_screen: FirstScreenTranslation
    sets: list[RedFlagSetTranslation] = Field(min_length=1)
    items: list[RedFlagItemTranslation] = Field(min_length=1)


# ---------------------------------------------------------------- page furniture (content_src/ui.yml)
class ClinicWords(Strict):
    """A clinic copy's contact card, questions box and printed header and footer, in one language."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)
    phone: Text = Field(description="before the clinic's phone number, e.g. 'Phone'")
    opening_hours: Text = Field(description="the caption of the opening-hours table")
    website: Text = Field(description="the link to the clinic's website")
    book: Text = Field(description="the link to the clinic's booking page")
    questions_label: Text = Field(description="the accessible name of the questions box")
    questions_title: Text = Field(description="its bold opening words, e.g. 'Questions?'")
    questions: Text = Field(description="with {name} and {phone}, e.g. 'Talk to your therapist at {name}: call {phone}'")
    or_book_online: Text = Field(description="after it, with {link}, when the clinic books online, e.g. ' or {link}'")
    book_online: Text = Field(description="the text of that link")
    page_of: Text = Field(description="the printed footer's page count, with {page} and {pages}")

    @model_validator(mode="after")
    def _placeholders(self) -> "ClinicWords":
        for name, needed in (("questions", ("{name}", "{phone}")), ("or_book_online", ("{link}",)),
                             ("page_of", ("{page}", "{pages}"))):
            missing = [p for p in needed if p not in getattr(self, name)]
            if missing:
                raise ValueError(f"clinic.{name} needs {' and '.join(missing)}: the build fills them in")
        return self


class UiWords(Strict):
    """Page furniture in one language: the words a generated page shows that are not content.
    English text may use care-word tokens ([[physical-therapists]]): they are filled per locale."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)
    language_name: Text = Field(description="the language's own name, in the language switch, e.g. 'Español'")
    language_label: Text = Field(description="the accessible name of the language switch, e.g. 'Language'")
    home: Text
    exercises: Text
    glossary: Text
    sources: Text
    about_clinic: Text = Field(description="the menu entry of a clinic's own pages, with {name}")
    key_points: Text
    review_line: Text = Field(description="with {reviewed}, {reviewer} and {next_review}")
    updated: Text = Field(description="before a source's update year, e.g. 'updated'")
    start: Text
    end: Text
    start_position: Text
    end_position: Text
    tap_to_enlarge: Text
    body_area_line: Text = Field(description="with {region} and {goals}")
    printable_sheet: Text
    printable_programme: Text
    what_it_is_for: Text
    who_it_suits: Text
    not_for: Text
    how_to_do_it: Text
    starting_position: Text
    how_much_and_often: Text
    should_feel: Text
    should_not_feel: Text
    stop_if: Text
    making_it_harder: Text
    dose: dict[str, Text] = Field(description="labels for reps, sets, hold, duration, how_often")
    regions: dict[str, Text] = Field(description="the exercise library's groups: " + ", ".join(REGIONS))
    goals: dict[str, Text] = Field(description=", ".join(GOALS))
    warning_signs_label: Text = Field(description="the accessible name of the warning-signs box")
    call: Text = Field(description="the words before the emergency number on the call button, e.g. 'Call'")
    home_programme_title: Text
    home_programme_description: Text
    home_programme_intro: Text
    full_instructions: Text
    how_much: Text
    stop_and_get_help: Text
    library_title: Text
    library_description: Text
    library_intro: Text
    by_goal: Text
    helps_with: Text
    glossary_description: Text
    glossary_intro: Text
    sources_description: Text
    sources_intro: Text
    source_kinds: dict[str, Text]
    not_found_title: Text
    not_found_text: Text
    not_found_home: Text = Field(description="the link to the home page on the not-found page")
    not_found_search: Text = Field(description="the words after that link")
    skip_to_content: Text = Field(description="the first link the Tab key reaches: it jumps past the menu to the page's title")
    # Only for a language edition: what an English build never shows.
    sections: dict[str, Text] = Field(default_factory=dict, description="section titles by section id")
    urgent_advice: dict[str, Text] = Field(default_factory=dict, description="the urgent-advice route by country code")
    # Stamps of that route (safety text, guide.content.translations): a missing or out-of-date one stops the
    # language's build, as a warning sign's does.
    urgent_advice_source_hash: dict[str, SourceHash] = Field(default_factory=dict, description=(
        "by country code: the hash of the English urgent_advice (content_src/countries.yml) the route was "
        "translated from; written by `python -m guide translations stamp content_src/ui.yml`"))
    urgent_advice_reviewed_by: dict[str, Text] = Field(default_factory=dict, description=(
        "by country code: the role that checked the translated route, e.g. 'Editorial team (Spanish "
        "translation)'; required with each urgent_advice entry"))
    out_of_date: Text | None = Field(None, description="with {english_date}, {translated_date} and {english_link}")
    english_page: Text | None = Field(None, description="the text of the link to the English page")
    contents_title: Text | None = Field(None, description="the generated home page's title, until docs/index.md is translated")
    contents_intro: Text | None = Field(None, description="one line under it")
    copyright: Text | None = Field(None, description="the footer line (English: mkdocs.yml 'copyright')")
    clinic: ClinicWords = Field(description="a clinic copy's contact card, questions box and printed header")
    external_link: Text | None = Field(None, description=(
        "read out by screen readers after a link to another website, in brackets, e.g. 'opens another website'"))
    conditions: dict[str, Text] = Field(default_factory=dict, description=(
        "for a language edition: the condition a page is about (JSON-LD 'about'), by red-flag region: "
        "lumbar, cervical, general"))
    reviewers: dict[str, Text] = Field(default_factory=dict, description=(
        "for a language edition: each English reviewer role (as articles and exercises write it) in this language"))


class Ui(Strict):
    en: UiWords
    es: UiWords | None = None


# Files whose whole content is one model, and files that are a list of one model.
SCHEMAS: dict[str, object] = {
    "article": ArticleMeta,
    "exercise": Exercise,
    "site": SiteSettings,
    "red_flags": RedFlags,
    "disclaimer": Disclaimer,
    "rules": Rules,
    "bibliography": list[Source],
    "sections": list[Section],
    "countries": list[Country],
    "glossary": list[GlossaryEntry],
    "clinic": ClinicProfile,
    "locale": LocaleSettings,
    "best_bets": BestBets,
    "search_settings": SearchSettings,
    "ui": Ui,
    "article_translation": ArticleTranslation,
    "exercise_translation": ExerciseTranslation,
    "glossary_translation": list[GlossaryTranslation],
    "disclaimer_translation": DisclaimerTranslation,
    "red_flags_translation": RedFlagsTranslation,
}
