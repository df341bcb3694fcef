"""Test helpers: small throw-away projects built with the real MkDocs CLI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass
class Project:
    """A copy of the real project's config, hooks and theme layer, with small fixture content."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content_src"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, relative: str, old: str, new: str) -> Path:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def build(self, *extra: str, env: dict | None = None, editions: bool = False) -> BuildResult:
        return run_build(self.root, *extra, env=env, editions=editions)


def build_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra or {})
    return env


def guide_command(root: Path) -> list[str]:
    return [sys.executable, "-c", "import sys; sys.path.insert(0, 'hooks'); from guide.__main__ import main; sys.exit(main())"]


def run_build(root: Path, *extra: str, env: dict | None = None, editions: bool = False) -> BuildResult:
    """`python -m guide build` (what `make build` runs) in the project at root: the root
    edition only, unless `editions` (every country's edition, as `make build` does)."""
    extra = tuple("--site-dir" if a == "-d" else a for a in extra)
    if not editions and "--edition" not in extra:
        extra += ("--edition", "root")
    proc = subprocess.run(
        [*guide_command(root), "build", *extra],
        cwd=root, env=build_env({"GUIDE_CLINIC": "", "GUIDE_HANDOUTS": "", **(env or {})}),
        capture_output=True, text=True, timeout=600,
    )
    clinic = (env or {}).get("GUIDE_CLINIC", "")
    site = root / (f"site-{clinic}" if clinic else "site")
    if "--site-dir" in extra:
        site = Path(extra[extra.index("--site-dir") + 1])
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def run_mkdocs(root: Path, *extra: str, env: dict | None = None) -> BuildResult:
    """`mkdocs build --strict` run directly: the hooks alone, as the MkDocs adapter."""
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", *extra],
        cwd=root, env=build_env(env), capture_output=True, text=True, timeout=600,
    )
    site = root / "site"
    if "-d" in extra:
        site = Path(extra[extra.index("-d") + 1])
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


# The fixture replaces only the articles, exercises, glossary and bibliography:
# safety text, brand and rules are always the project's real ones.
# The line of the theme override that shows a page's content (boxes included): the tests that
# weaken an override edit it. Read from the file, so a test cannot go on editing a line it no longer has.
PAGE_CONTENT = next(line.strip() for line in (ROOT / "docs/overrides/partials/content.html").read_text(encoding="utf-8").splitlines()
                    if line.startswith("{{ page.content"))


FIXTURE_REPLACES = ("articles", "exercises", "glossary.yml", "bibliography.yml", "schemas", "clinics", "translations")


def make_project(dest: Path, docs: Path = FIXTURE / "docs") -> Project:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "content_src", dest / "content_src", ignore=shutil.ignore_patterns(*FIXTURE_REPLACES))
    shutil.copytree(FIXTURE / "content_src", dest / "content_src", dirs_exist_ok=True)
    # Each language's safety texts and search settings are the project's real ones, as for English;
    # its translated pages are not (they translate the real articles, not the fixture's).
    for language in sorted((ROOT / "content_src" / "translations").glob("*/")):
        for part in ("safety", "search"):
            if (language / part).is_dir():
                shutil.copytree(language / part, dest / "content_src" / "translations" / language.name / part)
        bets = FIXTURE / "content_src" / "search" / "best_bets.yml"  # the real bets name the real site's pages
        if (language / "search" / "best_bets.yml").is_file() and bets.is_file():
            shutil.copy2(bets, dest / "content_src" / "translations" / language.name / "search" / "best_bets.yml")
    shutil.copytree(docs, dest / "docs")
    for theme_part in ("overrides", "assets"):
        if not (dest / "docs" / theme_part).exists():
            shutil.copytree(ROOT / "docs" / theme_part, dest / "docs" / theme_part)
    return Project(dest)


def exercise_text(slug: str, language: str = "") -> dict:
    """An exercise's source, in English or (language "es") as translated."""
    import yaml

    folder = ROOT / "content_src" / ("translations/" + language if language else "") / "exercises"
    return yaml.safe_load((folder / f"{slug}.yml").read_text(encoding="utf-8"))


def stop_rule_ends(slug: str, language: str = "") -> list[str]:
    """The last words of each of an exercise's stop rules (of its longest stretch between
    placeholders, which a copy's numbers fill), as pdftotext reads them: enough to tell on which
    printed sheet each rule landed. In English, or as translated (language "es")."""
    rules = exercise_text(slug, language)["stop_if"]
    return [" ".join(max(re.split(r"\[\[[^\]]+\]\]", rule), key=len).split()[-3:]) for rule in rules]


def pdf_page_texts(pdf: Path) -> list[str]:
    """Each page's text (poppler's pdfinfo and pdftotext), whitespace collapsed: what a printed sheet says."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [" ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                                    text=True, check=True).stdout.split()) for n in range(1, count + 1)]


def skip_links_in_another_language(site: Path) -> tuple[int, list[str]]:
    """(how many pages have a skip link, the pages whose skip link is not in the page's own
    language: ui.yml's skip_to_content for the language of <html lang>)."""
    from lxml import html as lxml_html

    from guide.content.load import load_content

    ui = load_content(ROOT / "content_src").ui
    seen, wrong = 0, []
    for path in sorted(site.rglob("*.html")):
        page = lxml_html.parse(str(path)).getroot()
        links = page.xpath('//a[contains(concat(" ", @class, " "), " md-skip ")]')
        if not links:
            continue
        seen += 1
        language = (page.get("lang") or "en").split("-")[0]
        expected = getattr(ui, language).skip_to_content
        if links[0].text_content().strip() != expected:
            wrong.append(f"{path.relative_to(site)} ({language}): {links[0].text_content().strip()!r}, not {expected!r}")
    return seen, wrong
