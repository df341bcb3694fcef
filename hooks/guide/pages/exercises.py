"""An exercise's page and the home programme (every exercise on one page, to print).
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..content import models
from ..content.brand import Brand
from ..content.loaded import Content, ExerciseEntry
from ..content.programme_texts import load_texts
from .safety_html import red_flag_short_box
from .templating import PROGRAMME, fragment, macro
from .metadata import reviewed_page_meta
from .parts import block, bullets, FIRST_SCREEN, Page, review_line, sentence, sources_list
from .paths import exercise_path, HOME_PROGRAMME, HOME_PROGRAMME_SLUG
from .wording import fill_tokens, plain_tokens, words


# The order of the dose rows; their words are in content_src/ui.yml.
DOSE_FIELDS = ("reps", "sets", "hold", "duration", "how_often")


def _dose_labels(w: models.UiWords) -> list[tuple[str, str]]:
    return [(key, w.dose[key]) for key in DOSE_FIELDS]


def _figure(src: str, alt: str, caption: str, up: str, css_class: str, enlarge: str) -> str:
    return str(macro("figure.html", "figure")(src, alt, caption, up, css_class, enlarge))


def _figures(slug_images, up: str, w: models.UiWords) -> str:
    return fragment("exercise_figures.html", images=slug_images, up=up, words=w) + "\n\n"


def _handout_link(slug: str, label: str) -> str:
    return fragment("handout_link.html", slug=slug, label=label) + "\n\n"


def render_exercise(content: Content, entry: ExerciseEntry, brand: Brand, handouts: bool = False) -> Page:
    ex = entry.data
    w = words(content, brand)
    front = reviewed_page_meta(content, brand, ex, kind="exercise", keywords=ex.keywords)
    steps = "\n".join(f"{n}. {fill_tokens(escape(step, quote=False), brand)}" for n, step in enumerate(ex.steps, 1))
    dose_rows = [(label, getattr(ex.dose, key)) for key, label in _dose_labels(w) if getattr(ex.dose, key)]
    goals = ", ".join(w.goals[g] for g in ex.goals)
    not_for = (f'!!! warning "{w.not_for}"\n\n'
               + "\n".join(f"    - {fill_tokens(escape(i, quote=False), brand)}" for i in ex.not_for) + "\n\n")
    markdown = (
        # On paper the full box moves to a sheet of its own at the end (guide.css, print): at 12 pt
        # it fills a sheet. Each exercise sheet starts with a compact copy made from the same source.
        red_flag_short_box(content.red_flags, brand, ex.red_flags, "first") + "\n\n"
        + fragment("answer.html", answer=Markup(escape(sentence(ex.summary)))) + "\n\n"
        + FIRST_SCREEN
        + fragment("exercise_meta.html", words=w, region=w.regions[ex.region].lower(), goals=goals) + "\n\n"
        + (_handout_link(entry.slug, w.printable_sheet) if handouts else "")
        + block("pn-handout-hide",
                 f"## {w.what_it_is_for}\n\n{fill_tokens(escape(ex.purpose, quote=False), brand)}\n\n"
                 + f"## {w.who_it_suits}\n\n" + bullets(ex.suits, brand))
        + not_for.replace("!!! warning", "!!! warning pn-print-hide", 1)
        # On paper: the pictures and steps beside the dose, then the stop rules across the sheet,
        # all on the first sheet.
        + block("pn-exercise-core",
                 block("pn-exercise-core__cols",
                        block("pn-exercise-core__how",
                               f"## {w.how_to_do_it}\n\n"
                               # Each picture sits beside the words it shows: the start by the starting
                               # position, the end after the steps that lead to it.
                               + block("pn-how",
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
        + block("pn-exercise-more",
                 f"## {w.should_feel}\n\n" + bullets(ex.should_feel, brand)
                 + f"## {w.should_not_feel}\n\n" + bullets(ex.should_not_feel, brand))
        + write_in_box(content)
        + block("pn-handout-hide",
                 f"## {w.making_it_harder}\n\n" + bullets(ex.progression, brand)
                 + sources_list(content, ex.sources, 2, w))
        + review_line(ex.reviewed, ex.next_review, ex.reviewer, brand, w)
    )
    return Page(exercise_path(entry), markdown, front)


def exercise_sets(content: Content) -> list[str]:
    """The warning-sign sets of every exercise, in red_flags.yml's order: what a page of them all shows."""
    used = {s for entry in content.exercises for s in entry.data.red_flags}
    return [s for s in content.red_flag_set_ids if s in used]


def write_in_box(content: Content) -> str:
    """The box printed on every exercise sheet for the patient's name, the date and their own dose,
    in the home programme's words."""
    texts = load_texts(content)
    if texts is None:
        return ""
    return PROGRAMME.get_template("write_in.html").render(texts=texts.write_in).strip() + "\n\n"


def render_home_programme(content: Content, brand: Brand, handouts: bool = False) -> Page:
    """Every exercise on one page, briefly: to print as a home programme, one exercise a sheet."""
    w = words(content, brand)
    meta = {
        "title": plain_tokens(w.home_programme_title, brand),
        "description": w.home_programme_description,
        "pn_kind": "exercise",
        "red_flags": exercise_sets(content),
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
            + fragment("programme_item_intro.html", summary=sentence(ex.summary), words=w, slug=entry.slug) + "\n\n"
            + block("pn-sheet-columns",
                     block("pn-sheet-columns__steps",
                            _figures(ex.images, "../", w)
                            + f"**{w.starting_position}** {fill_tokens(escape(ex.starting_position, quote=False), brand)}\n\n{steps}\n")
                     + block("pn-sheet-columns__stop",
                              f"**{w.how_much}** {dose[:1].upper() + dose[1:]}.\n\n**{w.stop_and_get_help}**\n\n{stop}\n"))
        )
    return Page(HOME_PROGRAMME, "\n".join(parts), meta)
