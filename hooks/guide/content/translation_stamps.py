"""`python -m guide translations stamp FILE...`: record in a translation which English text it
was made from (its `source_hash`, guide.content.translations), after it was translated again and
reviewed; `--english-at COMMIT` stamps against the English of an earlier commit.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pydantic import BaseModel

from . import models, programme_texts
from ..findings import Finding
from ..errors import ContentErrors, ErrorCollector
from .loaded import Content
from .source_files import FRONT_MATTER, load_yaml_file, parse_yaml, split_front_matter
from .translations import (DOCS, PAGES, PROGRAMME, SAFETY, TRANSLATIONS, UI_FILE, article_hash, clinic_page_hash, digest,
                           disclaimer_hash, docs_folder, exercise_hash, first_screen_hash, glossary_hash, help_hash,
                           item_hash, normalise_body, opening_hours_hash, page_hash, programme_hash, text_hash, tier_hash)
from .validate import load_one


def _set_line(text: str, line: int | None, indent: str, value: str, after_first: bool) -> str:
    """Write `source_hash: "value"` at `line` (1-based) when it is the key's line; else insert it."""
    rows = text.split("\n")
    entry = f'{indent}source_hash: "{value}"'
    if line is not None and re.match(r"\s*(- )?source_hash:", rows[line - 1]):
        prefix = re.match(r"(\s*(?:- )?)source_hash:", rows[line - 1]).group(1)
        rows[line - 1] = f'{prefix}source_hash: "{value}"'
    else:
        at = (line or 1) if after_first else (line or 1) - 1
        rows.insert(at, entry)
    return "\n".join(rows)


def _raw_texts(model_cls, data, loc: tuple = ()):
    """As guide.content.patient_text.texts, over parsed YAML instead of a model: for an English file as
    it stood at an older commit, which today's models need not accept. Text is stripped, as
    the models strip it, so both give the same hash for the same text."""
    for name in getattr(model_cls, "patient_text", ()):
        value = data.get(name) if isinstance(data, dict) else None
        annotation = model_cls.model_fields[name].annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _raw_texts(annotation, value, (*loc, name))
        else:
            yield from _raw_walk(value, (*loc, name))


def _raw_walk(value, loc: tuple):
    if isinstance(value, str):
        yield loc, value.strip()
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _raw_walk(item, (*loc, index))


def _git_show(content: Content, commit: str, rel: str) -> str:
    """content_src/<rel> as it stood at `commit`."""
    out = subprocess.run(["git", "-C", str(content.root), "show", f"{commit}:./{rel}"], capture_output=True, text=True,
                         timeout=30)
    if out.returncode != 0:
        raise ContentErrors([Finding(f"content_src/{rel}", None, "", f"not found at commit {commit}",
                                          f"git said: {out.stderr.strip()[:200]}")])
    return out.stdout


class _EnglishAt:
    """English hashes of the files as they stood at one commit (`stamp --english-at`)."""

    def __init__(self, content: Content, commit: str):
        self.content, self.commit = content, commit

    def _yaml(self, rel: str):
        errors = ErrorCollector(self.content.root)
        parsed = parse_yaml(_git_show(self.content, self.commit, rel), self.content.root / rel, errors)
        if parsed is None:
            raise ContentErrors(errors.errors)
        return parsed[0]

    def article(self, slug: str) -> str:
        text = _git_show(self.content, self.commit, f"articles/{slug}.md")
        match = FRONT_MATTER.match(text)
        meta = self._parse(match.group(1) or "") if match else {}
        body = text[match.end():] if match else text
        return digest([*_raw_texts(models.ArticleMeta, meta), (("body",), normalise_body(body))])

    def _parse(self, text: str):
        errors = ErrorCollector(self.content.root)
        parsed = parse_yaml(text, self.content.root, errors)
        if parsed is None:
            raise ContentErrors(errors.errors)
        return parsed[0] or {}

    def exercise(self, slug: str) -> str:
        return digest(_raw_texts(models.Exercise, self._yaml(f"exercises/{slug}.yml")))

    def page(self, rel: str) -> str:
        text = _git_show(self.content, self.commit, f"../{DOCS}/{rel}")
        match = FRONT_MATTER.match(text)
        meta = self._parse(match.group(1) or "") if match else {}
        return page_hash(meta if isinstance(meta, dict) else {}, text[match.end():] if match else text)

    def programme(self) -> str:
        data = self._yaml(programme_texts.TEXTS_FILE)
        return programme_hash(data if isinstance(data, dict) else {})

    def glossary(self) -> dict[str, str]:
        out = {}
        for item in self._yaml("glossary.yml") or []:
            if isinstance(item, dict) and isinstance(item.get("term"), str):
                out[item["term"].strip()] = digest([(("term",), item["term"].strip()),
                                                     (("also",), "\n".join(a.strip() for a in item.get("also") or [])),
                                                     (("definition",), str(item.get("definition", "")).strip())])
        return out


