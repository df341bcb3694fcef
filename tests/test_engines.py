"""The engine option, and the compile step that lets any engine build the site: the boxes are in
each page's Markdown, and no theme template calls a function only our MkDocs hooks provide."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from helpers import ROOT, build_env, guide_command

sys.path.insert(0, str(ROOT / "hooks"))
from guide import build  # noqa: E402
from guide.pages import frame  # noqa: E402

OVERRIDES = ROOT / "docs" / "overrides"
# A call of any name in a template, as MiniJinja would have to resolve it: name( ...
_CALL = re.compile(r"{[{%][^}]*?\b(pn_\w+)\s*\(", re.S)
_METHOD = re.compile(r"{[{%][^}]*?\.(split|append|startswith|endswith|format)\s*\(", re.S)


def _guide(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*guide_command(root), *args], cwd=root, env=build_env(env), capture_output=True, text=True,
                          timeout=600)


# ---------------------------------------------------------------- the option
def test_engine_defaults_to_mkdocs():
    assert build.BuildOptions(project=ROOT, site_dir=ROOT / "site").engine == "mkdocs"
    assert build.ENGINES == ("mkdocs", "zensical")


def test_zensical_runs_the_compile_step_then_zensical(tmp_path):
    options = build.BuildOptions(project=ROOT, site_dir=tmp_path / "site", engine="zensical")
    compile_step, engine = build.engine_commands(options, tmp_path / "staging", "uk")
    assert compile_step[1:4] == ["-m", "guide", "compile"]
    assert engine[1:4] == ["-m", "zensical", "build"] and "--strict" in engine
    assert engine[-1] == str(tmp_path / ".site.compiled" / "uk" / "mkdocs.yml")


def test_a_typo_in_the_engine_is_refused_by_the_options():
    with pytest.raises(build.BuildFailed) as caught:
        build.BuildOptions(project=ROOT, site_dir=ROOT / "site", engine="zensica")
    assert caught.value.exit_code == 2
    assert "unknown engine 'zensica'" in str(caught.value)
    assert "expected one of mkdocs, zensical" in caught.value.details[0]


def test_a_typo_in_the_engine_is_refused_on_the_command_line(tmp_path):
    proc = _guide(ROOT, "build", "--engine", "zensica", "--site-dir", str(tmp_path / "site"))
    assert proc.returncode == 2, proc.stderr
    assert "unknown engine 'zensica'" in proc.stderr and "expected one of mkdocs, zensical" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------- templates any engine can render
def test_no_theme_template_calls_a_function_of_ours():
    calls = {p.relative_to(ROOT).as_posix(): _CALL.findall(p.read_text(encoding="utf-8"))
             for p in OVERRIDES.rglob("*.html")}
    assert {name: found for name, found in calls.items() if found} == {}


def test_no_theme_template_calls_a_python_string_or_list_method():
    """MiniJinja has no str.split() or list.append(): Zensical stops at the first one."""
    calls = {p.relative_to(ROOT).as_posix(): _METHOD.findall(p.read_text(encoding="utf-8"))
             for p in OVERRIDES.rglob("*.html")}
    assert {name: found for name, found in calls.items() if found} == {}


def test_the_call_finder_finds_a_call():
    # The two tests above can fail: this is what today's templates no longer do.
    assert _CALL.findall("{{ pn_red_flags(page) }}") == ["pn_red_flags"]
    assert _METHOD.findall("{%- set b = tags.split('src=\"', 1)[1] %}") == ["split"]
    assert frame.calls_no_functions("<p>{{ pn_disclaimer() }}</p>") == ["pn_disclaimer("]


# ---------------------------------------------------------------- the compiled folder
@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Path:
    from helpers import make_project

    project = make_project(tmp_path_factory.mktemp("compile") / "project")
    # As docs/index.md: the ways in come before the box, up to the first-screen marker.
    project.write("docs/index.md", "---\ntitle: Test home\n---\n\n# Test home\n\n"
                  '<nav class="pn-ways-in" aria-label="Ways in" markdown>\n\n- [Sciatica](understanding/test-sciatica.md)\n\n</nav>\n\n'
                  "<!-- pn:first-screen -->\n\nA small site for tests.\n")
    out = project.root / ".site.compiled"
    proc = _guide(project.root, "compile", "--out", str(out), env={"GUIDE_CLINIC": "", "GUIDE_EDITION": ""})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _page(compiled: Path, relative: str) -> tuple[dict, str]:
    text = (compiled / "docs" / relative).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_compiled_config_needs_no_hooks(compiled):
    config = yaml.safe_load((compiled / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert config["docs_dir"] == "docs" and config["nav"]
    assert config["theme"]["custom_dir"].endswith("docs/overrides")
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert "guide.pages.mdx_links" in names  # links to other sites are marked without our hooks
    assert "abbr" in names  # with the glossary's tooltips written out, when there is a glossary
    assert set(config["extra"]["pn_frame"]) == {"print_header", "red_flags", "disclaimer", "contact_card"}


def test_compiled_article_holds_its_boxes_in_order(compiled):
    meta, body = _page(compiled, "understanding/test-sciatica.md")
    assert meta["red_flags"] == ["lumbar", "general"] and meta["pn_kind"] == "article"
    tree = lxml_html.fragment_fromstring(body, create_parent="div")
    marks = [e.get("data-safety") for e in tree.xpath("//*[@data-safety]") if e.get("data-safety") != "help"]
    assert marks[0] == "emergency" and marks[1] == "red-flags" and marks[-1] == "disclaimer", marks
    box = tree.xpath('//*[@data-safety="red-flags"]')[0]
    assert box.get("data-red-flag-sets") == "lumbar general" and box.get("id") == frame.BOX_ANCHOR
    assert "tel:" in lxml_html.tostring(box, encoding="unicode")
    assert frame.FIRST_SCREEN not in body  # replaced by the box
    # Each box is a raw HTML block of its own: a blank line before and after.
    assert re.search(r'\n\n<div class="pn-sheet-head">[^\n]*</div>\n\n', body)


def test_compiled_home_page_puts_the_ways_in_before_the_box(compiled):
    _, body = _page(compiled, "index.md")
    assert frame.FIRST_SCREEN not in body
    assert body.index("# Test home") < body.index('class="pn-ways-in"') < body.index('data-safety="red-flags"') < body.index('data-safety="disclaimer"')


def test_every_compiled_page_has_one_box_and_one_disclaimer(compiled):
    pages = sorted((compiled / "docs").rglob("*.md"))
    assert len(pages) >= 4  # the fixture's articles, the sources page, the home page
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert text.count('data-safety="disclaimer"') == 1, path
        assert text.count('data-safety="red-flags"') == 1, path


def test_page_url_and_way_back():
    assert frame.page_url("index.md") == "" and frame.base_url("") == "."
    assert frame.page_url("exercises/index.md") == "exercises/" and frame.base_url("exercises/") == ".."
    assert frame.page_url("understanding/sciatica.md") == "understanding/sciatica/"
    assert frame.base_url("understanding/sciatica/") == "../.."
