"""Links inside the built site: every page, picture, stylesheet and script a page points to
must be a file of the site, whichever engine built it.

MkDocs' strict mode refuses a Markdown link to a missing page, but Zensical's strict mode is
"currently unsupported", so this check runs on the built HTML (from guide.checks.pages, on the tree it
has already parsed) and refuses the build itself. Checked: <a href>, <img src/srcset>,
<link href>, <script src>, <source src/srcset>. Not checked: other websites, mailto:, tel:, data:.

A link to a part of a page (<a href="#x">, "../sciatica/#what-to-do") must name an element that
page has, or a reader lands at the top of a long page (missing_parts): an id="x", or an
<a name="x">, as a browser finds them. A page linked to with a #part is read once for its ids
(most pages are, or were, checked in the same run, in any order); "#" and "#top" go to the top
of any page, as HTML defines them.
"""

from __future__ import annotations

import itertools
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ..findings import Finding

# One XPath per page, anchored at the document node (see guide.checks.pages on `/descendant::`).
_TARGETS = etree.XPath("/descendant::a/@href | /descendant::img/@src | /descendant::img/@srcset"
                       " | /descendant::link/@href | /descendant::script/@src"
                       " | /descendant::source/@src | /descendant::source/@srcset")
# The same addresses, as plain strings (no element made for each): the srcsets apart, as they list several,
# and the links apart, as the check of links to a part of a page reads them too (one walk of the page
# for both checks: a walk of its own cost that check half its time, about 0.13 ms a page).
_PLAIN_LINKS = etree.XPath("/descendant::a/@href", smart_strings=False)
_PLAIN_OTHERS = etree.XPath("/descendant::img/@src | /descendant::link/@href"
                            " | /descendant::script/@src | /descendant::source/@src", smart_strings=False)
_PLAIN_SRCSETS = etree.XPath("/descendant::img/@srcset | /descendant::source/@srcset", smart_strings=False)


# The parts a page has, as a browser finds them: an id on any element, and the older <a name>.
# libxml2 keeps both in the page's table of ids as it parses: `id()` looks one up without a walk
# of the page (a value with a space in it is never in that table: _IDS finds it).
_HAS_ID = etree.XPath("boolean(id($id))")
_IDS = etree.XPath("/descendant::*/@id | /descendant::a/@name", smart_strings=False)

_NOT_OURS = object()  # an address the check does not judge, whatever page it is on

# In `unbuilt`: whatever lies above site_root. An edition built on its own (`mkdocs build` or
# `mkdocs serve` with GUIDE_EDITION=uk) has its own folder as the top of what is built, and its
# switcher links climb out of it (or start at "/") to the same page in the root edition.
ABOVE_THE_SITE = ""


