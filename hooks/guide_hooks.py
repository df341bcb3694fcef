"""MkDocs hooks for Pinched Nerve Guide: thin wiring around the `guide` package.

Each handler delegates to one module; nothing here knows about content rules.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

import datetime as dt

from guide import docs_pages, render, review, verify
from guide.brand import default_brand
from guide.errors import ContentErrors
from guide.load import load_content
from guide.safety_html import disclaimer_box, red_flag_box
from guide.staging import StagedBuild

log = get_plugin_logger("guide")

# Material adds autocomplete="off" to its header checkboxes (a Firefox
# workaround); the attribute is invalid on checkboxes and fails the Nu checker.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


class _Build:
    """State of the current build; reset at every on_config, so serve rebuilds start clean."""

    command = "build"
    content = None
    brand = None
    staged: StagedBuild | None = None
    abbreviations = ""


def _project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


# ---------------------------------------------------------------- Hooks
def on_startup(*, command: str, dirty: bool) -> None:
    _Build.command = command


def on_config(config):
    root = _project_root(config)
    try:
        content = load_content(root / "content_src")
    except ContentErrors as exc:
        raise PluginError("Content errors:\n" + exc.report()) from None
    for message in review.overdue(content, dt.date.today()):
        log.warning(message)
    brand = default_brand(content)
    _Build.content, _Build.brand = content, brand
    config.site_name = brand.name
    config.nav = render.navigation(content, docs_pages.list_pages(Path(config.docs_dir)))
    # Build into a staging folder; on_shutdown publishes it only after every check passed.
    _Build.staged = None
    if _Build.command in ("build", "gh-deploy"):
        _Build.staged = StagedBuild(Path(config.site_dir), strict=bool(config.strict))
        config.site_dir = str(_Build.staged.start())
    return config


def on_files(files, *, config):
    errors = docs_pages.check_front_matter(Path(config.docs_dir), _Build.content)
    if errors:
        raise PluginError("Content errors:\n" + ContentErrors(errors).report())
    for page in render.render_pages(_Build.content, _Build.brand):
        files.append(File.generated(config, page.path, content=page.markdown))
    for dest, source in render.asset_files(_Build.content):
        files.append(File.generated(config, dest, abs_src_path=source))
    _Build.abbreviations = render.glossary_abbreviations(_Build.content)
    return files


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    # Every page, hand-written or generated, gets the glossary's tap/hover definitions.
    return markdown + _Build.abbreviations


def on_env(env, *, config, files):
    content, brand = _Build.content, _Build.brand
    disclaimer = Markup(disclaimer_box(content.disclaimer))
    env.globals["pn_disclaimer"] = lambda: disclaimer
    env.globals["pn_red_flags"] = lambda page=None: Markup(
        red_flag_box(content.red_flags, brand, (page.meta.get("red_flags") if page else None))
    )
    return env


def on_post_page(output: str, *, page, config) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


def on_post_template(output_content: str, *, template_name: str, config) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output_content)


@event_priority(-100)  # after every plugin has written its files
def on_post_build(*, config) -> None:
    expect = verify.Expectations(_Build.content, _Build.brand)
    problems = verify.verify_site(Path(config.site_dir), expect)
    if problems:
        raise PluginError(verify.report(problems))
    if _Build.staged:
        _Build.staged.verified = True


def on_shutdown() -> None:
    if _Build.staged and not _Build.staged.finish():
        log.error("Build failed: the last good site in %s was left as it was.", _Build.staged.site_dir)
