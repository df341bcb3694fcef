"""Browser tabs shared by every test of one module (import the fixtures into the module).

The per-test `phone` and `desktop` fixtures open a new browser context each time;
over ~45 pages times several checks that costs more than the checks themselves.
Each test starts with page.goto, which resets what a previous test left behind.
"""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE  # tests/browser/conftest.py: the sizes every browser test uses

PHONE_CONTEXT = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP_CONTEXT = {"viewport": DESKTOP}


def _tab(browser, options: dict):
    context = browser.new_context(**options)
    return context, context.new_page()


@pytest.fixture(scope="module")
def phone_tab(browser):
    context, page = _tab(browser, PHONE_CONTEXT)
    yield page
    context.close()


@pytest.fixture(scope="module")
def desktop_tab(browser):
    context, page = _tab(browser, DESKTOP_CONTEXT)
    yield page
    context.close()


@pytest.fixture(scope="module")
def print_tab(browser):
    """A desktop-sized tab that renders pages as they print."""
    context, page = _tab(browser, DESKTOP_CONTEXT)
    page.emulate_media(media="print")
    yield page
    context.close()
