"""The home-programme builder (/programme/), the patient's view (/programme/view/) and the service worker.

A clinician picks exercises and doses; the whole programme travels in the
link's fragment (after "#"), which browsers never send to a server, so no
page or request ever carries it. The link format (docs/assets/javascripts/
programme.js writes and reads it):

    #v1.<base64url of JSON>   JSON: [[exercise id, reps, sets, hold seconds,
                                       times a day, days a week, side, note], ...]

Exercises are named by their id (the file name in content_src/exercises/),
so a link made today still opens after the content is edited; an id that no
longer exists is shown as such. Everything the script shows of an exercise
(title, pictures, steps, stop rules) is rendered here at build time, from the
same content as its own page, into inert <template> elements; the script only
clones them and writes the link's numbers and note with textContent.

Words come from content_src/programme.yml (a language edition's from its translation,
translations/<lang>/programme.yml, loaded by guide.content.translations), HTML from hooks/guide/pages/templates/.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from markupsafe import Markup

from ..content.brand import Brand
from ..content.loaded import Content
from ..content import models
from ..content.programme_texts import SIDES, TEXTS_FILE, ProgrammeTexts, load_texts
from .parts import Page
from .exercises import exercise_sets
from .paths import EXERCISE_IMAGES, PROGRAMME_BUILDER, PROGRAMME_VIEW
from .safety_html import red_flag_short_box
from .templating import PROGRAMME, TEMPLATES
from .wording import fill_tokens
from .wording import words as ui_words  # `words` is each page's own words below

SCRIPT = "assets/javascripts/programme.js"
QR_LIBRARY = "assets/vendor/qrcode-generator-2.0.4/qrcode.min.js"
SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
LINK_VERSION = "v1"
# Limits the script enforces when it reads a link (and the builder's inputs allow).
LIMITS = {"exercises": 20, "note": 200, "reps": 100, "sets": 10, "hold": 600, "per_day": 10, "days": 7}


# ---------------------------------------------------------------- doses
_NUMBER = re.compile(r"\d+")


def _first_number(text: str | None) -> int:
    match = _NUMBER.search(text or "")
    return int(match.group()) if match else 0


def default_dose(exercise) -> dict:
    """Starting numbers for the builder, read from the exercise's own dose text (the low end of a range)."""
    dose = exercise.dose
    often = dose.how_often.lower()
    per_day = _first_number(often) if "times a day" in often or "walks a day" in often else 1
    days = 4 if "every other day" in often and "once a day" not in often else 7
    side = "b" if re.search(r"\beach (leg|side|arm)\b|\bto each side\b", dose.reps or "") else ""
    return {
        "reps": _first_number(dose.reps),
        "sets": _first_number(dose.sets) or (1 if dose.reps else 0),
        "hold": _first_number(dose.hold) if "second" in (dose.hold or "") else 0,
        "per_day": min(per_day, LIMITS["per_day"]),
        "days": days,
        "side": side,
    }


