"""Write docs/overrides/partials/critical.css: the styles a page needs before its full stylesheets arrive.

Every page of the public guide inlines this file in a <style> (docs/overrides/main.html)
and loads Material's stylesheet and guide.css only at the reader's first interaction or
before printing, so the first paint waits for no stylesheet (issue 13: LCP at most 1 s).
The full stylesheets must then change nothing a reader can see: the critical rules are
Material's and guide.css's own rules, in their order, kept whole, for every element of the
sample pages (home, an article, an exercise, the warning-signs page, ...) as they stand
before and after Material's JavaScript marks the page "js". Whole pages are matched, not
only their first screen, so a link to a section further down lands on a styled page too.
Print rules (@media print, @page, the print font) go to a print sheet of their own,
docs/overrides/partials/print.css, which every page inlines in <style media="print"> (no
request: a linked print sheet is fetched at load too): it never applies to the screen, and a reader who prints before any interaction
(the full stylesheets not yet loaded) still gets every sheet's warning signs and layout.

Matching runs in Chromium on the built site: `document.querySelector` understands every
selector Material writes. States a reader creates (:hover, :focus, :checked, ::before ...)
are stripped before matching, so a rule for them is kept when its element is on the page.
The output is deterministic: the same inputs give the same bytes. Its first line records
the SHA-256 of the two stylesheets and of this script; tests/test_critical_css.py fails when
they no longer match (guide.css edited, Material upgraded: run `make critical-css`).

    PYTHONPATH=hooks:. .venv/bin/python tools/critical_css.py [--site site] [--check]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "overrides" / "partials" / "critical.css"
GUIDE_CSS = ROOT / "docs" / "assets" / "stylesheets" / "guide.css"
# Inlined by main.html in <style media="print">; its url()s are written as guide.css has them
# (relative to assets/stylesheets/) and main.html makes them relative to each page.
PRINT_OUTPUT = ROOT / "docs" / "overrides" / "partials" / "print.css"
# Every page of the site decides what is kept (the three Lighthouse audits, home, an
# article and an exercise, among them), so no page shifts when the full stylesheets arrive.
def sample_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and "handouts" not in p.parts)


# Reader-made states and pseudo-elements: stripped before matching (":not(" is kept).
_STATE = re.compile(
    r"::?(?:-[a-z]+-)?(?:before|after|first-line|first-letter|marker|placeholder|selection|backdrop|"
    r"scrollbar(?:-[a-z]+)?|search-cancel-button|search-decoration|details-marker|file-selector-button)\b"
    r"|:(?:hover|focus-visible|focus-within|focus|active|visited|target|checked|indeterminate|"
    r"placeholder-shown|link|any-link)\b", re.I)
# Media the first screen never uses.
_PRINT_ONLY = re.compile(r"^\s*print\s*$", re.I)


def material_css() -> Path:
    import material

    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        raise SystemExit(f"expected one Material main.*.min.css, found {[p.name for p in found]}")
    return found[0]


def stamp(inputs: list[Path]) -> str:
    """The first line of critical.css: which inputs it was made from."""
    parts = [f"{p.name} sha256:{hashlib.sha256(p.read_bytes()).hexdigest()[:16]}" for p in inputs]
    return "/* tools/critical_css.py from " + ", ".join(parts) + " */"


def inputs() -> list[Path]:
    return [material_css(), GUIDE_CSS, Path(__file__).resolve()]


# ---------------------------------------------------------------- a small CSS reader
@dataclass
class Rule:
    prelude: str  # selector list, or the at-rule ("@media screen and (...)")
    body: str  # declarations, or for a block at-rule the raw inner text
    block: bool  # an at-rule whose body holds rules (@media, @supports)


def _skip_string(css: str, i: int) -> int:
    quote = css[i]
    i += 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _strip_comments(css: str) -> str:
    out, i = [], 0
    while i < len(css):
        if css[i] in "\"'":
            j = _skip_string(css, i)
            out.append(css[i:j])
            i = j
        elif css.startswith("/*", i):
            i = css.index("*/", i + 2) + 2
        else:
            out.append(css[i])
            i += 1
    return "".join(out)


def _matching_brace(css: str, i: int) -> int:
    """Index of the } closing the { at i."""
    depth = 0
    while i < len(css):
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced braces")


def parse(css: str) -> list[Rule]:
    rules, i = [], 0
    while i < len(css):
        start = i
        while i < len(css) and css[i] not in "{;":
            i = _skip_string(css, i) if css[i] in "\"'" else i + 1
        if i >= len(css):
            break
        prelude = css[start:i].strip()
        if css[i] == ";":  # @charset, @import
            rules.append(Rule(prelude, "", False))
            i += 1
            continue
        end = _matching_brace(css, i)
        body = css[i + 1:end]
        block = prelude.startswith("@") and prelude.split()[0].lower() in ("@media", "@supports", "@layer", "@container",
                                                                           "@keyframes", "@-webkit-keyframes")
        rules.append(Rule(prelude, body, block))
        i = end + 1
    return rules


def split_selectors(prelude: str) -> list[str]:
    """A selector list's selectors (commas inside () and [] and strings do not split)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(prelude):
        c = prelude[i]
        if c in "\"'":
            i = _skip_string(prelude, i)
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(prelude[start:i].strip())
            start = i + 1
        i += 1
    out.append(prelude[start:].strip())
    return [s for s in out if s]


def for_matching(selector: str) -> str:
    """The selector without reader-made states, for querySelector; '*' where nothing is left."""
    stripped = _STATE.sub("", selector)
    # "a > :hover" leaves "a >", ":focus > b" leaves "> b": fill the empty compound.
    stripped = stripped.strip()
    if not stripped or stripped[-1] in ">+~":
        stripped += "*"
    if stripped[0] in ">+~":
        stripped = "*" + stripped
    return stripped


# ---------------------------------------------------------------- matching in Chromium
_MATCH_JS = """(selectors) => {
  const html = document.documentElement, hits = new Set();
  for (const state of ["no-js", "js"]) {
    html.classList.remove("no-js", "js");
    html.classList.add(state);
    selectors.forEach((s, i) => {
      if (hits.has(i)) return;
      try { if (document.querySelector(s)) hits.add(i); } catch (e) { hits.add(i); }  // unknown: keep
    });
  }
  return [...hits];
}"""


def matched(site: Path, selectors: list[str]) -> set[str]:
    from guide.publish.chromium import FLAGS, find_chromium
    from playwright.sync_api import sync_playwright

    probes = sorted({for_matching(s) for s in selectors})
    hits: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=FLAGS)
        page = browser.new_page(java_script_enabled=True)
        pages = sample_pages(site.resolve())
        if not pages:
            raise SystemExit(f"{site}: no pages; build the site first (make build)")
        for path in pages:
            page.goto(path.as_uri(), wait_until="load")
            hits.update(probes[i] for i in page.evaluate(_MATCH_JS, probes))
        browser.close()
    return {s for s in selectors if for_matching(s) in hits}


