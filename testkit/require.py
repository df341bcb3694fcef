"""A tool a test needs (Chromium, nginx, Java) that is not installed."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def tool_missing(message: str) -> NoReturn:
    """A tool a test needs is not installed: skip on a developer's machine, fail where every
    test is required (GUIDE_REQUIRE_BROWSER=1, set by `make test` and CI), so that a run which
    left out browser, print or hosting tests can never look like a pass."""
    if os.environ.get("GUIDE_REQUIRE_BROWSER"):
        pytest.fail(message + "; it is required here (GUIDE_REQUIRE_BROWSER=1)")
    pytest.skip(message)
