"""Write the benchmark's results: JSON (everything), a Markdown summary and a PNG plot."""

from __future__ import annotations

import json
from pathlib import Path

MET = {True: "met", False: "**NOT met**", None: "not measured"}


def write_json(results: dict, path: Path) -> None:
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def builds_table(sizes: list[dict]) -> str:
    head = ["articles", "pages", "ours wall s", "plain wall s", "overhead wall", "ours CPU s", "plain CPU s",
            "overhead CPU", "ours ms/page", "plain ms/page", "hooks ms/page", "ours peak MB", "plain peak MB",
            "site MB", "search index MB (gzip)", "runs"]
    lines = [_row(head), _row(["---:"] * len(head))]
    for s in sizes:
        o, p = s["ours"], s["plain"]
        lines.append(_row([
            f"{s['articles']:,}", f"{s['pages']:,}", o["wall_s"], p["wall_s"], f"{s['overhead']:+.1%}",
            o["cpu_s"], p["cpu_s"], f"{s['overhead_cpu']:+.1%}", o["ms_per_page"], p["ms_per_page"],
            s["hooks_ms_per_page"], f"{o['peak_rss_mb']:,.0f}", f"{p['peak_rss_mb']:,.0f}", f"{o['site_mb']:,.0f}",
            f"{o['search_index_bytes'] / 1e6:.1f} ({s.get('search_index_gzip_bytes', 0) / 1e6:.1f})", o["runs"],
        ]))
    return "\n".join(lines)


def zensical_table(sizes: list[dict]) -> str:
    """Zensical's builds next to MkDocs' ("ours"), size by size; a failed size says where it failed."""
    head = ["articles", "MkDocs wall s", "Zensical wall s", "wall Zensical/MkDocs", "MkDocs CPU s",
            "Zensical CPU s", "CPU Zensical/MkDocs", "MkDocs peak MB", "Zensical peak MB", "Zensical builds"]
    lines = [_row(head), _row(["---:"] * len(head))]
    errors = []
    for s in sizes:
        z, o = s.get("zensical"), s["ours"]
        if not z:
            continue
        if z.get("runs"):
            lines.append(_row([f"{s['articles']:,}", o["wall_s"], z["wall_s"], f"{z['wall_ratio']:.2f}x", o["cpu_s"],
                               z["cpu_s"], f"{z['cpu_ratio']:.2f}x", f"{o['peak_rss_mb']:,.0f}",
                               f"{z['peak_rss_mb']:,.0f}", z["runs"]]))
        else:
            lines.append(_row([f"{s['articles']:,}", o["wall_s"], "failed", "-", o["cpu_s"], "failed", "-",
                               f"{o['peak_rss_mb']:,.0f}", "-", 0]))
        if z.get("error"):
            where = "; ".join(f"`{line}`" for line in z["error"].get("located") or ()) or "no line of the log says where"
            errors.append(f"- {s['articles']:,} articles: the Zensical build failed (exit {z['error'].get('exit_code')}): "
                          f"{where} (last lines of its log in latest.json)")
    if len(lines) == 2 and not errors:
        return ""
    return "\n".join(lines + ([""] + errors if errors else []))


def zensical_section(sizes: list[dict]) -> list[str]:
    table = zensical_table(sizes)
    if not table:
        return []
    return ["", "## Build time: Zensical against MkDocs", "",
            "The same synthetic corpus built by `python -m guide build --engine zensical` (as `make build "
            "ENGINE=zensical` runs it: the same pre-flight checks, the compile step and Zensical for each edition, "
            "Pagefind, `check_site`, headers and publish), measured like \"ours\" (wall time and CPU time of the "
            "whole process with its children, peak memory of the largest of them). MkDocs columns are the median "
            "\"ours\" of the table above. Zensical's builds run after each size's ours/plain pairs and are not "
            "paired, so machine drift is not cancelled: read a ratio within about 10% of 1 as \"the same\". "
            "A ratio below 1 means Zensical is faster.", "", table]


def visits_table(visits: dict) -> str:
    lines = [_row(["visit", "page", "requests", "KB on the wire", "downloaded in full", "revalidated (304)"]),
             _row(["---", "---", "---:", "---:", "---", "---"])]
    for v in visits.values():
        lines.append(_row([v["name"].replace("_", " "), f"`{v['url']}`", v["requests"], v["kb"],
                           ", ".join(f"`{p}`" for p in v["fetched_in_full"]) or "nothing",
                           ", ".join(f"`{p}`" for p in v["revalidated_304"]) or "none"]))
    return "\n".join(lines)


def _index_on_first_visit(visits: dict | None) -> str:
    if not visits:
        return ""
    first = visits["article_first"]
    if any(path.endswith("/search/search_index.json") for path in first["fetched_in_full"]):
        return "A first visit of an article downloads it, searched or not."
    return "A first visit of an article does not download it; it loads when the search box is first used."