def _hint(source: str | None) -> str:
    """How to fix a link on a page made from `source` (a content_src file), or from a page or template."""
    return (f"fix the Markdown link in {source}" if source else
            "fix the link in the Markdown page or template that makes this page")


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
    folders this build does not make (ABOVE_THE_SITE: the root edition, for an edition built on its own)."""

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
        # Every page links to the same menu, stylesheets and scripts: what an address says apart from
        # the page it is on is worked out once (about 100 addresses a page, most of them "../../x/").
        self._split: dict[str, tuple | None] = {}
        self._page, self._base = None, None
        # Whether an address is fine, by what it resolves from: a relative address that climbs
        # `ups` folders means the same on every page whose folders, less the last `ups`, are the
        # same (the menu's "../x/" on every page of a section, "../../x/" on every page two deep).
        self._fine_from: dict[tuple[str, str | None], bool] = {}
        self._from_page, self._from = None, None
        self._ids: dict[str, frozenset[str] | None] = {}  # the parts of each page linked to with a #part
        self._parts: dict[tuple, str | None] = {}  # missing_part's answers
        self._links_of: tuple = (None, [])  # the last page's tree and its <a href>s

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
        if address not in self._split:
            self._split[address] = self._address_parts(address)
        split = self._split[address]
        if split is _NOT_OURS:
            return None
        if split is None:  # not a plain relative path: worked out in full
            return self._expected_file(address, page)
        ups, rest, folder = split
        base = self._folders(page)
        if base is None:
            return self._expected_file(address, page)
        if ups > len(base):
            return ""
        target = "/".join(base[:len(base) - ups] + ([rest] if rest else []))
        if not target:
            return "index.html"
        return f"{target}/index.html" if folder else target

    def _folders(self, page: str) -> list[str] | None:
        """The folders of the page's address, when it is written normalised ("a/b/index.html")."""
        if page != self._page:
            folder = posixpath.dirname(page)
            self._page = page
            self._base = [] if not folder else \
                folder.split("/") if not folder.startswith("/") and posixpath.normpath(folder) == folder else None
        return self._base

    @staticmethod
    def _address_parts(address: str) -> tuple[int, str, bool] | object | None:
        """A relative address as (how many folders up, the normalised rest, names a folder), when
        resolving it is exactly dropping that many folders of the page's and appending the rest;
        _NOT_OURS for other sites, mailto:, tel:, data: and #parts; None for anything else
        (root-relative, or "..", "//" or "/" left after the leading "../")."""
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path:
            return _NOT_OURS  # another website, mailto:, tel:, data:, or this page (#part, ?query)
        if parts.path.startswith("/"):
            return None
        path = unquote(parts.path)
        ups, rest = 0, path
        while rest.startswith("../"):
            ups, rest = ups + 1, rest[3:]
        if rest == "..":
            ups, rest = ups + 1, ""
        norm = posixpath.normpath(rest) if rest else "."
        if norm.startswith(("/", "..")) or "/../" in f"/{norm}/":
            return None
        return ups, "" if norm == "." else norm, path.endswith("/")

    def _expected_file(self, address: str, page: str) -> str | None:
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

    def _judged(self, expected: str | None) -> bool:
        """Whether this run judges links to `expected` (a file named from site_root, as expected_file gives it)."""
        if expected is None or expected.split("/", 1)[0] in self.unbuilt:
            return False  # a file above site_root is named "" (ABOVE_THE_SITE)
        if self.only is not None and expected.split("/", 1)[0] not in self.only:
            return False
        return not expected.startswith(self.later)  # () matches nothing

    def _goes_nowhere(self, address: str, page: str) -> str | None:
        """None when `address` on `page` is fine or not ours to judge, else the file it lacks ("" above the root)."""
        expected = self.expected_file(address, page)
        if not self._judged(expected):
            return None
        if expected and (expected := self._found(expected)) is None:
            return None
        return expected

    def _hint(self, page: str) -> str:
        return _hint(self.sources.get(page))

    def missing_part(self, target: str | None, part: str) -> str | None:
        """`target` (a file named from site_root, as expected_file gives it) when it is a page of the
        site this run judges and has no element that `part` names; None when it has (or is not ours
        to judge, or is not there at all: broken() says so). Each page is read once for its ids, and
        each answer kept: a hundred pages link to the same sources."""
        if (target, part) not in self._parts:
            missing = None
            if target and target.endswith(".html") and self._judged(target) and self._found(target) is None:
                if target not in self._ids:
                    try:
                        self._ids[target] = frozenset(_IDS(lxml_html.document_fromstring((self.root / target).read_bytes())))
                    except (OSError, ValueError, etree.ParserError):
                        self._ids[target] = None  # unreadable: that page's own check says so
                ids = self._ids[target]
                missing = None if ids is None or _has_part(ids, part) else target
            self._parts[target, part] = missing
        return self._parts[target, part]

    def links(self, tree) -> list[str]:
        """The <a href>s of a parsed page, as plain strings, read once for both checks of the page."""
        if self._links_of[0] is not tree:
            self._links_of = (tree, _PLAIN_LINKS(tree))
        return self._links_of[1]

    def broken(self, tree, page: str) -> list[Finding]:
        """One finding per link on `page` (named from site_root) whose target is not in the site."""
        # Nearly every page has no broken link: the addresses are read as plain strings first (an
        # element for each, to name it, costs half as much again), and only a page with a link
        # that goes nowhere is read again to word its messages.
        starts = self._starts(page)
        fine_from, split_of = self._fine_from, self._split
        for address in itertools.chain(self.links(tree), _PLAIN_OTHERS(tree)):
            split = split_of.get(address)
            if split is None and address not in split_of:
                split = split_of[address] = self._address_parts(address.strip())
            if split is _NOT_OURS:
                continue
            key = (address, None if split is None or starts is None else
                   starts[split[0]] if split[0] < len(starts) else "..")
            fine = fine_from.get(key)
            if fine is None:
                fine = self._goes_nowhere(address.strip(), page) is None
                if key[1] is not None:  # otherwise it depends on more than the folders: judged on each page
                    fine_from[key] = fine
            if not fine:
                return self._messages(tree, page)
        for value in _PLAIN_SRCSETS(tree):
            for address in _addresses(value, "srcset"):
                if self._goes_nowhere(address, page) is not None:
                    return self._messages(tree, page)
        return []

    def _starts(self, page: str) -> list[str] | None:
        """For each number of folders an address climbs (0, 1, ...), the folder it resolves from on
        `page`; None when the page's name is not normalised (every address is then judged in full)."""
        if page != self._from_page:
            base = self._folders(page)
            self._from_page = page
            self._from = None if base is None else ["/".join(base[:len(base) - ups]) for ups in range(len(base) + 1)]
        return self._from

    def _messages(self, tree, page: str) -> list[Finding]:
        out: list[Finding] = []
        for value in _TARGETS(tree):
            attribute = value.attrname
            for address in _addresses(str(value), attribute):
                if (expected := self._goes_nowhere(address, page)) is None:
                    continue
                element = value.getparent().tag
                where = "a file above the site's folder" if expected == "" else f"{expected} in the built site"
                found = Finding(page, None, "", f"the link {address} (<{element} {attribute}>) goes nowhere: "
                                                f"expected {where}", self._hint(page))
                if found not in out:  # the same link twice on a page (menu and footer) is one problem
                    out.append(found)
        return out


def missing_parts(tree, page: str, site: LinkCheck | None = None) -> list[Finding]:
    """The links on `page` to a part (#x) its page does not have. Without the `site` (a page checked
    on its own) only the links to a part of this page can be judged."""
    out: list[Finding] = []
    seen: set[str] = set()
    for raw in site.links(tree) if site is not None else _PLAIN_LINKS(tree):
        if "#" not in raw or raw in seen:
            continue
        seen.add(raw)
        address = raw.strip()
        before, _, part = address.partition("#")
        if part == "" or part.lower() == "top":  # the top of the page, with or without an element so named
            continue
        if before == "":
            if part.split() == [part] and _HAS_ID(tree, id=part) or _has_part(frozenset(_IDS(tree)), part):
                continue
            where = "this page"
        elif site is None or (where := site.missing_part(site.expected_file(before, page), part)) is None:
            continue
        out.append(Finding(page, None, "", f"the link {address} (<a href>) names a part of {where} that is not there: "
                                           f"no element has id=\"{unquote(part)}\" (a reader lands at the top of the page)",
                           site._hint(page) if site is not None else _hint(None)))
    return out


def _has_part(ids: frozenset[str], part: str) -> bool:
    """Whether a page with these ids has the part: a browser tries it as written, then percent-decoded."""
    return part in ids or unquote(part) in ids
