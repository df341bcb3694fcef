"""The home-programme builder (/programme/) and the patient's view (/programme/view/) in Chromium.

A programme made in the builder opens, the same, from its link in a fresh browser; ticks stay on
the device; the printout carries the warning signs on every page; the QR code scans to the link;
no request carries the programme; the view works offline and an updated warning box replaces a
cached one; axe finds nothing; the builder works from the keyboard; a crafted link cannot add markup.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, PHONE
from helpers import ROOT, exercise_text, pdf_page_texts, stop_rule_ends
from testkit.http import serve_folder

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EMERGENCY = "Call 911 now if you have any of these"
PROGRAMME = [  # (exercise id, field -> value typed into the builder)
    ("chin-tuck", {"reps": "8", "hold": "6", "per_day": "3"}),
    ("sciatic-nerve-glide", {"reps": "12", "sets": "2", "days": "5", "side": "l"}),
    ("bridge", {"reps": "7", "sets": "3", "note": "Slowly, and breathe out as you lift."}),
]


def link_for(rows: list) -> str:
    code = base64.urlsafe_b64encode(json.dumps(rows).encode()).decode().rstrip("=")
    return f"/programme/view/#v1.{code}"


def build_programme(page, base: str) -> str:
    page.goto(base + "/programme/")
    for exercise, fields in PROGRAMME:
        page.click(f'.pn-prog-add[data-exercise="{exercise}"]')
        item = page.locator(".pn-builder__item").last
        for name, value in fields.items():
            field = item.locator(f'[data-field="{name}"]:is(input, select, textarea)')
            if name == "side":
                field.select_option(value)
            else:
                field.fill(value)
    return page.input_value("#pn-link")


def shown_programme(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.pn-prog-list .pn-prog-ex')].map(card => ({
        title: card.querySelector('.pn-prog-ex__title').textContent,
        dose: Object.fromEntries([...card.querySelectorAll('.pn-prog-dose dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent])),
        note: card.querySelector('.pn-prog-note').textContent,
    }))""")


@pytest.fixture
def fresh(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(**({"viewport": PHONE, "is_mobile": True, "has_touch": True} | options))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def test_a_programme_opens_the_same_from_its_link_in_a_fresh_browser(desktop, fresh, site_url):
    link = build_programme(desktop, site_url)
    assert link.startswith(site_url + "/programme/view/#v1."), link
    assert len(link) < 400, "the link should stay short enough for a QR code and a text message"
    phone = fresh().new_page()
    phone.goto(link)
    shown = shown_programme(phone)
    assert [s["title"] for s in shown] == ["Chin tuck", "Sciatic nerve glide (sitting)", "Bridge"]
    assert shown[0]["dose"] == {"Repeat": "8 times", "Sets": "1", "Hold": "6 seconds",
                                "Times a day": "3", "Days a week": "7"}
    assert shown[1]["dose"]["Repeat"] == "12 times" and shown[1]["dose"]["Sets"] == "2"
    assert shown[1]["dose"]["Days a week"] == "5" and shown[1]["dose"]["Side"] == "Left side"
    assert shown[2]["note"] == "Slowly, and breathe out as you lift."
    # The same warning box and disclaimer as every page, and each exercise's stop rules.
    assert phone.locator('.pn-sheet-head [data-safety="red-flags"]').is_visible()
    assert phone.locator('[data-safety="disclaimer"]').is_visible()
    assert phone.locator(".pn-prog-list .pn-prog-stop").count() == 3
    assert phone.locator(".pn-prog-list img").count() == 6


def test_done_ticks_stay_on_the_device_across_a_reload_and_can_be_cleared(fresh, site_url):
    page = fresh().new_page()
    page.goto(site_url + link_for([["chin-tuck", 5, 1, 3, 2, 7, "", ""], ["bridge", 5, 1, 3, 1, 7, "", ""]]))
    page.locator(".pn-prog-done input").nth(1).check()
    page.reload()
    assert [box.is_checked() for box in page.locator(".pn-prog-done input").all()] == [False, True]
    week = page.locator(".pn-prog-week table")
    assert week.locator("td.pn-week-done").count() == 1
    stored = page.evaluate("() => Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])")
    assert len(stored) == 1 and "Chin tuck" not in stored[0][1], "only tick marks are stored, no exercise or note"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".pn-prog-clear")
    page.reload()
    assert not any(box.is_checked() for box in page.locator(".pn-prog-done input").all())
    assert "cannot" not in page.locator(".pn-prog-storage").inner_text()
    assert "not sent to your clinic" in page.locator(".pn-prog-storage").inner_text()


