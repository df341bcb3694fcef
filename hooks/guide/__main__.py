"""Command line: `python -m guide lint | verify SITE_DIR | schema OUT_DIR` (run with hooks/ on PYTHONPATH)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from . import models, verify
from .brand import default_brand, select_brand
from .docs_pages import check_front_matter
from .errors import ContentErrors
from .load import load_content

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
    errors = check_front_matter(args.docs, content)
    if errors:
        print(ContentErrors(errors).report(), file=sys.stderr)
        return 1
    rows = [(a.grade.grade, a.path.relative_to(args.content).as_posix()) for a in content.articles]
    rows += [(e.grade.grade, e.path.relative_to(args.content).as_posix()) for e in content.exercises]
    if args.grades:
        for grade, name in sorted(rows, reverse=True):
            print(f"  grade {grade:4.1f}  {name}")
    grades = sorted(g for g, _ in rows)
    median = grades[len(grades) // 2] if grades else 0
    print(f"OK: {len(content.articles)} articles, {len(content.exercises)} exercises, "
          f"{len(content.sources)} sources; reading grade median {median:.1f}, hardest {max(grades, default=0):.1f} "
          f"(limit {content.rules.max_grade:g}).")
    return 0


def cmd_verify(args) -> int:
    content = _load(args.content)
    if content is None:
        return 1
    try:
        brand = select_brand(content, args.clinic) if args.clinic else default_brand(content)
    except ContentErrors as exc:
        print("Clinic profile errors:\n" + exc.report(), file=sys.stderr)
        return 1
    problems = verify.verify_site(args.site, verify.Expectations(content, brand, args.site_url))
    if problems:
        print(verify.report(problems, consequence="Do not publish this folder."), file=sys.stderr)
        return 1
    print(f"OK: every page in {args.site} has the disclaimer and warning-signs box, unchanged.")
    return 0


def schema_documents() -> dict[str, dict]:
    out = {}
    from .programme import ProgrammeTexts  # content_src/programme.yml, the home-programme pages' words

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide")
    parser.add_argument("--content", type=Path, default=PROJECT / "content_src", help="content folder")
    sub = parser.add_subparsers(dest="command", required=True)
    lint = sub.add_parser("lint", help="validate content without building the site")
    lint.add_argument("--docs", type=Path, default=PROJECT / "docs")
    lint.add_argument("--grades", action="store_true", help="list every page's reading grade")
    lint.set_defaults(func=cmd_lint)
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
