"""The fields a patient reads, declared once on each model (`patient_text`).

Loading checks every declared field with the text rules (and counts it in the
reading grade). Placeholders are filled in two ways: fields also listed in
`plain_text` (titles, summaries, picture descriptions, doses: read in the page
head, menus, search results and attributes) get the number as plain text when
the content is branded (`branded`); the others become page markup and get a
tap-to-call link when compiled (guide.pages.wording.fill_tokens). tests/test_placeholders.py
puts a placeholder in every declared field and checks none survives; the
post-build check refuses any page that still shows one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from pydantic import BaseModel


def texts(model: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(field path, text) for every declared patient-text field, nested models and lists included."""
    for name in getattr(type(model), "patient_text", ()):
        yield from _walk(getattr(model, name), (*loc, name))


def _walk(value, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*loc, index))
    elif isinstance(value, BaseModel):
        yield from texts(value, loc)


def filled(model: BaseModel, fill: Callable[[str], str]) -> BaseModel:
    """A copy of `model` with `fill` applied to every plain-text field (`plain_text`)."""
    names = getattr(type(model), "plain_text", ())
    return model.model_copy(update={name: _fill(getattr(model, name), fill) for name in names})


def _fill(value, fill: Callable[[str], str]):
    if isinstance(value, str):
        return fill(value)
    if isinstance(value, list):
        return [_fill(item, fill) for item in value]
    if isinstance(value, BaseModel):
        return filled(value, fill)
    return value


def branded(content, fill: Callable[[str], str]):
    """The content with every article's and exercise's plain-text fields filled in."""
    return dataclasses.replace(
        content,
        articles=[dataclasses.replace(a, meta=filled(a.meta, fill)) for a in content.articles],
        exercises=[dataclasses.replace(e, data=filled(e.data, fill)) for e in content.exercises],
    )