def targets_table(verdicts: list[dict]) -> str:
    lines = [_row(["target", "measured", "result"]), _row(["---", "---", "---"])]
    lines.extend(_row([v["target"], v["measured"], MET[v["met"]]]) for v in verdicts)
    return "\n".join(lines)


def serve_edit_table(serve: dict) -> str:
    head = ["edit", "shown after s", "noticing the change s", "MkDocs' debounce s", "rebuild s",
            "MkDocs' \"built in\" s", "serving s"]
    lines = [_row(head), _row(["---:"] * len(head))]
    for n, run in enumerate(serve["runs"], 1):
        b = run["breakdown"]
        cells = [run["latency_s"], b["notice"], b["debounce"], b["build"], run["mkdocs_build_s"], b["serve"]]
        lines.append(_row([n, *("n/a" if c is None else c for c in cells)]))
    return "\n".join(lines)


def serve_edit_section(serve: dict | None) -> list[str]:
    if not serve:
        return []
    parts = ["", "## Editing an article while `make serve` runs", ""]
    if "error" in serve:
        return parts + [f"Not measured: {serve['error'].splitlines()[0]} (the server's log is in latest.json)."]
    return parts + [
        f"`make serve` (the Makefile's own command: watchmedo around `mkdocs serve --watch content_src`) on a copy "
        f"of the real project; one sentence of `{serve['source']}` edited {serve['edits']} times, each time with a "
        f"new marker word, and `{serve['page']}` fetched every {serve['poll_ms']} ms until the marker is in it. "
        f"Shown after: from writing the file to that response. Median {serve['median_s']} s, "
        f"max {serve['max_s']} s. The split comes from MkDocs' log lines, timed as they arrive: "
        "noticing the change (write to \"Detected file changes\"; MkDocs polls the watched folders every 0.5 s), "
        "MkDocs' debounce (to \"Building documentation...\"; 0.1 s without further changes), rebuild (to "
        "\"Reloading browsers\": every page, our hooks and Material), serving (to our response; requests made "
        "during a rebuild wait for it to finish). MkDocs prints each log message only once per process, so its "
        "own \"built in\" figure is n/a when an earlier build took the same time. "
        f"The first page was served {serve['first_page_s']} s after `make serve` started. "
        f"Load average before the edits: {serve['load_before']} ({serve['cpus']} CPUs; the rebuild slows when other work competes).",
        "",
        serve_edit_table(serve),
    ]


def growth_lines(growth: dict) -> str:
    out = []
    for key, label in (("ours_cpu", "ours, CPU time"), ("plain_cpu", "plain Material, CPU time"),
                       ("ours_wall", "ours, wall time"), ("plain_wall", "plain Material, wall time")):
        steps = ", ".join(f"{g['from_pages']:,} -> {g['to_pages']:,} pages: k = {g['exponent']}" for g in growth.get(key, []))
        out.append(f"- {label}: {steps or 'needs two sizes'}")
    return "\n".join(out)


def _second_baseline(sizes: list[dict]) -> list[str]:
    measured = [s for s in sizes if "overhead_cpu_vs_mkdocs" in s]
    if not measured:
        return []
    return ["", "Against plain MkDocs + Material alone (the plain build's Pagefind steps taken off its CPU time): "
            + "; ".join(f"{s['articles']:,} articles: {s['overhead_cpu_vs_mkdocs']:+.1%} CPU (pairs "
                        f"{min(s['overhead_cpu_vs_mkdocs_paired']):+.1%} to {max(s['overhead_cpu_vs_mkdocs_paired']):+.1%}; "
                        f"Pagefind {s['plain']['search_cpu_s']} s of the plain build's CPU)" for s in measured) + "."]


def _hooks_in_mkdocs(sizes: list[dict]) -> list[str]:
    measured = [s for s in sizes if (s.get("hooks_in_mkdocs") or {}).get("runs")]
    if not measured:
        return []
    return ["", "Against the hooks alone in MkDocs (issue 10: each edition's `mkdocs build --strict` with our hooks "
                "validating, indexing and checking by themselves, as before `python -m guide build` owned the guarantee; "
                "built just before each build of ours and compared with it): "
            + "; ".join(f"{s['articles']:,} articles: {h['owned_cpu']:+.1%} CPU (ours {s['ours']['cpu_s']} s, hooks alone "
                        f"{h['cpu_s']} s; {h['runs']} pairs from {min(h['owned_cpu_paired']):+.1%} to "
                        f"{max(h['owned_cpu_paired']):+.1%})" for s in measured for h in [s["hooks_in_mkdocs"]])
            + ". Below 0: staging, checking and publishing outside MkDocs costs less than the hooks did inside it."]


def load_range(sizes: list[dict]) -> str:
    loads = [b["load_before"] for s in sizes for b in s.get("builds", [])]
    return f"{min(loads):.1f} to {max(loads):.1f}" if loads else "not recorded"


