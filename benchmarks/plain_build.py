"""The plain build of a benchmark project: what ours does, without this project's hooks.

Copied into the plain project by benchmarks/projects.py and run there as one process,
so that benchmarks/builds.py measures it as it measures `python -m guide build`: wall
time, and the CPU time of this process and every command it waited for. The steps
(plain_build.json) are, for each edition in the order ours builds them, stock
`mkdocs build --strict` into that edition's folder of site/, then the same Pagefind
command our build runs on it. Writes each step's CPU time to plain_build_steps.json,
so that the report can also show plain MkDocs without the search index.

Also run in our own project with `hooks_build.json` (projects.add_hooks_build): each edition's
`mkdocs build --strict` with our hooks doing all the work themselves, as before `python -m guide
build` owned the guarantee; a step's "env" is added to the environment, and the timings go to
hooks_build_steps.json.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    steps_file = Path(sys.argv[1] if len(sys.argv) > 1 else "plain_build.json")
    steps = json.loads(steps_file.read_text(encoding="utf-8"))
    root = str(Path.cwd())
    timings = []
    for step in steps:
        argv = [a.replace("{root}", root) for a in step["argv"]]
        if argv[0] == "mkdocs":
            argv = [sys.executable, "-m", *argv]
        cpu, wall = _children_cpu(), time.perf_counter()
        env = dict(os.environ, **{k: v.replace("{root}", root) for k, v in (step.get("env") or {}).items()})
        done = subprocess.run(argv, env=env)
        timings.append({"name": step["name"], "cpu_s": round(_children_cpu() - cpu, 3),
                        "wall_s": round(time.perf_counter() - wall, 3)})
        if done.returncode != 0:
            print(f"{steps_file.stem}: {step['name']} failed (exit {done.returncode})", file=sys.stderr)
            return done.returncode
    Path(f"{steps_file.stem}_steps.json").write_text(json.dumps(timings, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