def stamp_file(content: Content, path: Path, english_at: str | None = None) -> list[str]:
    """Write the English hashes into one translation file; returns what was stamped.

    `english_at`: hash the English as it stood at that commit (the version translated),
    not today's; a page whose English changed since then is then shown as out of date."""
    path = path.resolve()
    errors = ErrorCollector(content.root)
    text = path.read_text(encoding="utf-8")
    done: list[str] = []
    clinics = (content.root / "clinics").resolve()
    if clinics in path.parents:
        if english_at:
            raise ContentErrors([Finding(errors.rel(path), None, "", "a clinic's texts are stamped only against today's English",
                                              "stamp without --english-at")])
        return _stamp_clinic_file(content, path, clinics)
    if path == (content.root / UI_FILE).resolve():
        if english_at:
            raise ContentErrors([Finding(errors.rel(path), None, "", "the urgent-advice routes are safety texts, "
                                              "stamped only against today's English", "stamp without --english-at")])
        return _stamp_ui_file(content, path)
    lang_root = next((p for p in path.parents if p.parent.name == TRANSLATIONS), None)
    rel = path.relative_to(lang_root).as_posix() if lang_root else path.name
    old = _EnglishAt(content, english_at) if english_at else None
    if rel.startswith("articles/") and path.suffix == ".md":
        english = content.article(path.stem)
        source = split_front_matter(path, errors, required=True)
        if english is None or source is None:
            raise ContentErrors(errors.errors or [Finding(str(path), None, "", f"no English article '{path.stem}'", "")])
        value = old.article(path.stem) if old else article_hash(english)
        line = source.lines.lines.get(("source_hash",))
        text = _set_line(text, None if line is None else line + source.lines.offset, "", value, True)
        done.append(f"{rel}: {value}")
    elif rel.startswith(PAGES + "/") and path.suffix == ".md":
        page = rel.removeprefix(PAGES + "/")
        english_path = docs_folder(content) / page
        source = split_front_matter(path, errors, required=True)
        english = split_front_matter(english_path, errors, required=False) if english_path.is_file() else None
        if english is None or source is None:
            raise ContentErrors(errors.errors or [Finding(str(path), None, "", f"no English page docs/{page}", "")])
        value = old.page(page) if old else page_hash(english.meta, english.body)
        line = source.lines.lines.get(("source_hash",))
        text = _set_line(text, None if line is None else line + source.lines.offset, "", value, True)
        done.append(f"{rel}: {value}")
    elif rel == PROGRAMME:
        english = programme_texts.load_texts(content)
        if english is None:
            raise ContentErrors([Finding(str(path), None, "", f"no English {programme_texts.TEXTS_FILE}", "")])
        value = old.programme() if old else programme_hash(english.model_dump())
        parsed = load_yaml_file(path, errors)
        line = parsed[1].lines.get(("source_hash",)) if parsed else None
        text = _set_line(text, line, "", value, False) if line else f'source_hash: "{value}"\n' + text
        done.append(f"{rel}: {value}")
    elif rel.startswith("exercises/"):
        english = next((e for e in content.exercises if e.slug == path.stem), None)
        if english is None:
            raise ContentErrors([Finding(str(path), None, "", f"no English exercise '{path.stem}'", "")])
        value = old.exercise(path.stem) if old else exercise_hash(english)
        parsed = load_yaml_file(path, errors)
        line = parsed[1].lines.get(("source_hash",)) if parsed else None
        text = _set_line(text, line, "", value, False) if line else f'source_hash: "{value}"\n' + text
        done.append(f"{rel}: {value}")
    else:
        if old and rel.startswith(SAFETY + "/"):
            raise ContentErrors([Finding(errors.rel(path), None, "", "safety texts are stamped only against today's English",
                                              "translate the current content_src/safety/ text, have it reviewed, then stamp "
                                              "without --english-at")])
        parsed = load_yaml_file(path, errors)
        if parsed is None:
            raise ContentErrors(errors.errors)
        data, lines = parsed
        targets = _yaml_targets(content, rel, data, old)
        # From the bottom up, so inserted lines do not move the ones still to write.
        for loc, value in sorted(targets, key=lambda t: lines.line(t[0]), reverse=True):
            key_line = lines.lines.get((*loc, "source_hash"))
            row = text.split("\n")[lines.line(loc) - 1]
            if not loc:
                indent = ""
            elif row.lstrip().startswith("- "):  # a list item: its keys start after the dash
                indent = " " * (len(row) - len(row.lstrip(" -")))
            else:  # a mapping's key line ('emergency:'): its keys are indented below it
                indent = " " * (len(row) - len(row.lstrip()) + 2)
            if key_line is not None:
                text = _set_line(text, key_line, indent, value, True)
            else:  # a new key: just below the item's first line (the top of the file for the whole file)
                rows = text.split("\n")
                rows.insert(lines.line(loc) if loc else 0, f'{indent}source_hash: "{value}"')
                text = "\n".join(rows)
            done.append(f"{rel}: {'.'.join(map(str, loc)) or '(file)'}: {value}")
    path.write_text(text, encoding="utf-8")
    return done


