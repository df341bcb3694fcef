"""Every way a build can fail, one test each (the README's table of failure classes).

Each breaks a small project the way an editor, a theme change or the machine
might, runs `python -m guide build` (what `make build` runs), and checks what a
person sees: what failed and where, no Python traceback, and the last good
site/ byte for byte as it was, with no half-built folder left behind.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PAGE_CONTENT, ROOT, build_env, guide_command, run_mkdocs

ARTICLE = "content_src/articles/test-sciatica.md"
NECK = "content_src/articles/test-neck.md"

SCRIPTED_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
  <script>alert(1)</script>
  <rect width="10" height="10" onload="alert(2)"/>
  <a href="javascript:alert(3)"><circle r="2"/></a>
</svg>
"""


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def leftovers(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if p.name.startswith(".site") and p.is_dir()]


@pytest.fixture
def built(project):
    first = project.build()
    assert first.ok, first.output
    return project, snapshot(project.site)


def refused(project, before, result, *needles):
    assert not result.ok, result.output
    assert "Traceback" not in result.output, result.output
    for needle in needles:
        assert needle in result.output, result.output
    assert "Nothing was published: the last good site in site/ was left as it was." in result.output
    assert snapshot(project.site) == before
    assert leftovers(project.root) == []


def test_content_error(built):
    project, before = built
    project.edit(ARTICLE, "order: 1", "order: one")
    refused(project, before, project.build(),
            "content_src/articles/test-sciatica.md:5: order: Input should be a valid integer")


def test_strict_warning_overdue_review(built):
    project, before = built
    project.edit(NECK, "reviewed: 2026-11-25", "reviewed: 2020-01-10")
    project.edit(NECK, "next_review: 2028-11-25", "next_review: 2022-01-10")
    refused(project, before, project.build(),
            "content_src/articles/test-neck.md:13: next_review: the review was due on 2022-01-10",
            "the engine stopped on 1 warning(s) in strict mode")


def test_strict_warning_broken_link(built):
    project, before = built
    project.write("docs/extra.md", "---\ntitle: Extra\n---\n\n[missing](nowhere.md)\n")
    refused(project, before, project.build(), "nowhere.md", "warning(s) in strict mode")


def test_template_error(built):
    project, before = built
    project.edit("docs/overrides/404.html", "{{ config.extra.pn_frame.print_header | safe }}", "{{ pn_print_headr() }}")
    refused(project, before, project.build(), "the engine stopped on a template error",
            "docs/overrides/404.html:5: 'pn_print_headr' is undefined (UndefinedError)")


def test_hooks_line_missing(built):
    project, before = built
    project.edit("mkdocs.yml", "hooks:\n  - hooks/guide_hooks.py\n", "")
    refused(project, before, project.build(), "mkdocs.yml: hooks: is missing",
            "hint: add the lines", "- hooks/guide_hooks.py")


