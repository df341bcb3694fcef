"""Turn validated content into Markdown pages and the navigation.

Pages are returned as (path, markdown) pairs; the hook hands them to MkDocs as
generated files, so nothing generated is ever committed to docs/.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import PurePosixPath

from babel.dates import format_date
from markupsafe import Markup

from ..content import models, patient_text
from . import programme
from ..content.brand import Brand
from ..content.load import ARTICLE_LINK
from ..content.loaded import Article, Content, ExerciseEntry
from .safety_html import HELP_ANCHOR, fragment, help_section, macro, red_flag_short_box, tel_link, urgent_route

SOURCES_PAGE = "sources.md"
GLOSSARY_PAGE = "glossary.md"
EXERCISES_INDEX = "exercises/index.md"
EXERCISE_IMAGES = "exercises/images"
ILLUSTRATIONS = "illustrations"

# The order of the exercise library's groups, of its goals, of the dose rows and of the
# bibliography's kinds; their words are in content_src/ui.yml.
REGIONS = ("lumbar", "cervical", "general")
GOALS = ("nerve-movement", "mobility", "strength", "posture", "fitness")
DOSE_FIELDS = ("reps", "sets", "hold", "duration", "how_often")
SOURCE_KINDS = ("guideline", "patient-information", "review", "trial", "cohort", "other")


def words(content: Content, brand: Brand | None = None) -> models.UiWords:
    """The page furniture words (content_src/ui.yml) in the brand's language."""
    return (brand.ui if brand and brand.ui else None) or content.ui.en


def _dose_labels(w: models.UiWords) -> list[tuple[str, str]]:
    return [(key, w.dose[key]) for key in DOSE_FIELDS]
# Where a page's first screen ends (docs/overrides/partials/content.html): what comes before it
# (an article's answer, an exercise's summary) is shown under the emergency strip, above the full box.
FIRST_SCREEN = "<!-- pn:first-screen -->\n\n"
# page.meta key: the page opens with the short emergency strip (guide.pages.safety_html.emergency_strip).
EMERGENCY_STRIP = "pn_emergency_strip"


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "understanding/sciatica.md"
    markdown: str
    # Handed to MkDocs' page.meta by the hook, not written as front matter:
    # MkDocs would otherwise parse back, page by page, YAML we have just written.
    meta: dict = field(default_factory=dict)


def article_path(content: Content, article: Article) -> str:
    return f"{article.meta.section}/{article.slug}.md"


def source_anchor(source_id: str) -> str:
    return "src-" + source_id.lower()


def long_date(value: dt.date, brand: Brand) -> str:
    return format_date(value, format="long", locale=brand.locale.replace("-", "_"))


def fill_tokens(text: str, brand: Brand) -> str:
    text = brand.words.apply(text, markup=True) if brand.words else text  # care words and spelling (guide.content.locale)
    emergency = tel_link(brand.emergency_number, brand.emergency_tel, "pn-tel")
    return text.replace("[[emergency-number]]", emergency).replace("[[urgent-advice]]", urgent_route(brand))


def urgent_route_text(brand: Brand) -> str:
    if brand.urgent_number and brand.urgent_number not in brand.urgent_advice:
        return f"{brand.urgent_advice} ({brand.urgent_number})"
    return brand.urgent_advice


def plain_tokens(text: str, brand: Brand) -> str:
    """Placeholders as plain text, for titles, summaries and attributes, where a link cannot go."""
    text = brand.words.apply(text, markup=False) if brand.words else text
    return text.replace("[[emergency-number]]", brand.emergency_number).replace("[[urgent-advice]]", urgent_route_text(brand))


def brand_content(content: Content, brand: Brand) -> Content:
    """The content as this brand's readers see it: plain-text fields filled (guide.content.patient_text), and the
    glossary in the brand's locale (its words are matched in pages that are in that locale)."""
    branded = patient_text.branded(content, lambda text: plain_tokens(text, brand))
    if not brand.words:
        return branded
    fill = lambda text: brand.words.apply(text, markup=False)  # noqa: E731
    glossary = [g.model_copy(update={"term": fill(g.term), "definition": fill(g.definition)}) for g in content.glossary]
    sections = [s.model_copy(update={"title": fill(s.title)}) for s in content.sections]
    return dataclasses.replace(branded, glossary=glossary, sections=sections)


