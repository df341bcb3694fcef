"""Links to other websites: opened safely and marked, for sighted and screen-reader users alike.

Every <a> whose address is on another host gets rel="noopener noreferrer" (the
other site learns neither which page sent the patient nor gets a handle on
this window), the class `pn-external` (a small visible arrow, from guide.css),
and visually hidden text that screen readers read out. tel:, mailto: and
same-site links are left alone.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml import etree

EXTERNAL_CLASS = "pn-external"
HIDDEN_CLASS = "pn-visually-hidden"
HIDDEN_TEXT = " (opens another website)"
REQUIRED_REL = ("noopener", "noreferrer")

# Links cannot nest, so a link ends at the first </a>. Attribute values may hold '>'.
_LINK = re.compile(r"""<a\b(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>(?P<body>.*?)</a\s*>""", re.S | re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# Script bodies (JSON-LD, Material's config) are never rewritten.
_SCRIPT = re.compile(r"(<script\b.*?</script\s*>)", re.S | re.I)


def own_hosts(site_url: str | None) -> set[str]:
    host = urlsplit(site_url or "").hostname
    return {host.lower()} if host else set()


def is_external(href: str, own: set[str]) -> bool:
    href = href.strip()
    parts = urlsplit(href)
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False  # relative, tel:, mailto:, #anchor
    return (parts.hostname or "").lower() not in own


def _attributes(text: str) -> list[tuple[str, str | None]]:
    out = []
    for name, raw in _ATTR.findall(text):
        value = None
        if raw:
            value = html.unescape(raw[1:-1] if raw[0] in "\"'" else raw)
        out.append((name, value))
    return out


def _tokens(value: str | None) -> list[str]:
    return (value or "").split()


def _start_tag(attrs: list[tuple[str, str | None]]) -> str:
    parts = [name if value is None else f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs]
    return "<a " + " ".join(parts) + ">"


def hidden_text(words: str | None) -> str:
    """What a screen reader reads after an external link, in the page's language (ui.yml `external_link`)."""
    return f" ({words})" if words else HIDDEN_TEXT


def _mark(match: re.Match, own: set[str], hidden: str = HIDDEN_TEXT) -> str:
    if "//" not in match.group("attrs"):
        return match.group(0)  # no host in it: relative, #anchor, tel: or mailto: (most links, cheaply)
    attrs = _attributes(match.group("attrs"))
    values = {name.lower(): value for name, value in attrs}
    href = values.get("href")
    if href is None or not is_external(href, own) or EXTERNAL_CLASS in _tokens(values.get("class")):
        return match.group(0)
    rel = _tokens(values.get("rel"))
    rel += [r for r in REQUIRED_REL if r not in rel]
    classes = _tokens(values.get("class")) + [EXTERNAL_CLASS]
    kept = [(n, v) for n, v in attrs if n.lower() not in ("rel", "class")]
    tag = _start_tag([*kept, ("class", " ".join(classes)), ("rel", " ".join(rel))])
    return f'{tag}{match.group("body")}<span class="{HIDDEN_CLASS}">{html.escape(hidden)}</span></a>'


def mark_external_links(markup: str, site_url: str | None = None, hidden: str = HIDDEN_TEXT) -> str:
    """Return the page with every link to another host opened safely and marked as external;
    `hidden`: the words a screen reader reads after it (hidden_text(), in the page's language)."""
    own = own_hosts(site_url)
    pieces = _SCRIPT.split(markup)
    # Odd pieces are <script> elements, kept as they are.
    return "".join(piece if i % 2 else _LINK.sub(lambda m: _mark(m, own, hidden), piece) for i, piece in enumerate(pieces))


_HOST_LINKS = etree.XPath("/descendant::a[contains(@href, '//')]")  # elements only, unlike //a


def unmarked_external(tree, own: set[str]) -> list[str]:
    """Addresses of links to other hosts in a parsed page that were not opened safely and marked."""
    found = []
    for link in _HOST_LINKS(tree):
        href = link.get("href", "")
        if not is_external(href, own):
            continue
        rel, classes = _tokens(link.get("rel")), _tokens(link.get("class"))
        if EXTERNAL_CLASS not in classes or any(r not in rel for r in REQUIRED_REL):
            found.append(href)
    return found
