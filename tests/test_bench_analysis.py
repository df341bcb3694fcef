"""The benchmark's verdict on the overhead target: a maintainer reads "met" or "NOT met"
in benchmarks/results/latest.md and trusts it, so the arithmetic behind it is tested here."""

from __future__ import annotations

import pytest

from benchmarks import analysis

TARGETS = {
    "overhead_at": 1000, "overhead_max": 0.10, "growth_max_exponent": 1.1, "memory_at": 5000,
    "memory_max_mb": 2048, "article_first_visit_max_kb": 150, "article_first_visit_max_requests": 12,
    "serve_edit_max_s": 2.0,
}


def runs(pairs: list[tuple[float, float]], articles: int = 1000) -> list[dict]:
    """Builds as the bench runs them: ours, then plain, then ours again..."""
    out = []
    for ours, plain in pairs:
        for kind, cpu in (("ours", ours), ("plain", plain)):
            out.append({"kind": kind, "articles": articles, "pages": articles + 4, "wall_s": cpu, "cpu_s": cpu,
                        "peak_rss_mb": 100.0, "site_mb": 50.0, "search_index_bytes": 1})
    return out


def test_each_build_is_compared_with_the_plain_build_after_it():
    # The machine slows down half way: unpaired medians (12.0 vs 11.0) would say +9.1%.
    summary = analysis.size_summary(runs([(10.0, 9.5), (10.2, 9.7), (12.0, 11.0), (13.4, 12.5), (13.6, 12.6)]))
    assert summary["overhead_cpu_paired"] == [0.053, 0.052, 0.091, 0.072, 0.079]
    assert summary["overhead_cpu"] == 0.072


def test_builds_that_do_not_alternate_are_refused():
    lopsided = runs([(10.0, 9.5), (10.2, 9.7)])[:-1]
    with pytest.raises(ValueError, match="must alternate"):
        analysis.size_summary(lopsided)


@pytest.mark.parametrize("pairs, met", [
    ([(11.0, 10.0), (10.9, 10.0), (11.2, 10.0)], True),    # +9%, +10%, +12%: median +10%, the limit itself
    ([(11.2, 10.0), (11.1, 10.0), (10.5, 10.0)], False),   # median +11%
])
def test_the_overhead_verdict_follows_the_median_pair(pairs, met):
    verdict = analysis.verdicts([analysis.size_summary(runs(pairs))], {}, None, TARGETS)[0]
    assert verdict.met is met
    assert "median of 3 paired builds" in verdict.measured


def test_lcp_verdict_reads_the_audit_medians():
    rows = [{"page": p, "form_factor": "mobile", "median": {"lcp": lcp, "cpu": 900}}
            for p, lcp in (("home", 0.8), ("article", 0.95), ("exercise", 1.2))]
    missed = analysis.lcp_verdict(rows, 1.0)
    assert missed.met is False and "exercise 1.20 s" in missed.measured
    rows[2]["median"]["lcp"] = 0.9
    assert analysis.lcp_verdict(rows, 1.0).met is True
    assert analysis.lcp_verdict(rows[:2], 1.0).met is False, "an unmeasured page cannot pass"
    assert analysis.lcp_verdict(None, 1.0).met is None


def test_the_second_baseline_takes_the_plain_builds_search_index_off():
    """Plain's Pagefind steps are the same work ours does; without them the overhead reads higher."""
    pairs = runs([(11.0, 10.0), (11.0, 10.0), (11.0, 10.0)])
    for run in pairs:
        if run["kind"] == "plain":
            run["steps"] = (("mkdocs root", 4.0), ("pagefind root", 0.5), ("mkdocs uk", 4.0), ("pagefind uk", 0.5))
    summary = analysis.size_summary(pairs)
    assert summary["overhead_cpu"] == 0.1
    assert summary["overhead_cpu_vs_mkdocs"] == round(11.0 / 9.0 - 1, 3)
    assert summary["plain"]["search_cpu_s"] == 1.0
    verdict = analysis.verdicts([summary], {}, None, TARGETS)[0]
    assert "without its Pagefind index: +22.2% CPU" in verdict.measured