# ---------------------------------------------------------------- keeping
def all_selectors(rules: list[Rule]) -> list[str]:
    out = []
    for rule in rules:
        if rule.block and "keyframes" not in rule.prelude:
            out += all_selectors(parse(rule.body))
        elif not rule.prelude.startswith("@"):
            out += split_selectors(rule.prelude)
    return out


def keep(rules: list[Rule], hits: set[str]) -> list[str]:
    out = []
    for rule in rules:
        head = rule.prelude.split()[0].lower() if rule.prelude.startswith("@") else ""
        if head in ("@keyframes", "@-webkit-keyframes"):
            steps = "".join(f"{step.prelude.strip()}{{{_declarations(step.body)}}}" for step in parse(rule.body))
            out.append(re.sub(r"\s+", " ", rule.prelude) + "{" + steps + "}")
        elif rule.block:
            condition = rule.prelude[len(head):]
            if head == "@media" and _PRINT_ONLY.match(condition):
                continue
            inner = keep(parse(rule.body), hits)
            if inner:
                out.append(re.sub(r"\s+", " ", rule.prelude).strip() + "{" + "".join(inner) + "}")
        elif head:  # @page, @font-face (the print face), @charset, @import: for print or not needed
            continue
        else:
            selectors = [s for s in split_selectors(rule.prelude) if s in hits]
            if selectors and rule.body.strip():
                out.append(",".join(re.sub(r"\s+", " ", s) for s in selectors) + "{" + _declarations(rule.body) + "}")
    return out


def print_rules(rules: list[Rule]) -> list[str]:
    """What only paper uses, whole: the rules inside @media print (the sheet's own media
    says print), and @page and @font-face, which only the print rules read."""
    out = []
    for rule in rules:
        head = rule.prelude.split()[0].lower() if rule.prelude.startswith("@") else ""
        if head == "@media" and _PRINT_ONLY.match(rule.prelude[len(head):]):
            out += _whole(parse(rule.body))
        elif head in ("@page", "@font-face"):
            out += _whole([rule])
    return out


