"""Review dates: content past its next review is flagged at every build.

A warning locally (so an editor can still preview), an error in strict mode,
which `make build` and CI use, so overdue medical content is never published.
"""

from __future__ import annotations

import datetime as dt

from .loaded import Content


def overdue(content: Content, today: dt.date) -> list[str]:
    found = []
    items = [(a.path, a.meta.next_review, a.lines.line(("next_review",))) for a in content.articles]
    items += [(e.path, e.data.next_review, e.lines.line(("next_review",))) for e in content.exercises]
    for path, due, line in items:
        if due < today:
            rel = path.relative_to(content.root.parent).as_posix()
            found.append(f"{rel}:{line}: next_review: the review was due on {due.isoformat()}; "
                         "have the page reviewed, then update 'reviewed' and 'next_review'")
    return found
