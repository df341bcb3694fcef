"""The search index step (hooks/guide/engine/search_index.py) and the best-bets and search settings files."""

from __future__ import annotations

import gzip
import json
import shutil
import textwrap
from pathlib import Path

import pytest

from guide.content import models
from guide.engine import search_index
from guide.errors import ContentErrors

ROOT = Path(__file__).resolve().parents[1]
REAL_SEARCH = ROOT / "content_src" / "search"

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Menu words everywhere</nav>
<article class="md-content__inner md-typeset"><div data-pagefind-body>
<h1>{title}</h1>
<div data-safety="red-flags"><p>Call now if you cannot pee</p></div>
<p>{body}</p>
<figure><img src="a.svg" alt=""><figcaption>Start</figcaption></figure>
<div hidden><p data-pagefind-meta="summary">{summary}</p><p data-pagefind-weight="4">{keywords}</p></div>
</div></article></body></html>
"""


def write_page(site: Path, url: str, *, title: str, body: str = "Some words.", summary: str = "A summary.",
               keywords: str = "", indexed: bool = True) -> None:
    folder = site / url.strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    html = PAGE.format(title=title, body=body, summary=summary, keywords=keywords)
    (folder / "index.html").write_text(html if indexed else html.replace(" data-pagefind-body", ""), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write_page(site, "/warning-signs/warning-signs/", title="Warning signs", body="Signs that need help today.",
               summary="Which symptoms need urgent help.", keywords="numb bum. red flags")
    write_page(site, "/understanding/sciatica/", title="What is sciatica?", body="Pain down the leg.",
               summary="Sciatica is pain down the leg.", keywords="siatica")
    write_page(site, "/sources/", title="Sources", indexed=False)
    return site


@pytest.fixture
def search_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content_src" / "search"
    folder.mkdir(parents=True)
    shutil.copy(REAL_SEARCH / "settings.yml", folder / "settings.yml")
    (folder / "best_bets.yml").write_text(textwrap.dedent("""\
        best_bets:
          - queries: [er, A&E]
            page: /warning-signs/warning-signs/
    """), encoding="utf-8")
    return folder


def fragments(site: Path) -> list[dict]:
    out = []
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return out


def test_the_real_search_files_are_valid():
    config = search_index.load_search_config(REAL_SEARCH)
    assert config.best_bets.best_bets and config.settings.stop_words
    assert "should" in config.settings.stop_words  # or "should i go to the er" finds "shoulder"


def test_indexes_only_marked_pages_without_the_boxes_or_captions(site, search_dir):
    search_index.index_site(site, search_dir)
    pages = {f["url"]: f for f in fragments(site)}
    assert set(pages) == {"/warning-signs/warning-signs/", "/understanding/sciatica/"}
    sciatica = pages["/understanding/sciatica/"]
    assert "Pain down the leg" in sciatica["content"] and "siatica" in sciatica["content"]
    assert sciatica["meta"]["title"] == "What is sciatica?"
    assert sciatica["meta"]["summary"] == "Sciatica is pain down the leg."
    for page in pages.values():
        assert "cannot pee" not in page["content"], "the warning box, the same on every page, was indexed"
        assert "Start" not in page["content"] and "Menu words" not in page["content"]


def test_writes_the_best_bets_with_titles_and_the_settings(site, search_dir):
    search_index.index_site(site, search_dir)
    written = json.loads((site / "pagefind" / search_index.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert written["bestBets"] == [{"queries": ["er", "a&e"], "whole": False, "url": "/warning-signs/warning-signs/",
                                    "title": "Warning signs", "summary": "Which symptoms need urgent help."}]
    assert "should" in written["stopWords"] and written["respell"]["siatica"] == "sciatica"
    assert set(written["ranking"]) == {"termFrequency", "termSimilarity", "termSaturation", "pageLength"}
    assert written["messages"]["without"].count("{words}") == 1


def test_a_best_bet_for_an_unknown_page_is_a_located_error(site, search_dir):
    (search_dir / "best_bets.yml").write_text(textwrap.dedent("""\
        best_bets:
          - queries: [er]
            page: /warning-signs/warning-signs/
          - queries: [tylenol]
            page: /understanding/sciatic/
          - queries: [sources]
            page: /sources/
    """), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        search_index.index_site(site, search_dir)
    report = caught.value.report()
    assert "content_src/search/best_bets.yml:5: best_bets[1].page: no page /understanding/sciatic/ in the built site" in report
    assert "did you mean '/understanding/sciatica/'?" in report
    assert "best_bets.yml:7: best_bets[2].page: the page /sources/ is not searchable" in report
    assert not (site / "pagefind").exists(), "indexed although the best bets were wrong"


@pytest.mark.parametrize("entry, where, message", [
    ("  - queries: [er]\n    page: warning-signs\n", "best_bets.yml:3: best_bets[0].page", "is not in the expected form"),
    ("  - queries: []\n    page: /a/\n", "best_bets.yml:2: best_bets[0].queries", "at least 1 item"),
    ("  - queries: [er]\n    page: /a/\n    pages: /b/\n", "best_bets.yml:4: best_bets[0].pages", "unknown field"),
])
def test_a_wrong_best_bets_file_names_file_line_and_field(search_dir, entry, where, message):
    (search_dir / "best_bets.yml").write_text("best_bets:\n" + entry, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        search_index.load_search_config(search_dir)
    line = next(e.format() for e in caught.value.errors)
    assert where in line and message in line, line


def test_a_best_bet_has_a_schema():
    schema = models.BestBets.model_json_schema()
    assert "page" in schema["$defs"]["BestBet"]["properties"]
    assert (ROOT / "content_src" / "schemas" / "best_bets.schema.json").is_file()


def test_a_site_with_no_marked_page_is_a_clear_error(tmp_path, search_dir):
    write_page(tmp_path / "site", "/a/", title="A", indexed=False)
    with pytest.raises(search_index.SearchIndexError, match="no page .* is marked for search"):
        search_index.index_site(tmp_path / "site", search_dir)
    with pytest.raises(search_index.SearchIndexError, match="does not exist"):
        search_index.index_site(tmp_path / "missing", search_dir)


def test_pagefind_failing_is_a_clear_error(site, search_dir, monkeypatch):
    monkeypatch.setattr(search_index, "pagefind_command", lambda site_dir: ["python3", "-c", "import sys; print('boom'); sys.exit(3)"])
    with pytest.raises(search_index.SearchIndexError, match=r"Pagefind failed \(exit 3\):\nboom"):
        search_index.index_site(site, search_dir)


def test_the_normalisation_matches_what_the_browser_does():
    assert search_index._normalise("  A&E?  Can't  pee!") == "a&e cant pee"
    script = (ROOT / "docs" / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8")
    assert "Keep in step with search_index._normalise" in script
