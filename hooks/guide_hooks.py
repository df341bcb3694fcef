"""MkDocs hooks for Pinched Nerve Guide: thin wiring around the `guide` package.

Each handler delegates to one module; nothing here knows about content rules.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from guide import links
from guide.checks import internal_links, pages
from guide.content import docs_pages, localize, programme_texts, review, translations
from guide.engine import search_index, theme_markup  # Pagefind; Material fixes
from guide.pages import brand_html, lists, navigation, paths, programme, render, wording
from guide.publish import build_date, handouts, handover, headers  # reproducible date; hosting headers
from guide.content.brand import clinic_edition_ids, default_brand, edition_ids, edition_links, language_links, select_brand
from guide.errors import ContentErrors
from guide.content.load import load_content
from guide.pages.frame import Frame
from guide.pages.frame import SLOTS_KEY
from guide.pages.frame import fill as frame_fill
from guide.build import OWNER_ENV
from guide.publish.staging import StagedBuild

log = get_plugin_logger("guide")


class _Build:
    """State of the current build; reset at every on_config, so serve rebuilds start clean."""

    command = "build"
    content = None
    brand = None
    staged: StagedBuild | None = None
    page_meta: dict[str, dict] = {}  # generated page path -> its page.meta
    translation = None  # a language edition's guide.content.translations.Translations
    frame: Frame | None = None  # the boxes every page gets in its content (guide.pages.frame)
    notices: dict[str, dict] = {}  # page path -> its out-of-date notice (a language edition)


def _handouts_on(config) -> bool:
    return str(config.extra.get("handouts") or "").lower() in ("1", "true", "yes")


def _owned() -> bool:
    """Run by `python -m guide build`, which stages, checks and publishes itself."""
    return bool(os.environ.get(OWNER_ENV))


def _project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


# ---------------------------------------------------------------- Hooks
def on_startup(*, command: str, dirty: bool) -> None:
    _Build.command = command


# Before the search plugin's: it copies its settings (a language edition's 'lang') when it configures.
@event_priority(100)
def on_config(config):
    root = _project_root(config)
    # Run directly (`mkdocs build`), the hooks still build into a staging folder and
    # publish it only if the build passes; counting warnings starts before the first one.
    _Build.staged = None
    if _Build.command in ("build", "gh-deploy") and not _owned():
        _Build.staged = StagedBuild(Path(config.site_dir), strict=bool(config.strict))
        config.site_dir = str(_Build.staged.start())
    try:
        # Started by `python -m guide build`, which validated this very content_src/ for this build:
        # its copy is used (guide.publish.handover). Run any other way, or if anything changed, validate here.
        content = (_owned() and handover.read(root / "content_src")) or load_content(root / "content_src")
        programme_texts.load_texts(content)  # the home-programme pages' words, checked before any page is made
    except ContentErrors as exc:
        raise PluginError("Content errors:\n" + exc.report()) from None
    # Before any page exists: MkDocs stamps pages and the sitemap with this date.
    build_date.ensure_source_date_epoch(root, content)
    for message in review.overdue(content, dt.date.today()):
        log.warning(message)
    clinic = (config.extra.get("clinic") or "").strip()
    # A clinic's copy has one edition per language it publishes; the default site one per site.yml edition.
    edition = (config.extra.get("edition") or "").strip()
    try:
        brand = select_brand(content, clinic, edition) if clinic else default_brand(content, edition)
    except ContentErrors as exc:
        raise PluginError("Clinic profile errors:\n" + exc.report()) from None
    # Each country's edition is its own build in its own folder; every page links to itself in the others.
    config.extra["pn_editions"] = [] if clinic else edition_links(content, edition)
    config.extra["pn_editions_intro"] = content.site.editions_intro
    # A language edition pairs with the root edition: each page links to itself in the other language
    # (a page the language edition has not translated does not link to it).
    published = clinic_edition_ids(content, brand.clinic) if clinic else edition_ids(content)
    own_pages = [paths.clinic_page_path(p) for p in brand.clinic.pages()] if clinic else []
    languages = {e.id: paths.edition_pages(content, e.language) + own_pages for e in content.site.editions
                 if e.language and e.id in published}
    config.extra["pn_languages"] = language_links(content, edition, languages)
    config.extra["pn_language_label"] = brand.ui.language_label
    config.extra["pn_words"] = brand.ui.model_dump()  # the not-found page's words (docs/overrides/404.html)
    if edition and config.site_url:
        config.site_url = config.site_url.rstrip("/") + f"/{edition}/"
    _Build.translation, _Build.notices = None, {}
    if brand.language != "en":
        content = _in_language(config, content, brand)
    content = wording.brand_content(content, brand)
    _Build.content, _Build.brand = content, brand
    config.site_name = brand.name
    listed = [translations.HOME_PAGE, *_Build.translation.pages] if _Build.translation else \
        docs_pages.list_pages(Path(config.docs_dir))
    config.nav = navigation.navigation(content, sorted(set(listed)), brand)
    # Every page, hand-written or generated, gets the glossary's tap/hover definitions.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = lists.glossary_abbreviations(content)
    if brand.clinic:
        logo = f"{brand_html.BRAND_ASSETS}/{brand.clinic.profile.logo}"
        config.theme["logo"] = logo
        config.theme["favicon"] = logo
        config.extra_css.append(brand_html.BRAND_CSS)
    else:
        # The public guide paints from its inline critical styles and loads these
        # stylesheets later (docs/overrides/main.html), so Material's template must not
        # link them in <head>. A clinic's copy keeps the blocking links: its brand.css
        # is not part of the critical styles.
        config.extra["pn_deferred_css"] = [*config.extra.get("pn_deferred_css", []), *config.extra_css]
        del config.extra_css[:]
    # Templates read plain values only (no engine but MkDocs can call our functions).
    _Build.frame = Frame(content, brand, config.site_url)
    config.extra["pn_frame"] = _Build.frame.not_found_parts()
    config.extra["pn_manifest"] = programme.MANIFEST if programme.nav_pages(content) else ""
    return config


def _in_language(config, content, brand):
    """A language edition: its translations (a missing or out-of-date safety text stops the
    build here, naming it), Material's interface and search in that language."""
    try:
        tr = translations.load(content, brand.language)
    except ContentErrors as exc:
        raise PluginError(f"Translation errors ({brand.language}):\n" + exc.report()) from None
    config.theme["language"] = brand.language  # also <html lang>, which Pagefind reads to stem the words
    for name, plugin in config.plugins.items():
        if name.endswith("search") and hasattr(plugin, "config"):
            plugin.config["lang"] = [brand.language]
    if brand.ui.copyright:
        config.copyright = brand.ui.copyright
    if brand.ui.contents_intro:
        config.site_description = brand.ui.contents_intro
    localized, notices = localize.localize(content, tr, brand.ui)
    _Build.translation = tr
    _Build.notices = _notice_metas(notices, content, brand)
    return localized


