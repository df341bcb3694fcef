"""Material's lunr search (tuned) against the guide's Pagefind search, on the same patient queries.

    PYTHONPATH=hooks:. .venv/bin/python -m benchmarks.search_compare            # the real site (about 3 minutes)
    PYTHONPATH=hooks:. .venv/bin/python -m benchmarks.search_compare --big 5000 # also a synthetic guide of 5,000 articles (+ about 5 minutes)

Measured for each engine, in Debian's Chromium, with the sites served by nginx
(gzip level 6, the build's headers), as benchmarks/README.md ("Search") explains:

- first-result and top-three accuracy on tests/search_queries.yml;
- bytes on the wire for a first search (from using the search box to its
  results, with an empty cache; nginx's access log: headers + gzipped body);
- time from focusing the box and typing a query to its results, on a
  throttled phone (CDP: 150 ms round trip, 1.6 Mbit/s down, CPU slowed 4x),
  median of 5 fresh visits.

The lunr site is the real project with Material's search in charge of the box
(the theme's search partial removed; the page loader of commit 67f54e2, which
holds Material's index until the box is used) and tuned: words split on
hyphens and punctuation, the keywords as Material's boosted tags, the safety
boxes outside the indexed content (lunr's English stemmer and stop words were
tried and made Material find nothing). Results are written to benchmarks/results/search.json and printed as
the Markdown table kept in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import builds, projects

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search_queries.yml"
LUNR_LOADER_COMMIT = "67f54e2"  # the last main.html whose loader held Material's index until search was used
# Tried and dropped: `pipeline: [stemmer, stopWordFilter, trimmer]` made Material find nothing
# for most queries ("massage", "posture": no matching documents) on Material 9.8.
LUNR_SEARCH_PLUGIN = """  - search:
      separator: '[\\s\\-,:!=\\[\\]()"/]+|\\.(?!\\d)'
