"""Full builds of a small project with the real MkDocs CLI: what the published HTML shows,
and the safety guard refusing every way of weakening the boxes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lxml import html

from guide.checks.pages import html_files
from helpers import PAGE_CONTENT

ARTICLE = "content_src/articles/test-sciatica.md"
CONTENT_PARTIAL = "docs/overrides/partials/content.html"


def page(site: Path, rel: str):
    return html.fromstring((site / rel).read_bytes())


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


# ---------------------------------------------------------------- what a reader gets
def test_every_page_has_one_disclaimer_and_a_warning_box(mini_site):
    pages = html_files(mini_site.site)
    names = {p.relative_to(mini_site.site).as_posix() for p in pages}
    assert {"index.html", "404.html", "sources/index.html", "understanding/test-sciatica/index.html"} <= names
    for path in pages:
        tree = html.fromstring(path.read_bytes())
        assert len(tree.xpath('//*[@data-safety="disclaimer"]')) == 1, path
        boxes = tree.xpath('//*[@data-safety="red-flags"]')
        assert boxes, path
        assert boxes[0].xpath('.//a[@href="tel:911"]'), path


def test_article_box_shows_the_sets_the_article_names(mini_site):
    sciatica = page(mini_site.site, "understanding/test-sciatica/index.html")
    neck = page(mini_site.site, "understanding/test-neck/index.html")
    box = sciatica.xpath('//*[@data-safety="red-flags"]')[0]
    assert box.get("data-red-flag-sets") == "lumbar general"
    flags = box.xpath(".//li/@data-flag")
    assert "saddle-numbness" in flags and "fever-unwell" in flags
    assert "spinal-cord-neck" not in flags  # a neck sign does not belong on a low-back page
    neck_flags = neck.xpath('//*[@data-safety="red-flags"]//li/@data-flag')
    assert "spinal-cord-neck" in neck_flags and "saddle-numbness" not in neck_flags


def test_warning_box_comes_before_the_article_body(mini_site):
    tree = page(mini_site.site, "understanding/test-sciatica/index.html")
    article = tree.xpath('//article')[0]
    order = [el.get("data-safety") or ("pn-answer" if el.get("class") == "pn-answer" else el.tag) for el in article.iter()
             if el.get("data-safety") or el.tag in ("h1", "h2") or el.get("class") == "pn-answer"]
    # Title, the short emergency strip, the answer, then the full box, all before the first section.
    assert order[:4] == ["h1", "emergency", "pn-answer", "red-flags"], order
    assert order.index("red-flags") < next(i for i, t in enumerate(order) if t == "h2" and i > 1)
    assert order[-2:] == ["disclaimer", "h2"]  # the disclaimer (with its own heading) closes the page


def test_article_page_shows_answer_sources_and_review_dates(mini_site):
    tree = page(mini_site.site, "understanding/test-sciatica/index.html")
    assert tree.xpath('string(//meta[@name="description"]/@content)') == "Sciatica is pain that runs from the low back down one leg."
    assert tree.xpath('string(//*[@class="pn-answer"])').startswith("Sciatica is pain that runs down your leg.")
    assert tree.xpath('//*[@data-source-id]/@data-source-id') == ["NHS-SCI", "NICE-NG59"]
    review = " ".join(tree.xpath('string(//*[@class="pn-review"])').split())
    assert review == "Last reviewed November 25, 2026 by Editorial team. Next review due November 25, 2028."
    # Placeholders became the brand's own words and numbers.
    body = tree.xpath('//article')[0]
    assert body.xpath('.//p[contains(., "Get advice from your doctor or an urgent care center if your leg gets weaker")]')
    assert "[[" not in html.tostring(body, encoding="unicode")


def test_every_article_gets_a_generated_when_to_get_help(mini_site):
    tree = page(mini_site.site, "understanding/test-sciatica/index.html")
    sections = tree.xpath('//article//*[@data-safety="help"]')
    assert len(sections) == 1
    help_ = sections[0]
    assert help_.get("data-red-flag-sets") == "lumbar general"  # the same sets as the page's box
    heading = help_.getprevious()
    assert heading.tag == "h2" and heading.get("id") == "when-to-get-help"
    assert " ".join(heading.text_content().split()) == "When to get help"
    assert tree.xpath('//nav[contains(@class, "md-nav--secondary")]//a[@href="#when-to-get-help"]')  # in the contents
    tiers = [" ".join(li.text_content().split()) for li in help_.xpath(".//li")]
    assert tiers == [
        "Emergency signs: call 911 now, or go straight to the nearest emergency department.",
        "Same-day signs: contact your doctor or an urgent care center today.",
        "See someone soon: book an appointment with your doctor or therapist.",
    ]
    assert help_.xpath('.//a[@href="tel:911"]')
    assert help_.xpath(".//a/@href")[-1] == "../../warning-signs/warning-signs/"
    # After the article's own text, before its sources.
    order = [el.get("data-safety") or el.get("id") for el in tree.xpath("//article//*[@data-safety or self::h2[@id]]")]
    assert order.index("help") < order.index("sources")
    # The page that explains the signs does not link to itself.
    signs = page(mini_site.site, "warning-signs/warning-signs/index.html")
    assert not signs.xpath('//*[@data-safety="help"]//a[not(starts-with(@href, "tel:"))]')


def test_help_notes_follow_the_generated_section(project):
    project.edit(ARTICLE, "keywords:", "help_notes:\n  - Ask your pharmacist about [the neck page](test-neck.md).\nkeywords:")
    result = project.build()
    assert result.ok, result.output
    tree = page(project.site, "understanding/test-sciatica/index.html")
    notes = tree.xpath('//*[@data-safety="help"]/following-sibling::*[1][contains(@class, "pn-help-notes")]//li')
    assert [" ".join(n.text_content().split()) for n in notes] == ["Ask your pharmacist about the neck page."]
    assert notes[0].xpath(".//a/@href") == ["../test-neck/"]


def test_links_between_articles_are_rewritten_to_their_sections(mini_site):
    tree = page(mini_site.site, "understanding/test-sciatica/index.html")
    assert tree.xpath('//a[normalize-space()="the neck page"]/@href') == ["../test-neck/"]


def test_navigation_follows_sections_and_order(mini_site):
    # navigation.prune keeps only the open section's pages, so look from inside the section.
    tree = page(mini_site.site, "understanding/test-neck/index.html")
    labels = [" ".join(t.split()) for t in tree.xpath('//nav[contains(@class,"md-nav--primary")]//a[contains(@class,"md-nav__link")]//text()')]
    labels = [t for t in labels if t]
    assert labels.index("What is sciatica?") < labels.index("Neck and arm pain") < labels.index("Sources")


def test_nothing_is_loaded_from_other_sites(mini_site):
    for path in html_files(mini_site.site):
        tree = html.fromstring(path.read_bytes())
        for url in tree.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src"):
            assert not url.startswith(("http:", "https:", "//")), f"{path}: {url}"


def test_material_header_checkboxes_have_no_invalid_autocomplete(mini_site):
    text = (mini_site.site / "index.html").read_text()
    assert 'data-md-toggle="drawer"' in text
    assert not html.fromstring(text).xpath('//input[@type="checkbox"][@autocomplete]')


def test_search_index_lists_article_with_keywords(mini_site):
    index = json.loads((mini_site.site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    assert "understanding/test-sciatica/" in docs
    assert "siatica" in docs["understanding/test-sciatica/"].get("tags", [])


# ---------------------------------------------------------------- the guard
def assert_refused(result, *needles):
    assert not result.ok, result.output
    assert "Traceback" not in result.output, result.output
    for needle in needles:
        assert needle in result.output, result.output


def test_static_html_page_without_boxes_is_refused(project):
    project.write("docs/leaflet.html", "<!doctype html><html><head><title>x</title></head><body><p>Hi</p></body></html>")
    assert_refused(project.build(),
                   'leaflet.html: no medical disclaimer (element with data-safety="disclaimer")',
                   'leaflet.html: no warning-signs box (element with data-safety="red-flags")')


def test_theme_override_that_drops_the_boxes_is_refused(project):
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT, "<p>Nothing to see.</p>")
    result = project.build()
    assert_refused(result, 'index.html: no warning-signs box', 'understanding/test-sciatica/index.html: no warning-signs box')


def test_theme_override_that_hides_the_box_is_refused(project):
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT, '<div hidden>{{ page.content }}</div>')
    assert_refused(project.build(), "understanding/test-sciatica/index.html: the warning-signs box has the 'hidden' attribute")


def test_theme_override_that_half_renders_the_box_is_refused(project):
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT,
                 """{{ page.content | replace('data-safety="red-flags"', 'data-was="red-flags"') }}"""
                 '<aside data-safety="red-flags" data-red-flag-sets="lumbar"><a href="tel:911">911</a></aside>')
    assert_refused(project.build(), "understanding/test-sciatica/index.html: the warning-signs box (lumbar) differs from content_src/safety/red_flags.yml")


def test_emptied_disclaimer_in_override_is_refused(project):
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT,
                 """{{ page.content | replace('data-safety="disclaimer"', 'data-was="disclaimer"') }}"""
                 '<aside data-safety="disclaimer"></aside>')
    assert_refused(project.build(), "index.html: the disclaimer's text differs from content_src/safety/disclaimer.yml")


def test_second_disclaimer_is_refused(project):
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT, "{{ page.content }}{{ config.extra.pn_frame.disclaimer }}")
    assert_refused(project.build(), "index.html: 2 disclaimers; a page must have exactly one")


def test_emptied_disclaimer_source_is_refused(project):
    project.write("content_src/safety/disclaimer.yml", "title: About this information\nparagraphs: []\n")
    assert_refused(project.build(), "content_src/safety/disclaimer.yml:2: paragraphs: List should have at least 1 item")


def test_unknown_red_flag_set_in_docs_page_is_refused(project):
    project.write("docs/extra.md", "---\ntitle: Extra\nred_flags: [neck]\n---\n\nSome text.\n")
    assert_refused(project.build(), "docs/extra.md:3: red_flags[0]: unknown red-flag set 'neck'")


def test_docs_page_without_the_general_set_is_refused(project):
    project.write("docs/extra.md", "---\ntitle: Extra\nred_flags: [lumbar]\n---\n\nSome text.\n")
    assert_refused(project.build(), "docs/extra.md:3: red_flags: the warning signs leave out the 'general' set")


def test_unknown_red_flag_set_in_article_is_refused(project):
    project.edit(ARTICLE, "red_flags: [lumbar, general]", "red_flags: [lumbar, spine]")
    assert_refused(project.build(), "content_src/articles/test-sciatica.md:10: red_flags[1]: unknown red-flag set 'spine'")


def test_unknown_source_id_in_page_html_is_refused(project):
    project.write("docs/extra.md", '---\ntitle: Extra\n---\n\n<p data-source-id="MADE-UP">A claim.</p>\n')
    assert_refused(project.build(), "extra/index.html: cites unknown source id 'MADE-UP'")


def test_yaml_syntax_error_is_refused(project):
    project.edit("content_src/safety/red_flags.yml", "  - id: lumbar\n", "  - id: lumbar\n   title: [oops\n")
    assert_refused(project.build(), "content_src/safety/red_flags.yml:", "YAML syntax error")


def test_non_utf8_file_is_refused(project):
    path = project.content / "articles" / "test-neck.md"
    path.write_bytes(path.read_bytes().replace(b"Your arm", b"Your \xff arm"))
    assert_refused(project.build(), "content_src/articles/test-neck.md:19: not valid UTF-8")


# ---------------------------------------------------------------- the last good site survives
def test_failed_build_leaves_the_last_good_site(project):
    assert project.build().ok
    before = snapshot(project.site)
    assert "index.html" in before
    project.edit(CONTENT_PARTIAL, PAGE_CONTENT, "")
    assert_refused(project.build(), "no warning-signs box", "the last good site")
    assert snapshot(project.site) == before
    assert not [p for p in project.root.iterdir() if p.name.startswith(".site") and p.is_dir()]  # no half-built folders left


def test_content_error_leaves_the_last_good_site(project):
    assert project.build().ok
    before = snapshot(project.site)
    project.edit(ARTICLE, "order: 1", "order: one")
    assert_refused(project.build(), "content_src/articles/test-sciatica.md:5: order:")
    assert snapshot(project.site) == before


def test_strict_warning_leaves_the_last_good_site(project):
    assert project.build().ok
    before = snapshot(project.site)
    project.write("docs/extra.md", "---\ntitle: Extra\n---\n\n[missing](nowhere.md)\n")
    assert_refused(project.build(), "nowhere.md")
    assert snapshot(project.site) == before


def test_verifier_runs_on_its_own_over_any_folder(mini_site, tmp_path):
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "site"
    shutil.copytree(mini_site.site, copy)
    cmd = [sys.executable, "-m", "guide", "--content", str(mini_site.site.parent / "content_src"), "verify", str(copy)]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "hooks"))
    ok = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    target = copy / "understanding" / "test-neck" / "index.html"
    original = target.read_text()
    target.write_text(original.replace("Clumsy hands", "Clumsy fingers"))
    bad = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert "understanding/test-neck/index.html: the warning-signs box (cervical general) differs" in bad.stderr
    # The generated "When to get help" is checked like the box: edited, or missing.
    target.write_text(original.replace("Same-day signs:", "Signs for later:"))
    bad = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert "understanding/test-neck/index.html: the 'When to get help' section (cervical general) differs " \
           "from content_src/safety/red_flags.yml" in bad.stderr
    target.write_text(original.replace('id="when-to-get-help">When to get help</h2>', 'id="when-to-get-help">Help</h2>'))
    bad = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert "understanding/test-neck/index.html: the 'When to get help' section does not follow its heading" in bad.stderr
    tree = html.fromstring(original)
    for section in tree.xpath('//*[@data-safety="help"]'):
        section.getparent().remove(section)
    target.write_bytes(html.tostring(tree))
    bad = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert "understanding/test-neck/index.html: no 'When to get help' section" in bad.stderr


def test_overdue_review_fails_the_strict_build(project):
    project.edit(ARTICLE, "reviewed: 2026-11-25", "reviewed: 2020-01-10")
    project.edit(ARTICLE, "next_review: 2028-11-25", "next_review: 2022-01-10")
    result = project.build()
    assert_refused(result, "content_src/articles/test-sciatica.md:14: next_review: the review was due on 2022-01-10")
    # Without --strict it is a warning, so an editor can still preview the page.
    from helpers import MKDOCS, build_env
    import subprocess
    preview = subprocess.run([*MKDOCS, "build"], cwd=project.root, env=build_env(), capture_output=True, text=True)
    assert preview.returncode == 0 and "WARNING" in preview.stdout + preview.stderr


def test_article_has_schema_org_review_data(mini_site):
    tree = page(mini_site.site, "understanding/test-sciatica/index.html")
    blocks = tree.xpath('//script[@type="application/ld+json"]/text()')
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2026-11-25"
    assert data["reviewedBy"]["name"] == "Editorial team"
    assert data["about"]["name"] == "Lumbar radiculopathy (sciatica)"
    assert [c["name"] for c in data["citation"]] == [
        "Sciatica", "Low back pain and sciatica in over 16s: assessment and management (NG59)"]
    assert data["description"] == "Sciatica is pain that runs from the low back down one leg."


def test_link_to_a_missing_anchor_is_refused(project):
    project.edit(ARTICLE, "[the neck page](test-neck.md)", "[the neck page](test-neck.md#no-such-part)")
    assert_refused(project.build(), "no-such-part")


def test_exercise_library_groups_by_region_and_goal(real_site):
    tree = page(real_site.site, "exercises/index.html")
    headings = [" ".join(h.text_content().split()) for h in tree.xpath("//article//h2[@id]")]
    assert headings[:4] == ["Low back and leg", "Neck and arm", "Whole body and fitness", "By goal"]
    cards = tree.xpath('//ul[contains(@class,"pn-cards")]/li//a/@href')
    assert len(cards) == len(list((real_site.site / "exercises").glob("*/index.html"))) - 1  # all but the programme
    goals = " ".join(tree.xpath('//article//li[strong]//text()'))
    for label in ("Nerve movement:", "Strength:", "Fitness:"):
        assert label in goals


def test_search_finds_each_exercise_on_its_own_page_not_in_the_home_programme(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "exercises/bridge/" in pages and "exercises/chin-tuck/" in pages
    assert not [p for p in pages if p.startswith("exercises/home-programme")], "the summary page repeats every exercise"


def test_a_site_folder_in_a_new_place_is_published(project, tmp_path):
    """`--site-dir` may name a folder whose parent does not exist yet (a preview in /tmp, a CI artefact path)."""
    site = tmp_path / "previews" / "today" / "site"
    result = project.build("--site-dir", str(site))
    assert result.ok, result.output
    assert (site / "index.html").is_file() and "Traceback" not in result.output