def _notice_metas(notices: dict, content, brand) -> dict[str, dict]:
    """Each page that shows an out-of-date translation's notice, to the notice as its template reads it."""
    source_language = content.site.locale.split("-")[0]
    return {path: localize.notice_meta(notice, brand.ui, brand.locale, source_language, "../")
            for key, notice in notices.items() for path in paths.notice_pages(content, key)}


def _translated_docs(files, config) -> None:
    """A language edition publishes its translations of docs/ pages (translations/<lang>/pages/),
    not docs/ itself; without a translated home page, a generated one lists its pages. A page keeps
    its English front matter (warning-sign sets, sources); title and description are translated."""
    tr = _Build.translation
    for file in [f for f in files if f.is_documentation_page() and not f.generated_by]:
        files.remove(file)
    for rel, page in tr.docs.items():
        meta = localize.page_meta(page)
        if rel in _Build.notices:
            meta["pn_out_of_date"] = _Build.notices[rel]
        files.append(File.generated(config, rel, content=page.body))
        _Build.page_meta[rel] = meta
    if translations.HOME_PAGE not in tr.pages:
        page = lists.render_contents(_Build.content, _Build.brand)
        files.append(File.generated(config, page.path, content=page.markdown))
        _Build.page_meta[page.path] = page.meta


def on_files(files, *, config):
    clinic = _Build.brand.clinic
    _Build.page_meta = {}
    if _Build.translation:
        _translated_docs(files, config)
    errors = docs_pages.check_front_matter(Path(config.docs_dir), _Build.content, words=True)
    if clinic:
        errors += docs_pages.check_front_matter(clinic.folder / "pages", _Build.content)
    if errors:
        raise PluginError("Content errors:\n" + ContentErrors(errors).report())
    for page in render.render_pages(_Build.content, _Build.brand, handouts=_handouts_on(config)):
        files.append(File.generated(config, page.path, content=page.markdown))
        _Build.page_meta[page.path] = page.meta
        if page.path in _Build.notices:
            page.meta["pn_out_of_date"] = _Build.notices[page.path]
    for dest, source in render.asset_files(_Build.content):
        files.append(File.generated(config, dest, abs_src_path=source))
    if programme.nav_pages(_Build.content):  # offline use of the home programme
        files.append(File.generated(config, programme.SERVICE_WORKER,
                                    content=programme.service_worker(_Build.content, [f.dest_uri for f in files])))
        files.append(File.generated(config, programme.MANIFEST, content=programme.manifest(_Build.brand, _Build.content)))
    if clinic:
        language = _Build.brand.language
        # A clinic page whose English changed after its translation says so, as an article does.
        notices = translations.clinic_status(_Build.content, clinic, language).notices if language != "en" else {}
        for page in clinic.pages(language):
            files.append(File.generated(config, paths.clinic_page_path(page), abs_src_path=str(page)))
        for path, meta in _notice_metas(notices, _Build.content, _Build.brand).items():
            _Build.page_meta[path] = {"pn_out_of_date": meta}
        files.append(File.generated(config, f"{brand_html.BRAND_ASSETS}/{clinic.profile.logo}",
                                    abs_src_path=str(clinic.logo_path)))
        files.append(File.generated(config, brand_html.BRAND_CSS, content=brand_html.brand_css(_Build.brand)))
    return files