def _whole(rules: list[Rule]) -> list[str]:
    out = []
    for rule in rules:
        prelude = re.sub(r"\s+", " ", rule.prelude).strip()
        if rule.block:
            out.append(prelude + "{" + "".join(_whole(parse(rule.body))) + "}")
        elif rule.body.strip():
            out.append(prelude + "{" + _declarations(rule.body) + "}")
    return out


def _declarations(body: str) -> str:
    parts = []
    for declaration in _split_declarations(body):
        name, _, value = declaration.partition(":")
        parts.append(name.strip() + ":" + value.strip())
    return ";".join(parts)


def _split_declarations(body: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c in "\"'":
            i = _skip_string(body, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == ";" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    out.append(body[start:])
    return [re.sub(r"\s+", " ", d).strip() for d in out if d.strip()]


_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _declarations_of(css: str):
    """(rule, declaration) for every declaration in css, at any depth."""
    for rule in parse(css):
        if rule.block:
            yield from _declarations_of(rule.body)
        else:
            for declaration in _split_declarations(rule.body):
                yield rule, declaration


def prune_custom_properties(css: str, also_read: str = "") -> str:
    """Drop custom properties (--name: ...) that no kept declaration reads, directly or through another.

    Material defines its icons (data: SVGs) and every colour as custom properties on :root;
    the first paint needs only those the kept rules use. The full stylesheet defines them all.
    `also_read`: CSS that relies on these definitions too (the print sheet defines none).
    """
    defined: dict[str, list[str]] = {}
    wanted: set[str] = set(_VAR.findall(also_read))
    for _, declaration in _declarations_of(css):
        name, _, value = declaration.partition(":")
        if name.startswith("--"):
            defined.setdefault(name, []).append(value)
        else:
            wanted.update(_VAR.findall(value))
    queue = list(wanted)
    while queue:
        for value in defined.get(queue.pop(), []):
            for name in _VAR.findall(value):
                if name not in wanted:
                    wanted.add(name)
                    queue.append(name)
    return "".join(_without_unread(rule, wanted) for rule in parse(css))


def _without_unread(rule: Rule, wanted: set[str]) -> str:
    if rule.block:
        inner = "".join(_without_unread(r, wanted) for r in parse(rule.body))
        return f"{rule.prelude}{{{inner}}}" if inner else ""
    kept = [d for d in _split_declarations(rule.body)
            if not d.startswith("--") or d.partition(":")[0] in wanted]
    return f"{rule.prelude}{{{';'.join(kept)}}}" if kept else ""


def _sheets() -> list[list[Rule]]:
    return [parse(_strip_comments(p.read_text(encoding="utf-8"))) for p in (material_css(), GUIDE_CSS)]


def _no_jinja_tags(body: str, name: str) -> str:
    # Both files are included by Jinja: nothing in them may read as a Jinja tag.
    for tag in ("{{", "{%", "{#"):
        if tag in body:
            raise SystemExit(f"{name} contains {tag!r}, which Jinja would read as a tag")
    return body


def print_css() -> str:
    body = "".join("".join(print_rules(rules)) for rules in _sheets())
    return stamp(inputs()) + "\n" + _no_jinja_tags(body, "print CSS") + "\n"


def critical_css(site: Path) -> str:
    sheets = _sheets()
    hits = matched(site, [s for rules in sheets for s in all_selectors(rules)])
    body = prune_custom_properties("".join("".join(keep(rules, hits)) for rules in sheets), also_read=print_css())
    return stamp(inputs()) + "\n" + _no_jinja_tags(body, "critical CSS") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make build)")
    parser.add_argument("--check", action="store_true", help="only say whether critical.css is up to date")
    args = parser.parse_args(argv)
    if args.check:
        stale = [out for out in (OUTPUT, PRINT_OUTPUT)
                 if not out.exists() or out.read_text(encoding="utf-8").split("\n", 1)[0] != stamp(inputs())]
        for out in stale:
            print(f"{out.relative_to(ROOT)} is stale: run `make critical-css` (after `make build`)", file=sys.stderr)
        return 1 if stale else 0
    for out, text in ((OUTPUT, critical_css(args.site)), (PRINT_OUTPUT, print_css())):
        out.write_text(text, encoding="utf-8")
        size = len(text.encode())
        print(f"wrote {out.relative_to(ROOT)}: {size} bytes, {len(gzip.compress(text.encode(), 9))} gzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
