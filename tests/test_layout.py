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


# The order data flows in (ARCHITECTURE.md): a stage may import the stages before it, never one after,
# and never the commands that run the stages.
PIPELINE = ("content", "pages", "engine", "checks", "publish")
COMMANDS = ("build", "lint", "__main__")


def stage_imports(source: str, parts: tuple[str, ...]) -> list[tuple[str, int]]:
    """The stages of guide that module `parts` (("guide", stage, name)) imports, also inside
    functions, with the line of each import."""
    found = []
    for node in ast.walk(ast.parse(source)):
        targets = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[:len(parts) - node.level])
                module = [*base, *(node.module.split(".") if node.module else [])]
                targets = [module] if node.module else [[*base, alias.name] for alias in node.names]
            elif node.module:
                targets = [node.module.split(".")]
        elif isinstance(node, ast.Import):
            targets = [alias.name.split(".") for alias in node.names]
        found += [(t[1], node.lineno) for t in targets if len(t) > 1 and t[0] == "guide" and t[1] in PIPELINE + COMMANDS]
    return found


def module_parts(path: Path) -> tuple[str, ...]:
    return path.relative_to(PACKAGE.parent).with_suffix("").parts


def test_no_stage_imports_a_later_stage():
    offenders = []
    for stage in PIPELINE:
        modules = sorted((PACKAGE / stage).rglob("*.py"))
        assert modules, f"no stage {stage}/"
        for path in modules:
            offenders += [f"{path.relative_to(ROOT)}:{line} imports guide.{later}"
                          for later, line in stage_imports(path.read_text(encoding="utf-8"), module_parts(path))
                          if later in COMMANDS or PIPELINE.index(later) > PIPELINE.index(stage)]
    assert not offenders, ("a stage reads only what the stages before it made (ARCHITECTURE.md); move what both "
                           f"need into the earlier stage: {offenders}")


def test_the_import_walk_sees_relative_and_absolute_imports():
    # The rule above must not pass because the walk missed an import form.
    source = ("from ..pages import paths\nfrom ..checks.site import x\nimport guide.publish.staging\n"
              "def f():\n    from .. import engine\n    from . import models\n    from ..build import OWNER_ENV\n")
    assert sorted(stage_imports(source, ("guide", "content", "probe"))) == [
        ("build", 7), ("checks", 2), ("content", 6), ("engine", 5), ("pages", 1), ("publish", 3)]


def module_imports(path: Path) -> set[str]:
    """The modules of guide that a module imports (also inside functions), dotted."""
    parts = module_parts(path)
    package = parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            module = [*base, *(node.module.split(".") if node.module else [])]
            # `from . import x` names a module; `from .m import x` names m's attribute x
            found |= {".".join([*module, alias.name]) for alias in node.names} | {".".join(module)}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_no_two_modules_import_each_other_in_a_circle():
    # A circle hides which module comes first in the pipeline, and forces imports inside functions.
    modules = {".".join(module_parts(p)).removesuffix(".__init__"): p for p in PACKAGE.rglob("*.py")}
    graph = {name: sorted(m for m in module_imports(path) if m in modules and m != name) for name, path in modules.items()}
    circles, state = [], {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for nxt in graph[name]:
            if state.get(nxt) == "open":
                circles.append(" -> ".join(trail[trail.index(nxt):] + [name, nxt]) if nxt in trail else f"{name} -> {nxt}")
            elif nxt not in state:
                visit(nxt, [*trail, name])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert len(graph) > 30 and any(graph.values())  # the walk saw the package and its imports
    assert not circles, f"modules that import each other in a circle; move what both need into one of them: {circles}"