"""
PHONE = {"width": 390, "height": 844}
# Lighthouse's "slow 4G" mobile profile, as DevTools applies it.
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
TIMED_RUNS = 5
TIMED_QUERY = "sciatica"
BIG_QUERY = "nerve pain"
ENGINES = ("lunr", "pagefind")

sys.path.insert(0, str(ROOT / "hooks"))
from guide.publish.chromium import FLAGS, find_chromium  # noqa: E402
from testkit.nginx import AccessLog, NginxSite  # noqa: E402


# ---------------------------------------------------------------- the two sites
def _copy_project(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for part in ("hooks", "docs", "content_src"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))


def make_lunr_variant(project: Path) -> None:
    """Turn a copy of the project into the tuned-lunr site (in place)."""
    (project / "docs" / "overrides" / "partials" / "search.html").unlink()
    main = project / "docs" / "overrides" / "main.html"
    ours = main.read_text(encoding="utf-8")
    old = subprocess.run(["git", "-C", str(ROOT), "show", f"{LUNR_LOADER_COMMIT}:docs/overrides/main.html"],
                         capture_output=True, text=True, check=True).stdout
    # Keep today's page markup (what Pagefind indexes is harmless here), with the old loader.
    container = re.search(r"\{% block container %\}.*?\n\{% endblock %\}\n", ours, re.S).group(0)
    main.write_text(old.replace("{% endblock %}\n", "{% endblock %}\n" + container, 1), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^  - search\n", lambda _: LUNR_SEARCH_PLUGIN, text, count=1), encoding="utf-8")


def build(project: Path) -> Path:
    site = project / "site"
    run = subprocess.run(builds.MKDOCS + ["-d", str(site)], cwd=project, env=builds.build_env(),
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{run.stderr[-4000:]}")
    return site


def real_sites(tmp: Path) -> dict[str, Path]:
    sites = {}
    for engine in ENGINES:
        project = tmp / engine
        _copy_project(project)
        if engine == "lunr":
            make_lunr_variant(project)
        sites[engine] = build(project)
    return sites


def big_sites(tmp: Path, articles: int) -> dict[str, Path]:
    ours = projects.make_ours(tmp / f"pagefind-{articles}", articles, seed=6)
    lunr_root = tmp / f"lunr-{articles}"
    shutil.copytree(ours.root, lunr_root)
    make_lunr_variant(lunr_root)
    return {"pagefind": build(ours.root), "lunr": build(lunr_root)}


# ---------------------------------------------------------------- driving each engine's search box
def _open_search(page) -> None:
    page.locator("input.md-search__input").focus()


def results(page, engine: str, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    if engine == "pagefind":
        box.fill(query)
        page.wait_for_function("q => document.querySelector('.md-search-result').dataset.query === q", arg=query,
                               timeout=60_000)
        links = ".md-search-result__list .md-search-result__link"
    else:
        meta = page.locator(".md-search-result__meta")
        box.fill("")
        meta.filter(has_text="Type to start").wait_for(timeout=60_000)
        # Material searches on key-up: one key press after filling makes one search of the whole query.
        box.fill(query[:-1])
        box.press(query[-1])
        page.wait_for_function(
            "() => !document.querySelector('.md-search-result__meta').textContent.includes('Type to start')",
            timeout=60_000)
        links = ".md-search-result__item > .md-search-result__link"
    return [urlsplit(h).path for h in page.locator(links).evaluate_all("els => els.map(e => e.href)")]


def accuracy(browser, url: str, engine: str, queries: list[dict]) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_function("() => 'document$' in window")
    _open_search(page)
    first, top3, wrong = 0, 0, []
    for q in queries:
        found = results(page, engine, q["query"])
        first += found[:1] == [q["first"]]
        top3 += q["first"] in found[:3]
        if found[:1] != [q["first"]]:
            wrong.append({"query": q["query"], "wanted": q["first"], "got": found[:3]})
    context.close()
    return {"queries": len(queries), "first": first, "top3": top3, "wrong": wrong}


def first_search(browser, url: str, log: AccessLog, engine: str, query: str, *, throttled: bool) -> dict:
    """One fresh visit: bytes from using the search box to its first results, and the time it took."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    if throttled:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url + "/", wait_until="networkidle", timeout=120_000)
    page.wait_for_function("() => 'document$' in window", timeout=60_000)
    page.wait_for_load_state("networkidle")
    log.take()
    start = page.evaluate("performance.now()")
    _open_search(page)
    found = results(page, engine, query)
    elapsed = page.evaluate("performance.now()") - start
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)
    requests = log.take()
    context.close()
    return {"ms": round(elapsed), "bytes": sum(sent for _, _, sent in requests), "requests": len(requests),
            "files": sorted({uri.split("?")[0] for uri, _, _ in requests}), "first": found[:1]}


def _on_disk(site: Path, engine: str) -> dict:
    if engine == "lunr":
        index = site / "search" / "search_index.json"
        return {"index_bytes": index.stat().st_size, "index_gzip_bytes": len(gzip.compress(index.read_bytes(), 6))}
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {"index_bytes": sum(p.stat().st_size for p in files), "files": len(files)}


def measure(sites: dict[str, Path], queries: list[dict] | None, query: str, tmp: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=FLAGS)
        for engine, site in sites.items():
            log_path = tmp / f"{engine}-{site.parent.name}.log"
            log_path.touch()
            with NginxSite(site, gzip_level=6, access_log=log_path) as url:
                log = AccessLog(log_path)
                row = {"site": _on_disk(site, engine)}
                if queries:
                    row["accuracy"] = accuracy(browser, url, engine, queries)
                row["first_search"] = first_search(browser, url, log, engine, query, throttled=False)
                timed = [first_search(browser, url, log, engine, query, throttled=True) for _ in range(TIMED_RUNS)]
                row["throttled_ms"] = [t["ms"] for t in timed]
                row["throttled_median_ms"] = statistics.median(row["throttled_ms"])
                out[engine] = row
                print(engine, site.parent.name, json.dumps({k: v for k, v in row.items() if k != "accuracy"}), flush=True)
        browser.close()
    return out


