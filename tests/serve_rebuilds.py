"""Rebuild a project N times in one process, as `mkdocs serve` does, and print memory after each.

Run by tests/test_serve.py: `python serve_rebuilds.py PROJECT N`. Prints one line per
rebuild: the Python heap still held after garbage collection, and its peak so far, in bytes.
"""

import gc
import logging
import sys
import tempfile
import tracemalloc
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

project, count = Path(sys.argv[1]), int(sys.argv[2])
sys.path.insert(0, str(project / "hooks"))
logging.disable(logging.WARNING)
tracemalloc.start()
with tempfile.TemporaryDirectory() as site:
    for _ in range(count):
        # A fresh config each time, the hooks module loaded once: exactly what serve does.
        config = load_config(str(project / "mkdocs.yml"), site_dir=site)
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        del config
        gc.collect()
        print(*tracemalloc.get_traced_memory(), flush=True)
