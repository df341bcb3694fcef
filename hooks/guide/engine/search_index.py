"""The site's search index: Pagefind run over the built HTML, plus the guide's own search settings.

`index_site(site_dir, search_dir)` is called once the engine has written every
page and before the post-build verifier runs (the MkDocs hook calls it from
on_post_build; any other build command can call it the same way). It writes:

- `pagefind/`: Pagefind's index, split into small chunks that the browser
  fetches per query, its JavaScript API and its WebAssembly (no HTML pages);
- `pagefind/guide-search.json`: the stop words, ranking settings, messages and
  best bets of content_src/search/, read by docs/assets/javascripts/search.js.

Which pages are indexed, and what counts more, is marked in the templates
(docs/overrides/main.html and partials/content.html): only articles and
exercises carry `data-pagefind-body`; their hidden summary and keywords carry
`data-pagefind-weight`. What every page repeats (the safety boxes, the print
header, sources and review lines) and picture captions are left out here, by
selector, so the boxes' own markup needs no search attributes.
"""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from ..content import models
from ..errors import ErrorCollector
from ..content.validate import validate_model
from ..content.source_files import load_yaml_file

OUTPUT_DIR = "pagefind"
SETTINGS_FILE = "guide-search.json"
# Inside an indexed page: text that is the same on every page, or that is not
# the page's own words (captions such as "Start" and "End" under exercise pictures).
EXCLUDE_SELECTORS = (
    "[data-safety]",          # the warning-signs box and the disclaimer
    ".pn-print-header", ".pn-questions", ".pn-contact",
    ".md-content__button",    # Material's edit/print actions
    "figcaption", ".pn-caption",
    ".pn-sources", ".pn-review",
    "[data-pagefind-skip]",
)
TIMEOUT_S = 1800  # a 5,000-article guide took minutes on a busy 2-core machine


class SearchIndexError(Exception):
    """Indexing the built site failed; the message says what to do."""


@dataclass(frozen=True)
class SearchConfig:
    settings: models.SearchSettings
    best_bets: models.BestBets
    bet_lines: tuple[int, ...]  # line of each best bet's `page`, for errors found against the built site
    best_bets_path: Path


def load_search_config(search_dir: Path) -> SearchConfig:
    """Read content_src/search/settings.yml and best_bets.yml; every problem raised at once as ContentErrors."""
    search_dir = Path(search_dir)
    errors = ErrorCollector(search_dir.parent)
    settings = _load(search_dir / "settings.yml", models.SearchSettings, errors)
    bets_path = search_dir / "best_bets.yml"
    parsed = load_yaml_file(bets_path, errors) if bets_path.exists() else ({}, None)
    best_bets, lines = None, None
    if parsed is not None:
        data, lines = parsed
        best_bets = validate_model(models.BestBets, data or {}, bets_path, lines, errors)
    errors.raise_if_any()
    bet_lines = tuple(lines.line(("best_bets", i, "page")) if lines else 0 for i in range(len(best_bets.best_bets)))
    return SearchConfig(settings, best_bets, bet_lines, bets_path)


def _load(path: Path, model, errors: ErrorCollector):
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        return None
    data, lines = parsed
    return validate_model(model, data or {}, path, lines, errors)


def _page_file(site_dir: Path, page: str) -> Path:
    return site_dir / page.lstrip("/") / "index.html"


def _indexed_pages(site_dir: Path) -> dict[str, Path]:
    """URL path -> file, for every page that asks to be indexed (data-pagefind-body).

    Only the files are kept: holding thousands of parsed pages took gigabytes."""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        if OUTPUT_DIR in path.relative_to(site_dir).parts[:1]:
            continue
        if b"data-pagefind-body" not in path.read_bytes():
            continue
        rel = path.parent.relative_to(site_dir).as_posix()
        pages["/" if rel == "." else f"/{rel}/"] = path
    return pages


def _summary(tree) -> tuple[str, str]:
    title = " ".join(" ".join(tree.xpath("string(//h1)").split()).split())
    summary = tree.xpath("string(//*[@data-pagefind-meta='summary'])").strip()
    return title, " ".join(summary.split())