def zensical_runs(cpus: list[float], articles: int = 1000) -> list[dict]:
    return [{"kind": "zensical", "articles": articles, "pages": articles + 4, "wall_s": cpu * 1.5, "cpu_s": cpu,
             "peak_rss_mb": 300.0, "site_mb": 40.0, "search_index_bytes": 0, "load_before": 2.5} for cpu in cpus]


def test_zensical_is_reported_next_to_mkdocs_with_the_ratio():
    """issue 11: latest.md shows Zensical's build next to ours (MkDocs), size by size, with Zensical / MkDocs."""
    from benchmarks import report

    summary = analysis.size_summary(runs([(40.0, 36.0), (42.0, 37.0), (44.0, 38.0)]))
    summary["zensical"] = analysis.zensical_summary(zensical_runs([30.0, 21.0, 25.0]), summary["ours"])
    z = summary["zensical"]
    assert (z["cpu_s"], z["cpu_ratio"], z["wall_s"], z["wall_ratio"]) == (25.0, 0.6, 37.5, 0.89)
    assert z["peak_ratio"] == 3.0 and z["runs"] == 3
    table = report.zensical_table([summary])
    assert "| 1,000 | 42.0 | 37.5 | 0.89x | 42.0 | 25.0 | 0.60x | 100 | 300 | 3 |" in table
    text = report.markdown({"environment": {"finished": "x", "cpus": 2, "python": "3", "mkdocs": "1", "material": "9",
                                            "commit": "c", "sizes": [1000]},
                            "verdicts": [], "sizes": [summary], "growth": {}}, "plot.png")
    assert "## Build time: Zensical against MkDocs" in text and table in text


def test_a_failed_zensical_build_is_reported_with_where_it_failed():
    from benchmarks import builds, report

    log = ("[guide] building the root edition with Zensical\n  noise line\n"
           "Error: unknown function: pn_print_header is unknown (in 404.html:4)\n")
    located = builds.located_lines(log)
    assert located == ("Error: unknown function: pn_print_header is unknown (in 404.html:4)",)
    summary = analysis.size_summary(runs([(40.0, 36.0)]))
    summary["zensical"] = analysis.zensical_summary([], summary["ours"], {"exit_code": 1, "located": list(located)})
    table = report.zensical_table([summary])
    assert "| 1,000 | 40.0 | failed |" in table
    assert "failed (exit 1): `Error: unknown function: pn_print_header is unknown (in 404.html:4)`" in table
    assert report.zensical_table([analysis.size_summary(runs([(40.0, 36.0)]))]) == "", "turned off: no table"


def test_lcp_verdict_shows_the_load_and_date_of_the_audit():
    rows = [{"page": p, "form_factor": "mobile", "median": {"lcp": 0.9, "cpu": 1500}, "load_average": load}
            for p, load in (("home", 0.4), ("article", 2.6), ("exercise", 1.1))]
    verdict = analysis.lcp_verdict(rows, 1.0, "2026-12-02 17:20 UTC")
    assert verdict.met is True
    assert "load average 0.4 to 2.6" in verdict.measured and "audit of 2026-12-02 17:20 UTC" in verdict.measured


def test_the_first_search_of_a_large_guide_is_reported_with_its_source():
    search = {"date": "2026-12-01 22:20 UTC", "commit": "4a0e849", "real_pages": 44, "big_articles": 5000,
              "real": {"pagefind": {"first_search": {"bytes": 153744, "requests": 15}}},
              "big": {"pagefind": {"first_search": {"bytes": 358377, "requests": 17}}}}
    line = analysis.first_search_line(search)
    assert "5,000 articles: 358.4 KB in 17 requests" in line
    assert "(44 pages): 153.7 KB in 15 requests" in line and "4a0e849" in line
    assert "not measured" in analysis.first_search_line(None)


