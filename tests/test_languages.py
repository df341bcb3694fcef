"""Language editions: the Spanish edition of the mini project, its safety texts, translation
status, the Spanish text rules and reading-ease formula."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html

from guide import readability, translations
from guide.errors import ErrorCollector
from guide.load import load_content

SPANISH_EDITION = """  - id: es
    label: Español
    country: US
    locale: es-US
    language: es
"""
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
"""
HOME = """---
title: Inicio de prueba
---

# Inicio de prueba

Un sitio pequeño para las pruebas. Lea [qué es la ciática](understanding/test-sciatica.md).
"""


def guide(project, *args: str) -> subprocess.CompletedProcess:
    from helpers import build_env, guide_command

    return subprocess.run([*guide_command(project.root), *args], cwd=project.root, env=build_env(),
                          capture_output=True, text=True, timeout=300)


def add_spanish(project, stamp: bool = True) -> None:
    """The mini project with a Spanish edition: one translated article and home page."""
    site = project.content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").rstrip("\n") + "\n" + SPANISH_EDITION, encoding="utf-8")
    project.write("content_src/translations/es/articles/test-sciatica.md", ARTICLE)
    project.write("content_src/translations/es/pages/index.md", HOME)
    if stamp:
        done = guide(project, "translations", "stamp", "content_src/translations/es/articles/test-sciatica.md")
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    from helpers import make_project

    project = make_project(tmp_path_factory.mktemp("spanish") / "project")
    add_spanish(project)
    result = project.build(editions=True)
    assert result.ok, result.output
    return project


def tree(path: Path):
    return html.fromstring(path.read_bytes())


# ---------------------------------------------------------------- the Spanish edition
def test_spanish_pages_are_under_es_in_spanish(spanish):
    page = spanish.site / "es/understanding/test-sciatica/index.html"
    doc = tree(page)
    assert doc.get("lang") == "es"
    assert doc.xpath("//h1")[0].text_content().strip() == "¿Qué es la ciática?"
    assert "Puntos clave" in doc.text_content() and "Key points" not in doc.text_content()
    box = doc.xpath('//*[@data-safety="red-flags"]')[0]
    assert box.get("aria-label") == "Señales de alarma"
    assert "Llame al 911 ahora" in box.text_content()
    assert "su médico o un centro de atención de urgencias" in box.text_content()
    assert doc.xpath('//*[@data-safety="disclaimer"]//h2')[0].text_content() == "Acerca de esta información"
    # Material's own interface words are Spanish too.
    assert doc.xpath('//input[@name="query"]/@placeholder') == ["Búsqueda"]
    # A link to a page not translated yet is plain text, not a link into nothing.
    assert "la página del cuello" in doc.text_content() and not doc.xpath('//a[contains(@href,"test-neck")]')
    assert '"inLanguage": "es-US"' in page.read_text(encoding="utf-8")
    assert (spanish.site / "es/sitemap.xml").is_file()
    search = (spanish.site / "es/search/search_index.json").read_text(encoding="utf-8")
    assert '"lang":["es"]' in search.replace(" ", "")


def test_untranslated_page_is_not_published_and_not_linked(spanish):
    assert not (spanish.site / "es/understanding/test-neck/index.html").exists()
    neck = tree(spanish.site / "understanding/test-neck/index.html")
    labels = neck.xpath('//nav[@class="pn-editions"]//a/text()')
    assert "Español" not in labels and "United Kingdom" in labels
    assert "es-US" not in neck.xpath('//head/link[@rel="alternate"]/@hreflang')


def test_switch_pairs_each_page_with_its_counterpart(spanish):
    site = spanish.site
    for rel in ("understanding/test-sciatica/index.html", "index.html"):
        for src, twin in ((rel, f"es/{rel}"), (f"es/{rel}", rel)):
            doc = tree(site / src)
            link = [a for a in doc.xpath('//nav[@class="pn-editions"]//a')
                    if a.text == ("Español" if not src.startswith("es/") else "United States")]
            assert len(link) == 1, src
            target = urljoin("file://" + (site / src).as_posix(), link[0].get("href"))
            target_path = Path(target.removeprefix("file://"))
            assert (target_path / "index.html" if target.endswith("/") else target_path).resolve() == (site / twin).resolve()
            assert sorted(doc.xpath('//head/link[@rel="alternate"]/@hreflang')) == ["en-GB", "en-US", "es-US"]


def test_current_translation_shows_no_notice(spanish):
    assert not tree(spanish.site / "es/understanding/test-sciatica/index.html").xpath('//*[@data-translation]')