def markdown(results: dict, plot_name: str) -> str:
    env = results["environment"]
    parts = [
        "# Build and page-weight benchmark: latest results",
        "",
        f"Run {env['finished']} on {env['cpus']} CPUs, Python {env['python']}, MkDocs {env['mkdocs']}, "
        f"Material {env['material']}, commit `{env['commit']}`. Produced by `make bench` "
        f"(sizes {', '.join(str(s) for s in env['sizes'])}); see [../README.md](../README.md) for the method.",
        "",
        "## Targets",
        "",
        targets_table(results["verdicts"]),
        *(["", results["first_search"]] if results.get("first_search") else []),
        "",
        "## Build time: ours against plain MkDocs + Material",
        "",
        "Medians per corpus size (runs alternate ours, plain, ours, plain...), each build one process: wall time "
        "of the whole process and its CPU time (user + system, with every command it ran). \"Ours\" is "
        "`python -m guide build`, as `make build` runs it: for each edition (US root and /uk/) MkDocs with our "
        "hooks into staging and the Pagefind index, then the checks of every published file, the hosting headers "
        "and the atomic publish. \"Plain\" builds the same pages, with the safety boxes already written in, "
        "without this project's hooks or checks: for each edition stock `mkdocs build --strict` (Material, its "
        "search plugin as ours has it) and the same Pagefind command. "
        "Overhead = ours / plain - 1 for each build of ours and the plain build right after it, median over "
        "the pairs (pairing cancels the machine's drift in speed, which is as large as the target's margin). ms/page and hooks ms/page = (ours - plain) / pages use wall time. "
        f"Load average when the builds started: {load_range(results['sizes'])} (2 CPUs; above 2, other work was "
        "competing for the CPUs and wall times are inflated).",
        "",
        builds_table(results["sizes"]),
        "",
        "Growth (time ~ pages^k; k = 1 is linear):",
        "",
        growth_lines(results["growth"]),
        "",
        "CPU time the hooks add per page (ours - plain): "
        + "; ".join(f"{s['pages']:,} pages: {s['hooks_cpu_ms_per_page']} ms" for s in results["sizes"]) + ".",
        *_second_baseline(results["sizes"]),
        *_hooks_in_mkdocs(results["sizes"]),
        "",
        f"![Build time against page count]({plot_name})",
        *zensical_section(results["sizes"]),
    ]
    real = results.get("real_site")
    if real:
        index = real["search_index"]
        parts += [
            "",
            "## The real site in Chromium (nginx, gzip level 6, on 127.0.0.1)",
            "",
            f"Search index: {index['bytes']:,} bytes, {index['gzip_bytes']:,} bytes gzipped "
            f"({real['pages']} pages). {_index_on_first_visit(real.get('visits'))}",
            "",
        ]
        if real.get("visits"):
            parts += [visits_table(real["visits"]), "",
                      "Cache headers: hashed Material assets `" + real["cache_headers"]["hashed_assets"] + "`; "
                      "other assets `" + real["cache_headers"]["assets"] + "`; HTML, images and the search index `"
                      + real["cache_headers"]["pages"] + "`. Bytes are as sent by nginx (headers + gzipped body)."]
        elif real.get("visits_error"):
            parts += [f"Visits not measured: {real['visits_error']}"]
    parts += serve_edit_section(results.get("serve_edit"))
    if results.get("notes"):
        parts += ["", "## Notes", ""] + [f"- {n}" for n in results["notes"]]
    return "\n".join(parts) + "\n"


def plot(sizes: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    pages = [s["pages"] for s in sizes]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), dpi=110, sharey=True)
    for ax, metric, label in ((axes[0], "wall_s", "wall time"), (axes[1], "cpu_s", "CPU time")):
        for kind, name, style in (("ours", "ours (project hooks)", "o-"), ("plain", "plain MkDocs + Material", "s--")):
            ax.plot(pages, [s[kind][metric] for s in sizes], style, label=f"{name}, median")
            every = [(b["pages"], b[metric]) for s in sizes for b in s.get("builds", []) if b["kind"] == kind]
            ax.plot([p for p, _ in every], [t for _, t in every], ".", color="grey", alpha=0.6)
        built = [(s["pages"], s["zensical"][metric]) for s in sizes if (s.get("zensical") or {}).get("runs")]
        if built:
            ax.plot([p for p, _ in built], [t for _, t in built], "^-.", label="Zensical (same corpus), median")
        if len(sizes) > 1:  # through the largest plain build and the origin: what linear growth looks like
            per_page = sizes[-1]["plain"][metric] / sizes[-1]["pages"]
            ax.plot(pages, [per_page * p for p in pages], ":", color="grey", label="linear growth (reference)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(pages)
        ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        for axis in (ax.xaxis, ax.yaxis):  # plain numbers, not powers of ten
            axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}" if value >= 10 else f"{value:g}"))
            axis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("pages built")
        ax.set_ylabel(f"build {label} (s)")
        ax.set_title(f"Build {label} against page count")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.text(0.01, 0.01, "grey dots: individual builds", fontsize=8, color="grey")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
