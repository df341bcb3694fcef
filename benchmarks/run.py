"""`make bench`: time our build against plain MkDocs + Material, weigh the real site in Chromium,
and time how fast an edited article shows while `make serve` runs; Zensical's build of each
corpus is timed too (issue 11), next to ours.

    python -m benchmarks.run [--sizes 100,1000,5000] [--out benchmarks/results] [--keep]
                             [--repetitions N] [--zensical-builds N] [--builds-only]

Writes latest.json, latest.md and build-time.png into --out and prints the
Markdown summary. Settings and targets: benchmarks/bench.yml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml

from . import analysis, builds, nginx, projects, report, serve_edit, transfer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SETTINGS = HERE / "bench.yml"
RESULTS = HERE / "results"
PLOT_NAME = "build-time.png"
GZIP_LEVEL = nginx.GZIP_LEVEL


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "hooks", "mkdocs.yml", "docs", "content_src"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + ("+uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def environment(sizes: list[int]) -> dict:
    return {
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "zensical": _version("zensical"),
        "commit": _commit(),
        "sizes": sizes,
    }


def repetitions(settings: dict, articles: int) -> int:
    reps = settings["repetitions"]
    return int(reps.get(articles, reps["default"]))


def zensical_builds(settings: dict) -> int:
    """Zensical builds per size (bench.yml `zensical: builds:`, default 1; 0 turns them off)."""
    return int((settings.get("zensical") or {}).get("builds", 1))


def bench_zensical(ours: projects.Layout, articles: int, count: int, work: Path, summary: dict) -> dict:
    """Extra builds of the same corpus with `--engine zensical`, after the pairs; a failure is
    recorded with the lines of its log that say where, and the bench carries on."""
    done: list[dict] = []
    failure = None
    for n in range(count):
        try:
            run = builds.run_build(ours.root, "zensical", articles, work / f"zensical-{articles}-{n}.log")
        except builds.BuildFailed as exc:
            failure = {"exit_code": exc.exit_code, "located": list(exc.located), "log_tail": exc.tail}
            log(f"{articles:,} articles, zensical #{n + 1}/{count}: FAILED (exit {exc.exit_code}): "
                + ("; ".join(exc.located[:3]) or "\n".join(exc.tail.splitlines()[-1:])))
            break
        done.append(run.as_dict())
        log(f"{articles:,} articles, zensical #{n + 1}/{count}: {run.wall_s:.1f} s wall, {run.cpu_s:.1f} s CPU, "
            f"{run.ms_per_page:.1f} ms/page, peak {run.peak_rss_mb:,.0f} MB, load {run.load_before}")
    out = analysis.zensical_summary(done, summary["ours"], failure)
    if done and done[0]["pages"] != summary["pages"]:
        out["pages_differ"] = f"Zensical wrote {done[0]['pages']:,} pages, MkDocs {summary['pages']:,}"
    out["builds"] = done
    return out


def bench_size(articles: int, reps: int, work: Path, seed: int, zensical: int = 0, hooks: bool = False) -> dict:
    log(f"{articles:,} articles: writing the corpus")
    ours = projects.make_ours(work / f"ours-{articles}", articles, seed)
    plain = projects.make_plain(ours, work / f"plain-{articles}")
    kinds = [(ours, "ours"), (plain, "plain")]
    if hooks:  # the hooks alone in MkDocs, just before each of ours (bench.yml hooks_in_mkdocs: sizes), so that
        projects.add_hooks_build(ours)  # ours' site/ is ours' own when the size's figures are read
        kinds.insert(0, (ours, "hooks"))
    runs: list[dict] = []
    for rep in range(reps):
        for layout, kind in kinds:
            run = builds.run_build(layout.root, kind, articles, work / f"{kind}-{articles}-{rep}.log")
            runs.append(run.as_dict())
            # Every figure the summary needs, so that an interrupted run's log still gives the pairs.
            log(f"{articles:,} articles, {kind} #{rep + 1}/{reps}: {run.wall_s:.1f} s wall, {run.cpu_s:.1f} s CPU, "
                f"{run.ms_per_page:.1f} ms/page, peak {run.peak_rss_mb:,.0f} MB, load {run.load_before}"
                + (f", steps {dict(run.steps)}" if run.steps else ""))
    pages = {r["pages"] for r in runs}
    if len(pages) != 1:
        raise RuntimeError(f"ours and plain built different page counts at {articles} articles: {sorted(pages)}")
    summary = analysis.size_summary(runs)
    if hooks:
        summary["hooks_in_mkdocs"] = analysis.hooks_summary(runs)
    summary["builds"] = runs
    # What every reader's first visit would download at this size (synthetic text compresses better than real).
    index = ours.site / "search" / "search_index.json"
    summary["search_index_gzip_bytes"] = len(gzip.compress(index.read_bytes(), GZIP_LEVEL)) if index.exists() else 0
    if zensical:  # read ours' site first: Zensical's build publishes into the same site/
        summary["zensical"] = bench_zensical(ours, articles, zensical, work, summary)
    shutil.rmtree(ours.root)
    shutil.rmtree(plain.root)
    return summary


def real_site(work: Path, visits: dict) -> dict:
    """Build the real project and measure its search index and what a phone downloads."""
    site = work / "real-site"
    log("real site: building")
    result = subprocess.run([*builds.MKDOCS, "-d", str(site)], cwd=ROOT, env=builds.build_env(),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("building the real site failed:\n" + result.stdout[-3000:] + result.stderr[-3000:])
    index = (site / "search" / "search_index.json").read_bytes()
    out: dict = {
        "pages": sum(1 for p in site.rglob("*.html") if p.name != "404.html"),
        "search_index": {"bytes": len(index), "gzip_bytes": len(gzip.compress(index, GZIP_LEVEL)), "gzip_level": GZIP_LEVEL},
        "cache_headers": {"hashed_assets": nginx.CACHE_HASHED, "assets": nginx.CACHE_ASSETS, "pages": nginx.CACHE_PAGES},
    }
    try:
        log("real site: first and repeat visits in Chromium, served by nginx")
        with nginx.serve(site, work / "nginx") as server:
            out["visits"] = transfer.measure_visits(server, visits["home"], visits["article"], visits["second_article"])
    except Exception as exc:  # the build benchmark is still worth writing without a browser
        out["visits_error"] = f"{type(exc).__name__}: {exc}"
        log(f"real site: visits not measured: {out['visits_error']}")
    return out


def serve_edit_latency(work: Path, settings: dict) -> dict:
    """`make serve` on a copy of the real project: seconds from saving an edit to the page showing it."""
    log("real site: editing an article while `make serve` runs")
    try:
        return serve_edit.measure(settings.get("serve_edit", {}) | {"seed": settings["seed"]}, work / "serve-edit",
                                  log=log)
    except Exception as exc:  # the rest of the benchmark is still worth writing
        error = f"{type(exc).__name__}: {exc}"
        log(f"serve edit: not measured: {error.splitlines()[0]}")
        return {"error": error}


def _not_measured() -> tuple[dict, None, str]:
    """A run of the builds only: the page-weight and serve-edit targets are not judged at all
    (an older run's figures would be judged against today's targets and pages)."""
    return {}, None, ("This run measured the builds only (`--builds-only`): the real site's page weight, "
                      "the serve-edit latency and their targets were not measured; the last figures are in "
                      "the Findings of ../README.md.")


def parse_args(argv: list[str] | None, settings: dict) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in settings["sizes"]),
                        help="comma-separated article counts (default from bench.yml)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.json, latest.md and the plot")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and build logs")
    parser.add_argument("--repetitions", type=int, default=None,
                        help="builds of each kind at every size, instead of bench.yml's counts (for a short run)")
    parser.add_argument("--zensical-builds", type=int, default=None, metavar="N",
                        help="Zensical builds of each size after its pairs, instead of bench.yml's "
                             "`zensical: builds:` (0: none)")
    parser.add_argument("--no-hooks-builds", action="store_true",
                        help="leave out the builds by the hooks alone in MkDocs (bench.yml `hooks_in_mkdocs`)")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the build timings; the real site's page weight and serve-edit latency "
                             "are not measured (and marked so)")
    args = parser.parse_args(argv)
    args.sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    return args


def main(argv: list[str] | None = None) -> int:
    settings = yaml.safe_load(SETTINGS.read_text(encoding="utf-8"))
    args = parse_args(argv, settings)
    work = Path(tempfile.mkdtemp(prefix="pn-bench-"))
    work.chmod(0o755)  # nginx's worker process runs as another user and must read the site
    started = time.monotonic()
    # Taken now: each corpus copies hooks/ when it is written, so a commit made during the run is not what was measured.
    commit = _commit()
    try:
        if args.builds_only:
            real, serve, carried = _not_measured()
        else:
            real, serve, carried = real_site(work, settings["visits"]), serve_edit_latency(work, settings), None
        zensical = zensical_builds(settings) if args.zensical_builds is None else args.zensical_builds
        hooks = set() if args.no_hooks_builds else set(settings.get("hooks_in_mkdocs") or ())
        sizes = [bench_size(n, args.repetitions or repetitions(settings, n), work, settings["seed"], zensical,
                            hooks=n in hooks)
                 for n in args.sizes]
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    growth = analysis.growth(sizes)
    audit = ROOT / "reports" / "lighthouse" / "summary.json"
    lighthouse = json.loads(audit.read_text(encoding="utf-8")) if audit.exists() else None
    # The audit's date, so that old LCP figures read as old.
    audited = (dt.datetime.fromtimestamp(audit.stat().st_mtime, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
               if audit.exists() else "")
    searched = RESULTS / "search.json"
    search = json.loads(searched.read_text(encoding="utf-8")) if searched.exists() else None
    verdicts = analysis.verdicts(sizes, growth, real.get("visits"), settings["targets"], serve, lighthouse, audited)
    results = {
        "environment": environment(args.sizes) | {"commit": commit, "total_minutes": round((time.monotonic() - started) / 60, 1)},
        "targets": settings["targets"],
        "verdicts": [v.as_dict() for v in verdicts],
        "sizes": sizes,
        "growth": growth,
        "real_site": real,
        "serve_edit": serve,
        "lighthouse": lighthouse,
        "first_search": analysis.first_search_line(search),
        "notes": settings.get("notes", []) + ([carried] if carried else []),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    report.write_json(results, args.out / "latest.json")
    report.plot(sizes, args.out / PLOT_NAME)
    text = report.markdown(results, PLOT_NAME)
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {args.out / 'latest.json'}, latest.md and {PLOT_NAME} in {results['environment']['total_minutes']} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