def _stamp_ui_file(content: Content, path: Path) -> list[str]:
    """ui.yml: each language's urgent-advice route by country gets the hash of the country's English
    route, in `urgent_advice_source_hash:` (written just below `urgent_advice:` when it is new)."""
    errors = ErrorCollector(content.root)
    rel = errors.rel(path)
    parsed = load_yaml_file(path, errors)
    if parsed is None:
        raise ContentErrors(errors.errors)
    data, lines = parsed
    rows = path.read_text(encoding="utf-8").split("\n")
    done: list[str] = []
    languages_ = [lang for lang, words in (data or {}).items() if lang != "en" and isinstance(words, dict)
                  and isinstance(words.get("urgent_advice"), dict)]
    # From the bottom up, so inserted lines do not move the ones still to write.
    for lang in sorted(languages_, key=lambda lang: lines.line((lang,)), reverse=True):
        routes = data[lang]["urgent_advice"]
        stamps = data[lang].get("urgent_advice_source_hash")
        head = lines.line((lang, "urgent_advice"))
        indent = " " * (len(rows[head - 1]) - len(rows[head - 1].lstrip()))
        new_rows = []
        for code in routes:
            if code not in content.countries:
                continue  # not a country of countries.yml: reported by lint
            value = text_hash(content.countries[code].urgent_advice)
            at = lines.lines.get((lang, "urgent_advice_source_hash", code)) if isinstance(stamps, dict) else None
            if at is not None:
                rows[at - 1] = re.sub(r"^(\s*)\S+:.*$", rf'\g<1>{code}: "{value}"', rows[at - 1])
            else:
                new_rows.append(f'{indent}  {code}: "{value}"')
            done.append(f"{rel}: {lang}.urgent_advice_source_hash.{code}: {value}")
        if new_rows and isinstance(stamps, dict):
            at = lines.line((lang, "urgent_advice_source_hash"))
            rows[at:at] = new_rows
        elif new_rows:  # a new block, just after the last route
            last = max(lines.line((lang, "urgent_advice", code)) for code in routes)
            rows[last:last] = [f"{indent}urgent_advice_source_hash:", *new_rows]
    path.write_text("\n".join(rows), encoding="utf-8")
    return done


