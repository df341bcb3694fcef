"""Content errors an editor can act on: file:line, field, what was expected, how to fix.

A content error is a guide.findings.Finding located in content_src/ (or docs/, or a clinic
profile): the same shape, and the same name, as a problem on a built page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, report


class ContentErrors(Exception):
    """Raised once, after every check has run, carrying every Finding found (`errors`), printed by
    one report; it is the exception, a Finding is one problem."""

    def __init__(self, errors: list[Finding]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.field, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.errors)
        return report(self.errors, f"{n} content error{'s' if n != 1 else ''} found. Nothing was published.")


@dataclass
class ErrorCollector:
    """Collects errors so that every problem is reported in one run."""

    root: Path
    errors: list[Finding] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve().parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path | str, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.errors.append(Finding(self.rel(path), line, field, message, hint))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)
