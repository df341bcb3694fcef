"""How fast an edited article shows while `make serve` runs, on a copy of the real project.

    python -m benchmarks.serve_edit [--edits 5] [--keep]

Copies the real project (mkdocs.yml, Makefile, hooks/, docs/, content_src/)
into a temporary folder and runs `make serve` there on a free port, so the
command and flags are the Makefile's own (watchmedo around `mkdocs serve
--watch content_src`). Once the article is served, it edits one sentence of
the article's source several times, each time with a new marker word, and
polls the served page until the marker is in it.

Latency = from the moment the edited file was written to the first HTTP
response of the page that contains the marker. MkDocs' livereload script
makes an open page reload itself when the rebuild ends, so what a reader of
the preview sees follows this response by a browser reload (tens of
milliseconds on 127.0.0.1, not measured here).

The server's log lines are timestamped as they arrive, which splits each
latency into: noticing the change (MkDocs polls the watched folders every
0.5 s), MkDocs' debounce before it starts building (0.1 s without further
changes), the build itself (all pages: our hooks plus Material), and the
last step from "Reloading browsers" to our poll seeing the new page.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from testkit.http import free_port

from . import builds

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("mkdocs.yml", "Makefile", "hooks", "docs", "content_src")
HOST = "127.0.0.1"
LOG_LINES_KEPT = 200  # of the server's output, kept in the result
DEFAULTS = {
    "page": "/understanding/sciatica/",
    "source": "content_src/articles/sciatica.md",
    # The edited sentence: each edit puts a new marker word into it (valid content, same reading grade).
    "sentence": "The sciatic nerve is a large nerve made from several nerve roots.",
    "edits": 5,
    "poll_ms": 25,
    "pause_s": [0.5, 1.5],  # random wait between edits: the change lands at a random point of MkDocs' 0.5 s polling
    "start_timeout_s": 180,
    "edit_timeout_s": 60,
}
# MkDocs' log lines that mark the steps of a rebuild (mkdocs/livereload and mkdocs/commands/build).
STEPS = {
    "detected": re.compile(r"Detected file changes"),
    "building": re.compile(r"Building documentation\.\.\."),
    "built": re.compile(r"Documentation built in ([0-9.]+) seconds"),
    "reloading": re.compile(r"Reloading browsers"),
}


class ServeFailed(RuntimeError):
    pass


@dataclass
class Edit:
    marker: str
    latency_s: float
    # Seconds after the file was written at which each log step was seen (None: not seen).
    detected_s: float | None = None
    building_s: float | None = None
    built_s: float | None = None
    reloading_s: float | None = None
    # MkDocs' own "Documentation built in X seconds". MkDocs logs each message text only once per
    # process (mkdocs.utils.DuplicateFilter), so it is missing when an earlier build took the same time.
    mkdocs_build_s: float | None = None
    polls: int = 0

    def breakdown(self) -> dict:
        """Where the latency went, in seconds (None where a log line was missing)."""
        def gap(a, b):
            return round(b - a, 3) if a is not None and b is not None else None
        return {
            "notice": gap(0.0, self.detected_s),        # watcher polling
            "debounce": gap(self.detected_s, self.building_s),  # MkDocs waits 0.1 s for further changes
            "build": gap(self.building_s, self.reloading_s),    # the whole rebuild, as the server saw it
            "serve": gap(self.reloading_s, self.latency_s),     # new page answered to our poll
        }

    def as_dict(self) -> dict:
        return asdict(self) | {"breakdown": self.breakdown()}


@dataclass
class _Log:
    """The server's output, each line with the monotonic time it arrived."""

    lines: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def follow(self, stream) -> threading.Thread:
        def read():
            for line in stream:
                with self.lock:
                    self.lines.append((time.perf_counter(), line.rstrip("\n")))
        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        return thread

    def since(self, start: float) -> list[tuple[float, str]]:
        with self.lock:
            return [(t, line) for t, line in self.lines if t >= start]

    def text(self) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def serve_command(port: int) -> list[str]:
    """`make serve` in the copy, with this interpreter's tools and the venv check skipped."""
    bin_dir = Path(sys.executable).parent
    return ["make", "--no-print-directory", "-o", ".venv/.installed", "serve",
            f"BIN={bin_dir}", f"HOST={HOST}", f"PORT={port}"]


def serve_env() -> dict:
    env = builds.build_env()
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"):  # when run from `make bench`
        env.pop(name, None)
    env["PYTHONUNBUFFERED"] = "1"  # log lines arrive when written: their arrival times are the breakdown
    return env


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _step_times(lines: list[tuple[float, str]], written: float) -> dict:
    """First occurrence of each step after the write, in seconds after it."""
    out: dict = {}
    for t, line in lines:
        for name, pattern in STEPS.items():
            if name in out:
                continue
            match = pattern.search(line)
            if match:
                out[name] = round(t - written, 3)
                if name == "built":
                    out["mkdocs_build_s"] = float(match.group(1))
    return out