def _rewrite_links(body: str, sections: dict[str, str]) -> str:
    """Editors link to `slug.md`; pages live in their section's folder."""

    def fix(match: re.Match) -> str:
        slug, anchor = match.group(1), match.group(2) or ""
        return f"](../{sections[slug]}/{slug}.md{anchor})"

    return ARTICLE_LINK.sub(fix, body)


def _where_year(source: models.Source, w: models.UiWords) -> str:
    year = f"{source.year}" + (f", {w.updated} {source.updated}" if source.updated else "") if source.year else ""
    return ", ".join(x for x in (source.journal or source.publisher, year) if x)


def _sources_list(content: Content, source_ids: list[str], depth: int, w: models.UiWords) -> str:
    entries = [{"id": s, "anchor": source_anchor(s), "source": content.sources[s]} for s in source_ids]
    return f'## {w.sources}\n\n' + fragment("sources_list.html", entries=entries, up="../" * depth) + "\n\n"


def _review_line(reviewed: dt.date, next_review: dt.date, reviewer: str, brand: Brand, w: models.UiWords) -> str:
    return fragment("review_line.html", words=w, reviewed=reviewed, next_review=next_review, reviewer=reviewer,
                    reviewed_long=long_date(reviewed, brand), next_review_long=long_date(next_review, brand)) + "\n"


def json_ld(content: Content, brand: Brand, *, title: str, summary: str, reviewed: dt.date, reviewer: str,
            about: str, source_ids: list[str]) -> str:
    """schema.org MedicalWebPage, so search engines and reviewers can read the review status."""
    import json

    citations = []
    for sid in source_ids:
        src = content.sources[sid]
        cite = {"@type": "CreativeWork", "name": src.title}
        if src.doi:
            cite["sameAs"] = f"https://doi.org/{src.doi}"
        elif src.url:
            cite["url"] = src.url
        citations.append(cite)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": summary,
        "inLanguage": brand.locale,
        "lastReviewed": reviewed.isoformat(),
        "reviewedBy": {"@type": "Organization", "name": reviewer},
        "about": {"@type": "MedicalCondition", "name": about},
        "audience": {"@type": "PeopleAudience", "audienceType": "Patient"},
        "publisher": {"@type": "Organization", "name": brand.name},
        "citation": citations,
    }
    # "</" would end the <script> element early.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def _about(red_flags: list[str], brand: Brand, content: Content) -> str:
    """The condition a page is about, in the page's language (ui.yml `conditions`, else English's)."""
    names = {**content.ui.en.conditions, **words(content, brand).conditions}
    named = [names[s] for s in ("lumbar", "cervical") if s in red_flags]
    return named[0] if len(named) == 1 else names["general"]


def _reviewed_page_meta(content: Content, brand: Brand, item, *, kind: str, keywords: list[str]) -> dict:
    """Front matter shared by articles and exercises: description, safety sets, review data, JSON-LD."""
    return {
        "title": item.title,
        "description": item.summary,
        "red_flags": item.red_flags,
        "sources": item.sources,
        # Material indexes front-matter tags with a high weight: patients' own words find the page.
        "tags": keywords,
        "pn_kind": kind,
        EMERGENCY_STRIP: True,
        "pn_reviewed": item.reviewed.isoformat(),
        "pn_next_review": item.next_review.isoformat(),
        "pn_reviewer": item.reviewer,
        "pn_jsonld": json_ld(content, brand, title=item.title, summary=item.summary, reviewed=item.reviewed,
                             reviewer=item.reviewer, about=_about(item.red_flags, brand, content), source_ids=item.sources),
    }


def render_article(content: Content, article: Article, brand: Brand, sections: dict[str, str] | None = None) -> Page:
    meta = article.meta
    w = words(content, brand)
    front = _reviewed_page_meta(content, brand, meta, kind="article", keywords=meta.keywords)
    front["pn_section"] = meta.section
    key_points = "\n".join(f"    - {fill_tokens(p, brand)}" for p in meta.key_points)
    sections = sections if sections is not None else {a.slug: a.meta.section for a in content.articles}
    body = fill_tokens(_rewrite_links(article.body, sections), brand).strip()
    markdown = (
        fragment("answer.html", answer=Markup(fill_tokens(escape(meta.answer), brand))) + "\n\n"
        + FIRST_SCREEN
        + f'!!! abstract "{w.key_points}"\n\n{key_points}\n\n'
        + body
        + "\n\n"
        + _when_to_get_help(content, article, brand, sections)
        + _sources_list(content, meta.sources, 2, w)
        + _review_line(meta.reviewed, meta.next_review, meta.reviewer, brand, w)
    )
    return Page(article_path(content, article), markdown, front)


