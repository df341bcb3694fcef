"""Turn raw build runs and visit measurements into per-size figures and target verdicts."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run

    def as_dict(self) -> dict:
        return {"target": self.target, "measured": self.measured, "met": self.met}


def size_summary(runs: list[dict]) -> dict:
    """Median figures of the ours/plain runs of one corpus size."""
    out: dict = {}
    for kind in ("ours", "plain"):
        mine = [r for r in runs if r["kind"] == kind]
        wall = statistics.median(r["wall_s"] for r in mine)
        pages = mine[0]["pages"]
        out[kind] = {
            "runs": len(mine),
            "wall_s": round(wall, 2),
            "wall_s_all": [r["wall_s"] for r in mine],
            "cpu_s": round(statistics.median(r["cpu_s"] for r in mine), 2),
            "ms_per_page": round(1000 * wall / pages, 1),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in mine),
            "site_mb": mine[0]["site_mb"],
            "search_index_bytes": mine[0]["search_index_bytes"],
        }
    out["articles"] = runs[0]["articles"]
    out["pages"] = runs[0]["pages"]
    # The machine's speed drifts by several per cent over minutes, as much as the target's
    # margin, so each build is compared with the plain build that ran right after it.
    for metric, key in (("wall_s", "overhead"), ("cpu_s", "overhead_cpu")):
        paired = paired_overheads(runs, metric)
        out[key] = round(statistics.median(paired), 3)
        out[key + "_paired"] = paired
    # The second baseline: plain MkDocs alone, its Pagefind steps' CPU taken off (older runs had no steps).
    plain = [r for r in runs if r["kind"] == "plain"]
    if plain and all(r.get("steps") for r in plain):
        mkdocs_only = [dict(r, cpu_s=round(r["cpu_s"] - search_cpu(r), 3)) for r in plain]
        paired = paired_overheads([r for r in runs if r["kind"] == "ours"] + mkdocs_only, "cpu_s")
        out["plain"]["search_cpu_s"] = round(statistics.median(search_cpu(r) for r in plain), 2)
        out["overhead_cpu_vs_mkdocs"] = round(statistics.median(paired), 3)
        out["overhead_cpu_vs_mkdocs_paired"] = paired
    out["hooks_ms_per_page"] = round(1000 * (out["ours"]["wall_s"] - out["plain"]["wall_s"]) / out["pages"], 1)
    out["hooks_cpu_ms_per_page"] = round(1000 * (out["ours"]["cpu_s"] - out["plain"]["cpu_s"]) / out["pages"], 1)
    return out


def zensical_summary(builds: list[dict], ours: dict, failure: dict | None = None) -> dict:
    """Zensical's builds of one size (`python -m guide build --engine zensical` on the same corpus) next
    to the median of ours (MkDocs): ratio = Zensical / MkDocs, so below 1 means Zensical is faster.
    They are extra builds, not pairs: they run after the size's pairs, so drift is not cancelled."""
    if not builds:
        return {"runs": 0, "error": failure} if failure else {"runs": 0}
    wall = statistics.median(r["wall_s"] for r in builds)
    cpu = statistics.median(r["cpu_s"] for r in builds)
    out = {
        "runs": len(builds),
        "pages": builds[0]["pages"],
        "wall_s": round(wall, 2),
        "wall_s_all": [r["wall_s"] for r in builds],
        "cpu_s": round(cpu, 2),
        "cpu_s_all": [r["cpu_s"] for r in builds],
        "ms_per_page": round(1000 * wall / builds[0]["pages"], 1),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in builds),
        "site_mb": builds[0]["site_mb"],
        "load_before": [r["load_before"] for r in builds],
        "wall_ratio": round(wall / ours["wall_s"], 2),
        "cpu_ratio": round(cpu / ours["cpu_s"], 2),
        "peak_ratio": round(max(r["peak_rss_mb"] for r in builds) / ours["peak_rss_mb"], 2),
    }
    if failure:  # some builds finished, a later one did not
        out["error"] = failure
    return out


def hooks_summary(runs: list[dict]) -> dict:
    """Ours against the same build done by the hooks alone inside MkDocs ("hooks" runs: each edition's
    `mkdocs build --strict` validating, indexing and checking by itself, as before issue 10 moved the
    guarantee into `python -m guide build`). owned_cpu = ours / hooks - 1 for each repetition (the hooks
    build runs just before that repetition's ours), median over them: above 0, owning the guarantee
    outside MkDocs costs more than the hooks did."""
    ours = [r for r in runs if r["kind"] == "ours"]
    hooks = [r for r in runs if r["kind"] == "hooks"]
    if not hooks:
        return {"runs": 0}
    if len(ours) != len(hooks):
        raise ValueError(f"{len(ours)} builds of ours but {len(hooks)} hooks builds: one of each per repetition")
    out: dict = {
        "runs": len(hooks),
        "wall_s": round(statistics.median(r["wall_s"] for r in hooks), 2),
        "cpu_s": round(statistics.median(r["cpu_s"] for r in hooks), 2),
        "cpu_s_all": [r["cpu_s"] for r in hooks],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in hooks),
    }
    for metric, key in (("wall_s", "owned"), ("cpu_s", "owned_cpu")):
        paired = [round(o[metric] / h[metric] - 1, 3) for o, h in zip(ours, hooks)]
        out[key] = round(statistics.median(paired), 3)
        out[key + "_paired"] = paired
    return out


