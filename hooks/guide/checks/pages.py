"""Check every built HTML page for the safety boxes, independent of MkDocs.

Runs as the last step of every build (from the hook) and on its own against any
folder of HTML, so the guarantee holds whatever tool produced the pages:

    python -m guide verify site/ [--clinic SLUG]

A page fails when it has no red-flag box, not exactly one disclaimer, a box
whose text differs from its single source (edited, emptied or half-rendered),
a compact copy of the box (printed on each sheet) that differs from the same
source, a hidden box, an article without its generated "When to get help" (or
one that differs from red_flags.yml), an article or exercise without its
emergency strip (or one that differs, or does not come before the box), an
emergency link to the wrong number, names a red-flag set or source id that does
not exist, links to another website unmarked, links to a page, picture, stylesheet
or script that is not in the built site, or to a part of a page (#x) that page does
not have (guide.checks.internal_links).

Each of these is a page check below, registered with `@page_check("name")` (guide.checks.registry)
and tested on HTML strings in tests/test_checks.py; verify_site reads and parses every page once
and verify_tree runs every registered check on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from .. import links
from ..content.brand import Brand
from ..content.loaded import Content
from ..pages.safety_html import (DISCLAIMER, EMERGENCY, HELP, RED_FLAGS, RED_FLAGS_SHORT, disclaimer_box, emergency_strip,
                          help_section, ordered_sets, red_flag_box, red_flag_short_box, visible_text)
from . import internal_links
from ..findings import Finding, report as report_findings
from .registry import PAGE_CHECKS, Page, page_check

# Compiled once and anchored at the document node: `/descendant::*` visits elements only,
# where `//*` also steps through every text node (measured 15-20% slower on built pages).
# The safety boxes and the cited sources, told apart in Python (a handful of elements). Stepping
# to the attributes and back to their elements costs less than half of testing each element with
# a predicate (0.14 against 0.34 ms on a built page): libxml2 then only looks the name up in each
# element's attribute list. The union keeps document order and lists an element with both once.
_MARKED_OR_CITED = etree.XPath("/descendant::*/@data-safety/.. | /descendant::*/@data-source-id/..")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:[^.\d]|$)|font-size\s*:\s*0", re.I)


class SourceFiles(Mapping):
    """Each generated page (named from the site's root) to the content_src file it is made from,
    as a message names it. Named only when asked: only the hint of a broken link needs one, and
    resolving every article's path cost about 0.2 s a build at 1,000 articles."""

    def __init__(self, paths: dict[str, Path], rel, prefix: str = ""):
        self._paths, self._rel, self._prefix = paths, rel, prefix

    def under(self, prefix: str) -> "SourceFiles":
        """The same files, their pages named from `prefix` (an edition's folder) up."""
        return SourceFiles(self._paths, self._rel, prefix)

    def __getitem__(self, page: str) -> str:
        if not page.startswith(self._prefix):
            raise KeyError(page)
        return self._rel(self._paths[page[len(self._prefix):]])

    def __iter__(self):
        return (self._prefix + page for page in self._paths)

    def __len__(self) -> int:
        return len(self._paths)


class Expectations:
    """What every page must show, derived from content_src/ and the brand."""

    def __init__(self, content: Content, brand: Brand, site_url: str | None = None):
        self.content = content
        self.brand = brand
        self.set_ids = set(content.red_flag_set_ids)
        self.source_ids = set(content.sources)
        self.disclaimer = visible_text(disclaimer_box(content.disclaimer))
        self.own_hosts = links.own_hosts(site_url)
        self.base_path = urlsplit(site_url or "").path or "/"  # where root-relative links start
        # Per instance, not functools.lru_cache: a cache on the method would keep every
        # rebuild's Content alive for as long as `mkdocs serve` runs.
        self._red_flag_texts: dict[tuple[str, ...], str] = {}
        self._short_texts: dict[tuple[str, ...], str] = {}
        # Every article's page must carry the generated "When to get help" for its own sets.
        help_page = content.red_flags.help.page
        self.help_heading = " ".join(content.red_flags.help.heading.split())
        published = {a.slug for a in content.articles}  # a language edition: the articles it has translated
        self.help_pages = {f"{a.meta.section}/{a.slug}/index.html": (self.canonical_sets(a.meta.red_flags),
                                                                    a.slug != help_page and help_page in published)
                           for a in content.articles}
        self._help_texts: dict[tuple, str] = {}
        # Every article's and exercise's page opens with the emergency strip for its own sets.
        self.strip_pages = {page: sets for page, (sets, _) in self.help_pages.items()}
        self.strip_pages.update({f"exercises/{e.slug}/index.html": self.canonical_sets(e.data.red_flags)
                                 for e in content.exercises})
        self._strip_texts: dict[tuple[str, ...], str] = {}
        # The file each generated page is made from, for the hint of a link that goes nowhere.
        from ..errors import ErrorCollector
        paths = {f"{a.meta.section}/{a.slug}/index.html": a.path for a in content.articles}
        paths.update({f"exercises/{e.slug}/index.html": e.path for e in content.exercises})
        self.page_sources = SourceFiles(paths, ErrorCollector(content.root).rel)
        self.prefix = ""  # the edition's folder in the published site, when pages are named from its root
        # A language edition's boxes come from its translations: a message names the file (and line)
        # its editor fixes, not the English source.
        language = getattr(content, "language", "en") or "en"
        self._safety_dir = content.root / "safety" if language == "en" else \
            content.root / "translations" / language / "safety"
        self._safety_lines: dict[str, object] = {}

    def source(self, name: str, element=None, kind: str = "") -> str:
        """Where the text of a box that differs comes from: the safety file of the page's language,
        with the line of the first of its texts the page does not show, when one can be told."""
        from ..errors import ErrorCollector
        from ..content.source_files import load_yaml_file

        path = self._safety_dir / name
        where = ErrorCollector(self.content.root).rel(path)
        if element is None or not path.is_file():
            return where
        if name not in self._safety_lines:
            self._safety_lines[name] = load_yaml_file(path, ErrorCollector(self.content.root))
        parsed = self._safety_lines[name]
        if not parsed or not isinstance(parsed[0], dict):
            return where
        data, lines = parsed
        shown = _plain(visible_text(element))
        if name == "disclaimer.yml":
            texts = [(("title",), data.get("title"))] + [(("paragraphs", i), t) for i, t in enumerate(data.get("paragraphs") or [])]
        else:
            wanted = set(element.get("data-red-flag-sets", "").split())
            items = {i.id: i for i in self.content.red_flags.items}
            texts = [(("items", i, "short" if kind == "short" else "text"), item.get("short" if kind == "short" else "text"))
                     for i, item in enumerate(data.get("items") or [])
                     if isinstance(item, dict) and item.get("id") in items and wanted & set(items[item["id"]].sets)]
        for loc, text in texts:
            if isinstance(text, str) and _plain(text) not in shown:
                return f"{where}:{lines.line(loc)}"
        return where

    def red_flag_text(self, sets: tuple[str, ...]) -> str:
        if sets not in self._red_flag_texts:
            self._red_flag_texts[sets] = visible_text(red_flag_box(self.content.red_flags, self.brand, sets))
        return self._red_flag_texts[sets]

    def red_flag_short_text(self, sets: tuple[str, ...]) -> str:
        if sets not in self._short_texts:
            self._short_texts[sets] = visible_text(red_flag_short_box(self.content.red_flags, self.brand, sets))
        return self._short_texts[sets]

    def help_text(self, sets: tuple[str, ...], linked: bool) -> str:
        # The link's address depends on where the page is; its text does not.
        if (sets, linked) not in self._help_texts:
            self._help_texts[sets, linked] = visible_text(
                help_section(self.content.red_flags, self.brand, sets, "#" if linked else None))
        return self._help_texts[sets, linked]

    def strip_text(self, sets: tuple[str, ...]) -> str:
        if sets not in self._strip_texts:
            self._strip_texts[sets] = visible_text(emergency_strip(self.content.red_flags, self.brand, sets) or "<p></p>")
        return self._strip_texts[sets]

    def canonical_sets(self, sets: list[str]) -> tuple[str, ...]:
        return tuple(ordered_sets(self.content.red_flags, sets))


def _plain(text: str) -> str:
    """Text without Markdown emphasis and link syntax, whitespace normalised: to find a source text in a page's."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())


def _hidden(element) -> str | None:
    node = element
    while node is not None:
        if node.get("hidden") is not None:
            return "has the 'hidden' attribute"
        if node.get("aria-hidden", "").lower() == "true":
            return "is marked aria-hidden"
        if _HIDDEN_STYLE.search(node.get("style", "")):
            return f"is hidden by an inline style ({node.get('style')})"
        if node.tag in ("template", "noscript"):
            return f"sits inside <{node.tag}>, which is not shown"
        node = node.getparent()
    return None


def parse_page(markup: str | bytes, page: str) -> tuple[object | None, list[Finding]]:
    """(the page's element tree, []) or (None, [why it cannot be read])."""
    try:
        return lxml_html.document_fromstring(markup), []
    except (ValueError, lxml_html.etree.ParserError) as exc:
        return None, [Finding(page, None, "", f"cannot be read as HTML ({exc})")]


def verify_page(markup: str | bytes, page: str, expect: Expectations) -> list[Finding]:
    tree, problems = parse_page(markup, page)
    return problems if tree is None else verify_tree(tree, page, expect, markup if isinstance(markup, bytes) else None)


def verify_tree(tree, page: str, expect: Expectations, raw: bytes | None = None, link_check=None) -> list[Finding]:
    """Findings on one parsed page: every registered page check (guide.checks.registry), in turn.
    `raw`, the bytes it was parsed from, lets the placeholder check skip pages that cannot hold
    one (see may_hold_placeholder); `link_check`, the site's LinkCheck, lets the links be checked."""
    seen = page_of(tree, page, raw, link_check)
    problems: list[Finding] = []
    for check in PAGE_CHECKS.values():
        problems.extend(check(seen, expect))
    return problems


def page_of(tree, page: str, raw: bytes | None = None, link_check=None) -> Page:
    """A parsed page as the checks see it: its safety boxes and cited sources found in one walk."""
    return Page(tree, page, raw, link_check, _MARKED_OR_CITED(tree))


def _collector(page: Page):
    """([], fail): fail(message) adds a finding on the page to the list."""
    out: list[Finding] = []

    def fail(message: str) -> None:
        out.append(Finding(page.name, None, "", message))
    return out, fail


# ---------------------------------------------------------------- the page checks, in the order their findings are listed
@page_check("safety-markers")
def markers_known(page: Page, expect: Expectations) -> list[Finding]:
    """Every data-safety marker is one the checks know: a misspelt one would escape them."""
    out, fail = _collector(page)
    for element in page.marked:
        if element.get("data-safety") not in (DISCLAIMER, RED_FLAGS, RED_FLAGS_SHORT, HELP, EMERGENCY):
            fail(f"unknown safety marker data-safety=\"{element.get('data-safety')}\"")
    return out


@page_check("disclaimer")
def disclaimer_shown(page: Page, expect: Expectations) -> list[Finding]:
    """Exactly one disclaimer, its text as content_src/safety/disclaimer.yml gives it, visible."""
    out, fail = _collector(page)
    disclaimers = page.safety(DISCLAIMER)
    if not disclaimers:
        fail("no medical disclaimer (element with data-safety=\"disclaimer\")")
    elif len(disclaimers) > 1:
        fail(f"{len(disclaimers)} disclaimers; a page must have exactly one")
    for element in disclaimers:
        if visible_text(element) != expect.disclaimer:
            fail(f"the disclaimer's text differs from {expect.source('disclaimer.yml', element)}")
        if why := _hidden(element):
            fail(f"the disclaimer {why}")
    return out


@page_check("warning-signs-box")
def box_shown(page: Page, expect: Expectations) -> list[Finding]:
    """At least one warning-signs box, each complete (see _box_findings)."""
    out, fail = _collector(page)
    boxes = page.safety(RED_FLAGS)
    if not boxes:
        fail("no warning-signs box (element with data-safety=\"red-flags\")")
    for element in boxes:
        _box_findings(element, "warning-signs box", expect.red_flag_text, "", expect, fail)
    return out


@page_check("compact-box")
def compact_box_shown(page: Page, expect: Expectations) -> list[Finding]:
    """The compact copies that head each printed sheet, checked against the same source (they never
    stand in for a full box)."""
    out, fail = _collector(page)
    for element in page.safety(RED_FLAGS_SHORT):
        _box_findings(element, "compact copy of the warning-signs box", expect.red_flag_short_text, "short", expect, fail)
    return out


def _box_findings(element, name: str, expected, kind: str, expect: Expectations, fail) -> None:
    """A box names known red-flag sets, shows their text as red_flags.yml gives it, has the call
    link to the brand's emergency number, and is visible."""
    named = element.get("data-red-flag-sets", "").split()
    unknown = [s for s in named if s not in expect.set_ids]
    if unknown:
        fail(f"the {name} names unknown red-flag set(s): {', '.join(unknown)}")
        return
    if not named:
        fail(f"the {name} does not say which red-flag sets it shows (data-red-flag-sets)")
        return
    if visible_text(element) != expected(expect.canonical_sets(named)):
        fail(f"the {name} ({' '.join(named)}) differs from {expect.source('red_flags.yml', element, kind)}")
    tels = [a.get("href") for a in element.xpath(".//a[starts-with(@href, 'tel:')]")]
    if expect.brand.emergency_tel not in tels:
        fail(f"the {name} has no emergency link to {expect.brand.emergency_tel}")
    if why := _hidden(element):
        fail(f"the {name} {why}")


PLACEHOLDER = re.compile(r"\[\[[A-Za-z][A-Za-z0-9-]*\]\]")  # [[Er]] too: care words start a sentence capitalised
_PLACEHOLDER_NODES = etree.XPath("/descendant::text()[contains(., '[[') and not(ancestor::style)"
                                 " and not(ancestor::script[not(@type='application/ld+json')])]"
                                 " | /descendant::*/@*[contains(., '[[')]")
# How "[" can reach the parsed text other than as itself: a character reference
# (&#91; &#x5b; with or without leading zeros, &lsqb; &lbrack;).
_BRACKET_REFERENCE = re.compile(rb"&(?:#[xX]?0|#91|#[xX]5[bB]|lsqb|lbrack)")
_UTF8_DECLARED = re.compile(rb"""charset\s*=\s*["']?utf-8(?![\w.-])""")


def may_hold_placeholder(raw: bytes) -> bool:
    """False only when the page's bytes cannot parse to text holding "[[".

    Costs a fifth of the XPath search over every text node and attribute (0.2 against
    1.1 ms on a built page), and almost no page holds a placeholder. It is exact for pages
    that declare UTF-8 and nothing else (every page MkDocs writes): their parsed text can
    hold "[[" only if the bytes hold "[[" or a character reference for "[". Pages declaring
    no encoding or another one anywhere, or holding NUL bytes (UTF-16, UTF-32), get the full search.
    Single-byte finds, because a regular expression or a multi-byte search over a whole
    page costs several times more."""
    if b"\x00" in raw:
        return True
    i = raw.find(b"[")
    while i != -1:
        if raw[i + 1:i + 2] == b"[":
            return True
        i = raw.find(b"[", i + 1)
    i = raw.find(b"&")
    while i != -1:
        if _BRACKET_REFERENCE.match(raw, i):
            return True
        i = raw.find(b"&", i + 1)
    # Every "charset" must name UTF-8: the <meta> and, on pages with inline critical styles,
    # the data: URLs of their icons (`svg+xml;charset=utf-8`), which no parser reads as the page's.
    lower = raw.lower()
    i = lower.find(b"charset")
    if i == -1:
        return True
    while i != -1:
        if not _UTF8_DECLARED.match(lower, i):
            return True
        i = lower.find(b"charset", i + 1)
    return False


def unfilled_placeholders(tree) -> list[str]:
    """[[emergency-number]] and the like, left in what a reader sees or a tool reads."""
    found: list[str] = []
    for node in _PLACEHOLDER_NODES(tree):
        found.extend(t for t in PLACEHOLDER.findall(str(node)) if t not in found)
    return found


@page_check("help-section")
def help_shown(page: Page, expect: Expectations) -> list[Finding]:
    """An article's generated "When to get help": present, one, for the page's own sets, text and
    heading as red_flags.yml gives them, and visible."""
    out, fail = _collector(page)
    helps, boxes = page.safety(HELP), page.safety(RED_FLAGS)
    expected_help = expect.help_pages.get(page.name.removeprefix(expect.prefix))
    if expected_help and not helps:
        fail("no 'When to get help' section (element with data-safety=\"help\")")
    elif len(helps) > 1:
        fail(f"{len(helps)} 'When to get help' sections; a page has at most one")
    for element in helps:
        named = tuple(element.get("data-red-flag-sets", "").split())
        if expected_help and named != expected_help[0]:
            fail(f"the 'When to get help' section names sets ({' '.join(named)}), "
                 f"not the page's ({' '.join(expected_help[0])})")
            continue
        unknown = [s for s in named if s not in expect.set_ids]
        if unknown or not named:
            fail(f"the 'When to get help' section names unknown or no red-flag sets: {' '.join(named) or '(none)'}")
            continue
        linked = expected_help[1] if expected_help else bool(element.xpath(".//a[not(starts-with(@href, 'tel:'))]"))
        if visible_text(element) != expect.help_text(expect.canonical_sets(list(named)), linked):
            fail(f"the 'When to get help' section ({' '.join(named)}) differs from {expect.source('red_flags.yml')}")
        if why := _hidden(element):
            fail(f"the 'When to get help' section {why}")
        heading = element.getprevious()
        if heading is None or heading.tag != "h2" or visible_text(heading) != expect.help_heading:
            fail(f"the 'When to get help' section does not follow its heading "
                 f"(<h2>{expect.help_heading}</h2>, from {expect.source('red_flags.yml')})")
    box_sets = {tuple(e.get("data-red-flag-sets", "").split()) for e in boxes}
    for element in helps:
        named = tuple(element.get("data-red-flag-sets", "").split())
        if box_sets and named not in box_sets:
            fail(f"the 'When to get help' section ({' '.join(named)}) and the warning-signs box name different sets")
    return out


@page_check("emergency-strip")
def strip_shown(page: Page, expect: Expectations) -> list[Finding]:
    """The emergency strip on an article's or exercise's first screen: present, one, for the page's
    own sets, text as red_flags.yml gives it, with its call link and a link to the full box, visible,
    and before that box, which itself stays near the top (before the page's first section heading)."""
    out, fail = _collector(page)
    tree, strips, boxes = page.tree, page.safety(EMERGENCY), page.safety(RED_FLAGS)
    expected = expect.strip_pages.get(page.name.removeprefix(expect.prefix))
    if expected and not strips:
        fail(f"no emergency strip on the first screen (element with data-safety=\"{EMERGENCY}\")")
        return out
    if len(strips) > 1:
        fail(f"{len(strips)} emergency strips; a page has at most one")
    box_sets = [tuple(b.get("data-red-flag-sets", "").split()) for b in boxes]
    for element in strips:
        named = tuple(element.get("data-red-flag-sets", "").split())
        want = expected or (box_sets[0] if box_sets else None)
        if want is not None and named != want:
            fail(f"the emergency strip names sets ({' '.join(named) or 'none'}), not the page's ({' '.join(want)})")
            continue
        unknown = [s for s in named if s not in expect.set_ids]
        if unknown or not named:
            fail(f"the emergency strip names unknown or no red-flag sets: {' '.join(named) or '(none)'}")
            continue
        if visible_text(element) != expect.strip_text(expect.canonical_sets(list(named))):
            fail(f"the emergency strip ({' '.join(named)}) differs from {expect.source('red_flags.yml')}")
        tels = [a.get("href") for a in element.xpath(".//a[starts-with(@href, 'tel:')]")]
        if expect.brand.emergency_tel not in tels:
            fail(f"the emergency strip has no emergency link to {expect.brand.emergency_tel}")
        if why := _hidden(element):
            fail(f"the emergency strip {why}")
        if not boxes:
            continue  # reported above: no warning-signs box
        targets = [a.get("href")[1:] for a in element.xpath(".//a[starts-with(@href, '#')]")]
        target = _element_by_id(tree, targets[0]) if targets else None
        if target is not boxes[0]:
            fail(f"the emergency strip's link ({'#' + targets[0] if targets else 'none'}) does not lead to "
                 "the warning-signs box")
        after = _IN_ORDER(tree, strip=element, box=boxes[0])
        if after.index(boxes[0]) < after.index(element):
            fail("the emergency strip comes after the warning-signs box; it must come first, under the title")
        elif after.index(boxes[0]) != after.index(element) + 1:
            heading = after[after.index(element) + 1]
            fail(f"the warning-signs box comes after the section heading '{visible_text(heading)}'; "
                 "keep it near the top, straight after the page's answer")
    return out


@page_check("sources")
def sources_known(page: Page, expect: Expectations) -> list[Finding]:
    """Every cited source id is one content_src/sources.yml defines."""
    out, fail = _collector(page)
    for element in (e for e in page.marked_or_cited if e.get("data-source-id") is not None):
        if element.get("data-source-id") not in expect.source_ids:
            fail(f"cites unknown source id '{element.get('data-source-id')}'")
    return out


@page_check("placeholders")
def placeholders_filled(page: Page, expect: Expectations) -> list[Finding]:
    """No [[emergency-number]] or the like left in what a reader sees or a tool reads."""
    out, fail = _collector(page)
    for token in (unfilled_placeholders(page.tree) if page.raw is None or may_hold_placeholder(page.raw) else ()):
        fail(f"the placeholder {token} was printed instead of being filled in "
             "(a text field the build does not fill; see guide.content.models.PATIENT_TEXT)")
    return out


@page_check("external-links")
def external_links_marked(page: Page, expect: Expectations) -> list[Finding]:
    """Every link to another website says so (to screen readers too)."""
    out, fail = _collector(page)
    for href in links.unmarked_external(page.tree, expect.own_hosts):
        fail(f"the link to {href} is not marked as going to another website (guide.links.mark_external_links)")
    return out


@page_check("internal-links")
def internal_links_lead_somewhere(page: Page, expect: Expectations) -> list[Finding]:
    """Every page, picture, stylesheet and script a page links to is a file of the site (verify_site
    hands the site's LinkCheck; a page checked on its own has no site to look in)."""
    return page.links.broken(page.tree, page.name) if page.links is not None else []


@page_check("link-fragments")
def link_parts_exist(page: Page, expect: Expectations) -> list[Finding]:
    """Every link to a part of a page ("#warning-signs", "../sources/#src-nice-ng59") names an element
    that page has, or the reader lands at its top (the link check reads the pages linked to; a page
    checked on its own has its own parts only, and no site to look the others up in)."""
    return internal_links.missing_parts(page.tree, page.name, page.links)


# libxml2 keeps the id="..." of an HTML page in a table as it parses (the first of each value, in
# document order; also <a name>, which get_element_by_id does not count): a look-up there costs a
# thirtieth of get_element_by_id's walk of every node (0.3 ms a page).
_ID_TABLE = etree.XPath("id($id)")


def _element_by_id(tree, id_: str):
    """The first element whose id is `id_`, exactly as tree.get_element_by_id(id_, None) finds it."""
    found = _ID_TABLE(tree, id=id_) if id_ and not any(c.isspace() for c in id_) else ()
    if found and found[0].get("id") == id_:
        return found[0]
    return tree.get_element_by_id(id_, None)  # no such id, or an <a name> holds the value first


# The strip, the box and every <h2> of the page's own content (Material's <article>, not one inside
# a safety box), in document order: libxml2 sorts a union so, and visits no other element in Python
# (walking every element and testing each one cost check_site about 1.7 ms a page: 7.8 to 4.3 s CPU at 1,000 articles).
_IN_ORDER = etree.XPath("/descendant::h2[ancestor::article and not(ancestor::*[@data-safety])] | $strip | $box")


def html_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in Path(site_dir).rglob("*.html") if p.is_file())


def verify_site(site_dir: Path, expect: Expectations, *, also=None, skip: tuple[str, ...] = (),
                prefix: str = "", unbuilt: tuple[str, ...] = (), only: tuple[str, ...] | None = None,
                later: tuple[str, ...] = ()) -> list[Finding]:
    """Findings on every page of site_dir. `also(tree, page)` is handed each parsed page,
    so that other checks of the built site need not read and parse every page again.
    `skip` names sub-folders checked on their own (other editions); `prefix` is site_dir's
    place in the published site, so that pages are named as a reader finds them; `unbuilt`
    the edition folders this build does not make (links into them are not checked); `only`, when
    the root edition is not built, the edition folders whose links can be checked; `later`, folders
    written after this check (the handouts), whose links are not judged here."""
    site_dir = Path(site_dir)
    pages = [p for p in html_files(site_dir) if p.relative_to(site_dir).parts[0] not in skip]
    if not pages:
        return [Finding(site_dir.as_posix(), None, "", "no HTML pages found")]
    problems: list[Finding] = []
    # Links resolve from the published root, so that a link to another edition is checked too.
    root = site_dir.parents[len(Path(prefix).parts) - 1] if prefix else site_dir
    link_check = internal_links.LinkCheck(root, expect.base_path,
                                          expect.page_sources.under(prefix), unbuilt, only, later)
    for path in pages:
        page = prefix + path.relative_to(site_dir).as_posix()
        raw = path.read_bytes()
        tree, unreadable = parse_page(raw, page)
        problems.extend(unreadable)
        if tree is not None:
            problems.extend(verify_tree(tree, page, expect, raw, link_check))
            if also:
                also(tree, page)
    return problems


def report(problems: list[Finding], consequence: str = "The site was not published.") -> str:
    pages = len({p.file for p in problems})
    return report_findings(problems, f"Safety check failed: {len(problems)} problem(s) on {pages} page(s). "
                                     f"{consequence}".rstrip(), one_line=True)