def test_changed_english_article_shows_the_out_of_date_notice(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_spanish(project)
    project.edit("content_src/articles/test-sciatica.md", "It may burn or tingle.", "It may burn, ache or tingle.")
    lint = guide(project, "lint")
    assert lint.returncode == 0, lint.stderr
    assert ("content_src/translations/es/articles/test-sciatica.md: out-of-date translation: the English text "
            "changed after this translation") in lint.stderr
    result = project.build(editions=True)
    assert result.ok, result.output
    doc = tree(project.site / "es/understanding/test-sciatica/index.html")
    notice = doc.xpath('//*[@data-translation="out-of-date"]')
    assert len(notice) == 1
    text = " ".join(notice[0].text_content().split())
    assert "La página en inglés se actualizó el" in text and "30 de noviembre de 2026" in text
    link = notice[0].xpath(".//a")[0]
    assert link.get("hreflang") == "en-US"
    target = urljoin("file://" + (project.site / "es/understanding/test-sciatica/index.html").as_posix(), link.get("href"))
    assert Path(target.removeprefix("file://")).resolve() == (project.site / "understanding/test-sciatica").resolve()
    status = guide(project, "translations", "status")
    assert "out of date: content_src/translations/es/articles/test-sciatica.md" in status.stdout


def test_changed_english_warning_sign_fails_the_spanish_build_naming_it(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_spanish(project)
    project.edit("content_src/safety/red_flags.yml", "or leaking pee.", "or leaking pee or poo.")
    before = project.build(editions=True)  # the English edition alone would build; the Spanish must not
    assert not before.ok and "Traceback" not in before.output
    flags = project.content / "translations/es/safety/red_flags.yml"
    line = next(n for n, row in enumerate(flags.read_text(encoding="utf-8").splitlines(), 1) if "id: bladder" in row)
    assert (f"content_src/translations/es/safety/red_flags.yml:{line}: items[1] (bladder): the English text changed "
            "after this translation") in before.output, before.output
    assert "python -m guide translations stamp" in before.output
    assert "Nothing was published" in before.output
    # Re-translated, reviewed and stamped: it builds again.
    done = guide(project, "translations", "stamp", "content_src/translations/es/safety/red_flags.yml")
    assert done.returncode == 0, done.stderr
    assert project.build(editions=True).ok


def test_spanish_page_with_a_changed_warning_box_is_refused(spanish, tmp_path):
    import shutil

    from guide import build
    from guide.brand import default_brand, edition_ids

    copy = tmp_path / "site"
    shutil.copytree(spanish.site, copy)
    page = copy / "es/understanding/test-sciatica/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("escapes de orina", "escapes"), encoding="utf-8")
    content = load_content(spanish.content, pages=False)
    editions = []
    for e in edition_ids(content):
        brand = default_brand(content, e)
        extra = translations.safety_content(content, translations.load(content, "es", pages=False)) if brand.language == "es" else None
        editions.append(build.EditionBuild(e, brand, extra))
    with pytest.raises(build.BuildFailed) as failed:
        build.check_site(copy, content, editions, None, spanish.root)
    assert any(d.startswith("es/understanding/test-sciatica/index.html: the warning-signs box") for d in failed.value.details)


# ---------------------------------------------------------------- loading translations
def _load(project):
    content = load_content(project.content)
    errors = ErrorCollector(content.root)
    return translations.load_translations(content, "es", errors), errors


def test_list_lengths_must_match_english(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_spanish(project, stamp=False)
    project.edit("content_src/translations/es/articles/test-sciatica.md",
                 "  - Siga moviéndose tanto como pueda.\n", "  - Siga moviéndose tanto como pueda.\n  - Camine un poco.\n")
    _, errors = _load(project)
    assert any(e.file.endswith("es/articles/test-sciatica.md") and e.field == "key_points" and e.line == 8
               and "3 item(s); the English file has 2" in e.message for e in errors.errors), [e.format() for e in errors.errors]


def test_spanish_forbidden_wording_is_refused_with_its_location(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_spanish(project, stamp=False)
    project.edit("content_src/translations/es/articles/test-sciatica.md", "El dolor puede ser fuerte.",
                 "Usted tiene ciática. Este ejercicio cura el dolor y le da alivio inmediato con Tylenol.")
    _, errors = _load(project)
    found = [e for e in errors.errors if e.field == "body"]
    messages = " | ".join(e.message for e in found)
    assert "'Usted tiene ciática'" in messages and "diagnosticar" in messages
    assert "'cura'" in messages and "'alivio inmediato'" in messages and "'Tylenol'" in messages
    assert all(e.line == 16 for e in found), [e.format() for e in found]
    project.edit("content_src/translations/es/articles/test-sciatica.md", "Usted tiene ciática. Este ejercicio cura el dolor",
                 "La ciática no tiene cura rápida. Llame al 911")
    _, errors = _load(project)
    messages = " | ".join(e.message for e in errors.errors)
    assert "'cura'" not in messages and "'911' looks like an emergency" in messages


def test_unknown_article_and_bad_heading_count_are_located(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_spanish(project, stamp=False)
    project.write("content_src/translations/es/articles/no-such-page.md", ARTICLE)
    project.edit("content_src/translations/es/articles/test-sciatica.md", "## Cómo se siente\n", "")
    _, errors = _load(project)
    formatted = [e.format() for e in errors.errors]
    assert any("no-such-page.md: no English article 'no-such-page'" in f for f in formatted), formatted
    assert any("test-sciatica.md:13: body: 0 '## ' heading(s); the English body has 1" in f for f in formatted), formatted


def test_hash_covers_patient_text_and_body_only():
    from helpers import FIXTURE  # noqa: F401

    root = Path(__file__).resolve().parents[1] / "content_src"
    content = load_content(root)
    article = content.articles[0]
    base = translations.article_hash(article)
    import dataclasses

    same = dataclasses.replace(article, body=article.body + "\n\n", meta=article.meta.model_copy(update={"keywords": ["x"]}))
    assert translations.article_hash(same) == base
    changed = dataclasses.replace(article, meta=article.meta.model_copy(update={"answer": article.meta.answer + " More."}))
    assert translations.article_hash(changed) != base
    assert translations.article_hash(dataclasses.replace(article, body=article.body + " x")) != base
    assert base.startswith("sha256:") and len(base) == 23


def test_stamp_needs_named_files(project):
    result = guide(project, "translations", "stamp")
    assert result.returncode == 2 and "name the files" in result.stderr


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
    # 12 long words (55 syllables) in one sentence: 206.835 - 62.3 x 55/12 - 12 = -90.7, "muy difícil".
    hard = readability.measure_spanish(
        "La radiculopatía lumbosacra sintomática frecuentemente requiere evaluación neurológica especializada "
        "mediante electromiografía complementaria.")
    assert hard.words == 12 and hard.score < 40 and hard.band == "muy difícil"
    assert readability.szigriszt(100, 5, 180) == pytest.approx(206.835 - 62.3 * 1.8 - 20)
    assert readability.inflesz_band(55) == "normal" and readability.inflesz_band(64.9) == "normal"
    assert readability.inflesz_band(65) == "bastante fácil"


def test_hard_spanish_sentence_is_refused_with_its_line(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path / "project")
    add_spanish(project, stamp=False)
    project.edit("content_src/translations/es/articles/test-sciatica.md", "Puede arder o dar hormigueo.",
                 "La radiculopatía lumbosacra sintomática frecuentemente requiere evaluación neurológica especializada.")
    _, errors = _load(project)
    found = [e for e in errors.errors if "reading ease" in e.message and e.field == "body"]
    assert found and found[0].line == 16 and "INFLESZ" in found[0].message, [e.format() for e in errors.errors]


# ---------------------------------------------------------------- clinic copies
def _clinic(project, languages: str):
    import shutil

    from helpers import ROOT

    folder = project.content / "clinics/example-valley-pt"
    shutil.copytree(ROOT / "content_src/clinics/example-valley-pt", folder)
    path = folder / "clinic.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"languages: {languages}\n", encoding="utf-8")
    return load_content(project.content, pages=False)


def test_a_clinic_publishes_the_languages_its_profile_lists(tmp_path):
    from helpers import make_project

    from guide.brand import edition_ids, select_brand

    project = make_project(tmp_path / "project")
    add_spanish(project, stamp=False)
    content = _clinic(project, "[en, es]")
    assert edition_ids(content, "example-valley-pt") == ["", "es"]
    english, spanish = select_brand(content, "example-valley-pt"), select_brand(content, "example-valley-pt", "es")
    assert spanish.language == "es" and spanish.edition == "es" and spanish.clinic is not None
    assert spanish.emergency_number == english.emergency_number and spanish.name == english.name
    assert spanish.locale == f"es-{english.country}"


def test_a_clinic_language_without_an_edition_is_a_located_error(tmp_path):
    from helpers import make_project

    from guide.brand import edition_ids
    from guide.errors import ContentErrors

    project = make_project(tmp_path / "project")
    content = _clinic(project, "[en, fr]")
    with pytest.raises(ContentErrors) as failed:
        edition_ids(content, "example-valley-pt")
    assert "clinic.yml: languages: no 'fr' edition to publish" in failed.value.report()
