"""`make audit`: Lighthouse over the built site, served as a host would (nginx, gzip, the build's headers).

For the home page, an article and an exercise, on mobile and desktop, runs
Lighthouse three times and takes the median of each score, because single runs
swing by several Performance points; a run made while other work shared the
CPU (Lighthouse's own CPU benchmark under half the best seen) is run again, up
to twice, and the table shows the benchmark. Saves every JSON report under
reports/lighthouse/, prints a summary table and exits non-zero when a median
misses the bar.

    PYTHONPATH=hooks:. .venv/bin/python tools/lighthouse_audit.py [--site site] [--runs 3]
        [--pages article,home] [--form-factors mobile]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from testkit.nginx import NginxSite

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "/", "article": "/understanding/sciatica/", "exercise": "/exercises/bridge/"}
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best Practices", "seo": "SEO"}
BAR = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
ATTEMPTS = 3
BUSY_FRACTION = 0.5
BUSY_RERUNS = 2
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


def chrome_path() -> str | None:
    for candidate in (os.environ.get("CHROME_PATH"), os.environ.get("GUIDE_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_lighthouse(url: str, form_factor: str, out: Path, chrome: str) -> dict:
    """One Lighthouse run; a run that fails to record its trace (NO_NAVSTART, which happens on a busy machine) is retried."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _lighthouse_once(url, form_factor, out, chrome)
        except RuntimeError as exc:
            if attempt == ATTEMPTS:
                raise
            print(f"  retrying {url} ({form_factor}) after: {str(exc).splitlines()[-1]}", file=sys.stderr)
    raise AssertionError("unreachable")


def _lighthouse_once(url: str, form_factor: str, out: Path, chrome: str) -> dict:
    out.unlink(missing_ok=True)
    command = [str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--output=json",
               f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    proc = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True,
                          timeout=300)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"Lighthouse failed on {url} ({form_factor}):\n{proc.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict:
    row = {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
    row["lcp"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    row["cpu"] = report["environment"]["benchmarkIndex"]
    return row


class BusyMachine:
    """Spots runs made while other work shared the CPU.

    Lighthouse times the main thread and multiplies it by its mobile CPU
    slowdown, so a run on a busy machine reads far slower than the page is.
    Each report carries the CPU benchmark Lighthouse measured at its start; a
    run at under half the best benchmark of this audit is run again.
    """

    def __init__(self) -> None:
        self.best = 0.0

    @staticmethod
    def index(report: dict) -> float:
        return float(report["environment"]["benchmarkIndex"])

    def slowed(self, report: dict) -> bool:
        value = self.index(report)
        self.best = max(self.best, value)
        return value < BUSY_FRACTION * self.best


def failing_audits(report: dict, category: str) -> list[str]:
    """Audits that cost points in a category, for the fix list."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            out.append(f"{audit['id']} ({audit['title']})")
    return out


def _choices(allowed):
    """An argparse type for a comma-separated subset of `allowed`, kept in `allowed`'s order."""
    def parse(text: str) -> list[str]:
        wanted = [item.strip() for item in text.split(",") if item.strip()]
        unknown = [item for item in wanted if item not in allowed]
        if unknown or not wanted:
            raise argparse.ArgumentTypeError(f"choose from {', '.join(allowed)}")
        return [item for item in allowed if item in wanted]
    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "lighthouse")
    parser.add_argument("--pages", type=_choices(PAGES), default=list(PAGES),
                        help=f"comma-separated subset of {', '.join(PAGES)} (default: all)")
    parser.add_argument("--form-factors", type=_choices(FORM_FACTORS), default=list(FORM_FACTORS),
                        help=f"comma-separated subset of {', '.join(FORM_FACTORS)} (default: both)")
    args = parser.parse_args(argv)

    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (make audit does).", file=sys.stderr)
        return 2
    chrome = chrome_path()
    if not chrome:
        print("Chromium not found: install Debian's 'chromium' or set CHROME_PATH.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        summary, problems = measure(args, chrome)
    except RuntimeError as exc:
        print(f"make audit: {exc}", file=sys.stderr)
        return 2
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print_table(summary, args)
    if problems:
        print("\nBelow the bar:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    return 0


def measure(args, chrome: str) -> tuple[list[dict], list[str]]:
    summary, problems = [], []
    busy = BusyMachine()
    with NginxSite(args.site) as base:
        print(f"Serving {args.site} with nginx on {base}; {args.runs} Lighthouse runs per page and form factor.")
        load, cores = os.getloadavg()[0], os.cpu_count() or 1
        if load > cores:
            # Lighthouse scales the main-thread time it measures: a busy machine lowers Performance.
            print(f"  note: load average {load:.1f} on {cores} cores; Performance will read low. "
                  "Run again on a quiet machine before trusting it.", flush=True)
        for name in args.pages:
            path = PAGES[name]
            for form_factor in args.form_factors:
                print(f"  {name} ({path}), {form_factor} ...", flush=True)
                load_before = round(os.getloadavg()[0], 1)  # kept with the figures: see BusyMachine
                runs = []
                for index in range(1, args.runs + 1):
                    out = args.out / f"{name}-{form_factor}-{index}.json"
                    report = run_lighthouse(base + path, form_factor, out, chrome)
                    for _ in range(BUSY_RERUNS):
                        if not busy.slowed(report):
                            break
                        print(f"    run {index}: the machine was busy (CPU benchmark {busy.index(report):.0f}, "
                              f"best so far {busy.best:.0f}); running it again", flush=True)
                        report = run_lighthouse(base + path, form_factor, out, chrome)
                    busy.slowed(report)
                    runs.append((scores(report), report))
                median = {key: statistics.median(r[key] for r, _ in runs) for key in (*CATEGORIES, "lcp", "cpu")}
                summary.append({"page": name, "path": path, "form_factor": form_factor, "runs": [r for r, _ in runs],
                                "median": median, "load_average": load_before})
                for key, minimum in BAR.items():
                    if median[key] < minimum:
                        # The run closest to the median tells what to fix.
                        closest = min(runs, key=lambda r: abs(r[0][key] - median[key]))[1]
                        problems.append(f"{name} {form_factor}: {CATEGORIES[key]} {median[key]:g} < {minimum}: "
                                        + "; ".join(failing_audits(closest, key)))
    return summary, problems


def print_table(summary: list[dict], args) -> None:
    header = (f"{'page':<10}{'form':<9}" + "".join(f"{title:>16}" for title in CATEGORIES.values())
              + f"{'LCP (s)':>10}{'CPU index':>11}")
    print(header)
    print("-" * len(header))
    for row in summary:
        m = row["median"]
        print(f"{row['page']:<10}{row['form_factor']:<9}" + "".join(f"{m[key]:>16g}" for key in CATEGORIES)
              + f"{m['lcp']:>10.2f}{m['cpu']:>11.0f}")
    print("CPU index: Lighthouse's benchmark of the machine during the runs (higher is faster; it drops when "
          "other work shares the CPU, and Performance drops with it).")
    print(f"Medians of {args.runs} runs. Bar: " + ", ".join(f"{CATEGORIES[k]} >= {v}" for k, v in BAR.items())
          + f". Reports: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}/")


if __name__ == "__main__":
    sys.exit(main())
