"""The compiled folder: content_src/ and the brand written out as a plain MkDocs-format project.

`python -m guide compile --out .site.compiled` writes, for one edition (GUIDE_EDITION) of the
site or of a clinic's copy (GUIDE_CLINIC):

    .site.compiled/mkdocs.yml   nav, brand, glossary tooltips, template values; no hooks
    .site.compiled/docs/        every page (generated and hand-written) with its boxes in its
                                Markdown (guide.pages.frame), assets, the clinic's logo and colours

Zensical builds it (its raw HTML addresses are written from each Markdown file's folder, as
Zensical reads them: see _raw_html_from_the_file); the theme overrides
(docs/overrides/) are shared, and call no function of ours. The pages come out of the same hook
events `mkdocs build` runs, in this process (guide.engine.mkdocs_adapter, the one module here that
imports MkDocs), so the compiled folder follows whatever the hooks do; this module only writes them.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..pages.frame import SLOTS_KEY, fill
from .config_file import parse_config

COMPILED_DIR = ".site.compiled"
# MkDocs settings copied as they are; the rest are our hooks' (now written out) or the engine's.
KEPT_SETTINGS = ("site_name", "site_url", "site_description", "copyright", "use_directory_urls", "extra_css",
         "extra_javascript", "extra")


def plain(value):
    """Config values as YAML can write them (MkDocs wraps some in its own types)."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(plain(meta), sort_keys=False, allow_unicode=True, width=100000) + "---\n\n"


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


def clear(out: Path) -> Path:
    """An empty folder to write into; returns its docs/ folder."""
    if out.exists():
        shutil.rmtree(out)
    return out / "docs"


def write_page(dest: Path, meta: dict, markdown: str, src_uri: str, url: str) -> None:
    """A page as our hooks made it, with its boxes in its Markdown: no engine reading this folder runs them."""
    markdown = fill(markdown, meta.pop(SLOTS_KEY, {}))
    markdown = _raw_html_from_the_file(markdown, src_uri, url)
    dest.write_text(_front_matter(meta) + markdown, encoding="utf-8")


def write_config(project: Path, out: Path, compiled: dict) -> Path:
    """The compiled mkdocs.yml: `compiled` (plain values) and mkdocs.yml's own 'validation' levels."""
    raw = parse_config((project / "mkdocs.yml").read_text(encoding="utf-8"))  # its 'validation' levels as written
    if raw.get("validation"):
        compiled["validation"] = raw["validation"]
    path = out / "mkdocs.yml"
    path.write_text("# Written by `python -m guide compile` (guide.engine.folder): edit content_src/ instead.\n"
                    + yaml.safe_dump(compiled, sort_keys=False, allow_unicode=True, width=100000), encoding="utf-8")
    return path
