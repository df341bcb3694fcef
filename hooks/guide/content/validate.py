"""Model validation whose errors an author can act on: file:line, field, expected, hint.

Pydantic's errors name a location inside the data; these helpers turn it into the line of the
YAML or front matter it came from, the field's own description as the hint, and a "did you mean"
for a misspelt field or id. Every loader (articles, exercises, brands, translations, the
hand-written pages) reports through them, so a wrong value reads the same wherever it is.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ErrorCollector
from .loaded import Content
from .source_files import LineMap, load_yaml_file

M = TypeVar("M", bound=BaseModel)


def _describe(model: Any, loc: tuple) -> str:
    """The field's description, used as the hint for a wrong value."""
    target = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(target, "model_fields", None)
        if not fields or part not in fields:
            return ""
        info = fields[part]
        target = info.annotation
        # Unwrap list[X] / X | None to reach a nested model.
        for arg in getattr(target, "__args__", ()) or ():
            if hasattr(arg, "model_fields"):
                target = arg
        if part == loc[-1] or loc.index(part) == len([p for p in loc if not isinstance(p, int)]) - 1:
            return info.description or ""
    return ""


def _friendly(error: dict, model: Any) -> tuple[str, str]:
    loc = tuple(error["loc"])
    kind = error["type"]
    description = _describe(model, loc)
    if kind == "missing":
        return "required field is missing", f"add '{loc[-1]}: ...'" + (f" ({description})" if description else "")
    if kind == "extra_forbidden":
        known = list(getattr(_owner(model, loc), "model_fields", {}))
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(known)}"
        return "unknown field", hint
    message = error["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and description:
        message = f"'{error.get('input')}' is not in the expected form"
    if kind in ("literal_error", "enum") and "expected" in error.get("ctx", {}):
        message = f"'{error.get('input')}' is not allowed; expected {error['ctx']['expected']}"
    return message, description


def _owner(model: Any, loc: tuple) -> Any:
    target = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(target, "model_fields", {}).get(part)
        if info is None:
            return target
        target = info.annotation
        for arg in getattr(target, "__args__", ()) or ():
            if hasattr(arg, "model_fields"):
                target = arg
    return target


def dotted_field(loc: tuple) -> str:
    """A model error's location as an editor names the field: ("dose", "reps") is `dose.reps`,
    ("key_points", 2) is `key_points[2]`."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def validate_model(model: type[M], data: Any, path: Path, lines: LineMap, errors: ErrorCollector, prefix: tuple = ()) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            message, hint = _friendly(error, model)
            errors.add(path, lines.line(prefix + loc), dotted_field(prefix + loc), message, hint)
        return None


def load_list(path: Path, model: type[M], errors: ErrorCollector, key: str = "id") -> list[tuple[M, int]]:
    """A YAML file holding a list of entries; each entry is validated on its own."""
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        return []
    data, lines = parsed
    if not isinstance(data, list):
        errors.add(path, 1, "", "expected a list of entries, each starting with '- '", "see content_src/README.md")
        return []
    out: list[tuple[M, int]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        entry = validate_model(model, item, path, lines, errors, (index,))
        if entry is None:
            continue
        value = getattr(entry, key)
        line = lines.line((index,))
        if value.lower() in seen:
            errors.add(path, line, f"[{index}].{key}", f"duplicate {key} '{value}' (first used on line {seen[value.lower()]})",
                       f"each {key} must be unique")
            continue
        seen[value.lower()] = line
        out.append((entry, line))
    return out


def load_one(path: Path, model: type[M], errors: ErrorCollector) -> tuple[M | None, LineMap]:
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        return None, LineMap()
    data, lines = parsed
    if not isinstance(data, dict):
        errors.add(path, 1, "", "expected 'field: value' lines", "see content_src/README.md")
        return None, lines
    return validate_model(model, data, path, lines, errors), lines


def check_refs(values: list[str], known: set[str] | list[str], path: Path, lines: LineMap, errors: ErrorCollector,
               field_name: str, what: str, where: str) -> None:
    for index, value in enumerate(values):
        if value not in known:
            close = difflib.get_close_matches(value, list(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known {what}: {', '.join(sorted(known))}"
            errors.add(path, lines.line((field_name, index)), f"{field_name}[{index}]",
                       f"unknown {what} '{value}'", f"{hint} (defined in {where})")


def check_page_sets(values: list[str], content: "Content", path: Path, lines: LineMap, errors: ErrorCollector) -> None:
    """A page's red_flags: known set ids, and always the set every page shows (general)."""
    check_refs(values, content.red_flag_set_ids, path, lines, errors, "red_flags", "red-flag set",
               "content_src/safety/red_flags.yml")
    required = content.red_flags.required_set
    if required not in values:
        errors.add(path, lines.line(("red_flags",)), "red_flags",
                   f"the warning signs leave out the '{required}' set",
                   f"add it: red_flags: [{', '.join([*values, required])}]; every page shows the '{required}' signs "
                   "(stroke, heart attack, serious accident, fever, cancer) beside its own region's")