def help_link(content: Content, article: Article, sections: dict[str, str]) -> str | None:
    """Where an article's "When to get help" links to: the warning-signs page, from an
    article's folder (two levels down); None on that page itself."""
    target = content.red_flags.help.page
    if article.slug == target or target not in sections:  # not in a language edition that has not translated it
        return None
    return f"../../{sections[target]}/{target}/"


def _when_to_get_help(content: Content, article: Article, brand: Brand, sections: dict[str, str]) -> str:
    """Generated from red_flags.yml for the page's sets (checked after the build like the box),
    then the article's own help_notes, which are advice, never warning signs."""
    heading = f"## {content.red_flags.help.heading} {{ #{HELP_ANCHOR} }}\n\n"
    section = heading + help_section(content.red_flags, brand, article.meta.red_flags, help_link(content, article, sections))
    notes = ""
    if article.meta.help_notes:
        items = "\n".join(f"- {fill_tokens(_rewrite_links(n, sections), brand)}" for n in article.meta.help_notes)
        notes = _block("pn-help-notes", items + "\n")
    return section + "\n\n" + notes


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def exercise_path(entry: ExerciseEntry) -> str:
    return f"exercises/{entry.slug}.md"


def _block(css_class: str, markdown: str) -> str:
    return fragment("markdown_block.html", css_class=css_class, markdown=Markup(markdown)) + "\n\n"


def _bullets(items: list[str], brand: Brand) -> str:
    return "\n".join(f"- {fill_tokens(escape(i, quote=False), brand)}" for i in items) + "\n\n"


HOME_PROGRAMME = "exercises/home-programme.md"
HOME_PROGRAMME_SLUG = PurePosixPath(HOME_PROGRAMME).stem  # also the name of its printed handout


def _figure(src: str, alt: str, caption: str, up: str, css_class: str, enlarge: str) -> str:
    return str(macro("figure.html", "figure")(src, alt, caption, up, css_class, enlarge))


def _figures(slug_images, up: str, w: models.UiWords) -> str:
    return fragment("exercise_figures.html", images=slug_images, up=up, words=w) + "\n\n"


def _handout_link(slug: str, label: str) -> str:
    return fragment("handout_link.html", slug=slug, label=label) + "\n\n"


