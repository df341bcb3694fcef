"""Language editions: Spanish translation files, their status against English (source_hash),
the Spanish text rules and reading-ease formula, the Spanish safety texts and the /es/ build."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from guide.content import readability, translation_stamps, translation_status, translations
from guide.pages import paths
from guide.errors import ContentErrors, ErrorCollector
from guide.content.load import load_content

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """---
source_hash: ""
translated: 2026-11-30
translator: Editorial team (Spanish translation)
title: ¿Qué es la ciática?
summary: La ciática es un dolor que baja desde la parte baja de la espalda por una pierna.
answer: La ciática es un dolor que baja por la pierna. Pasa cuando algo aprieta un nervio de la espalda baja.
key_points:
  - La mayoría de las personas mejora en unas semanas.
  - Siga moviéndose tanto como pueda.
keywords: [ciática, ciatica, dolor que baja por la pierna, nervio pinzado]
---

## Cómo se siente

El dolor puede ser fuerte. Puede arder o dar hormigueo. Puede empeorar al toser.
Vea también [la página del cuello](test-neck.md).

## Qué puede hacer

Siga tan activo como pueda. Pida consejo a [[urgent-advice]] si la pierna se debilita.
"""
ARTICLE_PATH = "content_src/translations/es/articles/test-sciatica.md"


def guide(project, *args: str) -> subprocess.CompletedProcess:
    from helpers import build_env, guide_command

    return subprocess.run([*guide_command(project.root), *args], cwd=project.root, env=build_env(),
                          capture_output=True, text=True, timeout=300)


def add_article(project, stamp: bool = True) -> None:
    project.write(ARTICLE_PATH, ARTICLE)
    if stamp:
        done = guide(project, "translations", "stamp", ARTICLE_PATH)
        assert done.returncode == 0, done.stderr


def _load(project):
    content = load_content(project.content)
    errors = ErrorCollector(content.root)
    return translations.load_translations(content, "es", errors), errors


# ---------------------------------------------------------------- files, status, stamping
def test_stamped_translation_is_current_and_a_changed_english_text_makes_it_out_of_date(project):
    add_article(project)
    tr, errors = _load(project)
    assert not errors.errors, [e.format() for e in errors.errors]
    assert tr.articles["test-sciatica"].current
    project.edit("content_src/articles/test-sciatica.md", "The pain can be sharp.", "The pain can be sharp or dull.")
    tr, _ = _load(project)
    assert not tr.articles["test-sciatica"].current
    lint = guide(project, "lint")
    assert lint.returncode == 0, lint.stderr  # out of date is published with a notice: a warning
    assert "warning: content_src/translations/es/articles/test-sciatica.md: out-of-date translation" in lint.stderr
    status = guide(project, "translations", "status")
    assert "out of date: content_src/translations/es/articles/test-sciatica.md" in status.stdout


def test_keywords_and_blank_lines_do_not_make_a_translation_out_of_date():
    content = load_content(ROOT / "content_src")
    article = content.articles[0]
    base = translations.article_hash(article)
    same = dataclasses.replace(article, body=article.body + "\n\n", meta=article.meta.model_copy(update={"keywords": ["x"]}))
    assert translations.article_hash(same) == base
    changed = dataclasses.replace(article, meta=article.meta.model_copy(update={"answer": article.meta.answer + " More."}))
    assert translations.article_hash(changed) != base
    assert translations.article_hash(dataclasses.replace(article, body=article.body + " x")) != base
    assert base.startswith("sha256:") and len(base) == 23


def test_hashes_of_an_older_commit_agree_with_todays_for_unchanged_files():
    """`stamp --english-at` reads English from git without today's models: for the commit
    checked out, it must give exactly the hash the build compares with."""
    content = load_content(ROOT / "content_src")
    head = translation_stamps._EnglishAt(content, "HEAD")
    assert [a.slug for a in content.articles if head.article(a.slug) != translations.article_hash(a)] == []
    assert [e.slug for e in content.exercises if head.exercise(e.slug) != translations.exercise_hash(e)] == []
    old = head.glossary()
    assert [g.term for g in content.glossary if old.get(g.term) != translations.glossary_hash(g)] == []
    tr = translations.load_translations(content, "es", ErrorCollector(content.root))
    assert tr.docs and [rel for rel, t in tr.docs.items() if head.page(rel) != t.english_hash] == []
    assert head.programme() == tr.programme.english_hash


def test_the_real_translations_are_stamped_against_the_english_they_translate():
    """Every Spanish page, exercise and glossary term exists and is stamped (an English edit
    after the stamp is allowed: the page then shows its notice and lint lists it)."""
    content = load_content(ROOT / "content_src")
    tr = translations.load_translations(content, "es", ErrorCollector(content.root))
    assert len(tr.articles) == len(content.articles) and len(tr.exercises) == len(content.exercises)
    for t in [*tr.articles.values(), *tr.exercises.values(), *tr.docs.values(), tr.programme, *tr.glossary]:
        assert t.data.source_hash, t.path


def test_stamp_writes_the_hash_of_the_english_at_a_commit(project, tmp_path):
    add_article(project, stamp=False)
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A"], cwd=project.root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "v1"],
                   cwd=project.root, check=True)
    project.edit("content_src/articles/test-sciatica.md", "The pain can be sharp.", "The pain can be sharp or dull.")
    done = guide(project, "translations", "stamp", ARTICLE_PATH, "--english-at", "HEAD")
    assert done.returncode == 0, done.stderr
    tr, _ = _load(project)
    assert not tr.articles["test-sciatica"].current  # stamped against the committed English, not today's
    done = guide(project, "translations", "stamp", ARTICLE_PATH)
    tr, _ = _load(project)
    assert tr.articles["test-sciatica"].current
    assert (project.root / ARTICLE_PATH).read_text(encoding="utf-8").count("source_hash:") == 1


def test_stamp_needs_named_files(project):
    result = guide(project, "translations", "stamp")
    assert result.returncode == 2 and "name the files" in result.stderr


def test_list_lengths_must_match_english(project):
    add_article(project)
    # Stamped first: the structure is compared with the English the translation is current with.
    project.edit(ARTICLE_PATH, "  - Siga moviéndose tanto como pueda.\n",
                 "  - Siga moviéndose tanto como pueda.\n  - Camine un poco.\n")
    _, errors = _load(project)
    assert any(e.file.endswith("es/articles/test-sciatica.md") and e.field == "key_points" and e.line == 8
               and "3 item(s); the English file has 2" in e.message for e in errors.errors), [e.format() for e in errors.errors]


def test_spanish_forbidden_wording_is_refused_with_its_location(project):
    add_article(project, stamp=False)
    project.edit(ARTICLE_PATH, "El dolor puede ser fuerte.",
                 "Usted tiene ciática. Este ejercicio cura el dolor y le da alivio inmediato con Tylenol.")
    _, errors = _load(project)
    found = [e for e in errors.errors if e.field == "body"]
    messages = " | ".join(e.message for e in found)
    assert "'Usted tiene ciática'" in messages and "diagnosticar" in messages
    assert "'cura'" in messages and "'alivio inmediato'" in messages and "'Tylenol'" in messages
    assert all(e.line == 16 for e in found), [e.format() for e in found]
    project.edit(ARTICLE_PATH, "Usted tiene ciática. Este ejercicio cura el dolor", "La ciática no tiene cura rápida. Llame al 911")
    _, errors = _load(project)
    messages = " | ".join(e.message for e in errors.errors)
    assert "'cura'" not in messages and "'911' looks like an emergency" in messages


def test_english_only_placeholders_are_refused_in_spanish(project):
    add_article(project, stamp=False)
    project.edit(ARTICLE_PATH, "El dolor puede ser fuerte.", "Vaya a la [[er]].")
    _, errors = _load(project)
    assert any(e.line == 16 and "unknown placeholder '[[er]]'" in e.message for e in errors.errors), \
        [e.format() for e in errors.errors]


def test_unknown_article_and_bad_heading_count_are_located(project):
    add_article(project)
    project.write("content_src/translations/es/articles/no-such-page.md", ARTICLE)
    project.edit(ARTICLE_PATH, "## Cómo se siente\n", "")
    _, errors = _load(project)
    formatted = [e.format() for e in errors.errors]
    assert any("no-such-page.md: no English article 'no-such-page'" in f for f in formatted), formatted
    assert any("test-sciatica.md:13: body: 1 '## ' heading(s); the English body has 2" in f for f in formatted), formatted


def test_lint_fails_on_a_bad_translation_with_file_line_field_and_hint(project):
    add_article(project, stamp=False)
    project.edit(ARTICLE_PATH, "translated: 2026-11-30", "translated: 2026-02-30")
    result = guide(project, "lint")
    assert result.returncode == 1
    assert "content_src/translations/es/articles/test-sciatica.md:3: translated:" in result.stderr, result.stderr
    assert "not a real date" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- Spanish reading ease
@pytest.mark.parametrize("word,count", [
    ("ciática", 3), ("hormigueo", 4), ("adormecimiento", 6), ("fisioterapia", 5), ("pierna", 2), ("que", 1),
    ("guerra", 2), ("pingüino", 3), ("día", 2), ("país", 2), ("leer", 2), ("aéreo", 4), ("ahora", 3), ("hoy", 1),
    ("muy", 1), ("buey", 1), ("y", 1), ("continúa", 4), ("rehabilitación", 6), ("nervio", 2), ("caer", 2),
])
def test_spanish_syllables(word, count):
    assert readability.spanish_syllables(word) == count


def test_szigriszt_values_on_known_sentences():
    # 206.835 - 62.3 x 19/11 - 11/2 = 93.7: short words in short sentences, "muy fácil".
    easy = readability.measure_spanish("El dolor baja por la pierna. Camine un poco cada día.")
    assert (easy.words, easy.sentences, easy.syllables, easy.score, easy.band) == (11, 2, 19, 93.7, "muy fácil")
    hard = readability.measure_spanish(
        "La radiculopatía lumbosacra sintomática frecuentemente requiere evaluación neurológica especializada "
        "mediante electromiografía complementaria.")
    assert hard.words == 12 and hard.score < 40 and hard.band == "muy difícil"
    assert readability.szigriszt(100, 5, 180) == pytest.approx(206.835 - 62.3 * 1.8 - 20)
    assert readability.inflesz_band(55) == "normal" and readability.inflesz_band(64.9) == "normal"
    assert readability.inflesz_band(65) == "bastante fácil"


def test_hard_spanish_sentence_is_refused_with_its_line(project):
    add_article(project, stamp=False)
    project.edit(ARTICLE_PATH, "Puede arder o dar hormigueo.",
                 "La radiculopatía lumbosacra sintomática frecuentemente requiere evaluación neurológica especializada "
                 "mediante electromiografía complementaria.")  # 12 words: short sentences are not judged alone
    _, errors = _load(project)
    found = [e for e in errors.errors if "reading ease" in e.message and e.field == "body"]
    assert found and found[0].line == 16 and "INFLESZ" in found[0].message, [e.format() for e in errors.errors]


def test_a_hard_spanish_page_is_refused_and_named(project):
    add_article(project, stamp=False)
    hard = ("La radiculopatía lumbosacra requiere evaluación neurológica. " * 6).strip()
    project.edit(ARTICLE_PATH, "Siga tan activo como pueda.", hard)
    _, errors = _load(project)
    found = [e for e in errors.errors if e.field == "text" and "is below 55" in e.message]
    assert found and found[0].file.endswith("test-sciatica.md") and "hardest" in found[0].hint, \
        [e.format() for e in errors.errors]


def test_lint_grades_lists_spanish_reading_ease(project):
    add_article(project)
    result = guide(project, "lint", "--grades")
    assert result.returncode == 0, result.stderr
    assert "INFLESZ (es; higher is easier; at least 55, aim 65)" in result.stdout
    assert "translations/es/articles/test-sciatica.md" in result.stdout


# ---------------------------------------------------------------- Spanish safety texts
SAFETY_FILES = ("disclaimer.yml", "red_flags.yml")


def add_safety(project) -> None:
    """The real Spanish safety texts, stamped against the real English ones the project copies."""
    for name in SAFETY_FILES:
        source = ROOT / "content_src/translations/es/safety" / name
        project.write(f"content_src/translations/es/safety/{name}", source.read_text(encoding="utf-8"))


def test_the_real_spanish_safety_texts_are_complete_current_and_reviewed():
    content = load_content(ROOT / "content_src")
    tr = translations.load(content, "es", pages=False)  # raises if any text is missing or out of date
    assert [i.id for i in tr.red_flags.items] == [i.id for i in content.red_flags.items]
    assert [s.id for s in tr.red_flags.sets] == [s.id for s in content.red_flags.sets]
    assert len(tr.red_flags.notes) == len(content.red_flags.notes)
    assert tr.disclaimer.title != content.disclaimer.title
    assert all(a.text != b.text for a, b in zip(tr.red_flags.items, content.red_flags.items))
    assert "{emergency}" in tr.red_flags.tiers.emergency.heading and "{urgent}" in tr.red_flags.tiers.urgent.action


def test_a_changed_english_warning_sign_names_its_stale_translation(project):
    add_safety(project)
    project.edit("content_src/safety/red_flags.yml", "These can be signs of a stroke.", "These can be signs of a stroke or a bleed.")
    with pytest.raises(ContentErrors) as failed:
        translations.load(load_content(project.content), "es", pages=False)
    report = failed.value.report()
    assert "content_src/translations/es/safety/red_flags.yml:" in report
    assert "items[0] (stroke): the English text changed after this translation" in report, report
    assert report.count("the English text changed") == 1, report  # only the sign that changed


def test_a_changed_link_under_the_emergency_strip_names_its_stale_translation(project):
    add_safety(project)
    project.edit("content_src/safety/red_flags.yml", 'more: "All warning signs and what to do"',
                 'more: "Every warning sign, and what to do"')
    with pytest.raises(ContentErrors) as failed:
        translations.load(load_content(project.content), "es", pages=False)
    report = failed.value.report()
    assert "first_screen: the English text changed after this translation" in report, report
    assert report.count("the English text changed") == 1, report


def test_a_new_english_warning_sign_without_translation_is_named(project):
    add_safety(project)
    project.edit("content_src/safety/red_flags.yml", "  - id: night-pain\n",
                 "  - id: new-sign\n    severity: urgent\n    sets: [general]\n    short: A new sign\n    text: A new sign for the test.\n"
                 "  - id: night-pain\n")
    with pytest.raises(ContentErrors) as failed:
        translations.load(load_content(project.content), "es", pages=False)
    assert "items[new-sign]: no translation of the English item 'new-sign' (new in English)" in failed.value.report()


def test_a_spanish_tier_without_its_placeholder_is_a_located_error(project):
    add_safety(project)
    project.edit("content_src/translations/es/safety/red_flags.yml", '"Llame al {emergency} ahora si', '"Llame ahora si')
    with pytest.raises(ContentErrors) as failed:
        translations.load(load_content(project.content), "es", pages=False)
    report = failed.value.report()
    assert "red_flags.yml:27: tiers.emergency.heading: {emergency} missing" in report, report


# ---------------------------------------------------------------- the Spanish edition (/es/)
def tree(path: Path):
    from lxml import html

    return html.fromstring(path.read_bytes())


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    """The mini project with one translated article (stamped: current) and the Spanish safety texts."""
    from helpers import make_project

    project = make_project(tmp_path_factory.mktemp("spanish") / "project")
    add_article(project)
    result = project.build("--edition", "root", "--edition", "es")
    assert result.ok, result.output
    return project


def test_spanish_pages_are_under_es_in_spanish_with_the_spanish_safety_texts(spanish):
    page = tree(spanish.site / "es/understanding/test-sciatica/index.html")
    assert page.get("lang") == "es"
    assert page.xpath("//h1/text()") == ["¿Qué es la ciática?"]
    box = page.xpath('//aside[@data-safety="red-flags"]')[0]
    assert box.get("aria-label") == "Señales de alarma"
    assert box.xpath('.//a[@class="pn-call"]/text()') == ["Llame al 911"]
    assert "Llame al 911 ahora si tiene alguna de estas señales" in " ".join(box.text_content().split())
    disclaimer = page.xpath('//*[@data-safety="disclaimer"]//h2/text()')
    assert disclaimer == ["Acerca de esta información"]
    assert page.xpath('//h2[@id="when-to-get-help"]/text()') == ["Cuándo buscar ayuda"]
    assert "Puntos clave" in page.text_content() and "Key points" not in page.text_content()
    # [[urgent-advice]] in Spanish: the route in the language's words (ui.yml), same country
    assert "su médico o un centro de atención de urgencias" in page.text_content()
    home = tree(spanish.site / "es/index.html")
    assert home.get("lang") == "es" and home.xpath('//a[@href="understanding/test-sciatica/"]')


def test_untranslated_pages_are_not_published_in_spanish_and_not_linked_to_it(spanish):
    assert not (spanish.site / "es/understanding/test-neck/index.html").exists()
    assert not (spanish.site / "es/about/index.html").exists()
    assert not (spanish.site / "es/programme/index.html").exists()  # no exercises and no programme.yml translation here
    english = tree(spanish.site / "understanding/test-neck/index.html")
    assert english.xpath('//nav[@class="pn-languages"]') == []


def test_the_language_switch_pairs_each_page_with_its_counterpart(spanish):
    english = tree(spanish.site / "understanding/test-sciatica/index.html")
    link = english.xpath('//nav[@class="pn-languages"]/a')
    assert [(a.get("href"), a.get("hreflang"), a.get("lang"), a.text) for a in link] == \
        [("../../es/understanding/test-sciatica/", "es", "es", "Español")]
    spanish_page = tree(spanish.site / "es/understanding/test-sciatica/index.html")
    back = spanish_page.xpath('//nav[@class="pn-languages"]/a')
    assert [(a.get("href"), a.get("hreflang"), a.text) for a in back] == [("../../../understanding/test-sciatica/", "en", "English")]
    assert spanish_page.xpath('//nav[@class="pn-languages"]/@aria-label') == ["Idioma"]
    # the country switch is the English editions' only: a Spanish page has none
    assert spanish_page.xpath('//nav[@class="pn-editions"]') == []
    # not as <link rel=alternate> in the head: Material's script would fetch a sitemap for each
    assert not spanish_page.xpath('//head/link[@rel="alternate"][@hreflang]')


def test_a_current_translation_shows_no_out_of_date_notice(spanish):
    assert not tree(spanish.site / "es/understanding/test-sciatica/index.html").xpath('//*[@data-translation="out-of-date"]')


def test_search_indexes_the_spanish_pages_in_spanish(spanish):
    import json

    entry = json.loads((spanish.site / "es/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["es"], entry["languages"]
    settings = json.loads((spanish.site / "es/pagefind/guide-search.json").read_text(encoding="utf-8"))
    assert settings["messages"]["one"] == "1 página encontrada"
    root = json.loads((spanish.site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert "es" not in root["languages"]


def test_a_spanish_page_with_a_changed_warning_box_is_refused(spanish, tmp_path):
    import shutil

    from guide import build

    copy = tmp_path / "site"
    shutil.copytree(spanish.site, copy)
    page = copy / "es/understanding/test-sciatica/index.html"
    text = page.read_text(encoding="utf-8")
    assert "Pueden ser señales de un derrame cerebral." in text
    page.write_text(text.replace("Pueden ser señales de un derrame cerebral.", "", 1), encoding="utf-8")
    content = load_content(spanish.content, pages="index")
    editions = build.edition_builds(content, ["", "es"])
    with pytest.raises(build.BuildFailed) as failed:
        build.check_site(copy, content, editions, None, spanish.root)
    # Named by the Spanish file and line a Spanish editor fixes (the sign the page no longer shows), not the English one.
    stroke = _line_of(ROOT / "content_src/translations/es/safety/red_flags.yml", "Pueden ser señales de un derrame cerebral.")
    assert ("es/understanding/test-sciatica/index.html: the warning-signs box (lumbar general) differs from "
            f"content_src/translations/es/safety/red_flags.yml:{stroke}") in failed.value.details, failed.value.details
    assert not any("content_src/safety/" in d for d in failed.value.details), failed.value.details
    # An English box on a Spanish page is refused too: each edition is checked against its own language.
    page.write_text((copy / "understanding/test-sciatica/index.html").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(build.BuildFailed) as failed:
        build.check_site(copy, content, editions, None, spanish.root)
    first = _line_of(ROOT / "content_src/translations/es/safety/disclaimer.yml", "title:")
    assert any(d.startswith("es/understanding/test-sciatica/index.html: the disclaimer's text differs from "
                            f"content_src/translations/es/safety/disclaimer.yml:{first}")
               for d in failed.value.details), failed.value.details
    assert not any("content_src/safety/" in d for d in failed.value.details), failed.value.details


def _line_of(path: Path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in row)


def test_changed_english_article_shows_the_out_of_date_notice(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_article(project)
    project.edit("content_src/articles/test-sciatica.md", "The pain can be sharp.", "The pain can be sharp or dull.")
    result = project.build("--edition", "root", "--edition", "es")
    assert result.ok, result.output
    page = tree(project.site / "es/understanding/test-sciatica/index.html")
    notice = page.xpath('//*[@data-translation="out-of-date"]')
    assert len(notice) == 1
    text = " ".join(notice[0].text_content().split())
    assert "La página en inglés se actualizó el" in text and "después de esta traducción (30 de noviembre de 2026)" in text
    link = notice[0].xpath(".//a")[0]
    assert link.get("href") == "../../../understanding/test-sciatica/" and link.get("hreflang") == "en"
    assert notice[0].get("data-translated-date") == "2026-11-30" and notice[0].get("data-english-date")
    # below the warning box: the box stays the first thing after the title
    box = page.xpath('//aside[@data-safety="red-flags"]')[0]
    assert list(page.iter()).index(box) < list(page.iter()).index(notice[0])


def test_changed_english_warning_sign_fails_the_spanish_build_naming_it(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_article(project)
    project.edit("content_src/safety/red_flags.yml", "These can be signs of a stroke.", "These can be signs of a stroke or a bleed.")
    result = project.build("--edition", "root", "--edition", "es")
    assert not result.ok
    assert "content_src/translations/es/safety/red_flags.yml:" in result.output
    assert "items[0] (stroke): the English text changed after this translation" in result.output, result.output
    assert "Nothing was published" in result.output and "Traceback" not in result.output
    lint = guide(project, "lint")
    assert lint.returncode == 1 and "items[0] (stroke)" in lint.stderr


def test_page_words_are_held_to_the_text_rules_of_their_language(project):
    project.edit("content_src/ui.yml", '  how_much: "Cuánto:"', '  how_much: "Cuánto: llame al 911 y esto cura"')
    project.edit("content_src/ui.yml", "  key_points: Key points\n", "  key_points: Key points <script>\n")
    result = guide(project, "lint")
    assert result.returncode == 1
    assert "content_src/ui.yml:" in result.stderr and "es.how_much: '911' looks like an emergency" in result.stderr
    assert "es.how_much: 'cura'" in result.stderr
    assert "en.key_points: the <script> element is not allowed" in result.stderr, result.stderr


# ---------------------------------------------------------------- hand-written pages and the programme's words
def test_every_english_page_has_its_spanish_counterpart():
    """Every page the English edition publishes (articles, exercises, generated lists, the
    home-programme builder and view, the hand-written home and About pages) is published in
    Spanish too, and `translations status` has nothing missing or out of date."""
    from guide.content import docs_pages
    from guide.pages import render
    from guide.content.brand import default_brand

    content = load_content(ROOT / "content_src")
    english = {p.path for p in render.render_pages(content, default_brand(content))}
    english |= set(docs_pages.list_pages(ROOT / "docs"))
    spanish = set(paths.edition_pages(content, "es"))
    assert english - spanish == set(), "English pages without a Spanish counterpart"
    assert {"index.md", "about.md", "programme/index.md", "programme/view.md"} <= spanish
    lines, todo = translation_status.status_lines(content, "es")
    assert todo == 0, "\n".join(lines)
    tr = translations.load_translations(content, "es", ErrorCollector(content.root))
    assert sorted(tr.docs) == ["about.md", "index.md"] and all(t.current for t in tr.docs.values())
    assert tr.programme is not None and tr.programme.current


HOME_ES = """---
source_hash: ""
translated: 2026-12-02
translator: Editorial team (Spanish translation)
title: Inicio de prueba
description: Un sitio pequeño para las pruebas, con una página sobre la ciática.
---

