"""Content errors an editor can act on: file:line, field, what was expected, how to fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks.findings import Finding, report


# A content error is a Finding located in content_src/ (or docs/, or a clinic profile): the same
# shape as a problem on a built page. The name stays for the modules that raise content errors.
ContentError = Finding


class ContentErrors(Exception):
    """Raised once, after every check has run, with all the errors found."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.field, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.errors)
        return report(self.errors, f"{n} content error{'s' if n != 1 else ''} found. Nothing was published.")


@dataclass
class ErrorCollector:
    """Collects errors so that every problem is reported in one run."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve().parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path | str, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.errors.append(ContentError(self.rel(path), line, field, message, hint))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)
