"""Two builds of the same commit give byte-identical output.

The only date MkDocs writes is the build date (sitemap <lastmod> and the gzip
header of sitemap.xml.gz); the build takes it from the last git commit, or
outside git from the content's newest review date, never from the clock.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, BuildResult, Project, build_env, make_project, run_build

SITE_URL = "https://guide.example.org/"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _lastmods(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def _gzip_mtime(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[4:8], "little")


def _project(tmp_path: Path, reviewed: str) -> Project:
    project = make_project(tmp_path / "project")
    # With a site address the sitemap lists every page with a <lastmod> date.
    project.edit("mkdocs.yml", "site_dir: site", f"site_url: {SITE_URL}\nsite_dir: site")
    for article in ("test-sciatica", "test-neck", "warning-signs"):
        project.edit(f"content_src/articles/{article}.md", "reviewed: 2026-11-25", f"reviewed: {reviewed}")
    return project


def _build_twice(project: Project, tmp_path: Path) -> tuple[BuildResult, BuildResult]:
    first = project.build("-d", str(tmp_path / "first"))
    assert first.ok, first.output
    second = project.build("-d", str(tmp_path / "second"))
    assert second.ok, second.output
    return first, second


def assert_identical(a: Path, b: Path) -> None:
    files_a, files_b = _files(a), _files(b)
    assert sorted(files_a) == sorted(files_b), "the two builds wrote different files"
    differing = [name for name in files_a if files_a[name] != files_b[name]]
    assert not differing, f"these files differ between two builds of the same sources: {differing}"


@pytest.fixture
def no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_outside_git_two_builds_are_identical_and_dated_by_the_content(tmp_path, no_epoch):
    project = _project(tmp_path, reviewed="2026-03-02")
    first, second = _build_twice(project, tmp_path)
    assert_identical(first.site, second.site)
    assert _lastmods(first.site) == {"2026-03-02"}, "the sitemap date must be the newest review date, not today"
    assert _gzip_mtime(first.site / "sitemap.xml.gz") == 1772409600  # 2026-03-02T00:00:00Z
    # The hosting headers are part of the output and are stable too.
    assert (first.site / "_headers").read_bytes() == (second.site / "_headers").read_bytes()


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_in_git_the_build_date_is_the_last_commit_date(tmp_path, no_epoch):
    project = _project(tmp_path, reviewed="2026-03-02")
    commit_date = "2025-06-01T12:00:00+00:00"
    env = build_env({"GIT_AUTHOR_DATE": commit_date, "GIT_COMMITTER_DATE": commit_date,
                     "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                     "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"})
    for command in (["init", "-q"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "content"]):
        subprocess.run(["git", *command], cwd=project.root, env=env, check=True, capture_output=True)
    first, second = _build_twice(project, tmp_path)
    assert_identical(first.site, second.site)
    assert _lastmods(first.site) == {"2025-06-01"}
    assert gzip.decompress((first.site / "sitemap.xml.gz").read_bytes()) == (first.site / "sitemap.xml").read_bytes()


def test_an_explicit_source_date_epoch_wins(tmp_path, no_epoch):
    project = _project(tmp_path, reviewed="2026-03-02")
    result = project.build(env={"SOURCE_DATE_EPOCH": "1700000000"})  # 2023-11-14
    assert result.ok, result.output
    assert _lastmods(result.site) == {"2023-11-14"}


def test_the_real_site_builds_byte_identical_twice(real_site, tmp_path):
    """Every kind of page the real content has (exercises, pictures, glossary, clinics' assets) is stable."""
    again = run_build(ROOT, "-d", str(tmp_path / "site"), editions=True)  # as real_site: every edition
    assert again.ok, again.output
    assert_identical(real_site.site, again.site)


def test_printed_pdfs_get_the_build_date_instead_of_the_printing_time(tmp_path, monkeypatch):
    """Chromium writes the printing time into each handout; the build re-stamps it, keeping byte offsets."""
    from guide.publish.build_date import stamp_pdf_dates

    printed = (b"%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261125083535+00'00')\n"
               b"/ModDate (D:20261125083535+00'00')>>\nendobj\n")
    (tmp_path / "handouts").mkdir()
    pdf = tmp_path / "handouts" / "bridge.pdf"
    pdf.write_bytes(printed)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772409600")  # 2026-03-02T00:00:00Z
    assert stamp_pdf_dates(tmp_path) == [pdf]
    stamped = pdf.read_bytes()
    assert len(stamped) == len(printed)
    assert b"/CreationDate (D:20260302000000+00'00')" in stamped and b"/ModDate (D:20260302000000+00'00')" in stamped
    assert b"20261125" not in stamped