def render_exercise(content: Content, entry: ExerciseEntry, brand: Brand, handouts: bool = False) -> Page:
    ex = entry.data
    w = words(content, brand)
    front = _reviewed_page_meta(content, brand, ex, kind="exercise", keywords=ex.keywords)
    steps = "\n".join(f"{n}. {fill_tokens(escape(step, quote=False), brand)}" for n, step in enumerate(ex.steps, 1))
    dose_rows = [(label, getattr(ex.dose, key)) for key, label in _dose_labels(w) if getattr(ex.dose, key)]
    goals = ", ".join(w.goals[g] for g in ex.goals)
    not_for = (f'!!! warning "{w.not_for}"\n\n'
               + "\n".join(f"    - {fill_tokens(escape(i, quote=False), brand)}" for i in ex.not_for) + "\n\n")
    markdown = (
        # On paper the full box moves to a sheet of its own at the end (guide.css, print): at 12 pt
        # it fills a sheet. Each exercise sheet starts with a compact copy made from the same source.
        red_flag_short_box(content.red_flags, brand, ex.red_flags, "first") + "\n\n"
        + fragment("answer.html", answer=Markup(escape(_sentence(ex.summary)))) + "\n\n"
        + FIRST_SCREEN
        + fragment("exercise_meta.html", words=w, region=w.regions[ex.region].lower(), goals=goals) + "\n\n"
        + (_handout_link(entry.slug, w.printable_sheet) if handouts else "")
        + _block("pn-handout-hide",
                 f"## {w.what_it_is_for}\n\n{fill_tokens(escape(ex.purpose, quote=False), brand)}\n\n"
                 + f"## {w.who_it_suits}\n\n" + _bullets(ex.suits, brand))
        + not_for.replace("!!! warning", "!!! warning pn-print-hide", 1)
        # On paper: the pictures and steps beside the dose, then the stop rules across the sheet,
        # all on the first sheet.
        + _block("pn-exercise-core",
                 _block("pn-exercise-core__cols",
                        _block("pn-exercise-core__how",
                               f"## {w.how_to_do_it}\n\n"
                               # Each picture sits beside the words it shows: the start by the starting
                               # position, the end after the steps that lead to it.
                               + _block("pn-how",
                                        _figure(ex.images.start, ex.images.start_alt, w.start_position, "../", "pn-figure-start",
                                                w.tap_to_enlarge)
                                        + "\n\n"
                                        + f"**{w.starting_position}** {fill_tokens(escape(ex.starting_position, quote=False), brand)}\n\n"
                                        + steps + "\n\n"
                                        + _figure(ex.images.end, ex.images.end_alt, w.end_position, "../", "pn-figure-end",
                                                  w.tap_to_enlarge)
                                        + "\n"))
                        + f"## {w.how_much_and_often}\n\n" + fragment("dose_table.html", rows=dose_rows) + "\n\n")
                 # Straight after the dose, so on paper the stop rules share the exercise's first sheet.
                 + f'!!! danger "{w.stop_if}"\n\n'
                 + "\n".join(f"    - {fill_tokens(escape(i, quote=False), brand)}" for i in ex.stop_if) + "\n\n")
        # The second printed sheet starts with its own copy of the warning signs.
        + red_flag_short_box(content.red_flags, brand, ex.red_flags) + "\n\n"
        + not_for.replace("!!! warning", "!!! warning pn-print-only", 1)
        + _block("pn-exercise-more",
                 f"## {w.should_feel}\n\n" + _bullets(ex.should_feel, brand)
                 + f"## {w.should_not_feel}\n\n" + _bullets(ex.should_not_feel, brand))
        + programme.write_in_box(content)
        + _block("pn-handout-hide",
                 f"## {w.making_it_harder}\n\n" + _bullets(ex.progression, brand)
                 + _sources_list(content, ex.sources, 2, w))
        + _review_line(ex.reviewed, ex.next_review, ex.reviewer, brand, w)
    )
    return Page(exercise_path(entry), markdown, front)


def render_home_programme(content: Content, brand: Brand, handouts: bool = False) -> Page:
    """Every exercise on one page, briefly: to print as a home programme, one exercise a sheet."""
    w = words(content, brand)
    meta = {
        "title": plain_tokens(w.home_programme_title, brand),
        "description": w.home_programme_description,
        "pn_kind": "exercise",
        "red_flags": ["lumbar", "cervical", "general"],
        # Every exercise has its own page, which search should find; indexing this
        # summary of them all too would double results and the index patients download.
        "search": {"exclude": True},
    }
    parts = [red_flag_short_box(content.red_flags, brand, meta["red_flags"], "first") + "\n",
             w.home_programme_intro + "\n"]
    if handouts:
        parts.append(_handout_link(HOME_PROGRAMME_SLUG, plain_tokens(w.printable_programme, brand)))
    for entry in content.exercises:
        ex = entry.data
        steps = "\n".join(f"{n}. {fill_tokens(escape(s, quote=False), brand)}" for n, s in enumerate(ex.steps, 1))
        dose = "; ".join(f"{label.lower()}: {escape(getattr(ex.dose, key))}" for key, label in _dose_labels(w) if getattr(ex.dose, key))
        stop = "\n".join(f"- {fill_tokens(escape(i, quote=False), brand)}" for i in ex.stop_if)
        parts.append(
            # On paper each exercise is a sheet of its own, headed by a compact copy of its own warning signs.
            red_flag_short_box(content.red_flags, brand, ex.red_flags) + "\n\n"
            + f'## {escape(ex.title)} {{ .pn-programme-item }}\n\n'
            + fragment("programme_item_intro.html", summary=_sentence(ex.summary), words=w, slug=entry.slug) + "\n\n"
            + _block("pn-sheet-columns",
                     _block("pn-sheet-columns__steps",
                            _figures(ex.images, "../", w)
                            + f"**{w.starting_position}** {fill_tokens(escape(ex.starting_position, quote=False), brand)}\n\n{steps}\n")
                     + _block("pn-sheet-columns__stop",
                              f"**{w.how_much}** {dose[:1].upper() + dose[1:]}.\n\n**{w.stop_and_get_help}**\n\n{stop}\n"))
        )
    return Page(HOME_PROGRAMME, "\n".join(parts), meta)


