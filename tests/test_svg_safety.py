"""The SVG allow-list, on strings: each way a picture could run code or reach out is refused."""

from __future__ import annotations

import pytest

from guide.checks.svg import check_svg

CLEAN = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <title>A person lying on their back</title>
  <defs><marker id="arrow"><path d="M0 0L4 2L0 4z"/></marker></defs>
  <style>.body { fill: #333; }</style>
  <path class="body" d="M1 1L9 9" marker-end="url(#arrow)"/>
  <use href="#arrow"/><use xlink:href="#arrow"/>
</svg>"""


def messages(svg: str | bytes) -> list[str]:
    data = svg.encode() if isinstance(svg, str) else svg
    return [p.format() for p in check_svg(data, "pic.svg")]


def wrap(inner: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n{inner}\n</svg>'


def test_a_plain_drawing_passes():
    assert messages(CLEAN) == []


@pytest.mark.parametrize("inner, expected", [
    ("<script>alert(1)</script>", "pic.svg:2: the <script> element is not allowed"),
    ('<rect onload="alert(1)"/>', "pic.svg:2: the onload= event handler on <rect> runs script"),
    ('<rect ONCLICK="x()"/>', "the ONCLICK= event handler"),
    ('<a href="javascript:alert(1)"><rect/></a>', "pic.svg:2: the <a> element is not allowed"),
    ('<use href="javascript:alert(1)"/>', "<use> links to a javascript: address"),
    ('<use xlink:href="data:image/svg+xml;base64,AAAA"/>', "<use> links to a data: address"),
    ('<use href="https://example.org/sprite.svg#a"/>', "refers to 'https://example.org/sprite.svg#a' outside the picture"),
    ('<image href="photo.png"/>', "the <image> element is not allowed"),
    ("<foreignObject><div>hi</div></foreignObject>", "the <foreignObject> element is not allowed"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "the <set> element is not allowed"),
    ("<style>@import url(https://example.org/x.css);</style>", "its <style> loads something from a URL"),
    ('<rect style="fill: url(https://example.org/p.svg#g)"/>', "the style on <rect> loads something from a URL"),
    ('<rect fill="javascript:alert(1)"/>', "the fill= attribute on <rect> holds a script or data: address"),
    ('<?xml-stylesheet href="https://example.org/x.css"?><rect/>', "has a processing instruction"),
])
def test_unsafe_pictures_are_refused(inner, expected):
    found = messages(wrap(inner))
    assert any(expected in m for m in found), found


def test_entities_are_refused_and_not_expanded():
    svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    assert any("declares XML entities" in m for m in messages(svg))


def test_not_an_svg():
    assert any("is not well-formed XML" in m for m in messages("<svg><rect></svg>"))
    assert any("the root element is <html>" in m for m in messages('<html xmlns="http://www.w3.org/1999/xhtml"/>'))
