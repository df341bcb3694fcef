"""The inline first-paint styles (docs/overrides/partials/critical.css) match the stylesheets they come from.

Pages paint from critical.css and get the full stylesheets only later (docs/overrides/main.html);
if guide.css changed and critical.css did not, a reader would see the old styles first and the
page would jump when the new ones arrive. tests/browser/test_first_paint.py checks the paint itself.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("critical_css", ROOT / "tools" / "critical_css.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("critical_css", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("made", ["OUTPUT", "PRINT_OUTPUT"])
def test_critical_and_print_css_were_made_from_todays_stylesheets(made):
    tool = _tool()
    out = getattr(tool, made)
    first_line = out.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == tool.stamp(tool.inputs()), (
        f"{out.relative_to(ROOT)} is stale: guide.css, Material's stylesheet or "
        "tools/critical_css.py changed since it was made. Run `make critical-css` and commit it.")


def test_the_print_sheet_holds_paper_s_rules_whole_and_nothing_for_the_screen():
    tool = _tool()
    css = ("@media print{.a{color:red}.b{display:none}}@media screen{.a{color:blue}}.c{color:green}"
           "@page{margin:7mm}@font-face{font-family:P;src:url(p.woff2)}")
    assert "".join(tool.print_rules(tool.parse(css))) == (
        ".a{color:red}.b{display:none}@page{margin:7mm}@font-face{font-family:P;src:url(p.woff2)}")


def test_states_a_reader_creates_are_matched_as_their_element():
    tool = _tool()
    assert tool.for_matching(".md-nav__toggle:checked~.md-nav") == ".md-nav__toggle~.md-nav"
    assert tool.for_matching(".md-typeset a:focus-visible::after") == ".md-typeset a"
    assert tool.for_matching(".md-typeset h1:has(~ .pn-emergency)") == ".md-typeset h1:has(~ .pn-emergency)"
    assert tool.for_matching("label > :hover") == "label >*"
    assert tool.for_matching("::selection") == "*"


def test_print_rules_are_left_to_the_full_stylesheets_and_colours_kept_only_when_read():
    tool = _tool()
    css = ("@media print{.a{color:red}}@media screen{.a{color:blue}}.b{color:var(--used)}"
           ":root{--used:var(--deep);--deep:#123;--unused:#fff}")
    kept = tool.prune_custom_properties("".join(tool.keep(tool.parse(css), {".a", ".b", ":root"})))
    assert kept == "@media screen{.a{color:blue}}.b{color:var(--used)}:root{--used:var(--deep);--deep:#123}"