def search_cpu(run: dict) -> float:
    """CPU seconds of a plain build's Pagefind steps (benchmarks/plain_build.py)."""
    return sum(cpu for name, cpu in run.get("steps") or () if name.startswith("pagefind"))


def paired_overheads(runs: list[dict], metric: str) -> list[float]:
    """ours / plain - 1 for each build of ours and the plain build that followed it (runs alternate)."""
    ours = [r[metric] for r in runs if r["kind"] == "ours"]
    plain = [r[metric] for r in runs if r["kind"] == "plain"]
    if len(ours) != len(plain):
        raise ValueError(f"{len(ours)} builds of ours but {len(plain)} plain builds: they must alternate")
    return [round(o / p - 1, 3) for o, p in zip(ours, plain)]


def growth_exponents(sizes: list[dict], kind: str, metric: str = "cpu_s") -> list[dict]:
    """k in time ~ pages^k between each pair of consecutive sizes (1 = linear)."""
    out = []
    for small, large in zip(sizes, sizes[1:]):
        k = math.log(large[kind][metric] / small[kind][metric]) / math.log(large["pages"] / small["pages"])
        out.append({"from_pages": small["pages"], "to_pages": large["pages"], "exponent": round(k, 2)})
    return out


def growth(sizes: list[dict]) -> dict:
    return {f"{kind}_{metric.removesuffix('_s')}": growth_exponents(sizes, kind, metric)
            for kind in ("ours", "plain") for metric in ("cpu_s", "wall_s")}


def _spread(values: list[float]) -> str:
    return f"from {min(values):+.1%} to {max(values):+.1%}"


def _by_articles(sizes: list[dict], articles: int) -> dict | None:
    return next((s for s in sizes if s["articles"] == articles), None)


def verdicts(sizes: list[dict], growth: dict, visits: dict | None, targets: dict,
             serve_edit: dict | None = None, lighthouse: list[dict] | None = None,
             lighthouse_date: str = "") -> list[Verdict]:
    out: list[Verdict] = []
    at = _by_articles(sizes, targets["overhead_at"])
    limit = targets["overhead_max"]
    # Judged on CPU time: on a shared machine wall time swings with other work (see README).
    out.append(Verdict(
        f"hooks add at most {limit:.0%} to the plain build at {targets['overhead_at']:,} articles (CPU time)",
        f"{at['overhead_cpu']:+.1%} CPU, median of {len(at['overhead_cpu_paired'])} paired builds "
        f"({_spread(at['overhead_cpu_paired'])}; median times {at['ours']['cpu_s']} s vs {at['plain']['cpu_s']} s); "
        f"{at['overhead']:+.1%} wall ({_spread(at['overhead_paired'])})"
        + (f"; against plain MkDocs without its Pagefind index: {at['overhead_cpu_vs_mkdocs']:+.1%} CPU "
           f"({_spread(at['overhead_cpu_vs_mkdocs_paired'])})" if "overhead_cpu_vs_mkdocs" in at else "")
        if at else "size not run",
        at["overhead_cpu"] <= limit if at else None,
    ))
    owned = (at or {}).get("hooks_in_mkdocs") or {}
    if owned.get("runs") and "owned_max" in targets:
        # Issue 10: staging and checking outside MkDocs must not make the build dearer than the hooks were.
        out.append(Verdict(
            f"owning the guarantee outside MkDocs adds at most {targets['owned_max']:.0%} to the hooks alone "
            f"in MkDocs at {targets['overhead_at']:,} articles (CPU time)",
            f"{owned['owned_cpu']:+.1%} CPU, median of {owned['runs']} ({_spread(owned['owned_cpu_paired'])}; "
            f"median times {at['ours']['cpu_s']} s vs {owned['cpu_s']} s)",
            owned["owned_cpu"] <= targets["owned_max"],
        ))
    exp_limit = targets["growth_max_exponent"]
    ours_growth, plain_growth = growth.get("ours_cpu") or [], growth.get("plain_cpu") or []
    if ours_growth:
        last = ours_growth[-1]
        out.append(Verdict(
            f"build time grows linearly with pages (k <= {exp_limit} in CPU time ~ pages^k)",
            f"k = {last['exponent']} from {last['from_pages']:,} to {last['to_pages']:,} pages "
            f"(plain Material: k = {plain_growth[-1]['exponent']}; wall time: k = {growth['ours_wall'][-1]['exponent']})",
            last["exponent"] <= exp_limit,
        ))
    else:
        out.append(Verdict("build time grows linearly with pages", "needs two sizes", None))
    mem = _by_articles(sizes, targets["memory_at"])
    max_mb = targets["memory_max_mb"]
    out.append(Verdict(
        f"{targets['memory_at']:,} articles build within {max_mb / 1024:g} GB of memory",
        f"peak {mem['ours']['peak_rss_mb']:,.0f} MB" if mem else "size not run",
        mem["ours"]["peak_rss_mb"] <= max_mb if mem else None,
    ))
    if visits:
        first = visits["article_first"]
        kb, req = targets["article_first_visit_max_kb"], targets["article_first_visit_max_requests"]
        out.append(Verdict(
            f"first visit of an article at most {kb} KB after gzip and {req} requests",
            f"{first['kb']} KB, {first['requests']} requests",
            first["kb"] <= kb and first["requests"] <= req,
        ))
        out.append(repeat_verdict(visits))
    else:
        out.append(Verdict("first visit of an article within budget", "visits not measured", None))
        out.append(Verdict("repeat visit fetches only new HTML", "visits not measured", None))
    out.append(serve_edit_verdict(serve_edit, targets["serve_edit_max_s"]))
    if "lcp_mobile_max_s" in targets:
        out.append(lcp_verdict(lighthouse, targets["lcp_mobile_max_s"], lighthouse_date))
    return out