def render_exercise_library(content: Content, brand: Brand | None = None) -> Page:
    w = words(content, brand)
    meta = {
        "title": w.library_title,
        "description": w.library_description,
        "pn_kind": "exercise-library",
    }
    intro = w.library_intro + "\n"
    parts = [fill_tokens(intro, brand) if brand else content.locales.written(intro)]
    for region in REGIONS:
        heading = w.regions[region]
        entries = [e for e in content.exercises if e.data.region == region]
        if not entries:
            continue
        parts.append(f"## {heading}\n")
        cards = [{"slug": e.slug, "image": e.data.images.end, "title": e.data.title, "summary": _sentence(e.data.summary),
                  "goals": ", ".join(w.goals[g] for g in e.data.goals)} for e in entries]
        parts.append(fragment("exercise_cards.html", cards=cards, words=w) + "\n")
    parts.append(f"## {w.by_goal}\n")
    for goal in GOALS:
        label = w.goals[goal]
        entries = [e for e in content.exercises if goal in e.data.goals]
        if entries:
            links = ", ".join(f"[{e.data.title}]({e.slug}.md)" for e in entries)
            parts.append(f"- **{label[:1].upper() + label[1:]}:** {links}")
    return Page(EXERCISES_INDEX, "\n".join(parts) + "\n", meta)


def render_glossary(content: Content, brand: Brand | None = None) -> Page:
    w = words(content, brand)
    meta = {"title": w.glossary, "pn_kind": "glossary", "description": w.glossary_description}
    parts = [w.glossary_intro + "\n"]
    entries = [{"anchor": _anchor(g.term), "term": g.term, "definition": g.definition}
               for g in sorted(content.glossary, key=lambda g: g.term.lower())]
    parts.append(fragment("glossary.html", entries=entries) + "\n")
    return Page(GLOSSARY_PAGE, "\n".join(parts), meta)


def _anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def glossary_abbreviations(content: Content) -> dict[str, str]:
    """Each glossary word and the definition shown when a reader taps or points at it.

    Given to Python-Markdown's abbr extension as its `glossary`, which marks the
    words on every page. Matching is case-sensitive, so each term is listed as
    written, in lower case and capitalised.
    """
    glossary: dict[str, str] = {}
    for entry in content.glossary:
        definition = " ".join(entry.definition.split())
        for word in (entry.term, *entry.also):
            for form in (word, word.lower(), word[:1].upper() + word[1:].lower()):
                glossary.setdefault(form, definition)
    return glossary


def render_sources(content: Content, brand: Brand | None = None) -> Page:
    w = words(content, brand)
    kinds = [(kind, w.source_kinds[kind]) for kind in SOURCE_KINDS]
    meta = {"title": w.sources, "description": w.sources_description, "pn_kind": "sources"}
    parts = [w.sources_intro + "\n"]
    for kind, heading in kinds:
        entries = [s for s in content.sources.values() if s.kind == kind]
        if not entries:
            continue
        items = [{"anchor": source_anchor(s.id), "source": s, "where_year": _where_year(s, w)} for s in entries]
        parts.append(f"## {heading}\n\n" + fragment("bibliography.html", entries=items) + "\n")
    return Page(SOURCES_PAGE, "\n".join(parts), meta)


def render_pages(content: Content, brand: Brand, handouts: bool = False) -> list[Page]:
    sections = {a.slug: a.meta.section for a in content.articles}
    pages = [render_article(content, a, brand, sections) for a in content.articles]
    pages += [render_exercise(content, e, brand, handouts) for e in content.exercises]
    if content.exercises:
        pages.append(render_exercise_library(content, brand))
        pages.append(render_home_programme(content, brand, handouts))
    pages += programme.render_pages(content, brand)  # /programme/ and /programme/view/, when content_src/programme.yml exists
    if content.glossary:
        pages.append(render_glossary(content, brand))
    pages.append(render_sources(content, brand))
    return pages


