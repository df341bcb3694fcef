"""Read content files safely and parse YAML while remembering line numbers.

Every problem becomes a Finding (never a traceback): bad bytes, empty or
oversized files, YAML syntax errors. Parsed YAML comes with a LineMap so that
later validation can point at the exact line of a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ErrorCollector

# Larger than any real article or data file; stops a pasted binary or a runaway
# generated file from slowing every build.
MAX_FILE_BYTES = 512 * 1024

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings, so models can report bad dates by field."""


# libyaml's parser (PyYAML's wheels include it) reads valid files about ten times
# faster than the pure-Python one, with the same line marks. Its error messages
# are terser, so a file it rejects is parsed again by _LineLoader for the report.
class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Remove the implicit timestamp resolver: "2026-02-30" must reach validation as
# text and be reported as an impossible date, not crash the YAML constructor.
_LineLoader.yaml_implicit_resolvers = _FastLineLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LineMap:
    """Maps a field path such as ("items", 3, "text") to its 1-based line."""

    offset: int = 0
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, path: tuple = ()) -> int:
        # Walk up to the nearest ancestor we know: a missing field is reported
        # at the line of the mapping that should contain it.
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1) + self.offset


def _record_lines(node: yaml.Node, path: tuple, out: dict[tuple, int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            # A field is reported at its key's line, not at its value's.
            out[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), out)


def read_text(path: Path, errors: ErrorCollector) -> str | None:
    """Return the file's text with Unix line endings, or None after recording why not."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        errors.add(path, None, "", f"cannot read file ({exc.strerror})", "check the file exists and is readable")
        return None
    if len(raw) > MAX_FILE_BYTES:
        errors.add(
            path, None, "", f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}",
            "split it into smaller files, or check that a binary file was not saved here by mistake",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.add(
            path, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8 in your editor (for example 'Save with encoding: UTF-8')",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        errors.add(path, None, "", "file is empty", "add the content, or delete the file")
        return None
    return text


def _compose(loader_class: type, text: str) -> tuple[Any, yaml.Node | None]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return (None, None) if node is None else (loader.construct_document(node), node)
    finally:
        loader.dispose()


def parse_yaml(text: str, path: Path, errors: ErrorCollector, line_offset: int = 0) -> tuple[Any, LineMap] | None:
    """Parse one YAML document; return (data, LineMap) or None after recording the error."""
    try:
        try:
            data, node = _compose(_FastLineLoader, text)
        except yaml.YAMLError:
            data, node = _compose(_LineLoader, text)  # raises again, with the clearer message
        if node is None:
            return None, LineMap(line_offset)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        errors.add(
            path, line, "", f"YAML syntax error: {problem}",
            "check indentation and quoting on this line and the one before; text containing ': ' or '#' needs quotes",
        )
        return None
    except yaml.YAMLError as exc:
        errors.add(path, None, "", f"YAML error: {exc}", "check the file is valid YAML")
        return None
    lines: dict[tuple, int] = {}
    _record_lines(node, (), lines)
    return data, LineMap(line_offset, lines)


def load_yaml_file(path: Path, errors: ErrorCollector) -> tuple[Any, LineMap] | None:
    text = read_text(path, errors)
    if text is None:
        return None
    return parse_yaml(text, path, errors)


@dataclass
class MarkdownSource:
    meta: dict
    lines: LineMap
    body: str
    body_line: int  # 1-based line where the body starts


def split_front_matter(path: Path, errors: ErrorCollector, *, required: bool) -> MarkdownSource | None:
    text = read_text(path, errors)
    if text is None:
        return None
    match = FRONT_MATTER.match(text)
    if not match:
        if required:
            errors.add(
                path, 1, "", "no front matter found",
                "start the file with a line '---', then the fields (title:, summary:, ...), then another '---'",
            )
            return None
        return MarkdownSource({}, LineMap(), text, 1)
    parsed = parse_yaml(match.group(1) or "", path, errors, line_offset=1)
    if parsed is None:
        return None
    meta, lines = parsed
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        errors.add(path, 2, "", "front matter must be a set of 'field: value' lines", "see content_src/README.md")
        return None
    body_line = text[: match.end()].count("\n") + 1
    return MarkdownSource(meta, lines, text[match.end():], body_line)