def test_hooks_line_missing_is_caught_by_the_check_too(built):
    """The config check is a courtesy: without it, the check of the output still refuses the pages."""
    project, before = built
    project.edit("mkdocs.yml", "hooks:\n  - hooks/guide_hooks.py\n", "")
    env = {"PYTHONPATH": str(project.root / "hooks")}
    script = ("import sys; sys.path.insert(0, 'hooks'); from guide import build; build.check_config = lambda c: []; "
              "from guide.__main__ import main; sys.exit(main(['build']))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=project.root, env=build_env(env),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output and "the last good site in site/ was left as it was" in output, output
    assert snapshot(project.site) == before and leftovers(project.root) == []


def _add_hook(project, name: str, code: str) -> None:
    project.write(f"hooks/{name}.py", code)
    project.edit("mkdocs.yml", "  - hooks/guide_hooks.py\n", f"  - hooks/guide_hooks.py\n  - hooks/{name}.py\n")


def test_engine_crash(built):
    project, before = built
    _add_hook(project, "crash", "def on_post_build(config):\n    raise RuntimeError('disk on fire')\n")
    refused(project, before, project.build(), "the engine crashed", "hooks/crash.py:2: disk on fire (RuntimeError)",
            "full engine log, with the traceback: .site.build.log")


def test_engine_killed(built):
    project, before = built
    _add_hook(project, "killed", "import os, signal\n\ndef on_post_build(config):\n"
                                 "    os.kill(os.getpid(), signal.SIGKILL)\n")
    refused(project, before, project.build(), "the engine (MkDocs) was stopped by SIGKILL before it finished")


def test_verifier_fails_and_names_the_override(built):
    project, before = built
    project.edit("docs/overrides/partials/content.html", PAGE_CONTENT, "")
    refused(project, before, project.build(), "index.html: no warning-signs box",
            "page(s) lost their safety boxes; the theme overrides that can cause it:",
            "docs/overrides/partials/content.html: Material's content partial no longer shows page.content, "
            "where the compile step puts the boxes")


def test_override_that_replaces_the_content_block_is_named(built):
    project, before = built
    project.write("docs/overrides/main.html",
                  '{% extends "base.html" %}\n{% block content %}<p>Nothing to see.</p>{% endblock %}\n')
    refused(project, before, project.build(), "docs/overrides/main.html: replaces the 'content' block")


def test_scripted_svg_is_refused_with_file_and_line(built):
    project, before = built
    project.write("content_src/illustrations/scripted.svg", SCRIPTED_SVG)
    refused(project, before, project.build(), "a picture could run code or load another file",
            "content_src/illustrations/scripted.svg:2: the <script> element is not allowed",
            "content_src/illustrations/scripted.svg:3: the onload= event handler on <rect> runs script",
            "content_src/illustrations/scripted.svg:4: the <a> element is not allowed")


def test_placeholder_left_unfilled_is_refused(built):
    project, before = built
    project.write("docs/extra.md", "---\ntitle: Extra\n---\n\nCall [[emergency-number]] now.\n")
    refused(project, before, project.build(),
            "extra/index.html: the placeholder [[emergency-number]] was printed instead of being filled in")


def test_placeholder_in_a_title_and_answer_is_filled(project):
    """Every field a patient reads fills its placeholders (guide.content.patient_text); an article
    names the urgent-advice route, and leaves the emergency number to the warning box."""
    project.edit(ARTICLE, "title: What is sciatica?", "title: Sciatica, or time for [[urgent-advice]]?")
    text = (project.root / ARTICLE).read_text()
    answer = next(line for line in text.splitlines() if line.startswith("answer:"))
    project.edit(ARTICLE, answer, answer.rstrip() + " If unsure, contact [[urgent-advice]].")
    result = project.build()
    assert result.ok, result.output
    page = (project.site / "understanding/test-sciatica/index.html").read_text()
    assert "[[" not in page
    assert "<title>Sciatica, or time for your doctor or an urgent care center?" in page
    assert "If unsure, contact your doctor or an urgent care center." in page


def test_interrupted_build(built):
    project, before = built
    # Ctrl-C as a terminal delivers it: a test run started in the background (`make test &`, a CI
    # runner's job) ignores SIGINT, and its children inherit that, so the build would never see it.
    proc = subprocess.Popen([*guide_command(project.root), "build"], cwd=project.root, env=build_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Interrupted while the engine writes the first edition into staging, as the build reports it:
    # in step with the build's own progress, not with a poll of the folder that a busy machine can miss.
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if "Building documentation to directory" in line:
            break
    assert proc.poll() is None, "the build finished before it could be interrupted:\n" + "".join(seen)
    proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
    rest, _ = proc.communicate(timeout=120)
    output = "".join(seen) + rest
    assert proc.returncode == 130, output
    assert "Traceback" not in output and "Build failed: the build was interrupted" in output, output
    assert snapshot(project.site) == before and leftovers(project.root) == []


def test_broken_clinic_profile_is_found_by_lint(project):
    profile = next((project.content / "clinics").glob("*/clinic.yml"), None)
    if profile is None:
        from helpers import ROOT
        import shutil
        shutil.copytree(ROOT / "content_src/clinics", project.content / "clinics", dirs_exist_ok=True)
        profile = next((project.content / "clinics").glob("*/clinic.yml"))
    profile.write_text(profile.read_text().replace("country: ", "country: XX\nwebsite_colour: red\n#", 1))
    proc = subprocess.run([*guide_command(project.root), "lint"], cwd=project.root, env=build_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    rel = profile.relative_to(project.root).as_posix()
    assert f"{rel}:" in proc.stderr and "website_colour: unknown field" in proc.stderr, proc.stderr


def test_mkdocs_run_directly_keeps_the_last_site_on_a_strict_warning(built):
    """The hooks alone (plain `mkdocs build --strict`) must not publish a build that strict mode aborts."""
    project, before = built
    project.edit(NECK, "reviewed: 2026-11-25", "reviewed: 2020-01-10")
    project.edit(NECK, "next_review: 2028-11-25", "next_review: 2022-01-10")
    result = run_mkdocs(project.root)
    assert result.returncode != 0 and "next_review" in result.output
    assert snapshot(project.site) == before


def test_mkdocs_run_directly_builds_a_country_edition_on_its_own(project, tmp_path):
    """`GUIDE_EDITION=uk make serve` (the README's preview of the UK edition) runs MkDocs with the hooks
    checking the UK folder alone: its pages link to themselves in the root edition, which is not built."""
    env = {"GUIDE_EDITION": "uk", "GUIDE_CLINIC": ""}
    result = run_mkdocs(project.root, "-d", str(tmp_path / "uk"), env=env)
    assert result.ok, result.output
    page = (tmp_path / "uk" / "understanding/test-neck/index.html").read_text(encoding="utf-8")
    assert 'hreflang="en-US"' in page  # the switcher's link to the root edition
    assert 'href="tel:999"' in page  # the UK's emergency number: the UK edition was built
    # A link inside the edition that goes nowhere is still refused.
    project.edit(NECK, "[sciatica](test-sciatica.md)", "[sciatica](test-sciatica.md), [more](../more/)")
    result = run_mkdocs(project.root, "-d", str(tmp_path / "uk-again"), env=env)
    assert not result.ok and "the link ../more/ (<a href>) goes nowhere" in result.output, result.output
    assert "Traceback" not in result.output


def test_misspelt_clinic_is_refused_with_the_name_meant(project):
    shutil.copytree(ROOT / "content_src/clinics", project.content / "clinics", dirs_exist_ok=True)
    result = project.build(env={"GUIDE_CLINIC": "example-vally-pt"})
    assert not result.ok and "Traceback" not in result.output, result.output
    assert ("content_src/clinics/example-vally-pt/clinic.yml: no clinic profile 'example-vally-pt'\n"
            "      hint: did you mean 'example-valley-pt'? create content_src/clinics/example-vally-pt/clinic.yml, "
            "or use one of: example-street-physio, example-valley-pt") in result.output, result.output
    assert not result.site.exists() and leftovers(project.root) == []


def test_misspelt_edition_is_refused_with_the_name_meant(project):
    result = project.build("--edition", "ukk")
    assert not result.ok and "Traceback" not in result.output, result.output
    assert "content_src/site.yml: editions: no edition 'ukk'\n      hint: did you mean 'uk'? known editions: uk, es" in result.output, result.output
    assert not result.site.exists() and leftovers(project.root) == []
