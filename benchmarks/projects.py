"""Lay out the two projects a benchmark size builds.

`ours`: a copy of the real project (mkdocs.yml, hooks/, theme overrides and
assets, the real shared content files) with synthetic articles, built exactly
as `make build` builds the real site.

`plain`: the same pages as ordinary Markdown for stock MkDocs + Material,
without this project's hooks or theme overrides. The pages are what our hooks
hand to MkDocs (answer, key points, body, sources and review line; the glossary's
definitions go to the abbr extension's settings in both), with the warning-signs box and the disclaimer already written in
as HTML by guide.pages.safety_html, and the same theme settings and navigation.
The difference between the two builds is therefore the cost of the hooks:
loading and validating content, readability scoring, rendering and the
post-build safety check.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import corpus

ROOT = Path(__file__).resolve().parents[1]
# content_src/ parts replaced by synthetic content; everything else (safety/,
# site.yml, countries.yml, rules.yml, sections.yml, bibliography.yml,
# glossary.yml, ...) is the project's real file.
SYNTHETIC_REPLACES = ("articles", "exercises", "illustrations", "schemas", "clinics", "README.md")
PLAIN_DROPPED_CONFIG = ("hooks",)
FRONT_MATTER_KEPT = ("title", "description", "tags")


@dataclass(frozen=True)
class Layout:
    root: Path
    articles: int

    @property
    def site(self) -> Path:
        return self.root / "site"


def make_ours(dest: Path, articles: int, seed: int) -> Layout:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "content_src", dest / "content_src", ignore=shutil.ignore_patterns(*SYNTHETIC_REPLACES))
    for theme_part in ("overrides", "assets"):
        shutil.copytree(ROOT / "docs" / theme_part, dest / "docs" / theme_part)
    sections = [s["id"] for s in yaml.safe_load((dest / "content_src" / "sections.yml").read_text())]
    sources = [s["id"] for s in yaml.safe_load((dest / "content_src" / "bibliography.yml").read_text())]
    help_page = yaml.safe_load((dest / "content_src" / "safety" / "red_flags.yml").read_text())["help"]["page"]
    plans = corpus.write_articles(dest / "content_src" / "articles", articles, sections, sources, help_page=help_page)
    # The real best bets name real pages, which a synthetic guide does not have.
    (dest / "content_src" / "search" / "best_bets.yml").write_text("best_bets: []\n", encoding="utf-8")
    (dest / "docs" / "index.md").write_text(corpus.home_page(plans), encoding="utf-8")
    shutil.copy2(ROOT / "docs" / "about.md", dest / "docs" / "about.md")
    return Layout(dest, articles)


def editions(ours: Layout) -> list[str]:
    """The editions `python -m guide build` builds: the root ('') first, then each of site.yml's
    that it publishes (guide.content.brand.edition_ids: a language edition only once it has a translated
    article or exercise, which a synthetic corpus does not have). Building one that ours skips
    would make plain do more work, or fail on a home page the translation does not have."""
    content = ours.root / "content_src"
    site = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8")) or {}
    published = [""]
    for edition in site.get("editions") or []:
        folder = content / "translations" / str(edition.get("language") or "")
        if not edition.get("language") or any((folder / "articles").glob("*.md")) or any((folder / "exercises").glob("*.yml")):
            published.append(edition["id"])
    return published


@contextmanager
def _hooks_loaded(ours: Layout, edition: str = ""):
    """The copied project's MkDocs config with its hooks run up to on_files, in this process.

    The plain pages are taken from what our hooks hand to MkDocs, through
    MkDocs' own plugin events, so they follow whatever the hooks do today.
    """
    saved_env, saved_cwd, saved_path = dict(os.environ), os.getcwd(), list(sys.path)
    # A previous size's or edition's copy must not be reused: MkDocs caches each hook module
    # by its path (an lru_cache on Hooks._load_hook) and keeps it in sys.modules.
    from mkdocs.config import config_options

    config_options.Hooks._load_hook.cache_clear()
    for name in [n for n in sys.modules if n == "guide" or n.startswith("guide.") or n.endswith("guide_hooks")
                 or n.endswith("guide_hooks.py")]:
        del sys.modules[name]
    os.chdir(ours.root)
    os.environ["GUIDE_EDITION"] = edition  # what `python -m guide build` sets for each engine run
    try:
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files

        config = load_config(str(ours.root / "mkdocs.yml"))
        # "serve" rather than "build": nothing is staged or published by this dry run.
        config.plugins.on_startup(command="serve", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        yield config, files
    finally:
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        os.environ.clear()
        os.environ.update(saved_env)


def _plain_page(meta: dict, body: str) -> str:
    """`body`: the page's Markdown as our hooks hand it to MkDocs, boxes included (guide.pages.frame)."""
    kept = {k: meta[k] for k in FRONT_MATTER_KEPT if k in meta}
    # Our theme override writes the title above the boxes when the page has none: the same here.
    if not body.lstrip("\n").startswith("# "):
        body = f"# {meta.get('title', '')}\n\n{body}"
    front = "---\n" + yaml.safe_dump(kept, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n" if kept else ""
    return f"{front}{body.strip()}\n"


def _plain_config(ours_config: Path, site_name: str, nav: list, mdx_configs: dict) -> dict:
    config = yaml.load(ours_config.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    for key in PLAIN_DROPPED_CONFIG:
        config.pop(key, None)
    config.get("theme", {}).pop("custom_dir", None)  # our overrides call the hooks' template functions
    config["site_name"] = site_name
    config["nav"] = nav
    # Settings our hooks give Markdown extensions (the glossary's definitions for abbr), written out.
    extensions = []
    for entry in config.get("markdown_extensions", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        settings = {} if isinstance(entry, str) else dict(entry[name] or {})
        settings.update(mdx_configs.get(name, {}))
        extensions.append({name: settings} if settings else name)
    config["markdown_extensions"] = extensions
    return config


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even if it uses MkDocs tags such as !ENV (kept as plain values)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node)
                                      if isinstance(node, yaml.ScalarNode) else None)


PLAIN_STEPS = "plain_build.json"  # the commands benchmarks/plain_build.py runs, in order


def make_plain(ours: Layout, dest: Path) -> Layout:
    """The plain project of every edition ours builds (the root at dest, others under
    dest/editions/ID), and the steps of its build: for each edition, stock MkDocs into
    its folder of site/, then the same Pagefind command our build runs on that folder."""
    if dest.exists():
        shutil.rmtree(dest)
    steps = []
    for edition in editions(ours):
        root = dest / "editions" / edition if edition else dest
        pagefind = _make_plain_edition(ours, root, edition)
        out = _edition_site(edition)  # absolute: MkDocs reads a relative one from the config's folder
        config = (root / "mkdocs.yml").relative_to(dest).as_posix()
        steps.append({"name": f"mkdocs {edition or 'root'}", "argv": [*PLAIN_MKDOCS, "--config-file", config, "--site-dir", out]})
        steps.append({"name": f"pagefind {edition or 'root'}",
                      "argv": [a if a != _SITE_MARK else out for a in pagefind]})
    shutil.copy2(Path(__file__).with_name("plain_build.py"), dest / "plain_build.py")
    (dest / PLAIN_STEPS).write_text(json.dumps(steps, indent=1), encoding="utf-8")
    return Layout(dest, ours.articles)


PLAIN_MKDOCS = ["mkdocs", "build", "--strict"]  # run as `python -m mkdocs` by plain_build.py
_SITE_MARK = "{site}"
_ROOT_MARK = "{root}"  # the project's folder (plain's, or ours' for the hooks build), filled in by plain_build.py
HOOKS_STEPS = "hooks_build.json"


def _edition_site(edition: str) -> str:
    """The edition's folder of the project's site/, as plain_build.py fills it in."""
    return f"{_ROOT_MARK}/site/{edition}" if edition else f"{_ROOT_MARK}/site"


def add_hooks_build(ours: Layout) -> None:
    """Steps, in ours' own project, of the build as it was before `python -m guide build` owned the
    guarantee (issue 10): for each edition, in the order ours builds them, `mkdocs build --strict` with
    our hooks doing everything themselves (content validation, Pagefind, the check of every page,
    the headers) into that edition's folder of site/. Run by plain_build.py (builds.COMMANDS["hooks"])."""
    steps = [{"name": f"mkdocs with hooks {edition or 'root'}",
              "argv": [*PLAIN_MKDOCS, "--site-dir", _edition_site(edition)],
              # What `python -m guide build` sets for each engine run, less its ownership of the build.
              "env": {"GUIDE_EDITION": edition, "GUIDE_CLINIC": "", "PYTHONPATH": f"{_ROOT_MARK}/hooks"}}
             for edition in editions(ours)]
    shutil.copy2(Path(__file__).with_name("plain_build.py"), ours.root / "plain_build.py")
    (ours.root / HOOKS_STEPS).write_text(json.dumps(steps, indent=1), encoding="utf-8")


def _make_plain_edition(ours: Layout, dest: Path, edition: str) -> list[str]:
    from mkdocs.structure.pages import Page

    docs = dest / "docs"
    shutil.copytree(ours.root / "docs", docs, ignore=shutil.ignore_patterns("overrides"))
    with _hooks_loaded(ours, edition) as (config, files):
        for file in files.documentation_pages():
            page = Page(None, file, config)
            page.read_source(config)
            # The boxes come in the Markdown, as for any engine (guide.pages.frame).
            markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            frame = importlib.import_module("guide.pages.frame")  # the boxes the hooks fill in after Markdown
            markdown = frame.fill(markdown, page.meta.pop(frame.SLOTS_KEY, {}))
            path = docs / file.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_plain_page(page.meta, markdown), encoding="utf-8")
        nav, site_name, mdx_configs = config.nav, config.site_name, dict(config.mdx_configs)
        # Our build's own Pagefind command line (binary, flags, excluded selectors), for the same indexing work.
        pagefind = importlib.import_module("guide.engine.search_index").pagefind_command(Path(_SITE_MARK))
    plain_config = _plain_config(ours.root / "mkdocs.yml", site_name, nav, mdx_configs)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain_config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return pagefind