def render_contents(content: Content, brand: Brand) -> Page:
    """A language edition's home page until docs/index.md is translated: its title, one line,
    and every published page by section (the words are ui.yml's, the titles the translations')."""
    w = words(content, brand)
    parts = [f"# {escape(w.contents_title or w.home)}\n", (w.contents_intro or "") + "\n"]
    for section in content.sections:
        articles = [a for a in content.articles if a.meta.section == section.id]
        if articles:
            links = "\n".join(f"- [{escape(a.meta.title)}]({article_path(content, a)})" for a in articles)
            parts.append(f"## {escape(section.title)}\n\n{links}\n")
    others = []
    if content.exercises:
        others.append(f"- [{escape(w.library_title)}]({EXERCISES_INDEX})")
    if content.glossary:
        others.append(f"- [{escape(w.glossary)}]({GLOSSARY_PAGE})")
    others.append(f"- [{escape(w.sources)}]({SOURCES_PAGE})")
    parts.append("\n".join(others) + "\n")
    meta = {"title": w.contents_title or w.home, "description": w.contents_intro or ""}
    return Page("index.md", "\n".join(parts), meta)


def asset_files(content: Content) -> list[tuple[str, str]]:
    """(published path, source file) for pictures that pages use."""
    out = []
    for entry in content.exercises:
        for name in (entry.data.images.start, entry.data.images.end):
            out.append((f"{EXERCISE_IMAGES}/{name}", str(entry.path.parent / "images" / name)))
    for svg in sorted((content.root / ILLUSTRATIONS).glob("*.svg")):
        out.append((f"{ILLUSTRATIONS}/{svg.name}", str(svg)))
    return out


CLINIC_PAGES = "clinic"


def clinic_page_path(source) -> str:
    return f"{CLINIC_PAGES}/{source.stem}.md"


def _distinct_prefix(title: str, neighbour: str | None) -> str:
    """The start of `title` that tells it from `neighbour`, as on a dictionary's page: one
    letter when that is enough ("B"), else up to the end of the word that differs
    ("Coping with a slipped"), never a cut word."""
    a, b = title.casefold(), (neighbour or "").casefold()
    length = 1
    while length < len(a) and a[:length] == b[:length]:
        length += 1
    if length > 1:
        while length < len(title) and title[length].isalnum():
            length += 1
    prefix = title[:length].strip()
    return prefix[:1].upper() + prefix[1:]


def _grouped(entries: list[tuple[str, str]], size: int) -> list:
    """Nav items for (title, path) pairs in title order: the paths, or A-to-Z groups of at most `size`.

    Material writes a section's whole menu into each of its pages, so without
    groups a section of 1,000 articles puts 1,000 links into every one of them:
    slow to download on a phone, and a build time that grows with the square
    of the page count.
    """
    if len(entries) <= size:
        return [path for _, path in entries]
    groups = min(size, math.ceil(len(entries) / size))
    per_group = math.ceil(len(entries) / groups)
    chunks = [entries[i:i + per_group] for i in range(0, len(entries), per_group)]
    nav = []
    for index, chunk in enumerate(chunks):
        before = chunks[index - 1][-1][0] if index else None
        after = chunks[index + 1][0][0] if index + 1 < len(chunks) else None
        label = f"{_distinct_prefix(chunk[0][0], before)} to {_distinct_prefix(chunk[-1][0], after)}"
        nav.append({label: _grouped(chunk, size)})
    return nav


def navigation(content: Content, docs_pages: list[str], brand: Brand | None = None) -> list:
    """Home, then each section's articles in order, then the remaining pages.

    A section with more articles than site.yml's nav_group_size lists them A to Z,
    in groups of at most that many.
    """
    size = content.site.nav_group_size
    w = words(content, brand)
    nav: list = []
    if "index.md" in docs_pages:
        nav.append({w.home: "index.md"})
    for section in content.sections:
        articles = [a for a in content.articles if a.meta.section == section.id]
        if len(articles) > size:
            entries = sorted(((a.meta.title, article_path(content, a)) for a in articles), key=lambda e: e[0].casefold())
            nav.append({section.title: _grouped(entries, size)})
        elif articles:
            nav.append({section.title: [article_path(content, a) for a in articles]})
    if content.exercises:
        nav.append({w.exercises: [EXERCISES_INDEX, *(exercise_path(e) for e in content.exercises), HOME_PROGRAMME,
                                  *programme.nav_pages(content)]})
    if content.glossary:
        nav.append({w.glossary: GLOSSARY_PAGE})
    nav.append({w.sources: SOURCES_PAGE})
    nav.extend(p for p in docs_pages if p != "index.md")
    if brand and brand.clinic and brand.clinic.pages(brand.language):
        nav.append({w.about_clinic.format(name=brand.short_name):
                    [clinic_page_path(p) for p in brand.clinic.pages(brand.language)]})
    return nav
