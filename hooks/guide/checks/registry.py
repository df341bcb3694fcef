"""The checks every built page goes through, by name.

A page check is one function in hooks/guide/checks/pages.py under `@page_check("name")`: it is
handed the parsed page (a Page) and what the page must show (pages.Expectations) and returns a
list of Findings, empty when the page passes. verify_tree runs every registered check, in the
order they are defined (the order their findings are listed in). Each check has its cases, a page
it refuses and one it accepts, in tests/test_checks.py; a check without one fails that test.

A site check (hooks/guide/checks/site.py, `@site_check("name")`) judges the files that are not
pages: it is handed the built folder and returns Findings named from it. check_site runs every
one after the pages; each has its cases in tests/test_checks.py too (a folder it refuses).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Page:
    """One parsed page, as the checks see it."""

    tree: object
    name: str  # as a reader finds it in the published site: es/understanding/x/index.html
    raw: bytes | None = None  # the bytes it was parsed from, when the page was read from a file
    links: object = None  # the site's internal_links.LinkCheck; None for a page checked on its own
    # The elements with data-safety or data-source-id, found in one walk of the page by verify_tree.
    marked_or_cited: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.marked = [e for e in self.marked_or_cited if e.get("data-safety") is not None]

    def safety(self, kind: str) -> list:
        """The elements marked data-safety="kind", in document order."""
        return [e for e in self.marked if e.get("data-safety") == kind]


PageCheck = Callable[[Page, object], list]
PAGE_CHECKS: dict[str, PageCheck] = {}


def page_check(name: str) -> Callable[[PageCheck], PageCheck]:
    """Register a page check under `name` (what its test case is filed under)."""
    def register(check: PageCheck) -> PageCheck:
        if name in PAGE_CHECKS:
            raise ValueError(f"two page checks named {name!r}")
        PAGE_CHECKS[name] = check
        return check
    return register


SiteCheck = Callable[[object], list]
SITE_CHECKS: dict[str, SiteCheck] = {}


def site_check(name: str) -> Callable[[SiteCheck], SiteCheck]:
    """Register a check of the built folder's other files under `name`."""
    def register(check: SiteCheck) -> SiteCheck:
        if name in SITE_CHECKS:
            raise ValueError(f"two site checks named {name!r}")
        SITE_CHECKS[name] = check
        return check
    return register
