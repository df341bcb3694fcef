"""The checks of the built folder's files that are not pages, by name (guide.checks.registry).

The pages have their own checks (guide.checks.pages); what else a reader, a browser or a search
engine reads is judged here, whichever engine or plugin wrote it: every SVG picture against the
allow-list (guide.checks.svg), and every data file (the search indexes, sitemaps, the web-app
manifest) for a placeholder written out instead of filled in.
"""

from __future__ import annotations

from pathlib import Path

from . import svg
from ..findings import Finding
from .pages import PLACEHOLDER
from .registry import site_check

# Text files a reader or a search engine reads besides the pages themselves.
DATA_SUFFIXES = (".json", ".xml", ".webmanifest", ".txt")


@site_check("pictures")
def pictures_safe(site: Path) -> list[Finding]:
    """Every SVG anywhere in the output passes the allow-list: no script, handler or outside reference."""
    return svg.check_svg_files(svg.svg_files(site), site)


@site_check("placeholders-in-data")
def data_placeholders_filled(site: Path) -> list[Finding]:
    """No search index, sitemap or manifest holds a [[placeholder]]: a search result would show it."""
    found: list[Finding] = []
    for path in sorted(p for p in site.rglob("*") if p.suffix in DATA_SUFFIXES and p.is_file()):
        raw = path.read_bytes()
        # "[[" is in the decoded text exactly when its bytes are in the file (UTF-8 keeps ASCII as is):
        # the search indexes of 1,000 articles are megabytes, nearly always without a placeholder.
        names = sorted(set(PLACEHOLDER.findall(raw.decode("utf-8", errors="replace")))) if b"[[" in raw else []
        if names:
            found.append(Finding(path.relative_to(site).as_posix(), None, "",
                                 f"the placeholder(s) {', '.join(names)} were written out instead of being filled in"))
    return found


def check_site_files(site: Path) -> list[Finding]:
    """Every registered site check on the built folder `site`, in the order they are defined."""
    from .registry import SITE_CHECKS
    return [finding for check in SITE_CHECKS.values() for finding in check(Path(site))]
