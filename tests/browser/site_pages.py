"""Every page the real site publishes, known before anything is built.

Browser tests are parametrised with this list so a failure names its page. It is
derived from the sources with the guide package (the same functions the build
uses); test_every_page.py checks that it matches the HTML files of the built site
exactly, so a page can neither escape the checks nor be checked twice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from guide.content import docs_pages
from guide.pages import paths, render
from guide.content.brand import default_brand, edition_ids
from guide.content.load import load_content
from helpers import ROOT

NOT_FOUND_PAGE = "/404.html"  # a static template, not a page in the navigation


@dataclass(frozen=True)
class SitePage:
    url: str   # path on the site: "/", "/understanding/sciatica/", "/404.html"
    kind: str  # "article", "exercise" or "other"
    language: str = "en"


def url_of_markdown(path: str) -> str:
    """docs/-relative Markdown path -> published address (use_directory_urls)."""
    parts = PurePosixPath(path).with_suffix("").parts
    if parts and parts[-1] == "index":
        parts = parts[:-1]
    return "/" + "".join(part + "/" for part in parts)


def url_of_html(path: str) -> str:
    """site/-relative HTML file -> the address a browser asks for."""
    if path.endswith("/index.html") or path == "index.html":
        return "/" + path.removesuffix("index.html")
    return "/" + path


@functools.cache
def every_page() -> tuple[SitePage, ...]:
    content = load_content(ROOT / "content_src")
    articles = {url_of_markdown(paths.article_path(content, a)) for a in content.articles}
    exercises = {url_of_markdown(paths.exercise_path(e)) for e in content.exercises}
    sources = [p.path for p in render.render_pages(content, default_brand(content))]
    sources += docs_pages.list_pages(Path(ROOT / "docs"))
    urls = sorted({url_of_markdown(p) for p in sources} | {NOT_FOUND_PAGE})
    kinds = {**{u: "article" for u in articles}, **{u: "exercise" for u in exercises}}
    languages = {e.id: e.language for e in content.site.editions if e.language}
    pages = []
    for edition in edition_ids(content):
        # Every country's edition publishes the same pages in its own folder (/uk/...); a language
        # edition (/es/) the pages it has translated (guide.pages.paths.edition_pages).
        language = languages.get(edition)
        own = sorted({url_of_markdown(p) for p in paths.edition_pages(content, language)} | {NOT_FOUND_PAGE}) \
            if language else urls
        pages += [SitePage(f"/{edition}{u}" if edition else u, kinds.get(u, "other"), language or "en") for u in own]
    return tuple(pages)


def urls(*kinds: str) -> list[str]:
    """Addresses of the pages of the given kinds (all pages when none is given)."""
    return [p.url for p in every_page() if not kinds or p.kind in kinds]


# A language edition's pages are built from the same templates and code as the English ones:
# the checks of safety, accessibility and foreign requests visit every one of them; the slower
# keyboard walks a set with one page of each kind (home, article, exercise, generated lists, the
# programme builder and view, a hand-written page, 404), which keeps the browser suite well inside
# CI's time on two cores.
SAMPLE_OTHER_LANGUAGES = ("", "understanding/sciatica/", "warning-signs/warning-signs/", "exercises/",
                          "exercises/chin-tuck/", "exercises/home-programme/", "programme/", "programme/view/",
                          "about/", "glossary/", "sources/", "404.html")


def sampled_urls(*kinds: str) -> list[str]:
    """As urls(), with only SAMPLE_OTHER_LANGUAGES of each edition in another language."""
    out = []
    for p in every_page():
        if kinds and p.kind not in kinds:
            continue
        if p.language != "en" and p.url.split("/", 2)[2] not in SAMPLE_OTHER_LANGUAGES:
            continue
        out.append(p.url)
    return out