def resolve_best_bets(config: SearchConfig, site_dir: Path, pages: dict[str, Path] | None = None) -> list[dict]:
    """Best bets with each page's title and summary taken from the built page; unknown pages are located errors."""
    pages = _indexed_pages(site_dir) if pages is None else pages
    errors = ErrorCollector(config.best_bets_path.parent.parent)
    resolved = []
    for index, (bet, line) in enumerate(zip(config.best_bets.best_bets, config.bet_lines)):
        path = pages.get(bet.page)
        if path is None:
            exists = _page_file(site_dir, bet.page).exists()
            close = difflib.get_close_matches(bet.page, list(pages), n=1)
            message = (f"the page {bet.page} is not searchable (it is not an article or exercise)" if exists
                       else f"no page {bet.page} in the built site")
            hint = f"did you mean '{close[0]}'?" if close else "use the page's address as shown in the browser, e.g. /warning-signs/warning-signs/"
            errors.add(config.best_bets_path, line, f"best_bets[{index}].page", message, hint)
            continue
        title, summary = _summary(lxml_html.document_fromstring(path.read_bytes()))
        resolved.append({"queries": [_normalise(q) for q in bet.queries], "whole": bet.whole_query, "url": bet.page,
                         "title": title, "summary": summary})
    errors.raise_if_any()
    return resolved


def _normalise(query: str) -> str:
    """The same normalisation search.js applies to what the patient types (keep both in step)."""
    words = "".join(c if c.isalnum() or c == "&" else " " for c in query.lower().replace("'", "").replace("\u2019", ""))
    return " ".join(words.split())


def client_settings(config: SearchConfig, best_bets: list[dict]) -> dict:
    """What search.js needs, in the browser's spelling (Pagefind's ranking option names)."""
    ranking = config.settings.ranking
    return {
        "stopWords": sorted({_normalise(w) for w in config.settings.stop_words}),
        "respell": {_normalise(k): _normalise(v) for k, v in config.settings.respell.items()},
        "ranking": {"termFrequency": ranking.term_frequency, "termSimilarity": ranking.term_similarity,
                    "termSaturation": ranking.term_saturation, "pageLength": ranking.page_length},
        "messages": config.settings.messages.model_dump(),
        "bestBets": best_bets,
    }


def pagefind_command(site_dir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site_dir), "--output-subdir", OUTPUT_DIR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def index_site(site_dir: Path, search_dir: Path, *, config: SearchConfig | None = None) -> None:
    """Index the built site in site_dir with Pagefind and write the guide's search settings next to the index.

    Raises ContentErrors for a wrong settings or best-bets file (file:line, field, hint)
    and SearchIndexError when Pagefind cannot run or indexes nothing.
    """
    site_dir = Path(site_dir)
    config = config or load_search_config(search_dir)
    if not site_dir.is_dir():
        raise SearchIndexError(f"Search index: the site folder {site_dir} does not exist; build the site first.")
    pages = _indexed_pages(site_dir)
    if not pages:
        raise SearchIndexError(
            f"Search index: no page in {site_dir} is marked for search (data-pagefind-body).\n"
            "hint: articles and exercises are marked by docs/overrides/main.html; check the theme override.")
    best_bets = resolve_best_bets(config, site_dir, pages)
    try:
        run = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, timeout=TIMEOUT_S)
    except FileNotFoundError as exc:
        raise SearchIndexError(f"Search index: could not start Pagefind ({exc}).") from None
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"Search index: Pagefind did not finish within {TIMEOUT_S} s.") from None
    out = (run.stdout + run.stderr).strip()
    if run.returncode != 0:
        hint = ("install it with the project's requirements (make venv)" if "No module named pagefind_bin" in out
                else "see Pagefind's message above")
        raise SearchIndexError(f"Search index: Pagefind failed (exit {run.returncode}):\n{out}\nhint: {hint}")
    bundle = site_dir / OUTPUT_DIR
    if not (bundle / "pagefind.js").is_file() or not list(bundle.glob("fragment/*")):
        raise SearchIndexError(
            f"Search index: Pagefind indexed no pages in {site_dir}.\n{out}\n"
            "hint: articles and exercises carry data-pagefind-body (docs/overrides/main.html); check the theme override.")
    (bundle / SETTINGS_FILE).write_text(
        json.dumps(client_settings(config, best_bets), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8")