def _stamp_clinic_file(content: Content, path: Path, clinics: Path) -> list[str]:
    """clinic.yml (each language's opening hours and urgent-advice route) or a page of pages/<lang>/."""
    from .brand import CLINIC_FILE, PAGES_DIR

    errors = ErrorCollector(content.root)
    rel = errors.rel(path)
    folder = clinics / path.relative_to(clinics).parts[0]
    text = path.read_text(encoding="utf-8")
    done: list[str] = []
    if path.name == CLINIC_FILE:
        profile, lines = load_one(path, models.ClinicProfile, errors)
        if profile is None:
            raise ContentErrors(errors.errors)
        targets = []
        for lang, texts in profile.translations.items():
            targets.append(((lang, "source_hash"), opening_hours_hash(profile.opening_hours)))
            if profile.urgent_advice and texts.urgent_advice:
                targets.append(((lang, "urgent_advice_source_hash"), text_hash(profile.urgent_advice)))
        # From the bottom up, so inserted lines do not move the ones still to write.
        for (lang, key), value in sorted(targets, key=lambda t: lines.lines.get(("translations", *t[0]), lines.line(("translations", t[0][0]))),
                                    reverse=True):
            rows = text.split("\n")
            at = lines.lines.get(("translations", lang, key))
            if at is not None:
                rows[at - 1] = re.sub(r"^(\s*)\S+:.*$", rf'\g<1>{key}: "{value}"', rows[at - 1])
            else:  # a new key: just below 'es:'
                head = lines.line(("translations", lang))
                indent = " " * (len(rows[head - 1]) - len(rows[head - 1].lstrip()) + 2)
                rows.insert(head, f'{indent}{key}: "{value}"')
            text = "\n".join(rows)
            done.append(f"{rel}: translations.{lang}.{key}: {value}")
    elif path.suffix == ".md" and path.parent.parent.name == PAGES_DIR:
        english = folder / PAGES_DIR / path.name
        source = split_front_matter(path, errors, required=False)
        value = clinic_page_hash(english, errors) if english.is_file() else None
        if value is None or source is None:
            raise ContentErrors(errors.errors or [Finding(rel, None, "", f"no English page {errors.rel(english)}", "")])
        if not source.meta:
            text = f'---\nsource_hash: "{value}"\n---\n' + text
        else:
            line = source.lines.lines.get(("source_hash",))
            text = _set_line(text, None if line is None else line + source.lines.offset, "", value, True)
        done.append(f"{rel}: {value}")
    else:
        raise ContentErrors([Finding(rel, None, "", "not a clinic translation",
                                          f"stamp a clinic's {CLINIC_FILE} or a page of its {PAGES_DIR}/<language>/")])
    path.write_text(text, encoding="utf-8")
    return done


def _yaml_targets(content: Content, rel: str, data, old: _EnglishAt | None = None) -> list[tuple[tuple, str]]:
    if rel == "safety/disclaimer.yml":
        return [((), disclaimer_hash(content.disclaimer))]
    if rel == "safety/red_flags.yml":
        flags = content.red_flags
        out = []
        tiers = data.get("tiers") if isinstance(data, dict) else None
        for severity in models.SEVERITIES:
            if isinstance(tiers, dict) and isinstance(tiers.get(severity), dict):
                out.append((("tiers", severity), tier_hash(flags.tiers.of(severity))))
        for i, note in enumerate(data.get("notes") or [] if isinstance(data, dict) else []):
            if i < len(flags.notes) and isinstance(note, dict):
                out.append((("notes", i), text_hash(flags.notes[i])))
        if isinstance(data, dict) and isinstance(data.get("help"), dict):
            out.append((("help",), help_hash(flags.help)))
        if isinstance(data, dict) and isinstance(data.get("first_screen"), dict):
            out.append((("first_screen",), first_screen_hash(flags.first_screen)))
        sets = {e.id: text_hash(e.title) for e in flags.sets}
        items = {e.id: item_hash(e) for e in flags.items}
        for kind, english in (("sets", sets), ("items", items)):
            for i, item in enumerate(data.get(kind) or [] if isinstance(data, dict) else []):
                if isinstance(item, dict) and item.get("id") in english:
                    out.append(((kind, i), english[item["id"]]))
        return out
    if rel == "glossary.yml":
        english = old.glossary() if old else {g.term: glossary_hash(g) for g in content.glossary}
        return [((i,), english[item["source_term"]]) for i, item in enumerate(data or [])
                if isinstance(item, dict) and item.get("source_term") in english]
    raise ContentErrors([Finding(rel, None, "", "not a translation file",
                                      "stamp files in content_src/translations/<lang>/ (articles, exercises, glossary.yml, safety)")])
