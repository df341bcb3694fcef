"""Checks of everything an editor can change besides articles and exercises.

`python -m guide lint` runs these after loading content: hand-written pages in
docs/, every clinic profile with its pages and logo, and every SVG picture
(content_src/, docs/, clinic folders) against the allow-list. The build runs
the same checks on what it publishes; lint finds the problem before a build.
"""

from __future__ import annotations

from pathlib import Path

from .checks import svg
from .findings import Finding
from .content.brand import clinic_slugs, load_clinic
from .content.docs_pages import check_front_matter
from .errors import ErrorCollector
from .content.loaded import Content


def clinic_errors(content: Content) -> list[Finding]:
    """Every clinic profile, validated as `make build CLINIC=<slug>` would."""
    errors = ErrorCollector(content.root)
    for slug in clinic_slugs(content):
        clinic = load_clinic(content, slug, errors)
        if clinic is not None:
            errors.errors.extend(check_front_matter(clinic.folder / "pages", content))
    return errors.errors


def svg_errors(content: Content, docs_dir: Path) -> list[Finding]:
    errors = ErrorCollector(content.root)
    project = content.root.parent
    for folder in (content.root, docs_dir):
        for problem in svg.check_svg_files(svg.svg_files(folder), project):
            errors.add(project / problem.file, problem.line, "", problem.message,
                       "pictures may only draw: no scripts, event handlers, embedded HTML or links to other files")
    return errors.errors


def project_errors(content: Content, docs_dir: Path) -> list[Finding]:
    return check_front_matter(docs_dir, content, words=True) + clinic_errors(content) + svg_errors(content, docs_dir)