# ---------------------------------------------------------------- pages
def _json(data) -> Markup:
    # A data block, never run: "</" would still end the <script> element early.
    return Markup(json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/"))


def _exercises(content: Content, brand: Brand):
    w = ui_words(content, brand)

    def filled(text: str) -> Markup:
        return Markup(fill_tokens(str(Markup.escape(text)), brand))

    items = []
    for entry in content.exercises:
        ex = entry.data
        items.append({
            "id": entry.slug,
            "title": ex.title,
            "summary": ex.summary,
            "region": ex.region,
            "region_label": w.regions[ex.region],
            "goals": [w.goals[g] for g in ex.goals],
            "images": ex.images,
            "starting_position": filled(ex.starting_position),
            "steps": [filled(s) for s in ex.steps],
            "stop_if": [filled(s) for s in ex.stop_if],
            "dose": default_dose(_english(entry)),
        })
    return items


def _english(entry):
    """The English exercise: its dose text, in English, gives the builder its starting numbers."""
    return getattr(entry, "source", None) or entry.data


def _page_data(content: Content, texts: ProgrammeTexts, up: str) -> dict:
    return {
        "version": LINK_VERSION,
        "limits": LIMITS,
        "sides": list(SIDES),
        "exercises": {e.slug: {"title": e.data.title, "dose": default_dose(_english(e))} for e in content.exercises},
        "texts": {"builder": texts.builder.model_dump(), "view": texts.view.model_dump(), "dose": texts.dose.model_dump()},
        "view": f"{up}programme/view/",
        "sw": f"{up}{SERVICE_WORKER}",
    }


def render_pages(content: Content, brand: Brand):
    """The builder and the patient's view, as parts.Page objects (none without texts or exercises)."""

    texts = load_texts(content)
    if texts is None or not content.exercises:
        return []
    exercises = _exercises(content, brand)
    red_flags = exercise_sets(content)
    # On paper: the cover sheet's compact copy of the warning signs, which programme.js copies
    # to the top of each exercise's sheet (the full box prints on a sheet of its own at the end).
    sheet_copy = Markup(red_flag_short_box(content.red_flags, brand, red_flags, "first"))
    pages = []
    for path, template, up, words in ((PROGRAMME_BUILDER, "programme_builder.html", "../", texts.builder),
                                      (PROGRAMME_VIEW, "programme_view.html", "../../", texts.view)):
        html = PROGRAMME.get_template(template).render(
            texts=texts, exercises=exercises, regions={r: ui_words(content, brand).regions[r] for r in models.REGIONS}, up=up, limits=LIMITS, sides=SIDES,
            data=_json(_page_data(content, texts, up)), script=up + SCRIPT, qr_library=up + QR_LIBRARY,
            sheet_copy=sheet_copy,
        )
        meta = {
            "title": words.title,
            "description": words.description,
            "pn_kind": "programme",
            "red_flags": red_flags,
            "search": {"exclude": path == PROGRAMME_VIEW},
            "hide": ["toc"],  # the page's own layout needs the width
        }
        # One line: Python-Markdown passes a raw HTML block through untouched.
        pages.append(Page(path, html.strip() + "\n", meta))
    return pages


def nav_pages(content: Content) -> list[str]:
    if getattr(content, "language", "en") == "en":
        has_words = (Path(content.root) / TEXTS_FILE).exists()
    else:
        has_words = getattr(content, "programme_texts", None) is not None
    return [PROGRAMME_BUILDER, PROGRAMME_VIEW] if has_words and content.exercises else []


# ---------------------------------------------------------------- offline
def service_worker(content: Content, site_files: list[str]) -> str:
    """The service worker: the programme pages, their script and every exercise picture, kept for offline use.

    HTML is fetched network-first, so a patient online always gets the current
    warning signs; the cache answers only when the network cannot. The cache's
    name changes with what it holds, so a new build replaces an old cache.
    """
    precache = ["programme/", "programme/view/", SCRIPT, QR_LIBRARY]
    precache += [f for f in site_files if f.startswith("assets/stylesheets/") and f.endswith(".css")]
    # The print face (guide.css): a programme printed offline breaks into the same sheets as online.
    precache += [f for f in site_files if f.startswith("assets/vendor/") and f.endswith(".woff2")]
    for entry in content.exercises:
        precache += [f"{EXERCISE_IMAGES}/{entry.data.images.start}", f"{EXERCISE_IMAGES}/{entry.data.images.end}"]
    version = hashlib.sha256("\n".join(precache).encode() + _template_source("sw.js").encode()).hexdigest()[:12]
    return PROGRAMME.get_template("sw.js").render(precache=_json(precache), cache_name=_json(f"pn-{version}"))


def _template_source(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def manifest(brand: Brand, content: Content) -> str:
    # The site's tagline is English: a language edition describes the page the app opens, in its words.
    texts = load_texts(content) if getattr(content, "language", "en") != "en" else None
    data = {
        "name": brand.name,
        "short_name": brand.short_name,
        "description": texts.view.description if texts else content.site.tagline,
        "start_url": "./programme/view/",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1a3d6b",
        "lang": brand.locale,
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
