"""One shape for every problem the guide reports, from `make lint` to the check of the built site.

A content error (content_src/articles/x.md:12, field `body`), a problem on a built page
(understanding/x/index.html), a picture that can run code (content_src/illustrations/x.svg:2)
and an inline script the Content-Security-Policy would block are all a Finding: where (file,
line when known), which field (when there is one), what is wrong, how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def format(self, *, one_line: bool = False) -> str:
        """`file:line: field: message`, then the hint on its own line; `one_line` keeps the hint on the
        same line (`; hint: ...`), for the check of the built site, which lists one line per problem."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.hint:
            text += f"; hint: {self.hint}" if one_line else f"\n    hint: {self.hint}"
        return text


def report(findings: list[Finding], summary: str, *, one_line: bool = False) -> str:
    """Every finding, in the order given, then the summary line (what failed, what happens now)."""
    return "\n".join([f.format(one_line=one_line) for f in findings] + [summary])