def lcp_verdict(lighthouse: list[dict] | None, limit: float, lighthouse_date: str = "") -> Verdict:
    """Lighthouse's mobile LCP medians from the last `make audit` (reports/lighthouse/summary.json)."""
    label = f"Lighthouse mobile LCP at most {limit:g} s (median of `make audit`) on home, article and exercise"
    rows = [r for r in lighthouse or [] if r.get("form_factor") == "mobile"]
    if not rows:
        return Verdict(label, "not measured: run `make audit` first", None)
    lcps = {r["page"]: r["median"]["lcp"] for r in rows}
    cpu = min(r["median"].get("cpu", 0) for r in rows)
    shown = ", ".join(f"{page} {value:.2f} s" for page, value in lcps.items())
    # Lighthouse multiplies main-thread time by its slowdown: a busy machine reads slow.
    loads = [r["load_average"] for r in rows if r.get("load_average") is not None]
    load = f", load average {min(loads):.1f} to {max(loads):.1f}" if loads else ""
    when = f"; audit of {lighthouse_date}" if lighthouse_date else ""
    return Verdict(label, f"{shown} (CPU benchmark {cpu:.0f}{load}{when})",
                   set(lcps) >= {"home", "article", "exercise"} and all(v <= limit for v in lcps.values()))


def first_search_line(search: dict | None) -> str:
    """What a first search downloads at the largest guide `benchmarks.search_compare --big` measured.
    Reported, not judged: issue 13 asked for a first search that does not grow with the guide and
    set no limit in bytes."""
    if not search or not (search.get("big") or {}).get("pagefind", {}).get("first_search"):
        return ("First search of a large guide: not measured (run `python -m benchmarks.search_compare "
                "--big 5000`, which writes benchmarks/results/search.json).")
    big = search["big"]["pagefind"]["first_search"]
    real = (search.get("real") or {}).get("pagefind", {}).get("first_search")
    small = (f"; the real site ({search['real_pages']} pages): {real['bytes'] / 1000:.1f} KB in {real['requests']} requests"
             if real and "real_pages" in search else "")
    return (f"First search at {search['big_articles']:,} articles: {big['bytes'] / 1000:.1f} KB in {big['requests']} "
            f"requests{small} (nginx's bytes sent, gzip 6; `benchmarks.search_compare`, {search['date']}, commit "
            f"`{search['commit']}`; not measured by `make bench` itself).")


def serve_edit_verdict(serve_edit: dict | None, limit: float) -> Verdict:
    """Met when every edit showed within the limit: the slowest one is judged, not the median."""
    target = f"an edited article shows while `make serve` runs within {limit:g} s (slowest edit)"
    if not serve_edit or "max_s" not in serve_edit:
        error = (serve_edit or {}).get("error", "not run").splitlines()[0]
        return Verdict(target, f"not measured: {error}", None)
    parts = serve_edit["median_breakdown_s"]
    return Verdict(
        target,
        f"max {serve_edit['max_s']:.2f} s, median {serve_edit['median_s']:.2f} s over {serve_edit['edits']} edits "
        f"(median split: noticing the change {parts['notice']} s, MkDocs' debounce {parts['debounce']} s, "
        f"rebuild {parts['build']} s, serving {parts['serve']} s)",
        serve_edit["max_s"] <= limit,
    )


def repeat_verdict(visits: dict) -> Verdict:
    """Met when nothing fetched on the first visit is downloaded again (304 revalidations are allowed)."""
    seen = set(visits["article_first"]["fetched_in_full"])
    refetched = [p for name in ("repeat_other_article", "repeat_same_article")
                 for p in visits[name]["fetched_in_full"] if p in seen]
    other = visits["repeat_other_article"]
    new = ", ".join(other["fetched_in_full"]) or "nothing"
    return Verdict(
        "a repeat visit fetches only the new HTML",
        f"another article: {other['requests']} requests, {other['kb']} KB (full: {new}; "
        f"304: {', '.join(other['revalidated_304']) or 'none'}); refetched in full: {', '.join(refetched) or 'nothing'}",
        not refetched,
    )
