"""Where to find Chromium and how to start it on these machines (handouts, tests, benchmarks).

Debian's build is used; Playwright's own browser download is not. Without the
networking flags Chromium floods a closed network with failing connections.
"""

from __future__ import annotations

import os
import shutil

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def find_chromium() -> str | None:
    """GUIDE_CHROMIUM if set, else Debian's chromium on the PATH."""
    configured = os.environ.get("GUIDE_CHROMIUM")
    if configured:
        return configured
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None