def _pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "programme.pdf"
    path.write_bytes(pdf)
    return pdf_page_texts(path)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_programme_has_the_warning_signs_on_every_page(desktop, site_url, tmp_path, paper):
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (Debian: poppler-utils)")
    build_programme(desktop, site_url)
    desktop.emulate_media(media="print")
    pages = _pdf_pages(desktop.pdf(format=paper), tmp_path)
    assert len(pages) == len(PROGRAMME) + 1, "a cover sheet, then one sheet per exercise"
    for number, text in enumerate(pages, 1):
        assert EMERGENCY in text and "Get medical advice today" in text, f"page {number}"
    assert "About this information" in pages[0] and "Name:" in pages[0]
    for (exercise, _), text in zip(PROGRAMME, pages[1:]):
        assert "Stop and get help if" in text and "Your dose" in text and "How to do it" in text, exercise
    assert "Slowly, and breathe out as you lift." in pages[3]
    assert "Make a home programme" not in " ".join(pages), "the builder's own controls do not print"


# (path prefix, emergency heading, urgent heading, stop rules' heading) of each language's edition.
LANGUAGES = {"en": ("", EMERGENCY, "Get medical advice today", "Stop and get help if"),
             "es": ("/es", "Llame al 911 ahora si tiene alguna de estas señales",
                    "Pida consejo médico hoy mismo si tiene alguna de estas señales", "Pare y pida ayuda si")}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_longest_programme_keeps_each_exercise_s_stop_rules_on_its_own_sheet(desktop, site_url, tmp_path, paper, language):
    """Every exercise of the library (cycling's seven stop rules are the longest), with every dose
    field at its largest and a note of the longest length allowed: still one sheet per exercise,
    each with the warning signs, and the exercise's title, note and every stop rule on that sheet.
    In Spanish too, which runs about a sixth longer."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (Debian: poppler-utils)")
    from guide.pages.programme import LIMITS

    prefix, emergency, urgent, stop_heading = LANGUAGES[language]
    lang = "" if language == "en" else language
    slugs = sorted(p.stem for p in (ROOT / "content_src" / "exercises").glob("*.yml"))
    note = ("Walk a little further each day if your legs feel no worse the next morning. Write down how far "
            "you went, how long it took and how your back and legs felt, and bring all your notes with you every time.")
    assert len(note) == LIMITS["note"]
    dose = [LIMITS[k] for k in ("reps", "sets", "hold", "per_day", "days")]
    desktop.goto(site_url + prefix + link_for([[slug, *dose, "b", note] for slug in slugs]))
    desktop.wait_for_selector(".pn-prog-list .pn-prog-ex")
    desktop.emulate_media(media="print")
    pages = _pdf_pages(desktop.pdf(format=paper), tmp_path)
    assert len(pages) == len(slugs) + 1, "a cover sheet, then one sheet per exercise"
    for slug, text in zip(slugs, pages[1:]):
        title = " ".join(exercise_text(slug, lang)["title"].split())
        assert emergency in text and urgent in text, slug
        assert title in text and "notes with you every time." in text, slug
        assert stop_heading in text, slug
        away = [end for end in stop_rule_ends(slug, lang) if end not in text]
        assert away == [], f"{slug} ({paper}, {language}): stop rules printed away from the exercise's sheet: {away}"


def test_the_qr_code_scans_to_the_link(desktop, site_url):
    import zxingcpp
    from PIL import Image
    import io

    link = build_programme(desktop, site_url)
    image = Image.open(io.BytesIO(desktop.locator(".pn-prog-qr__code svg").screenshot()))
    assert image.width >= 180, "big enough to scan from a screen"
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [link]
    # The patient's view shows the same code (for printing it there).
    desktop.goto(link)
    image = Image.open(io.BytesIO(desktop.locator(".pn-prog-qr__code svg").screenshot()))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [link]


def test_no_request_carries_the_programme(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    link = build_programme(page, site_url)
    page.goto(link, wait_until="networkidle")
    page.locator(".pn-prog-done input").first.check()
    page.reload(wait_until="networkidle")
    context.close()
    code = urlsplit(link).fragment
    assert requested, "nothing was recorded"
    assert [u for u in requested if code[3:20] in u or "breathe" in u or "#" in u] == []
    assert all(urlsplit(u).netloc == urlsplit(site_url).netloc for u in requested)


def test_a_crafted_link_shows_markup_as_text(fresh, site_url):
    page = fresh().new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    note = '<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b>'
    page.goto(site_url + link_for([["bridge", 5, 1, 3, 1, 7, "", note[:200]]]))
    assert page.locator(".pn-prog-note").text_content() == note[:200]
    assert page.locator(".pn-prog-note *").count() == 0
    assert page.locator(".pn-prog-list script, .pn-prog-list img[src='x']").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


@pytest.mark.parametrize("rows, message", [
    ([["no-longer-here", 5, 1, 0, 1, 7, "", ""]], "no longer in the guide"),
    ([["bridge", 5000, 1, 0, 1, 7, "", ""]], "could not be read"),
    ([["bridge", 5, 1, 0, 1, 7, "x", ""]], "could not be read"),
    ([["<b>", 5, 1, 0, 1, 7, "", ""]], "could not be read"),
])
def test_unknown_or_invalid_links_are_explained_not_errors(fresh, site_url, rows, message):
    page = fresh().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(site_url + link_for(rows))
    assert response.ok
    assert message in page.locator(".pn-programme").inner_text()
    assert errors == []
    if rows[0][0] == "no-longer-here":
        assert page.locator(".pn-prog-unknown-id").text_content() == "no-longer-here"
    page.goto(site_url + "/programme/view/#v1.%%%")
    assert "could not be read" in page.locator(".pn-programme").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_both_pages_have_no_wcag_violations(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    link = build_programme(page, site_url)
    for url in (page.url, link):
        page.goto(url)
        page.reload()
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        assert results.response["violations"] == [], f"{url}\n{results.generate_report()}"
    context.close()


def test_the_builder_works_from_the_keyboard(desktop, site_url):
    desktop.goto(site_url + "/programme/")
    desktop.focus("#pn-search")
    desktop.keyboard.type("glide")
    visible = desktop.locator(".pn-builder__choices > li:visible .pn-builder__name").all_inner_texts()
    assert visible and all("glide" in name.lower() for name in visible)
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.classList.contains('pn-prog-add')")
    desktop.keyboard.press("Enter")
    # Focus moves to the new exercise's first dose field, ready to type.
    assert desktop.evaluate("document.activeElement.dataset.field") == "reps"
    desktop.keyboard.press("Control+a")
    desktop.keyboard.type("9")
    assert desktop.input_value("#pn-link").startswith(site_url + "/programme/view/#v1.")
    rows = json.loads(base64.urlsafe_b64decode(urlsplit(desktop.input_value("#pn-link")).fragment[3:] + "=="))
    assert rows[0][1] == 9


@pytest.fixture
def own_site(real_site, tmp_path):
    """A copy of the built site on its own server, so a test can change a page between visits."""
    root = tmp_path / "site"
    shutil.copytree(real_site.site, root)

    with serve_folder(root, headers={"Cache-Control": "no-cache"}) as url:
        yield root, url


def _ready(page) -> None:
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def test_offline_after_the_first_visit_and_updated_warnings_replace_cached_ones(browser, own_site):
    root, base = own_site
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    link = base + link_for([["chin-tuck", 5, 1, 3, 2, 7, "", ""], ["bridge", 5, 1, 3, 1, 7, "", "Gently"]])
    page.goto(link)
    _ready(page)
    page.reload()  # now through the service worker, which caches the page as it passes

    context.set_offline(True)
    page.goto("about:blank")  # away, then back without a connection
    page.goto(link)
    assert [s["title"] for s in shown_programme(page)] == ["Chin tuck", "Bridge"]
    assert page.locator('.pn-sheet-head [data-safety="red-flags"]').is_visible()
    assert page.evaluate("() => [...document.querySelectorAll('.pn-prog-list img')].every(i => i.complete && i.naturalWidth > 0)")
    # The print face too: printed offline, the programme breaks into the same sheets.
    assert page.evaluate("""() => Promise.all(['400', '700'].map(w => fetch(`../../assets/vendor/arimo-5.3.0/arimo-latin-${w}-normal.woff2`)
        .then(r => r.ok, () => false))).then(ok => ok.every(Boolean))""")

    # The warning signs are updated on the server; online, the patient gets the new text at once...
    context.set_offline(False)
    view = root / "programme" / "view" / "index.html"
    old = "Neck or back pain after a serious accident, such as a car crash or a fall from a height."
    html = view.read_text(encoding="utf-8")
    assert old in html
    view.write_text(html.replace(old, "UPDATED WARNING SIGN."), encoding="utf-8")
    page.goto("about:blank")
    page.goto(link)
    assert "UPDATED WARNING SIGN." in page.locator('.pn-sheet-head [data-safety="red-flags"]').inner_text()
    # ...and the cached copy is the new one when the connection goes again.
    context.set_offline(True)
    page.goto("about:blank")
    page.goto(link)
    box = page.locator('.pn-sheet-head [data-safety="red-flags"]').inner_text()
    assert "UPDATED WARNING SIGN." in box and old not in box
    context.close()


def test_the_site_is_installable_and_the_worker_is_small(real_site):
    manifest = json.loads((real_site.site / "manifest.webmanifest").read_text())
    assert manifest["start_url"] == "./programme/view/" and manifest["display"] == "standalone"
    worker = (real_site.site / "sw.js").read_text()
    assert "networkFirst" in worker and "eval(" not in worker and len(worker) < 6000
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>")
    theme = len(inline.findall((real_site.site / "index.html").read_text()))
    for page in ("programme/index.html", "programme/view/index.html"):
        html = (real_site.site / page).read_text()
        # No inline script beyond the theme's own, hashed ones: the page logic is an external file.
        assert len(inline.findall(html)) == theme, page
        assert 'src="../../assets/javascripts/programme.js"' in html or 'src="../assets/javascripts/programme.js"' in html


def test_a_spanish_programme_link_opens_in_spanish_under_the_spanish_warning_box(fresh, site_url):
    page = fresh().new_page()
    page.goto(site_url + "/es" + link_for([["chin-tuck", 8, 2, 6, 3, 5, "l", "Despacio, sin dolor."],
                                           ["bridge", 7, 3, 5, 1, 4, "", ""]]))
    page.wait_for_selector(".pn-prog-list .pn-prog-ex")
    assert page.get_attribute("html", "lang") == "es"
    shown = shown_programme(page)
    assert [s["title"] for s in shown] == [exercise_text("chin-tuck", "es")["title"], exercise_text("bridge", "es")["title"]]
    assert shown[0]["dose"] == {"Repetir": "8 veces", "Series": "2", "Mantener": "6 segundos", "Veces al día": "3",
                                "Días a la semana": "5", "Lado": "Lado izquierdo"}
    assert shown[0]["note"] == "Despacio, sin dolor."
    assert shown[1]["dose"]["Repetir"] == "7 veces" and shown[1]["dose"]["Días a la semana"] == "4"
    box = page.locator('.pn-sheet-head [data-safety="red-flags"]')
    assert box.is_visible() and "Llame al" in box.inner_text() and "Call" not in box.inner_text()
    assert page.locator('[data-safety="disclaimer"]').is_visible()
    first = page.locator(".pn-prog-list .pn-prog-ex").first
    assert box.bounding_box()["y"] + box.bounding_box()["height"] <= first.bounding_box()["y"], "the exercises come under the box"
    for slug, card in zip(("chin-tuck", "bridge"), page.locator(".pn-prog-list .pn-prog-ex").all()):
        stop = card.locator(".pn-prog-stop")
        assert stop.is_visible() and stop.locator(".admonition-title").inner_text().strip() == "Pare y pida ayuda si", slug
        text = " ".join(stop.inner_text().split())
        away = [end for end in stop_rule_ends(slug, "es") if end not in text]
        assert away == [], f"{slug}: Spanish stop rules missing from the programme: {away}"
        assert "Stop and get help" not in card.inner_text(), slug
