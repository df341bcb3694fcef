"""A language edition's content: the English content with every patient text from its
translation, pages not yet translated left out, and a notice for each out-of-date translation
(guide.content.translations says which are).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from . import models
from .loaded import Content
from .source_files import split_front_matter
from ..errors import ErrorCollector
from .translations import EXERCISE_LISTS, NoticeKey, Translated, Translations, english_updated

_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./exercises/)?([a-z0-9-]+)\.md(#[^)\s]*)?\)")


def _unlink_missing(body: str, articles: set[str], exercises: set[str]) -> str:
    """Links to pages this language does not have yet become their plain text."""

    def fix(match: re.Match) -> str:
        slug = match.group(2)
        known = exercises if match.group(0).startswith(f"[{match.group(1)}](../exercises/") else articles
        return match.group(0) if slug in known else match.group(1)

    return _LINK.sub(fix, body)


def safety_content(content: Content, tr: Translations) -> Content:
    """What a language edition's pages are checked against: its safety texts, and the articles
    it has translated (by file name: enough to know which pages it publishes)."""
    translated = {p.stem for p in (tr.root / "articles").glob("*.md")}
    exercises = {p.stem for p in (tr.root / "exercises").glob("*.yml")}
    return dataclasses.replace(content, disclaimer=tr.disclaimer, red_flags=tr.red_flags,
                               articles=[a for a in content.articles if a.slug in translated],
                               exercises=[e for e in content.exercises if e.slug in exercises], language=tr.language)


def localize(content: Content, tr: Translations, words: models.UiWords) -> tuple[Content, dict[NoticeKey, dict]]:
    """The content as the language's edition publishes it, and the out-of-date translations'
    notices, by what each translates (NoticeKey). Pages without a translation are left out."""
    articles, exercises, notices = [], [], {}
    slugs = set(tr.articles)
    exercise_slugs = set(tr.exercises)
    for article in content.articles:
        t = tr.articles.get(article.slug)
        if t is None:
            continue
        d = t.data
        # Every patient text from the translation, none left in English: an out-of-date translation
        # may lack help notes the English gained since (its notice says the English page has more).
        fields = {"title": d.title, "summary": d.summary, "answer": d.answer, "key_points": d.key_points,
                  "keywords": d.keywords, "help_notes": d.help_notes or [],
                  "reviewer": words.reviewers.get(article.meta.reviewer, article.meta.reviewer)}
        articles.append(dataclasses.replace(article, meta=article.meta.model_copy(update=fields),
                                            body=_unlink_missing(t.body, slugs, exercise_slugs)))
        if not t.current:
            notices[t.kind, t.slug] = _notice(t)
    for entry in content.exercises:
        t = tr.exercises.get(entry.slug)
        if t is None:
            continue
        d = t.data
        fields = {name: getattr(d, name) for name in ("title", "summary", "purpose", "starting_position", "keywords",
                                                      *EXERCISE_LISTS)}
        fields["reviewer"] = words.reviewers.get(entry.data.reviewer, entry.data.reviewer)
        fields["dose"] = entry.data.dose.model_copy(update={k: getattr(d.dose, k) for k in models.ExerciseDose.patient_text})
        fields["images"] = entry.data.images.model_copy(update=d.images.model_dump())
        exercises.append(dataclasses.replace(entry, data=entry.data.model_copy(update=fields), source=entry.data))
        if not t.current:
            notices[t.kind, t.slug] = _notice(t)
    for t in tr.docs.values():
        if not t.current:
            notices[t.kind, t.slug] = _notice(t)
    texts = None
    if tr.programme:
        texts = tr.programme.data
        if not tr.programme.current:
            notices[tr.programme.kind, tr.programme.slug] = _notice(tr.programme)
    # Validated as a GlossaryTranslation already, whose length limit allows for Spanish running
    # about a fifth longer than English; GlossaryEntry's limit is the English one.
    glossary = [models.GlossaryEntry.model_construct(term=t.data.term, also=t.data.also, definition=t.data.definition)
                for t in tr.glossary]
    sections = [s.model_copy(update={"title": words.sections.get(s.id, s.title)}) for s in content.sections]
    localized = dataclasses.replace(content, articles=articles, exercises=exercises, glossary=glossary, sections=sections,
                                    disclaimer=tr.disclaimer, red_flags=tr.red_flags, language=tr.language,
                                    programme_texts=texts)
    return localized, notices


def page_meta(t: Translated) -> dict:
    """A translated docs/ page's front matter: the English page's, with the translated title and description."""
    english = split_front_matter(t.english_path, ErrorCollector(t.english_path.parent), required=False)
    meta = {k: v for k, v in (english.meta if english else {}).items() if k not in ("title", "description")}
    return {**meta, "title": t.data.title, "description": t.data.description}


def _notice(t: Translated) -> dict:
    return {"english_date": english_updated(t.english_path), "translated_date": t.data.translated}


def notice_meta(notice: dict, words: models.UiWords, locale: str, english_lang: str, english_prefix: str) -> dict:
    """What the out-of-date notice (guide.pages.frame) shows: the ui.yml sentence split around its link."""
    from babel.dates import format_date

    def day(value: dt.date) -> str:
        return format_date(value, format="long", locale=locale.replace("-", "_"))

    text = (words.out_of_date or "{english_link}").format(english_date=day(notice["english_date"]),
                                                         translated_date=day(notice["translated_date"]),
                                                         english_link="\0")
    before, _, after = text.partition("\0")
    return {"text_before": before, "text_after": after, "link_text": words.english_page,
            "lang": locale.split("-")[0], "english_lang": english_lang, "english_prefix": english_prefix,
            "english_date": notice["english_date"].isoformat(), "translated_date": notice["translated_date"].isoformat()}
