"""An allow-list for SVG pictures: an SVG is a document that can run script.

Browsers run `<script>`, event handlers and `javascript:` links inside an SVG
opened on its own (a patient who taps "open image"), and `<foreignObject>` can
carry a whole HTML page. Every SVG the build publishes, and every SVG in
content_src/ and docs/ at lint time, must use only drawing elements and plain
attributes, and refer to nothing outside itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..findings import Finding

# Drawing, text, structure and paint servers: what our pictures and a clinic's
# logo need. Anything else (script, foreignObject, animation that can set
# attributes, iframe, embedded HTML) is refused.
ALLOWED_ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite", "feMerge", "feMergeNode",
    "feColorMatrix", "feDropShadow", "style",
})
_URL_IN_CSS = re.compile(r"url\(\s*['\"]?\s*(?!#)([^)'\"]*)|@import", re.I)
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data):", re.I)
_LINK_ATTRS = {"href", "{http://www.w3.org/1999/xlink}href", "src"}


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def check_svg(data: bytes, name: str) -> list[Finding]:
    """Every way this SVG could run code or load something from elsewhere."""
    problems: list[Finding] = []

    def fail(line: int | None, message: str) -> None:
        problems.append(Finding(name, line, "", message))

    if b"<!ENTITY" in data or b"<!entity" in data:
        fail(None, "declares XML entities (<!ENTITY>), which can pull in other files; remove the DOCTYPE")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        return [Finding(name, getattr(exc, "lineno", None), "", f"is not well-formed XML ({exc.msg})")]
    if etree.QName(root).localname != "svg":
        fail(root.sourceline, f"the root element is <{etree.QName(root).localname}>, not <svg>")
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments and processing instructions
            if isinstance(element, etree._ProcessingInstruction):
                fail(element.sourceline, "has a processing instruction (<?...?>), which can load a stylesheet")
            continue
        local = etree.QName(element).localname
        if local not in ALLOWED_ELEMENTS:
            fail(element.sourceline, f"the <{local}> element is not allowed in pictures "
                                     "(no scripts, embedded HTML or animation)")
            continue
        if local == "style" and element.text and _URL_IN_CSS.search(element.text):
            fail(element.sourceline, "its <style> loads something from a URL; keep styles inside the file")
        for attribute, value in element.attrib.items():
            attr = etree.QName(attribute).localname
            if attr.lower().startswith("on"):
                fail(element.sourceline, f"the {attr}= event handler on <{local}> runs script; remove it")
            elif attribute in _LINK_ATTRS or attr == "href":
                if _SCRIPT_URL.match(value):
                    fail(element.sourceline, f"<{local}> links to a {value.split(':')[0].strip().lower()}: address")
                elif not value.strip().startswith("#"):
                    fail(element.sourceline, f"<{local}> refers to '{value}' outside the picture; "
                                             "only references inside the file (#id) are allowed")
            elif attr == "style" and _URL_IN_CSS.search(value):
                fail(element.sourceline, f"the style on <{local}> loads something from a URL")
            elif _SCRIPT_URL.match(value):
                fail(element.sourceline, f"the {attr}= attribute on <{local}> holds a script or data: address")
    return problems


def check_svg_files(paths: list[Path], base: Path) -> list[Finding]:
    problems: list[Finding] = []
    for path in paths:
        try:
            name = path.relative_to(base).as_posix()
        except ValueError:
            name = path.as_posix()
        problems.extend(check_svg(path.read_bytes(), name))
    return problems


def svg_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*.svg") if p.is_file())
