"""Browser fixtures: the real site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Without Chromium the browser tests skip locally with a clear reason; in CI
(GUIDE_REQUIRE_BROWSER=1, set by .ci/run) they fail instead, so they can never
be skipped silently there.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest
from guide.publish.chromium import FLAGS as CHROMIUM_FLAGS
from guide.publish.chromium import find_chromium as chromium_path
from testkit.http import serve_folder
from testkit.require import tool_missing

PHONE = {"width": 390, "height": 844}
FONTS_CONF = Path(__file__).with_name("fonts.conf")
LIBERATION_SANS = "/usr/share/fonts/truetype/liberation*/LiberationSans-Regular.ttf"
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site served from its built folder on a free loopback port."""
    with serve_folder(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable or not Path(executable).exists():
        message = "Chromium not found (install Debian's 'chromium' or set GUIDE_CHROMIUM)"
        tool_missing(message)
    if not glob.glob(LIBERATION_SANS):
        tool_missing("Liberation Sans not found: the browser tests lay text out in it (apt-get install fonts-liberation)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, env=env)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