def _external_words() -> str:
    return links.hidden_text(_Build.brand.ui.external_link if _Build.brand and _Build.brand.ui else None)


def on_page_content(html: str, *, page, config, files) -> str:
    html = frame_fill(html, page.meta.pop(SLOTS_KEY, {}))
    title, html = theme_markup.take_leading_title(html)
    if title:
        page.meta["pn_title_html"] = title  # docs/overrides/partials/content.html puts it above the warning box
    return html


@event_priority(-100)  # after the search plugin has indexed the page: "(opens another website)" is not content
def on_page_context(context, *, page, config, nav):
    # Marked in the page's own content rather than in the finished page: the theme's
    # navigation is most of a page and never leaves the site. The post-build check
    # fails any page that still has an unmarked link to another site.
    page.content = links.mark_external_links(page.content, config.site_url, _external_words())
    return context


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    if page.file.src_uri in _Build.page_meta:
        page.meta.update(_Build.page_meta[page.file.src_uri])
    elif _Build.brand.words and not page.file.src_uri.startswith(paths.CLINIC_PAGES + "/"):
        # docs/ pages are written like content (US spelling, care-word tokens); a clinic's own pages are its words.
        # Only care words: a page outside content_src/ gets no emergency number, and the post-build check says so.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = _Build.brand.words.apply(page.meta[key], markup=False)
        markdown = _Build.brand.words.apply(markdown, markup=True)
    # The boxes wait in page.meta until on_page_content (guide.pages.frame.page, `slots`).
    page.meta[SLOTS_KEY] = slots = {}
    return _Build.frame.page(markdown, page.meta, page.file.src_uri, slots)


def on_post_page(output: str, *, page, config) -> str:
    return theme_markup.fix_theme_markup(output, _Build.brand.ui.skip_to_content)


def on_template_context(context, *, template_name: str, config):
    # MkDocs writes the not-found page's links from the server's root when site_url is unset (it is
    # served at any address). An edition lives in its own folder: start them there, or a reader who
    # mistypes a UK address gets the root edition's menu, with its own emergency number.
    edition = (config.extra.get("edition") or "").strip()
    if template_name == "404.html" and edition and not config.site_url:
        context["base_url"] = f"/{edition}/"
    return context


def on_post_template(output_content: str, *, template_name: str, config) -> str:
    output_content = theme_markup.fix_theme_markup(output_content, _Build.brand.ui.skip_to_content)
    if template_name.endswith(".html"):  # 404.html; never the sitemap
        output_content = links.mark_external_links(output_content, config.site_url, _external_words())
    return output_content


@event_priority(-100)  # after every plugin has written its files
def on_post_build(*, config) -> None:
    if _owned():
        return  # guide.build indexes for search, checks every file, writes the headers and prints handouts itself
    search = _project_root(config) / "content_src" / "search"
    if _Build.translation and (_Build.translation.root / "search").is_dir():
        search = _Build.translation.root / "search"  # the language's stop words, messages and best bets
    _index_for_search(Path(config.site_dir), search)
    expect = pages.Expectations(_Build.content, _Build.brand, config.site_url)
    # One reading of every page serves the safety check and the hosting-header scan.
    scan = headers.SiteScan()
    # `mkdocs build` makes one edition: the switcher's links to the others are not checked. A country's
    # or language's edition is then built alone into its own folder, so the root edition is above it.
    others = tuple(e.id for e in _Build.content.site.editions if e.id)
    if (config.extra.get("edition") or "").strip():
        others += (internal_links.ABOVE_THE_SITE,)
    # Handouts are printed from the verified pages below: links to them are not judged yet.
    later = (f"{handouts.HANDOUTS_DIR}/",) if _handouts_on(config) else ()
    problems = pages.verify_site(Path(config.site_dir), expect, also=scan.add_page, unbuilt=others, later=later)
    if problems:
        raise PluginError(pages.report(problems))
    if _handouts_on(config):
        try:
            written = handouts.print_handouts(Path(config.site_dir), _Build.content, _Build.brand)
        except handouts.HandoutError as exc:
            raise PluginError(str(exc)) from None
        log.info("Printed %d handouts into %s/", len(written), handouts.HANDOUTS_DIR)
        build_date.stamp_pdf_dates(Path(config.site_dir))  # printing time -> the build's date
    # Printing handouts writes PDFs only, so the pages scanned above are the final ones.
    headers.write_header_files(Path(config.site_dir), scan)
    if scan.blocked:
        raise PluginError(headers.report(scan.blocked))
    if _Build.staged:
        _Build.staged.verified = True


def _index_for_search(site_dir: Path, search_dir: Path) -> None:
    try:
        search_index.index_site(site_dir, search_dir)
    except ContentErrors as exc:
        raise PluginError("Search settings errors:\n" + exc.report()) from None
    except search_index.SearchIndexError as exc:
        raise PluginError(str(exc)) from None


def on_shutdown() -> None:
    if _Build.staged and not _Build.staged.finish():
        log.error("Build failed: the last good site in %s was left as it was.", _Build.staged.site_dir)
