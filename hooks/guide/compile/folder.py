"""The compiled folder: content_src/ and the brand written out as a plain MkDocs-format project.

`python -m guide compile --out .site.compiled` writes, for one edition (GUIDE_EDITION) of the
site or of a clinic's copy (GUIDE_CLINIC):

    .site.compiled/mkdocs.yml   nav, brand, glossary tooltips, template values; no hooks
    .site.compiled/docs/        every page (generated and hand-written) with its boxes in its
                                Markdown (guide.compile.frame), assets, the clinic's logo and colours

Zensical builds it (its raw HTML addresses are written from each Markdown file's folder, as
Zensical reads them: see _raw_html_from_the_file); the theme overrides
(docs/overrides/) are shared, and call no function of ours. The pages come out of the same hook
events `mkdocs build` runs, in this process, so the compiled folder follows whatever the hooks do.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .frame import SLOTS_KEY, fill

COMPILED_DIR = ".site.compiled"
# MkDocs settings copied as they are; the rest are our hooks' (now written out) or the engine's.
_KEPT = ("site_name", "site_url", "site_description", "copyright", "use_directory_urls", "extra_css",
         "extra_javascript", "extra")


def _plain(value):
    """Config values as YAML can write them (MkDocs wraps some in its own types)."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(_plain(meta), sort_keys=False, allow_unicode=True, width=100000) + "---\n\n"


# A relative address in a raw HTML attribute of the compiled Markdown (the boxes, figures, citations).
_RAW_URL = re.compile(r"""(?P<lead>\s(?:href|src)=")(?P<url>[^"]*)(?P<end>")""")


def _raw_html_from_the_file(markdown: str, src_uri: str, url: str) -> str:
    """The hooks write raw HTML for MkDocs, which leaves it as it is: its relative addresses start
    at the page's address (exercises/bridge/). Zensical rebases them as if they started at the
    Markdown file's folder (exercises/), one "../" too many on every page not named index.md, so
    each picture and citation of an exercise went nowhere (found by guide.checks.internal_links). Here they
    are written from the file's folder, as Zensical reads them."""
    page_dir = url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)
    file_dir = posixpath.dirname(src_uri)
    if page_dir == file_dir:
        return markdown

    def rebase(match: re.Match) -> str:
        address = match.group("url")
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(page_dir, parts.path))
        path = posixpath.relpath(target, file_dir or ".") + ("/" if parts.path.endswith("/") else "")
        rebuilt = path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return match.group("lead") + rebuilt + match.group("end")

    return _RAW_URL.sub(rebase, markdown)


def compile_folder(project: Path, out: Path, site_dir: Path | None = None) -> Path:
    """Write the compiled folder of the edition and clinic named in the environment; returns its mkdocs.yml."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    saved = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        # "serve": nothing is staged or published by the hooks; this only compiles.
        config.plugins.on_startup(command="serve", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        if out.exists():
            shutil.rmtree(out)
        docs = out / "docs"
        for file in files:
            if file.inclusion.is_excluded():
                continue
            dest = docs / file.src_uri
            dest.parent.mkdir(parents=True, exist_ok=True)
            if file.is_documentation_page():
                page = Page(None, file, config)
                page.read_source(config)
                markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
                # No engine reading this folder runs our hooks: the boxes go into the Markdown itself.
                markdown = fill(markdown, page.meta.pop(SLOTS_KEY, {}))
                markdown = _raw_html_from_the_file(markdown, file.src_uri, file.url)
                dest.write_text(_front_matter(page.meta) + markdown, encoding="utf-8")
            else:
                dest.write_bytes(file.content_bytes)
        settings = {key: _plain(config[key]) for key in _KEPT if config.get(key) is not None}
        theme = {key: _plain(value) for key, value in config.theme.items() if key not in ("custom_dir",)
                 and key in ("name", "language", "font", "icon", "features", "logo", "favicon", "palette")}
        theme["custom_dir"] = str(project / "docs" / "overrides")  # shared by every engine
        extensions = []
        for name in config.markdown_extensions:
            name = name if isinstance(name, str) else str(name)
            settings_of = _plain(config.mdx_configs.get(name) or {})
            extensions.append({name: settings_of} if settings_of else name)
        # Links to other sites, marked by Markdown itself: no engine but MkDocs runs our hooks.
        frame = next(getattr(m, "_Build").frame for _, m in config.plugins.items() if hasattr(m, "_Build"))
        extensions.append({"guide.compile.mdx_links": {"site_url": config.site_url or "", "hidden": frame.hidden}})
        search = [{"search": {"lang": _plain(p.config.get("lang"))}} for n, p in config.plugins.items()
                  if n.endswith("search") and hasattr(p, "config") and p.config.get("lang")] or ["search"]
        compiled = {**settings, "docs_dir": "docs", "site_dir": str(site_dir) if site_dir else "site", "theme": theme, "plugins": search,
                    "markdown_extensions": extensions, "nav": _plain(config.nav)}
        from ..build import _ConfigLoader  # mkdocs.yml as written: its 'validation' levels are words there

        raw = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        if raw.get("validation"):
            compiled["validation"] = raw["validation"]
        path = out / "mkdocs.yml"
        path.write_text("# Written by `python -m guide compile` (guide.compile.folder): edit content_src/ instead.\n"
                        + yaml.safe_dump(compiled, sort_keys=False, allow_unicode=True, width=100000), encoding="utf-8")
        config.plugins.on_shutdown()
        return path
    finally:
        os.chdir(saved)