def _stop(proc: subprocess.Popen) -> None:
    """Stop make, watchmedo and mkdocs: the process group this module started."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


def measure(settings: dict | None = None, work: Path | None = None, log=print) -> dict:
    """Run `make serve` on a copy of the project, edit the article and time until the change is served."""
    cfg = DEFAULTS | (settings or {})
    own_work = work is None
    work = Path(tempfile.mkdtemp(prefix="pn-serve-edit-")) if own_work else work
    try:
        project = copy_project(work / "project")
        source = project / cfg["source"]
        original = source.read_text(encoding="utf-8")
        sentence = cfg["sentence"]
        if original.count(sentence) != 1:
            raise ServeFailed(f"the sentence to edit is not exactly once in {cfg['source']}: {sentence!r}")
        port = free_port()
        url = f"http://{HOST}:{port}{cfg['page']}"
        command = serve_command(port)
        server_log = _Log()
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=project, env=serve_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
        server_log.follow(proc.stdout)
        try:
            page = None
            while page is None and time.perf_counter() - started < cfg["start_timeout_s"]:
                if proc.poll() is not None:
                    raise ServeFailed(f"`make serve` exited with {proc.returncode}:\n{server_log.text()[-3000:]}")
                page = fetch(url)
                if page is None:
                    time.sleep(0.2)
            if page is None:
                raise ServeFailed(f"{cfg['page']} not served within {cfg['start_timeout_s']} s:\n{server_log.text()[-3000:]}")
            first_page_s = time.perf_counter() - started
            log(f"serve edit: {cfg['page']} served {first_page_s:.1f} s after `make serve` started")
            load_before = round(os.getloadavg()[0], 2)
            rng = random.Random(cfg.get("seed", 6))
            run_id = rng.randrange(10_000, 99_999)
            edits: list[Edit] = []
            for n in range(1, cfg["edits"] + 1):
                time.sleep(rng.uniform(*cfg["pause_s"]))
                marker = f"pnedit{run_id}n{n}"
                if marker in (fetch(url) or ""):
                    raise ServeFailed(f"marker {marker} already on the page before the edit")
                edited = original.replace(sentence, f"{sentence[:-1]}, {marker}.")
                source.write_text(edited, encoding="utf-8")
                written = time.perf_counter()
                polls, seen = 0, None
                while time.perf_counter() - written < cfg["edit_timeout_s"]:
                    polls += 1
                    body = fetch(url)
                    if body and marker in body:
                        seen = time.perf_counter()
                        break
                    time.sleep(cfg["poll_ms"] / 1000)
                if seen is None:
                    raise ServeFailed(f"edit {n}: {marker} not served within {cfg['edit_timeout_s']} s:\n"
                                      f"{server_log.text()[-3000:]}")
                time.sleep(0.3)  # let "Reloading browsers" arrive if our poll won the race
                steps = _step_times(server_log.since(written), written)
                edit = Edit(marker, round(seen - written, 3), steps.get("detected"), steps.get("building"),
                            steps.get("built"), steps.get("reloading"), steps.get("mkdocs_build_s"), polls)
                edits.append(edit)
                b = edit.breakdown()
                log(f"serve edit {n}/{cfg['edits']}: {edit.latency_s:.2f} s "
                    f"(notice {b['notice']}, debounce {b['debounce']}, build {b['build']}, serve {b['serve']})")
            source.write_text(original, encoding="utf-8")
        finally:
            _stop(proc)
        output = server_log.text()
        if "Traceback" in output or "ERROR" in output:
            raise ServeFailed("the server logged errors:\n" + output[-3000:])
        return summarize(edits, cfg, command, first_page_s) | {
            "load_before": load_before, "cpus": os.cpu_count(),
            "server_log": output.splitlines()[-LOG_LINES_KEPT:]}
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def summarize(edits: list[Edit], cfg: dict, command: list[str], first_page_s: float) -> dict:
    latencies = [e.latency_s for e in edits]
    parts = ("notice", "debounce", "build", "serve")
    return {
        "page": cfg["page"],
        "source": cfg["source"],
        "command": "make serve (" + " ".join(command[1:]) + ")",
        "edits": len(edits),
        "median_s": _median(latencies),
        "max_s": round(max(latencies), 3),
        "min_s": round(min(latencies), 3),
        "median_breakdown_s": {p: _median([e.breakdown()[p] for e in edits]) for p in parts},
        "median_mkdocs_build_s": _median([e.mkdocs_build_s for e in edits]),
        "first_page_s": round(first_page_s, 1),
        "poll_ms": cfg["poll_ms"],
        "runs": [e.as_dict() for e in edits],
    }


def main(argv: list[str] | None = None) -> int:
    import yaml

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, help="number of edits (default from bench.yml)")
    parser.add_argument("--json", type=Path, help="also write the result to this file")
    args = parser.parse_args(argv)
    settings = yaml.safe_load((Path(__file__).parent / "bench.yml").read_text(encoding="utf-8"))
    cfg = dict(settings.get("serve_edit") or {}) | {"seed": settings["seed"]}
    if args.edits:
        cfg["edits"] = args.edits
    result = measure(cfg, log=lambda m: print(f"[serve-edit {time.strftime('%H:%M:%S')}] {m}", flush=True))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
