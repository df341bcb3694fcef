"""Content is validated once per build and handed to each edition's engine run (guide.publish.handover),
but never used for content that is not what was validated: an edit saved during the build is
validated again and refused with its located message, and a handover that does not match is ignored."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

from guide.publish import handover
from guide.content.load import load_content

from helpers import build_env

ARTICLE = "content_src/articles/test-sciatica.md"
SENTENCE = "The pain can be sharp."

# Runs `python -m guide build` for the root edition with one step of guide.build wrapped.
_WRAPPED_BUILD = """
import sys
sys.path.insert(0, 'hooks')
from pathlib import Path
from guide import build
{wrap}
from guide.__main__ import main
sys.exit(main(['build', '--edition', 'root']))
"""


def _build_with(project, wrap: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _WRAPPED_BUILD.format(wrap=wrap)], cwd=project.root,
                          env=build_env({"GUIDE_CLINIC": "", "GUIDE_HANDOUTS": ""}),
                          capture_output=True, text=True, timeout=600)


def test_the_engine_builds_from_the_content_the_build_command_validated(project):
    """The engine run reads the handover rather than loading content_src/ again: a sentence changed
    only in the handed-over copy is what the page shows."""
    wrap = f"""
write = build.handover.write
def changed(path, src, content, digest):
    article = content.article('test-sciatica')
    article.body = article.body.replace({SENTENCE!r}, 'The pain can be sharp (handed over).')
    write(path, src, content, digest)
build.handover.write = changed
"""
    proc = _build_with(project, wrap)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (project.site / "understanding" / "test-sciatica" / "index.html").read_text(encoding="utf-8")
    assert "(handed over)" in page
    assert not list(project.root.glob(".site.content*")), "the handover outlived the build"


def test_an_edit_saved_during_the_build_is_validated_and_refused(project):
    """content_src/ changes after the build command validated it, before the engine runs: the
    engine validates it itself and the error is reported, located, with nothing published."""
    assert project.build().ok
    before = {p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    wrap = f"""
run_engine = build.run_engine
def edited_first(*args, **kwargs):
    path = Path({ARTICLE!r})
    path.write_text(path.read_text(encoding='utf-8').replace('order: 1', 'order: one'), encoding='utf-8')
    return run_engine(*args, **kwargs)
build.run_engine = edited_first
"""
    proc = _build_with(project, wrap)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "content_src/articles/test-sciatica.md:5: order: Input should be a valid integer" in output
    assert "Traceback" not in output
    assert {p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*") if p.is_file()} == before


def test_a_handover_is_used_only_for_the_content_it_was_made_from(project, tmp_path, monkeypatch):
    src = project.content
    content = load_content(src)
    path = tmp_path / ".site.content.pickle"
    handover.write(path, src, content, handover.content_digest(src))

    monkeypatch.delenv(handover.CONTENT_ENV, raising=False)
    assert handover.read(src) is None  # not started by the build command: validate

    monkeypatch.setenv(handover.CONTENT_ENV, str(path))
    handed = handover.read(src)
    assert handed is not None and [a.slug for a in handed.articles] == [a.slug for a in content.articles]

    other = tmp_path / "other"
    other.mkdir()
    assert handover.read(other) is None  # another project's content_src/

    (project.root / ARTICLE).write_text((project.root / ARTICLE).read_text(encoding="utf-8") + "\nOne more line.\n",
                                        encoding="utf-8")
    assert handover.read(src) is None  # edited since it was validated

    path.write_bytes(b"not a pickle")
    assert handover.read(src) is None
    path.write_bytes(pickle.dumps({"anything": 1}))
    assert handover.read(src) is None
    os.unlink(path)
    assert handover.read(src) is None


def test_the_digest_sees_a_renamed_file(project):
    src = project.content
    before = handover.content_digest(src)
    article = project.root / ARTICLE
    article.rename(article.with_name("test-sciatica-renamed.md"))
    assert handover.content_digest(src) != before
