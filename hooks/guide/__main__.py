"""Command line: `python -m guide lint | verify SITE_DIR | schema OUT_DIR` (run with hooks/ on PYTHONPATH)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pydantic import TypeAdapter

from . import build
from .content import models, translation_stamps, translation_status
from .content.brand import clinic_slugs, default_brand, edition_ids, select_brand
from .lint import project_errors
from .errors import ContentErrors
from .content.load import load_content

PROJECT = Path(__file__).resolve().parents[2]


def _load(root: Path):
    try:
        return load_content(root)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return None


def cmd_lint(args) -> int:
    content = _load(args.content)
    if content is None:
        return 1
    errors = project_errors(content, args.docs)
    translation_errors, stale = translation_status.lint_messages(content)
    errors += translation_errors
    for warning in stale:  # out of date, still published with a notice: a warning, not an error
        print(f"warning: {warning}", file=sys.stderr)
    if errors:
        print(ContentErrors(errors).report(), file=sys.stderr)
        return 1
    rows = [(a.grade.grade, a.grade.smog, a.path.relative_to(args.content).as_posix()) for a in content.articles]
    rows += [(e.grade.grade, e.grade.smog, e.path.relative_to(args.content).as_posix()) for e in content.exercises]
    if args.grades:
        # SMOG beside Flesch-Kincaid: it counts long words only, so a page full of
        # medical terms in short sentences shows up here even when its FK grade passes.
        print("  Flesch-Kincaid  SMOG  page")
        for grade, smog, name in sorted(rows, reverse=True):
            print(f"  {grade:14.1f}  {smog:4.1f}  {name}")
        for line in translation_status.reading_ease_lines(content):
            print(line)
    grades = sorted(g for g, _, _ in rows)
    median = grades[len(grades) // 2] if grades else 0
    print(f"OK: {len(content.articles)} articles, {len(content.exercises)} exercises, {len(clinic_slugs(content))} clinic profiles, "
          f"{len(content.sources)} sources; reading grade median {median:.1f}, hardest {max(grades, default=0):.1f} "
          f"(limit {content.rules.max_grade:g}).")
    return 0


def cmd_translations(args) -> int:
    content = _load(args.content)
    if content is None:
        return 1
    if args.action == "stamp":
        if not args.files:
            print("name the files to stamp: python -m guide translations stamp FILE...  (stamp only what you "
                  "translated or re-checked against the English)", file=sys.stderr)
            return 2
        for path in args.files:
            try:
                for line in translation_stamps.stamp_file(content, path, args.english_at):
                    print(f"stamped {line}")
            except ContentErrors as exc:
                print(exc.report(), file=sys.stderr)
                return 1
        return 0
    todo = 0
    for language in translation_status.present_languages(content):
        lines, count = translation_status.status_lines(content, language)
        print("\n".join(lines))
        todo += count
    print(f"{todo} thing(s) to translate, fix or re-check." if todo else "Every translation is current.")
    return 0


def cmd_verify(args) -> int:
    content = _load(args.content)
    if content is None:
        return 1
    try:
        select_brand(content, args.clinic) if args.clinic else default_brand(content)  # a broken profile stops here
    except ContentErrors as exc:
        print("Clinic profile errors:\n" + exc.report(), file=sys.stderr)
        return 1
    # The same checks the build makes before publishing: pages, pictures, data files, scripts.
    # Each edition the folder holds, checked against its own language's safety texts and the brand's number.
    try:
        if args.clinic:
            editions = [e for e in build.clinic_edition_builds(content, args.clinic) if not e.id or (args.site / e.id).is_dir()]
        else:
            editions = build.edition_builds(content, [e for e in edition_ids(content) if not e or (args.site / e).is_dir()])
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    try:
        build.check_site(args.site, content, editions, args.site_url, PROJECT)
    except build.BuildFailed as failed:
        for line in failed.details:
            print(line, file=sys.stderr)
        print(f"Check failed: {failed.what}. Do not publish this folder.", file=sys.stderr)
        return 1
    print(f"OK: every page in {args.site} has the disclaimer and warning-signs box, unchanged; "
          "pictures and data files are clean.")
    return 0


def schema_documents() -> dict[str, dict]:
    out = {}
    from .content.programme_texts import ProgrammeTexts  # content_src/programme.yml, the home-programme pages' words

    for name, model in {**models.SCHEMAS, "programme": ProgrammeTexts}.items():
        schema = TypeAdapter(model).json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema.setdefault("title", name)
        out[f"{name}.schema.json"] = schema
    return out


def cmd_schema(args) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, schema in schema_documents().items():
        (args.out / filename).write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(schema_documents())} schemas to {args.out}")
    return 0


def cmd_build(args) -> int:
    project = args.content.resolve().parent
    clinic = (args.clinic or "").strip()
    site_dir = (args.site_dir or build.default_site_dir(project, clinic)).resolve()
    editions = None if args.edition is None else tuple("" if e in ("", "root") else e for e in args.edition)
    try:
        options = build.BuildOptions(project=project, site_dir=site_dir, clinic=clinic, handouts=args.handouts,
                                     config_file=args.config_file.resolve() if args.config_file else None,
                                     editions=editions, engine=(args.engine or "mkdocs").strip().lower())
    except build.BuildFailed as failed:
        for line in failed.details:
            print(f"  {line}", file=sys.stderr)
        print(f"Build refused: {failed.what}. Nothing was built.", file=sys.stderr)
        return failed.exit_code
    return build.main(options)


def cmd_compile(args) -> int:
    from .engine.mkdocs_adapter import CompileFailed, compile_folder

    project = args.content.resolve().parent
    if args.clinic is not None:
        os.environ["GUIDE_CLINIC"] = args.clinic
    if args.edition is not None:
        os.environ["GUIDE_EDITION"] = "" if args.edition == "root" else args.edition
    try:
        config = compile_folder(project, (args.out or project / ".site.compiled").resolve(),
                                site_dir=args.site_dir.resolve() if args.site_dir else None)
    except CompileFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {config.parent} (build it with Zensical: zensical build -f {config}; MkDocs builds from mkdocs.yml)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide")
    parser.add_argument("--content", type=Path, default=PROJECT / "content_src", help="content folder")
    sub = parser.add_subparsers(dest="command", required=True)
    lint = sub.add_parser("lint", help="validate content without building the site")
    lint.add_argument("--docs", type=Path, default=PROJECT / "docs")
    lint.add_argument("--grades", action="store_true", help="list every page's reading grade")
    lint.set_defaults(func=cmd_lint)
    make = sub.add_parser("build", help="build, check every published file and publish atomically")
    make.add_argument("--clinic", default=os.environ.get("GUIDE_CLINIC", ""),
                      help="build a clinic's branded copy (content_src/clinics/<slug>) into site-<slug>/")
    make.add_argument("--handouts", action="store_true", default=bool(os.environ.get("GUIDE_HANDOUTS")),
                      help="also print one PDF per exercise and a home programme (needs Chromium)")
    make.add_argument("--site-dir", type=Path, default=None, help="where to publish (default site/ or site-<slug>/)")
    make.add_argument("--config-file", type=Path, default=None, help="the engine's config (default mkdocs.yml)")
    make.add_argument("--edition", action="append", default=None, metavar="ID",
                      help="build only this edition ('root' for the one at the site's root); repeatable; default all")
    make.add_argument("--engine", default=os.environ.get("GUIDE_ENGINE") or "mkdocs", metavar="NAME",
                      help=f"the engine that builds the compiled pages: {' or '.join(build.ENGINES)} (default mkdocs)")
    make.set_defaults(func=cmd_build)
    comp = sub.add_parser("compile", help="write the engine's input (pages with their boxes, nav, assets, mkdocs.yml) into a folder")
    comp.add_argument("--out", type=Path, default=None, help="the folder (default .site.compiled/)")
    comp.add_argument("--clinic", default=None, help="a clinic's branded copy (default: GUIDE_CLINIC)")
    comp.add_argument("--edition", default=None, help="one edition ('root' for the site's root; default: GUIDE_EDITION)")
    comp.add_argument("--site-dir", type=Path, default=None, help="where the engine writes the site (default: the folder's site/)")
    comp.set_defaults(func=cmd_compile)
    tr = sub.add_parser("translations", help="translation status, or stamp translated files with their English source's hash")
    tr.add_argument("action", choices=("status", "stamp"))
    tr.add_argument("files", type=Path, nargs="*", help="stamp: the translation files you translated or re-checked")
    tr.add_argument("--english-at", metavar="COMMIT", default=None,
                    help="stamp: hash the English as it stood at this commit (the version translated), not today's")
    tr.set_defaults(func=cmd_translations)
    check = sub.add_parser("verify", help="check built HTML pages for the safety boxes")
    check.add_argument("site", type=Path)
    check.add_argument("--clinic", default="", help="the clinic profile the site was built for (content_src/clinics/<slug>)")
    check.add_argument("--site-url", default=None, help="the site's own address (site_url), whose links are not external")
    check.set_defaults(func=cmd_verify)
    schema = sub.add_parser("schema", help="write JSON Schemas for editors' tools")
    schema.add_argument("out", type=Path, nargs="?", default=PROJECT / "content_src" / "schemas")
    schema.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
