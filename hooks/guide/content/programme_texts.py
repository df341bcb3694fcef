"""The home-programme pages' words: content_src/programme.yml and its translations, with their models.

Content like any other: the words pass the same text rules and translation stamps; the pages
that show them are made in guide.pages.programme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from ..errors import ErrorCollector
from .loaded import Content
from .models import Strict, Text, TranslationMeta
from .validate import load_one

TEXTS_FILE = "programme.yml"
# The side codes a programme link carries (docs/assets/javascripts/programme.js); each needs a label.
SIDES = ("", "l", "r", "b")

class BuilderTexts(Strict):
    title: Text
    description: Text
    intro: Text
    privacy: Text
    library_heading: Text
    helps_with: Text
    search_label: Text
    search_hint: Text
    no_match: Text
    add: Text
    added: Text
    chosen_heading: Text
    chosen_empty: Text
    remove: Text
    move_up: Text
    move_down: Text
    note_label: Text
    note_hint: Text
    link_heading: Text
    link_label: Text
    copy_link: Text
    copied: Text
    open_view: Text
    qr_caption: Text
    print: Text
    print_hint: Text
    default_hint: Text


class ViewTexts(Strict):
    title: Text
    description: Text
    intro: Text
    empty: Text
    broken: Text
    unknown: Text
    unknown_id: Text
    note_heading: Text
    dose_heading: Text
    done_today: Text
    week_heading: Text
    week_intro: Text
    clear: Text
    cleared: Text
    clear_confirm: Text
    storage_heading: Text
    storage: Annotated[list[Text], Field(min_length=1, max_length=8)]
    full_instructions: Text
    start_caption: Text = Field(description="under the picture of the starting position")
    end_caption: Text = Field(description="under the picture of the end position")
    stop_heading: Text
    steps_heading: Text
    start_label: Text
    qr_caption: Text
    done_label: Text
    not_done_label: Text
    exercise_column: Text


class DoseTexts(Strict):
    reps: Text
    sets: Text
    hold: Text
    hold_short: Text = Field(description="the hold's label where the word 'seconds' follows the number")
    per_day: Text
    days: Text
    side: Text
    seconds: Text
    times: Text
    sides: dict[str, Text] = Field(description="a label for each side code: '' (not needed), l, r, b")


class WriteInTexts(Strict):
    title: Text
    name: Text
    date: Text
    dose: Text


class ProgrammeTexts(Strict):
    """content_src/programme.yml: the words of the home-programme pages."""

    builder: BuilderTexts
    view: ViewTexts
    dose: DoseTexts
    write_in: WriteInTexts


class ProgrammeTranslation(ProgrammeTexts, TranslationMeta):
    """translations/<lang>/programme.yml: the same words in another language, key for key."""


def load_texts(content: Content) -> ProgrammeTexts | None:
    """The programme's words, or None for a project without content_src/programme.yml.

    A language edition's words are its translation (guide.content.localize puts them in
    the content); without one, the edition leaves the programme pages out."""
    if getattr(content, "language", "en") != "en":
        return getattr(content, "programme_texts", None)
    path = Path(content.root) / TEXTS_FILE
    if not path.exists():
        return None
    errors = ErrorCollector(Path(content.root))
    texts, _ = load_one(path, ProgrammeTexts, errors)
    if texts is not None and set(texts.dose.sides) != set(SIDES):
        errors.add(path, None, "dose.sides", f"expected a label for each of {', '.join(repr(s) for s in SIDES)}",
                   "keep the four keys and change only their words")
    errors.raise_if_any()
    return texts
