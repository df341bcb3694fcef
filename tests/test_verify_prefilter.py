"""The verifier skips its placeholder search on pages whose bytes cannot hold one
(guide.checks.pages.may_hold_placeholder). Skipping must never hide a placeholder a reader
would see: every way of writing "[[" into a page that the parser turns back into
"[[" must still be found."""

from __future__ import annotations

import pytest

from guide.checks import pages

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><title>T</title></head>'
        "<body><h1>Sciatica</h1><p>{text}</p><a href=\"/x/\" title=\"{attr}\">x</a></body></html>")

WRITTEN = [
    ("[[emergency-number]]", "plain text"),
    ("&#91;&#91;emergency-number]]", "decimal references"),
    ("&#091;[emergency-number]]", "decimal with a leading zero"),
    ("&#x5B;&#x5b;emergency-number]]", "hex references"),
    ("&#X5B;[emergency-number]]", "hex with a capital X"),
    ("[&#x005b;emergency-number]]", "hex with leading zeros"),
]


@pytest.mark.parametrize("text,how", WRITTEN, ids=[w[1] for w in WRITTEN])
@pytest.mark.parametrize("where", ["text", "attr"])
def test_a_placeholder_however_written_is_still_found(text, how, where):
    markup = PAGE.format(text=text if where == "text" else "ok", attr=text if where == "attr" else "ok").encode()
    tree, _ = pages.parse_page(markup, "p.html")
    assert pages.unfilled_placeholders(tree) == ["[[emergency-number]]"]  # the parser really yields "[["
    assert pages.may_hold_placeholder(markup), how


def test_a_clean_utf8_page_skips_the_search():
    markup = PAGE.format(text="Call your doctor [1] or see [list].", attr="a [b] c").encode()
    assert not pages.may_hold_placeholder(markup)


@pytest.mark.parametrize("markup", [
    PAGE.replace('<meta charset="utf-8">', "").format(text="x", attr="y").encode(),  # no declared encoding
    PAGE.replace("utf-8", "windows-1252").format(text="x", attr="y").encode(),
    PAGE.replace("utf-8", "utf-8").format(text="x", attr="y").encode("utf-16"),  # NUL bytes
    (PAGE.format(text="x", attr="y") + '<meta CHARSET="utf-7">').encode(),  # a second, different declaration
], ids=["undeclared", "windows-1252", "utf-16", "two declarations"])
def test_pages_not_declared_as_utf8_get_the_full_search(markup):
    assert pages.may_hold_placeholder(markup)


# The inline critical styles of every public page name UTF-8 in their icons' data: URLs.
CRITICAL_CSS = "<style>:root{--md-icon:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\")}</style>"


def test_a_utf8_page_with_inline_styles_naming_utf8_skips_the_search():
    markup = PAGE.format(text="see [list]", attr="ok").replace("<title>", CRITICAL_CSS + "<title>").encode()
    assert not pages.may_hold_placeholder(markup)


@pytest.mark.parametrize("css", [CRITICAL_CSS.replace("utf-8", "utf-7"), CRITICAL_CSS.replace("charset=utf-8", "charset")],
                         ids=["another encoding", "no value"])
def test_any_other_charset_anywhere_gets_the_full_search(css):
    markup = PAGE.format(text="x", attr="y").replace("<title>", css + "<title>").encode()
    assert pages.may_hold_placeholder(markup)