# Inicio de prueba

Un sitio pequeño para las pruebas. Lea [qué es la ciática](understanding/test-sciatica.md).
"""
HOME_ES_PATH = "content_src/translations/es/pages/index.md"


def test_a_translated_home_page_replaces_the_generated_list_and_shows_the_notice_once_its_english_changes(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_article(project)
    project.write(HOME_ES_PATH, HOME_ES)
    assert guide(project, "translations", "stamp", HOME_ES_PATH).returncode == 0
    assert 'source_hash: "sha256:' in (project.root / HOME_ES_PATH).read_text(encoding="utf-8")
    result = project.build("--edition", "root", "--edition", "es")
    assert result.ok, result.output
    home = tree(project.site / "es/index.html")
    assert home.xpath("//h1//text()") == ["Inicio de prueba"]
    assert home.xpath('//article//a[@href="understanding/test-sciatica/"]/text()') == ["qué es la ciática"]
    assert home.xpath('//meta[@name="description"]/@content') == ["Un sitio pequeño para las pruebas, con una página sobre la ciática."]
    assert not home.xpath('//*[@data-translation="out-of-date"]')
    assert [a.get("href") for a in home.xpath('//nav[@class="pn-languages"]/a')] == ["./../"]
    # The English home page changes: the Spanish one is still published, with the notice; lint lists it.
    project.edit("docs/index.md", "A small site for tests.", "A small site for tests, and for nothing else.")
    result = project.build("--edition", "root", "--edition", "es")
    assert result.ok, result.output
    notice = tree(project.site / "es/index.html").xpath('//*[@data-translation="out-of-date"]')
    assert len(notice) == 1 and "La página en inglés se actualizó el" in notice[0].text_content()
    lint = guide(project, "lint")
    assert "content_src/translations/es/pages/index.md: out-of-date translation" in lint.stderr + lint.stdout, lint.stderr


def test_a_translated_page_is_held_to_the_spanish_rules_and_must_have_an_english_page(project):
    project.write(HOME_ES_PATH, HOME_ES.replace("Un sitio pequeño para las pruebas.", "Este ejercicio cura la ciática.")
                  .replace("<", "&lt;"))
    project.write("content_src/translations/es/pages/nothing.md", HOME_ES)
    _, errors = _load(project)
    report = "\n".join(e.format() for e in errors.errors)
    assert "translations/es/pages/index.md:11: body: 'cura'" in report, report
    assert "translations/es/pages/nothing.md: no English page docs/nothing.md" in report, report


def test_the_home_pages_raw_html_may_be_kept_but_no_other(project):
    project.write("docs/index.md", '---\ntitle: Test home\n---\n\n# Test home\n\n<nav class="pn-ways-in" markdown>\n\n'
                  "- [Sciatica](understanding/test-sciatica.md)\n\n</nav>\n")
    project.write(HOME_ES_PATH, HOME_ES + '\n<nav class="pn-ways-in" markdown>\n\n- [Ciática](understanding/test-sciatica.md)\n\n'
                  '</nav>\n\n<nav class="other">\n</nav>\n')
    _, errors = _load(project)
    report = "\n".join(e.format() for e in errors.errors)
    assert report.count("the <nav> element is not on the list") == 1 and ":19: body" in report, report


def test_changed_english_programme_words_show_the_notice_on_both_spanish_programme_pages(tmp_path):
    """The real project (it has exercises), Spanish edition only: an edited English programme.yml
    leaves its translation out of date, published with the notice, and lint lists it; so does an
    edited exercise, on its own page only."""
    import shutil

    from helpers import run_build

    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for part in ("hooks", "content_src", "docs"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    words = root / "content_src" / "programme.yml"
    words.write_text(words.read_text(encoding="utf-8").replace("  add: Add\n", "  add: Add to the programme\n"), encoding="utf-8")
    bridge = root / "content_src" / "exercises" / "bridge.yml"  # an exercise's page has its own notice
    bridge.write_text(bridge.read_text(encoding="utf-8").replace("lower back\n", "lower back.\n", 1), encoding="utf-8")
    result = run_build(root, "--site-dir", str(root / "site"), "--edition", "es")
    assert result.ok, result.output
    notices = {p.parent.relative_to(root / "site").as_posix() for p in (root / "site" / "es").rglob("index.html")
               if tree(p).xpath('//*[@data-translation="out-of-date"]')}
    assert notices == {"es/programme", "es/programme/view", "es/exercises/bridge"}, notices
    for page in ("es/programme/index.html", "es/programme/view/index.html"):
        html = tree(root / "site" / page)
        assert html.get("lang") == "es"
        notice = html.xpath('//*[@data-translation="out-of-date"]')
        assert len(notice) == 1, page
        assert notice[0].xpath(".//a/@href")[0].endswith("/programme/" if "view" not in page else "/programme/view/")
    builder = tree(root / "site" / "es/programme/index.html")
    assert builder.xpath('//button[contains(@class, "pn-prog-add")]/text()')[0] == "Agregar"  # still the Spanish words
    import json

    manifest = json.loads((root / "site" / "es/manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"].startswith("es") and manifest["description"].startswith("Los ejercicios que su terapeuta")
    lint = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "guide", "lint"], cwd=root, capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(root / "hooks")}, timeout=300)
    assert "content_src/translations/es/programme.yml: out-of-date translation" in lint.stdout + lint.stderr, lint.stderr
# ---------------------------------------------------------------- a clinic's copy in Spanish
VALLEY = "example-valley-pt"
VALLEY_YML = f"content_src/clinics/{VALLEY}/clinic.yml"


def clinic_project(root: Path):
    import shutil

    from helpers import make_project

    project = make_project(root)
    shutil.copytree(ROOT / "content_src" / "clinics", project.content / "clinics")
    return project


def clinic_errors(project) -> list[str]:
    from guide.content.brand import select_brand
    from guide.errors import ContentErrors

    with pytest.raises(ContentErrors) as info:
        select_brand(load_content(project.content), VALLEY)
    return [e.format() for e in info.value.errors]


def _line(project, relative: str, text: str) -> int:
    return next(n for n, row in enumerate((project.root / relative).read_text(encoding="utf-8").splitlines(), 1)
                if row.startswith(text))


def test_a_clinic_listing_spanish_without_its_spanish_texts_is_a_located_error(tmp_path):
    project = clinic_project(tmp_path / "p")
    text = (project.root / VALLEY_YML).read_text(encoding="utf-8")
    project.write(VALLEY_YML, text[:text.index("translations:")])
    found = clinic_errors(project)
    line = _line(project, VALLEY_YML, "languages:")
    assert (f"{VALLEY_YML}:{line}: languages: 'es' is listed, but the profile has no 'es' texts\n"
            "    hint: add 'translations:' with 'es:' and its 'opening_hours' (one entry per English entry)") in found, found


def test_a_clinic_page_without_its_spanish_version_is_a_located_error(tmp_path):
    project = clinic_project(tmp_path / "p")
    (project.content / "clinics" / VALLEY / "pages" / "es" / "about-our-clinic.md").unlink()
    found = clinic_errors(project)
    assert (f"content_src/clinics/{VALLEY}/pages/about-our-clinic.md: no 'es' version of this page\n"
            f"    hint: write it as content_src/clinics/{VALLEY}/pages/es/about-our-clinic.md (the same file name), "
            "or remove 'es' from languages") in found, found


def test_spanish_clinic_texts_are_checked_entry_for_entry_and_by_the_spanish_rules(tmp_path):
    project = clinic_project(tmp_path / "p")
    project.edit(VALLEY_YML, "      - days: Domingo\n        hours: Cerrado\n", "")
    project.edit(VALLEY_YML, "hours: De siete de la mañana a siete de la tarde",
                 "hours: De siete de la mañana a siete de la tarde, o llame al 911")
    project.write(f"content_src/clinics/{VALLEY}/pages/es/about-our-clinic.md", "# Sobre nosotros\n\nSi es grave, llame al 911.\n")
    found = clinic_errors(project)
    hours = _line(project, VALLEY_YML, "    opening_hours:")
    assert any(f.startswith(f"{VALLEY_YML}:{hours}: translations.es.opening_hours: 2 entries; the English opening_hours has 3")
               for f in found), found
    assert any(f.startswith(f"{VALLEY_YML}:{hours + 2}: translations.es.opening_hours[0].hours: '911' looks like an "
                            "emergency or advice-line number") for f in found), found
    assert any(f.startswith(f"content_src/clinics/{VALLEY}/pages/es/about-our-clinic.md:3: body: '911' looks like an "
                            "emergency") for f in found), found


def test_a_clinic_cannot_list_a_language_the_guide_has_no_edition_for(tmp_path):
    project = clinic_project(tmp_path / "p")
    project.edit(VALLEY_YML, "languages: [en, es]", "languages: [en, es, fr]")
    found = clinic_errors(project)
    assert any(f.startswith(f"{VALLEY_YML}:{_line(project, VALLEY_YML, 'languages:')}: languages: the guide has no 'fr' "
                            "edition") for f in found), found


def test_a_clinic_s_own_urgent_route_needs_its_spanish_wording(tmp_path):
    project = clinic_project(tmp_path / "p")
    project.edit(VALLEY_YML, "locale: en-US\n", "locale: en-US\nurgent_advice: our same-day line\n")
    found = clinic_errors(project)
    assert any(f"{VALLEY_YML}:" in f and "translations.es.urgent_advice: missing: the profile's urgent-advice route "
               "'our same-day line' has no 'es' wording" in f for f in found), found


def test_every_country_s_urgent_route_has_its_spanish_wording():
    content = load_content(ROOT / "content_src")
    assert set(content.ui.es.urgent_advice) == set(content.countries)


# ---------------------------------------------------------------- each country's Spanish urgent route, stamped
US_ROUTE = "urgent_advice: your doctor or an urgent care center"


def test_every_country_s_spanish_urgent_route_is_stamped_and_reviewed():
    content = load_content(ROOT / "content_src")
    assert set(content.ui.es.urgent_advice_source_hash) == set(content.countries)
    assert set(content.ui.es.urgent_advice_reviewed_by) == set(content.countries)
    assert translations.urgent_route_errors(content, "es") == []


def test_a_changed_english_urgent_route_stops_the_spanish_build_naming_ui_yml_s_line(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_article(project)
    project.edit("content_src/countries.yml", US_ROUTE, "urgent_advice: your doctor or a same-day clinic")
    line = _line(project, "content_src/ui.yml", "    US: \"sha256:")
    expected = (f"content_src/ui.yml:{line}: es.urgent_advice.US: the English urgent_advice of US "
                "(content_src/countries.yml) changed after this translation")
    hint = ("hint: translate 'your doctor or a same-day clinic' again, have it reviewed "
            "(es.urgent_advice_reviewed_by.US), then run python -m guide translations stamp content_src/ui.yml")
    result = project.build("--edition", "root", "--edition", "es")
    assert not result.ok and expected in result.output and hint in result.output, result.output
    assert "Nothing was published" in result.output and "Traceback" not in result.output
    english = project.build("--edition", "root")  # the English route is current: published
    assert english.ok, english.output
    assert "your doctor or a same-day clinic" in (project.site / "index.html").read_text(encoding="utf-8")
    lint = guide(project, "lint")
    assert lint.returncode == 1 and expected in lint.stderr and hint in lint.stderr, lint.stderr
    status = guide(project, "translations", "status")
    assert f"SAFETY, blocks the build: {expected}" in status.stdout, status.stdout
    assert "Every translation is current." not in status.stdout
    # Translated again (here: the same wording, re-checked), reviewed and re-stamped: current again.
    done = guide(project, "translations", "stamp", "content_src/ui.yml")
    assert done.returncode == 0 and "es.urgent_advice_source_hash.US" in done.stdout, done.stdout + done.stderr
    assert translations.urgent_route_errors(load_content(project.content), "es") == []
    assert "es.urgent_advice" not in guide(project, "lint").stderr


def test_another_country_s_changed_english_route_is_named_alone(project):
    project.edit("content_src/countries.yml", "urgent_advice: your GP or NHS 111", "urgent_advice: your GP practice or NHS 111")
    with pytest.raises(ContentErrors) as failed:
        translations.load(load_content(project.content), "es", pages=False)
    report = failed.value.report()
    assert "es.urgent_advice.GB: the English urgent_advice of GB (content_src/countries.yml) changed" in report, report
    assert report.count("es.urgent_advice.") == 1, report  # only the route that changed


def test_an_unstamped_or_unreviewed_spanish_urgent_route_is_never_shown(project):
    from guide.content.brand import default_brand

    text = (project.root / "content_src/ui.yml").read_text(encoding="utf-8")
    rows = text.split("\n")
    hashes, reviewers = rows.index("  urgent_advice_source_hash:"), rows.index("  urgent_advice_reviewed_by:")
    project.write("content_src/ui.yml", "\n".join(r for i, r in enumerate(rows)
                                                  if not ((hashes < i < reviewers or reviewers < i < reviewers + 8)
                                                          and r.startswith("    US: "))))
    with pytest.raises(ContentErrors) as failed:
        default_brand(load_content(project.content), "es")
    report = failed.value.report()
    line = _line(project, "content_src/ui.yml", "    US: su médico")
    assert (f"content_src/ui.yml:{line}: es.urgent_advice.US: this translation was never stamped against the English "
            "urgent_advice") in report, report
    assert f"content_src/ui.yml:{line}: es.urgent_advice_reviewed_by.US: missing" in report, report
    assert default_brand(load_content(project.content)).urgent_advice == "your doctor or an urgent care center"
    # The stamp writes the missing hash back under urgent_advice_source_hash:
    done = guide(project, "translations", "stamp", "content_src/ui.yml")
    assert done.returncode == 0, done.stderr
    report = "\n".join(e.format() for e in translations.urgent_route_errors(load_content(project.content), "es"))
    assert "never stamped" not in report and "es.urgent_advice_reviewed_by.US: missing" in report, report


@pytest.fixture(scope="module")
def spanish_clinic(tmp_path_factory):
    """The mini project with a translated article, built as the US example clinic in both its
    languages, with an emergency number of its own (to tell it from the country's), and its own
    English page changed after its Spanish translation."""
    project = clinic_project(tmp_path_factory.mktemp("clinic-es") / "project")
    add_article(project)
    project.edit(VALLEY_YML, "country: US\n", 'country: US\nemergency_number: "112"\n')
    project.edit(f"content_src/clinics/{VALLEY}/pages/about-our-clinic.md", "Your first visit takes about an hour.",
                 "Your first visit takes about an hour and a half.")
    result = project.build(env={"GUIDE_CLINIC": VALLEY}, editions=True)
    assert result.ok, result.output
    assert "Building the US es edition into es/" in result.output
    return project, result.site


def test_a_clinic_s_spanish_pages_carry_its_number_name_and_phone(spanish_clinic):
    _, site = spanish_clinic
    page = tree(site / "es/understanding/test-sciatica/index.html")
    assert page.get("lang") == "es"
    box = page.xpath('//aside[@data-safety="red-flags"]')[0]
    assert box.xpath('.//a[@class="pn-call"]/text()') == ["Llame al 112"]
    assert "Llame al 112 ahora si tiene alguna de estas señales" in " ".join(box.text_content().split())
    assert "911" not in page.text_content()
    card = " ".join(" ".join(page.xpath('//section[@class="pn-contact"]')[0].itertext()).split())
    assert card.startswith("Example Valley Physical Therapy Teléfono: +1 312 555 0142"), card
    assert "Horario De lunes a viernes De siete de la mañana a siete de la tarde" in card, card
    assert "Opening hours" not in card and "Phone" not in card
    assert " (abre otro sitio web)" in card and "opens another website" not in page.text_content()
    from lxml import html

    from guide.pages import brand_html
    from guide.content.brand import select_brand

    # On exercise and treatment pages (the mini project's Spanish edition has one article, elsewhere).
    es_brand = select_brand(load_content(spanish_clinic[0].content), VALLEY, "es")
    questions = " ".join(html.fromstring(brand_html.questions_box(es_brand, {"pn_kind": "exercise"})).text_content().split())
    assert questions.startswith("¿Tiene preguntas? Hable con su terapeuta de Example Valley Physical Therapy: "
                                "llame al +1 312 555 0142 o pida una cita por internet"), questions
    header = " ".join(page.xpath('//div[@class="pn-print-header"]')[0].text_content().split())
    assert header == "Example Valley Physical Therapy · Teléfono +1 312 555 0142 · https://example.com/"
    css = (site / "es/assets/stylesheets/brand.css").read_text(encoding="utf-8")
    assert '"Example Valley Physical Therapy · Teléfono +1 312 555 0142 · Página " counter(page) " de " counter(pages)' in css


def test_a_clinic_s_own_page_is_published_in_spanish_and_paired_with_its_english(spanish_clinic):
    _, site = spanish_clinic
    spanish = tree(site / "es/clinic/about-our-clinic/index.html")
    assert spanish.xpath("//h1/text()") == ["Sobre Example Valley Physical Therapy"]
    assert [(a.get("href"), a.get("hreflang")) for a in spanish.xpath('//nav[@class="pn-languages"]/a')] == \
        [("../../../clinic/about-our-clinic/", "en")]
    english = tree(site / "clinic/about-our-clinic/index.html")
    assert [(a.get("href"), a.get("hreflang")) for a in english.xpath('//nav[@class="pn-languages"]/a')] == \
        [("../../es/clinic/about-our-clinic/", "es")]
    assert spanish.xpath('//nav//*[normalize-space()="Sobre Example Valley PT"]')  # in the menu, in Spanish


def test_a_clinic_s_spanish_page_says_when_its_english_page_changed_after_the_translation(spanish_clinic):
    _, site = spanish_clinic
    page = tree(site / "es/clinic/about-our-clinic/index.html")
    notice = page.xpath('//*[@data-translation="out-of-date"]')
    assert len(notice) == 1
    text = " ".join(notice[0].text_content().split())
    assert "La página en inglés se actualizó el" in text and "después de esta traducción (2 de diciembre de 2026)" in text, text
    link = notice[0].xpath(".//a")[0]
    assert link.get("href") == "../../../clinic/about-our-clinic/" and link.get("hreflang") == "en"
    assert not tree(site / "clinic/about-our-clinic/index.html").xpath('//*[@data-translation]')  # not on the English page


def test_a_clinic_s_spanish_json_ld_is_in_spanish(spanish_clinic):
    import json

    _, site = spanish_clinic
    page = tree(site / "es/understanding/test-sciatica/index.html")
    data = json.loads(page.xpath('//script[@type="application/ld+json"]/text()')[0])
    assert data["inLanguage"] == "es-US" and data["name"] == "¿Qué es la ciática?"
    assert data["about"]["name"] == "Radiculopatía lumbar (ciática)"
    assert data["publisher"]["name"] == "Example Valley Physical Therapy"
    assert data["reviewedBy"]["name"] != load_content(ROOT / "content_src").articles[0].meta.reviewer


def test_every_spanish_clinic_page_is_verified_against_the_spanish_safety_texts_and_its_number(spanish_clinic, tmp_path):
    import shutil

    from guide import build

    project, site = spanish_clinic
    content = load_content(project.content, pages="index")
    editions = build.clinic_edition_builds(content, VALLEY)
    assert [(e.id, e.brand.language, e.brand.emergency_number) for e in editions] == [("", "en", "112"), ("es", "es", "112")]
    build.check_site(site, content, editions, None, project.root)  # as published: passes
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "es/clinic/about-our-clinic/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Llame al 112", "Llame al 911"), encoding="utf-8")
    with pytest.raises(build.BuildFailed) as failed:
        build.check_site(copy, content, editions, None, project.root)
    assert any(d.startswith("es/clinic/about-our-clinic/index.html:") for d in failed.value.details), failed.value.details
    # The English box on a Spanish clinic page is refused too.
    page.write_text((copy / "clinic/about-our-clinic/index.html").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(build.BuildFailed) as failed:
        build.check_site(copy, content, editions, None, project.root)
    assert any(d.startswith("es/clinic/about-our-clinic/index.html: the disclaimer's text differs")
               for d in failed.value.details), failed.value.details


# ---------------------------------------------------------------- a clinic's Spanish texts, stamped
VALLEY_PAGE_ES = f"content_src/clinics/{VALLEY}/pages/es/about-our-clinic.md"
VALLEY_PAGE_EN = f"content_src/clinics/{VALLEY}/pages/about-our-clinic.md"


def _with_own_urgent_route(project) -> None:
    """The example clinic with an urgent-advice route of its own, translated, reviewed and stamped."""
    project.edit(VALLEY_YML, "locale: en-US\n", 'locale: en-US\nurgent_advice: our same-day line\nurgent_number: "312 555 0199"\n')
    project.edit(VALLEY_YML, "        hours: Cerrado\n", "        hours: Cerrado\n    urgent_advice: nuestra línea del mismo día\n"
                 "    urgent_advice_reviewed_by: Physical therapist, Spanish-speaking (translation review)\n")
    done = guide(project, "translations", "stamp", VALLEY_YML)
    assert done.returncode == 0 and "translations.es.urgent_advice_source_hash" in done.stdout, done.stdout + done.stderr


def test_the_example_clinic_s_spanish_texts_are_stamped_against_its_english():
    from guide.content.brand import load_clinic

    content = load_content(ROOT / "content_src")
    errors = ErrorCollector(content.root)
    clinic = load_clinic(content, VALLEY, errors)
    assert not errors.errors, [e.format() for e in errors.errors]
    status = translations.clinic_status(content, clinic, "es")
    assert not status.safety and not status.ordinary and not status.notices, [e.format() for e in status.ordinary]


def test_changed_english_clinic_texts_are_listed_by_lint_as_out_of_date(tmp_path):
    project = clinic_project(tmp_path / "p")
    assert "out-of-date" not in guide(project, "lint").stderr
    project.edit(VALLEY_YML, "hours: 7am to 7pm", "hours: 7am to 8pm")
    project.edit(VALLEY_PAGE_EN, "Your first visit takes about an hour.", "Your first visit takes about an hour and a half.")
    lint = guide(project, "lint")
    assert lint.returncode == 0, lint.stderr  # still published: a warning, not an error
    line = _line(project, VALLEY_YML, '    source_hash:')
    assert (f"warning: {VALLEY_YML}:{line}: translations.es.opening_hours: out-of-date translation: the English "
            "opening_hours changed after this translation") in lint.stderr, lint.stderr
    assert (f"warning: {VALLEY_PAGE_ES}:2: source_hash: out-of-date translation: the English page changed after this "
            "translation") in lint.stderr, lint.stderr
    status = guide(project, "translations", "status")
    assert f"{VALLEY_PAGE_ES}:2: source_hash: out of date: the English page changed after this translation" in status.stdout, \
        status.stdout
    assert "Every translation is current." not in status.stdout
    # Re-stamped after re-translating: current again.
    done = guide(project, "translations", "stamp", VALLEY_YML, VALLEY_PAGE_ES)
    assert done.returncode == 0, done.stderr
    assert "out-of-date" not in guide(project, "lint").stderr


def test_a_changed_english_clinic_page_shows_the_out_of_date_notice_on_its_spanish_page_only(tmp_path):
    project = clinic_project(tmp_path / "p")
    add_article(project)  # a Spanish page for the search index
    project.edit(VALLEY_PAGE_EN, "Your first visit takes about an hour.", "Your first visit takes about an hour and a half.")
    result = project.build("--edition", "es", env={"GUIDE_CLINIC": VALLEY})
    assert result.ok, result.output
    page = "clinic/about-our-clinic/index.html"
    notice = tree(result.site / "es" / page).xpath('//*[@data-translation="out-of-date"]')
    assert len(notice) == 1, "no out-of-date notice on the Spanish clinic page"
    assert notice[0].xpath(".//a/@href")[0].endswith("/clinic/about-our-clinic/")
    others = [p for p in (result.site / "es").rglob("index.html") if p != result.site / "es" / page
              and tree(p).xpath('//*[@data-translation="out-of-date"]')]
    assert not others, others


def test_a_changed_english_urgent_route_stops_the_clinic_s_spanish_build_naming_file_line_and_field(tmp_path):
    from guide.content.brand import select_brand

    project = clinic_project(tmp_path / "p")
    _with_own_urgent_route(project)
    assert select_brand(load_content(project.content), VALLEY, "es").urgent_advice == "nuestra línea del mismo día"
    project.edit(VALLEY_YML, "urgent_advice: our same-day line", "urgent_advice: our walk-in clinic")
    line = _line(project, VALLEY_YML, "    urgent_advice_source_hash:")
    expected = (f"{VALLEY_YML}:{line}: translations.es.urgent_advice: the English urgent_advice changed after this "
                "translation")
    with pytest.raises(ContentErrors) as failed:
        select_brand(load_content(project.content), VALLEY, "es")
    assert expected in failed.value.report(), failed.value.report()
    assert select_brand(load_content(project.content), VALLEY).urgent_advice == "our walk-in clinic"  # English: published
    result = project.build(env={"GUIDE_CLINIC": VALLEY}, editions=True)
    assert not result.ok and expected in result.output and "Traceback" not in result.output, result.output
    lint = guide(project, "lint")
    assert lint.returncode == 1 and expected in lint.stderr, lint.stderr


def test_an_unreviewed_or_unstamped_spanish_urgent_route_is_never_published(tmp_path):
    from guide.content.brand import select_brand

    project = clinic_project(tmp_path / "p")
    _with_own_urgent_route(project)
    text = (project.root / VALLEY_YML).read_text(encoding="utf-8")
    project.write(VALLEY_YML, "\n".join(r for r in text.split("\n") if "urgent_advice_source_hash" not in r
                                        and "urgent_advice_reviewed_by" not in r))
    with pytest.raises(ContentErrors) as failed:
        select_brand(load_content(project.content), VALLEY, "es")
    report = failed.value.report()
    assert "translations.es.urgent_advice: this translation was never stamped against the English urgent_advice" in report
    assert "translations.es.urgent_advice_reviewed_by: missing" in report, report


def test_a_clinic_s_spanish_page_needs_its_translation_date(tmp_path):
    project = clinic_project(tmp_path / "p")
    project.edit(VALLEY_PAGE_ES, "translated: 2026-12-02\n", "")
    assert any(f.startswith(f"{VALLEY_PAGE_ES}:") and "translated" in f for f in clinic_errors(project)), clinic_errors(project)


def test_the_verifier_passes_on_every_spanish_page_of_the_real_site(real_site):
    """`python -m guide verify site/` (what a host runs before publishing) checks the /es/ edition
    against the Spanish safety texts: every Spanish page the guide publishes is there, and passes."""
    from helpers import build_env, guide_command

    content = load_content(ROOT / "content_src")
    expected = set(paths.edition_pages(content, "es"))
    built = sorted(p for p in (real_site.site / "es").rglob("index.html"))
    assert len(built) >= len(expected) >= 50, (len(built), len(expected))
    done = subprocess.run([*guide_command(ROOT), "verify", str(real_site.site)], cwd=ROOT, env=build_env(),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and done.stdout.startswith("OK: every page in"), done.stdout + done.stderr


def test_every_page_s_skip_link_speaks_the_page_s_language(real_site):
    """The first link the Tab key reaches is read out first: on a Spanish page it is in Spanish."""
    from helpers import skip_links_in_another_language

    seen, wrong = skip_links_in_another_language(real_site.site)
    assert seen > 100 and not wrong, wrong[:10]
    assert seen > len(list((real_site.site / "es").rglob("*.html"))) > 40  # the Spanish edition was among them
