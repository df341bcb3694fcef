"""Where our build spends its time: the project's own functions (hooks/guide/*), timed in a real build.

    python -m benchmarks.profile [--articles 1000] [--top 25] [--cprofile out.prof]

Builds a synthetic project of --articles articles in-process and times every
function of the copied `guide` package and of guide_hooks.py (inclusive time,
outermost call only, so recursion is not double counted). A timer around each
call costs far less than cProfile, whose per-call overhead inflates
pure-Python code (YAML, syllable counting) several times over compared with
C code (lxml, regular expressions). --cprofile also writes a cProfile file
for a detailed look (for example with `python -m pstats`).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import os
import pkgutil
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from . import builds, projects


class Timers:
    def __init__(self):
        self.total: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.depth: dict[str, int] = defaultdict(int)

    def wrap(self, name: str, func):
        @functools.wraps(func)
        def timed(*args, **kwargs):
            self.calls[name] += 1
            if self.depth[name]:
                return func(*args, **kwargs)
            self.depth[name] += 1
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.total[name] += time.perf_counter() - start
                self.depth[name] -= 1

        return timed


def _instrument(hooks_dir: Path, timers: Timers) -> None:
    """Import the copied guide package and replace each of its functions by a timed one, everywhere it is referenced."""
    for name in [m for m in sys.modules if m == "guide" or m.startswith("guide.")]:
        del sys.modules[name]
    sys.path.insert(0, str(hooks_dir))
    package = importlib.import_module("guide")
    modules = [importlib.import_module(info.name) for info in pkgutil.walk_packages(package.__path__, "guide.")
               if not info.ispkg and not info.name.endswith("__main__")]
    replaced: dict[int, object] = {}
    for module in modules:
        for attr, value in list(vars(module).items()):
            # Plain functions, and cached ones (functools.cache keeps the function in __wrapped__).
            plain = inspect.isfunction(value) or inspect.isfunction(getattr(value, "__wrapped__", None))
            if plain and getattr(value, "__module__", None) == module.__name__:
                wrapper = timers.wrap(f"{module.__name__}.{value.__qualname__}", value)
                replaced[id(value)] = wrapper
            elif inspect.isclass(value) and value.__module__ == module.__name__:
                for meth_name, meth in list(vars(value).items()):
                    if inspect.isfunction(meth) and not meth_name.startswith("__"):
                        setattr(value, meth_name, timers.wrap(f"{module.__name__}.{meth.__qualname__}", meth))
    for module in modules:  # names imported with `from .x import f` point at the original: repoint them
        for attr, value in list(vars(module).items()):
            if id(value) in replaced:
                setattr(module, attr, replaced[id(value)])


def _instrument_hooks(timers: Timers) -> None:
    """Time the hook handlers too: they are loaded by MkDocs from the hook file, so wrap them on import."""
    from mkdocs.config import config_options

    original = config_options.Hooks._load_hook.__wrapped__

    def load_hook(self, name, path):
        module = original(self, name, path)
        for attr, value in list(vars(module).items()):
            if attr.startswith("on_") and inspect.isfunction(value):
                setattr(module, attr, timers.wrap(f"guide_hooks.{attr}", value))
        return module

    config_options.Hooks._load_hook = functools.lru_cache(maxsize=None)(load_hook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cprofile", type=Path, help="also write a cProfile file here (slower build)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="pn-profile-"))
    layout = projects.make_ours(work / "ours", args.articles, seed=6)
    for key, value in builds.build_env().items():
        os.environ[key] = value
    os.environ.pop("PYTHONPATH", None)
    timers = Timers()
    _instrument(layout.root / "hooks", timers)
    _instrument_hooks(timers)
    from mkdocs.__main__ import cli

    os.chdir(layout.root)
    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    try:
        cli.main(["build", "--strict", "-q"], standalone_mode=False)
    finally:
        wall = time.perf_counter() - start
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.cprofile)
    hooks_total = sum(v for k, v in timers.total.items() if k.startswith("guide_hooks."))
    print(f"\nBuild of {args.articles:,} articles: {wall:.1f} s wall in total, "
          f"{hooks_total:.1f} s inside the project's hook handlers ({hooks_total / wall:.0%}).\n")
    print(f"{'inclusive s':>11} {'share':>6} {'calls':>9}  function")
    for name, seconds in sorted(timers.total.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{seconds:11.2f} {seconds / wall:6.1%} {timers.calls[name]:9,}  {name}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
