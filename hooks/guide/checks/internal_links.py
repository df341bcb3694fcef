"""Links inside the built site: every page, picture, stylesheet and script a page points to
must be a file of the site, whichever engine built it.

MkDocs' strict mode refuses a Markdown link to a missing page, but Zensical's strict mode is
"currently unsupported", so this check runs on the built HTML (from guide.checks.pages, on the tree it
has already parsed) and refuses the build itself. Checked: <a href>, <img src/srcset>,
<link href>, <script src>, <source src/srcset>. Not checked: other websites, mailto:, tel:,
data:, links to a part of the same page (#...), and whether a #part of another page exists
(the target pages are other editions' too, checked by other runs of the verifier).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from .findings import Finding

# One XPath per page, anchored at the document node (see guide.checks.pages on `/descendant::`).
_TARGETS = etree.XPath("/descendant::a/@href | /descendant::img/@src | /descendant::img/@srcset"
                       " | /descendant::link/@href | /descendant::script/@src"
                       " | /descendant::source/@src | /descendant::source/@srcset")


def _addresses(value: str, attribute: str) -> list[str]:
    if attribute != "srcset":
        return [value.strip()]
    # "a.webp 1x, b.webp 2x": the address is each candidate's first word.
    return [part.split()[0] for part in value.split(",") if part.split()]


class LinkCheck:
    """Resolves the links of the pages of one site and remembers which files exist.

    `site_root` is the folder published as the site's root (the root edition's folder: links
    between editions resolve too); `base_path` the path of site_url (a root-relative link
    "/guide/x/" on a site served at /guide/ means x/ of site_root); `sources` maps a page,
    named from site_root, to the content_src file it is made from; `unbuilt` names edition
    folders this build does not make."""

    def __init__(self, site_root: Path, base_path: str = "/", sources: dict[str, str] | None = None,
                 unbuilt: tuple[str, ...] = (), only: tuple[str, ...] | None = None, later: tuple[str, ...] = ()):
        self.root = Path(site_root)
        # Folders written after this check (the handouts, printed from the verified pages).
        self.later = tuple(later)
        # A build without the root edition (`--edition es`): the root's files are not there, so
        # only links into the editions built (`only`) can be judged; a full build checks the rest.
        self.only = None if only is None else set(only)
        # Editions site.yml lists that this build did not make (`--edition root`, or `mkdocs build`
        # run directly): the edition switcher links to them, and they are there in a full build.
        self.unbuilt = set(unbuilt)
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.sources = sources or {}
        self._exists: dict[str, str | None] = {}

    def _found(self, target: str) -> str | None:
        """None when the site has `target`, else the file it should have been (cached: every page
        links to the same menu, stylesheets and scripts)."""
        if target not in self._exists:
            try:
                found = (self.root / target).is_file()
                if not found and (self.root / target).is_dir():  # "x" for the folder x/: its index.html
                    target_index = f"{target}/index.html"
                    self._exists[target] = None if (self.root / target_index).is_file() else target_index
                    return self._exists[target]
            except (OSError, ValueError):  # a NUL byte or an over-long name
                found = False
            self._exists[target] = None if found else target
        return self._exists[target]

    def expected_file(self, address: str, page: str) -> str | None:
        """The file of the site `address` on `page` needs, or None when it is not ours to check;
        "" when it points above the site's root."""
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path:
            return None  # another website, mailto:, tel:, data:, or this page (#part, ?query)
        path = unquote(parts.path)
        if path.startswith("/"):
            if path + "/" == self.base_path:
                joined = ""
            elif path.startswith(self.base_path):
                joined = path[len(self.base_path):]
            else:
                return ""  # outside the folder the site is served from
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
        target = posixpath.normpath(joined) if joined else "."
        if target == ".." or target.startswith("../"):
            return ""
        if target == ".":
            return "index.html"
        if path.endswith("/"):
            return f"{target}/index.html"
        return target

    def broken(self, tree, page: str) -> list[Finding]:
        """One finding per link on `page` (named from site_root) whose target is not in the site."""
        out: list[Finding] = []
        for value in _TARGETS(tree):
            attribute = value.attrname
            for address in _addresses(str(value), attribute):
                expected = self.expected_file(address, page)
                if expected is None or expected.split("/", 1)[0] in self.unbuilt:
                    continue
                if self.only is not None and expected.split("/", 1)[0] not in self.only:
                    continue
                if expected.startswith(self.later):  # () matches nothing
                    continue
                if expected and (expected := self._found(expected)) is None:
                    continue
                element = value.getparent().tag
                where = "a file above the site's folder" if expected == "" else f"{expected} in the built site"
                source = self.sources.get(page)
                hint = (f"fix the Markdown link in {source}" if source else
                        "fix the link in the Markdown page or template that makes this page")
                found = Finding(page, None, "", f"the link {address} (<{element} {attribute}>) goes nowhere: "
                                                f"expected {where}", hint)
                if found not in out:  # the same link twice on a page (menu and footer) is one problem
                    out.append(found)
        return out