def test_the_report_shows_the_first_search_under_the_targets():
    from benchmarks import report
    results = {"environment": {"finished": "now", "cpus": 2, "python": "3", "mkdocs": "1", "material": "9",
                               "commit": "abc", "sizes": [100]},
               "verdicts": [{"target": "t", "measured": "m", "met": True}], "sizes": [], "growth": {},
               "first_search": "First search at 5,000 articles: 358.4 KB in 17 requests"}
    text = report.markdown(results, "plot.png")
    targets = text.split("## Targets", 1)[1].split("## Build time", 1)[0]
    assert "First search at 5,000 articles: 358.4 KB" in targets


def triples(builds: list[tuple[float, float, float]]) -> list[dict]:
    """Builds as the bench runs them with hooks_in_mkdocs: the hooks alone, then ours, then plain..."""
    out = []
    for hooks, ours, plain in builds:
        for kind, cpu in (("hooks", hooks), ("ours", ours), ("plain", plain)):
            out.append({"kind": kind, "articles": 1000, "pages": 1004, "wall_s": cpu, "cpu_s": cpu,
                        "peak_rss_mb": 100.0, "site_mb": 50.0, "search_index_bytes": 1})
    return out


def test_ours_is_compared_with_the_hooks_alone_built_just_before_it():
    # The machine slows down half way; the hooks builds are not part of the ours/plain pairs.
    built = triples([(10.0, 9.5, 9.0), (10.4, 9.9, 9.3), (13.0, 12.7, 12.0)])
    summary = analysis.size_summary(built)
    summary["hooks_in_mkdocs"] = analysis.hooks_summary(built)
    owned = summary["hooks_in_mkdocs"]
    assert owned["owned_cpu_paired"] == [-0.05, -0.048, -0.023] and owned["owned_cpu"] == -0.048
    assert summary["overhead_cpu_paired"] == [0.056, 0.065, 0.058]  # unchanged by the hooks builds
    verdict = next(v for v in analysis.verdicts([summary], {}, None, TARGETS | {"owned_max": 0.0})
                   if "owning the guarantee" in v.target)
    assert verdict.met is True and "-4.8% CPU, median of 3" in verdict.measured


def test_owning_the_guarantee_is_not_met_when_ours_costs_more_than_the_hooks_alone():
    built = triples([(9.0, 9.5, 9.0), (9.4, 9.9, 9.3), (12.0, 12.7, 12.0)])
    summary = analysis.size_summary(built)
    summary["hooks_in_mkdocs"] = analysis.hooks_summary(built)
    verdict = next(v for v in analysis.verdicts([summary], {}, None, TARGETS | {"owned_max": 0.0})
                   if "owning the guarantee" in v.target)
    assert verdict.met is False
    with pytest.raises(ValueError, match="one of each per repetition"):
        analysis.hooks_summary(built[1:])


def test_the_hooks_build_makes_every_edition_with_the_hooks_doing_the_work(tmp_path):
    """Each edition ours builds, in its order, by `mkdocs build --strict` with GUIDE_EDITION set
    and without the build command's ownership (the hooks then validate, index and check)."""
    import json
    import shutil

    from benchmarks import projects
    from helpers import ROOT

    (tmp_path / "content_src").mkdir()
    shutil.copy2(ROOT / "content_src" / "site.yml", tmp_path / "content_src" / "site.yml")
    layout = projects.Layout(tmp_path, 10)
    projects.add_hooks_build(layout)
    steps = json.loads((tmp_path / projects.HOOKS_STEPS).read_text())
    assert [s["env"]["GUIDE_EDITION"] for s in steps] == projects.editions(layout) == ["", "uk"]
    assert [s["argv"][-1] for s in steps] == ["{root}/site", "{root}/site/uk"]
    assert all(s["argv"][:3] == ["mkdocs", "build", "--strict"] and "GUIDE_BUILD_OWNER" not in s["env"] for s in steps)
    assert (tmp_path / "plain_build.py").is_file()
