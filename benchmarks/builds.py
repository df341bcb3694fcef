"""Run one build in its own process and measure it: ours is `python -m guide build`
(what `make build` runs: for every edition the engine in a child process and the Pagefind
index, then the checks of every published file, the headers and the atomic publish), the
plain one benchmarks/plain_build.py (for every edition stock `mkdocs build --strict` and
the same Pagefind command), and "hooks" the build as it was before the build command owned the
guarantee (each edition's `mkdocs build --strict` with our hooks doing all the work, run by
plain_build.py from the steps projects.add_hooks_build writes).

Wall time is measured around the whole process (interpreter start, imports,
build, writing files), which is what an editor waits for. CPU time (user +
system) of the same process is recorded too: on a shared machine it is
disturbed less by other work than wall time is. Peak memory is the
build process's own maximum resident set size, read with os.wait4 so that
earlier builds in the same benchmark run do not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .projects import HOOKS_STEPS

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict"]


def _guide_build(engine: str) -> list[str]:
    """The copied project's own guide package, never the checkout's; every edition, as
    `make build ENGINE=<engine>` runs it. The engine is named, so that `make bench ENGINE=zensical`
    (the Makefile exports GUIDE_ENGINE) cannot turn "ours" into a Zensical build."""
    return [sys.executable, "-c", "import sys; sys.path.insert(0, 'hooks'); from guide.__main__ import main; "
            f"sys.exit(main(['build', '--engine', {engine!r}]))"]


GUIDE_BUILD = _guide_build("mkdocs")
ZENSICAL_BUILD = _guide_build("zensical")
PLAIN_BUILD = [sys.executable, "plain_build.py"]
COMMANDS = {"ours": GUIDE_BUILD, "zensical": ZENSICAL_BUILD, "hooks": [*PLAIN_BUILD, HOOKS_STEPS]}
STEPS_FILES = {"plain": "plain_build_steps.json", "hooks": "hooks_build_steps.json"}  # CPU s of each command
BUILD_TIMEOUT_S = 3600


@dataclass(frozen=True)
class BuildRun:
    kind: str  # "ours", "plain", "hooks" (the hooks alone in MkDocs) or "zensical" (ours with --engine zensical)
    articles: int
    pages: int  # HTML pages written, 404 excluded
    wall_s: float
    cpu_s: float  # user + system time of the build process: less disturbed by other work on the machine
    peak_rss_mb: float
    site_mb: float
    search_index_bytes: int
    load_before: float  # 1-minute load average when the build started: other work on the machine skews wall time
    steps: tuple = ()  # plain and hooks builds: (name, CPU s) of each command, from STEPS_FILES

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall_s / self.pages

    def as_dict(self) -> dict:
        return asdict(self) | {"ms_per_page": round(self.ms_per_page, 2)}


class BuildFailed(RuntimeError):
    def __init__(self, message: str, kind: str = "", articles: int = 0, exit_code: int | None = None,
                 located: tuple[str, ...] = (), tail: str = "") -> None:
        super().__init__(message)
        self.kind, self.articles, self.exit_code, self.located, self.tail = kind, articles, exit_code, located, tail


def located_lines(log_text: str, limit: int = 8) -> tuple[str, ...]:
    """The lines of a failed build's log that say where and what: the build command's findings
    (file:line, field, expected, hint) and the engine's own errors, in the order they came."""
    keys = ("error", "failed", "expected", "hint:", "traceback", "exception", "unknown", ".md:", ".yml:", ".html:")
    picked = [line.strip() for line in log_text.splitlines()
              if line.strip() and any(k in line.lower() for k in keys)]
    return tuple(dict.fromkeys(picked))[:limit]


def build_env() -> dict:
    env = dict(os.environ)
    # The copied project must use its own hooks/guide, never the checkout's (the Makefile exports PYTHONPATH).
    env.pop("PYTHONPATH", None)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _site_stats(site: Path) -> tuple[int, float, int]:
    pages = 0
    size = 0
    for path in site.rglob("*"):
        if path.is_file():
            size += path.stat().st_size
            pages += path.suffix == ".html" and path.name != "404.html"
    index = site / "search" / "search_index.json"
    return pages, size / 2**20, index.stat().st_size if index.exists() else 0


def run_build(root: Path, kind: str, articles: int, log: Path) -> BuildRun:
    for name in STEPS_FILES.values():
        (root / name).unlink(missing_ok=True)  # never a previous build's figures
    load_before = os.getloadavg()[0]
    with open(log, "w") as out:
        start = time.perf_counter()
        # wait4 reports the process and the children it waited for: the engine's CPU counts too.
        proc = subprocess.Popen(COMMANDS.get(kind, PLAIN_BUILD), cwd=root, env=build_env(), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is already reaped
    if proc.returncode != 0:
        text = log.read_text(errors="replace")
        tail = "\n".join(text.splitlines()[-30:])
        raise BuildFailed(f"{kind} build of {articles} articles failed (exit {proc.returncode}); log {log}:\n{tail}",
                          kind, articles, proc.returncode, located_lines(text), tail)
    pages, site_mb, index_bytes = _site_stats(root / "site")
    # Linux reports ru_maxrss in kilobytes.
    cpu = usage.ru_utime + usage.ru_stime
    steps_file = root / STEPS_FILES[kind] if kind in STEPS_FILES else None
    steps = tuple((t["name"], t["cpu_s"]) for t in json.loads(steps_file.read_text())) if steps_file else ()
    return BuildRun(kind, articles, pages, round(wall, 3), round(cpu, 3), round(usage.ru_maxrss / 1024, 1),
                    round(site_mb, 1), index_bytes, round(load_before, 2), steps)
