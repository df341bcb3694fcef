"""Shared fixtures: small throw-away projects built with the real MkDocs CLI."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from helpers import ROOT, BuildResult, Project, make_project, run_build
from testkit.require import tool_missing

@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> BuildResult:
    """The fixture project, built once and shared by read-only tests."""
    proj = make_project(tmp_path_factory.mktemp("mini") / "project")
    result = proj.build()
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real project (content_src/ and docs/), built once into a temporary folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = run_build(ROOT, "-d", str(out), editions=True)
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> BuildResult:
    """The real project built with Zensical (every edition, as `make build ENGINE=zensical`), once."""
    if importlib.util.find_spec("zensical") is None:
        tool_missing("zensical is not installed (it is pinned in requirements.lock: make venv)")
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = run_build(ROOT, "--engine", "zensical", "-d", str(out), editions=True)
    assert result.ok, result.output
    return result
