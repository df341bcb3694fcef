"""MkDocs run without `mkdocs build`: our hook events, in this process, make the pages Zensical builds.

The only module of the guide package that imports MkDocs (tests/test_layout.py; the hooks in
hooks/guide_hooks.py are MkDocs' side of it). It loads mkdocs.yml with MkDocs, runs the hook
events `mkdocs build` would run up to each page's Markdown, and hands the pages, assets and plain
config values to guide.engine.folder, which writes the compiled folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from . import folder
from .folder import KEPT_SETTINGS, plain


class CompileFailed(Exception):
    """Our hooks refused the content or the config; `str()` is their message."""


def compile_folder(project: Path, out: Path, site_dir: Path | None = None) -> Path:
    """Write the compiled folder of the edition and clinic named in the environment; returns its mkdocs.yml."""
    saved = os.getcwd()
    os.chdir(project)
    try:
        return _compile(project, out, site_dir)
    except PluginError as exc:
        raise CompileFailed(str(exc)) from exc
    finally:
        os.chdir(saved)


def _compile(project: Path, out: Path, site_dir: Path | None) -> Path:
    config = load_config(str(project / "mkdocs.yml"))
    # "serve": nothing is staged or published by the hooks; this only compiles.
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    docs = folder.clear(out)
    for file in files:
        if file.inclusion.is_excluded():
            continue
        dest = docs / file.src_uri
        dest.parent.mkdir(parents=True, exist_ok=True)
        if file.is_documentation_page():
            page = Page(None, file, config)
            page.read_source(config)
            markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            folder.write_page(dest, page.meta, markdown, file.src_uri, file.url)
        else:
            dest.write_bytes(file.content_bytes)
    settings = {key: plain(config[key]) for key in KEPT_SETTINGS if config.get(key) is not None}
    theme = {key: plain(value) for key, value in config.theme.items()
             if key in ("name", "language", "font", "icon", "features", "logo", "favicon", "palette")}
    theme["custom_dir"] = str(project / "docs" / "overrides")  # shared by every engine
    extensions = []
    for name in config.markdown_extensions:
        name = name if isinstance(name, str) else str(name)
        settings_of = plain(config.mdx_configs.get(name) or {})
        extensions.append({name: settings_of} if settings_of else name)
    # Links to other sites, marked by Markdown itself: no engine but MkDocs runs our hooks.
    frame = next(getattr(m, "_Build").frame for _, m in config.plugins.items() if hasattr(m, "_Build"))
    extensions.append({"guide.pages.mdx_links": {"site_url": config.site_url or "", "hidden": frame.hidden}})
    search = [{"search": {"lang": plain(p.config.get("lang"))}} for n, p in config.plugins.items()
              if n.endswith("search") and hasattr(p, "config") and p.config.get("lang")] or ["search"]
    compiled = {**settings, "docs_dir": "docs", "site_dir": str(site_dir) if site_dir else "site", "theme": theme, "plugins": search,
                "markdown_extensions": extensions, "nav": plain(config.nav)}
    path = folder.write_config(project, out, compiled)
    config.plugins.on_shutdown()
    return path
