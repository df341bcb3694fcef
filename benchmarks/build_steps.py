"""CPU time of each step of `python -m guide build`, in a project folder (for example a
synthetic corpus written by benchmarks.projects.make_ours, or the real project).

    .venv/bin/python -m benchmarks.build_steps PROJECT [--edition ...]

Runs the build in this process with a wrapper around each of guide.build's steps and
prints, per call, the CPU seconds of this process and of the children it waited for
(the engine runs and Pagefind are children). It builds and publishes PROJECT/site as
`make build` does. Used for the step table in the Findings of benchmarks/README.md.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

STEPS = ("check_config", "_expectations", "run_engine", "_index_for_search", "check_site", "publish")


def _cpu() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    project = Path(argv[0]).resolve()
    os.chdir(project)
    sys.path.insert(0, str(project / "hooks"))  # the project's own guide package, as the build uses it
    for name in [n for n in sys.modules if n == "guide" or n.startswith("guide.")]:
        del sys.modules[name]
    from guide import build
    from guide.__main__ import main as guide_main

    rows: list[tuple[str, float, float]] = []

    def timed(name, func):
        def wrapper(*args, **kwargs):
            own0, children0 = _cpu()
            try:
                return func(*args, **kwargs)
            finally:
                own1, children1 = _cpu()
                rows.append((name, own1 - own0, children1 - children0))
        return wrapper

    for name in STEPS:
        setattr(build, name, timed(name, getattr(build, name)))
    load = os.getloadavg()[0]
    start = time.perf_counter()
    code = guide_main(["build", *argv[1:]])
    own, children = _cpu()
    print(f"\nstep                 own CPU s  children CPU s   (load average at start {load:.1f})", file=sys.stderr)
    for name, own_s, children_s in rows:
        print(f"{name:20} {own_s:9.2f} {children_s:15.2f}", file=sys.stderr)
    print(f"{'whole build':20} {own:9.2f} {children:15.2f}   = {own + children:.2f} s CPU, "
          f"{time.perf_counter() - start:.1f} s wall", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