def table(result: dict) -> str:
    real = result["real"]
    big = result.get("big")
    lines = ["| | lunr (Material, tuned) | Pagefind (shipped) |", "| --- | ---: | ---: |"]
    acc = {e: real[e]["accuracy"] for e in ENGINES}
    n = acc["lunr"]["queries"]
    lines.append(f"| first result right ({n} queries) | {acc['lunr']['first']} ({acc['lunr']['first'] / n:.0%}) "
                 f"| {acc['pagefind']['first']} ({acc['pagefind']['first'] / n:.0%}) |")
    lines.append(f"| right page in the first three | {acc['lunr']['top3']} ({acc['lunr']['top3'] / n:.0%}) "
                 f"| {acc['pagefind']['top3']} ({acc['pagefind']['top3'] / n:.0%}) |")

    def kb(row):
        first = row["first_search"]
        text = f"{first['bytes'] / 1000:,.1f} KB in {first['requests']} request{'s' if first['requests'] != 1 else ''}"
        return text + (" (index gzipped, computed)" if first.get("computed") else "")

    def seconds(row):
        ms = row.get("throttled_median_ms")
        return "not measured" if ms is None else f"{ms / 1000:.2f} s"

    lines.append(f"| first search, real site ({result['real_pages']} pages) | {kb(real['lunr'])} | {kb(real['pagefind'])} |")
    if big:
        lines.append(f"| first search, {result['big_articles']:,} articles | {kb(big['lunr'])} | {kb(big['pagefind'])} |")
    lines.append(f"| time to first results, throttled phone, real site (median of {TIMED_RUNS}) "
                 f"| {seconds(real['lunr'])} | {seconds(real['pagefind'])} |")
    if big:
        lines.append(f"| time to first results, throttled phone, {result['big_articles']:,} articles "
                     f"| {seconds(big['lunr'])} | {seconds(big['pagefind'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", type=int, default=0, help="also compare on a synthetic guide of this many articles")
    parser.add_argument("--big-site", type=Path, help="instead of --big: an existing build of ours (a make bench corpus "
                        "project's site/); Pagefind is measured on it, lunr's first search is its index gzipped")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "search.json")
    parser.add_argument("--keep", action="store_true", help="keep the built sites (printed)")
    args = parser.parse_args(argv)
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    tmp = Path(tempfile.mkdtemp(prefix="guide-search-"))
    try:
        sites = real_sites(tmp)
        result = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                  "commit": subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                           capture_output=True, text=True).stdout.strip(),
                  "real_pages": len(list(sites["pagefind"].rglob("index.html"))),
                  "throttle": THROTTLE | {"cpu_slowdown": CPU_SLOWDOWN},
                  "real": measure(sites, queries, TIMED_QUERY, tmp)}
        if args.big:
            result["big_articles"] = args.big
            result["big"] = measure(big_sites(tmp, args.big), None, BIG_QUERY, tmp)
        elif args.big_site:
            # One build of ours holds both indexes: Material's search plugin still writes its lunr
            # index, which the lunr site would download whole (with its worker, already loaded).
            result["big_articles"] = sum(1 for _ in (args.big_site.parent / "content_src" / "articles").glob("*.md"))
            result["big"] = measure({"pagefind": args.big_site}, None, BIG_QUERY, tmp)
            disk = _on_disk(args.big_site, "lunr")
            result["big"]["lunr"] = {"site": disk, "throttled_median_ms": None,
                                     "first_search": {"bytes": disk["index_gzip_bytes"], "requests": 1, "computed": True}}
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(table(result))
    finally:
        if args.keep:
            print(f"sites kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
