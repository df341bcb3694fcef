"""The build package's layout: one adapter knows MkDocs, so the pipeline outlives MkDocs 1.x.

Material reaches end of life in 2027 and MkDocs 2 drops hooks (README, "Engines"): every stage of
hooks/guide/ must run without MkDocs, which only guide.engine.mkdocs_adapter (and, outside the
package, hooks/guide_hooks.py) may import.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "hooks" / "guide"
ADAPTER = PACKAGE / "engine" / "mkdocs_adapter.py"
STAGES = ("content", "pages", "engine", "publish")


def mkdocs_imports(path: Path) -> list[str]:
    """Every `import mkdocs...` and `from mkdocs... import`, also inside functions, as file:line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)):
            names = [str(node.args[0].value)]
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_only_the_adapter_imports_mkdocs():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 30 and ADAPTER in modules  # the walk saw the package, adapter included
    offenders = [hit for path in modules if path != ADAPTER for hit in mkdocs_imports(path)]
    assert not offenders, ("these modules import MkDocs; only guide/engine/mkdocs_adapter.py may "
                           f"(hint: move that part there): {offenders}")
    assert mkdocs_imports(ADAPTER), "the adapter no longer imports MkDocs: update ADAPTER here"


def test_each_stage_says_what_it_owns():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "Owns" in doc, f"{init.relative_to(ROOT)}: no docstring saying what the stage owns"


HTML_TAG = re.compile(r"<[a-z][a-z0-9]*[\s>/]")


def html_in_python(path: Path) -> list[str]:
    """String literals (f-strings too, docstrings not) that open an HTML element, as file:line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                and HTML_TAG.search(node.value)):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return sorted(set(found))


def test_generated_pages_draw_their_html_in_templates():
    # The compile step and the verifier render boxes, cards and lists from hooks/guide/pages/templates/
    # (issue 11): HTML written in Python strings drifts from them and escapes differently.
    modules = sorted((PACKAGE / "pages").glob("*.py"))
    assert len(modules) > 5  # the walk saw the stage
    offenders = [hit for path in modules for hit in html_in_python(path)]
    assert not offenders, f"HTML in Python strings, move it to hooks/guide/pages/templates/: {offenders}"
