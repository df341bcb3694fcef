"""Printable exercise handouts: one PDF per exercise and a combined home programme.

Printed by Chromium (through Playwright) from the site's own, already verified
pages, with the print stylesheet: the PDF shows exactly what the page shows,
warning signs and disclaimer included, and needs no second layout engine.
WeasyPrint was the alternative; it would need Pango from the system and would
render our CSS differently from the browsers patients use.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from ..content.brand import Brand
from ..content.loaded import Content
from ..pages.paths import HOME_PROGRAMME, HOME_PROGRAMME_SLUG
from .chromium import FLAGS as CHROMIUM_FLAGS
from .chromium import find_chromium

HANDOUTS_DIR = "handouts"
PAPERS = ("A4", "Letter")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


# Links between the site's own pages would point into the build folder on
# paper (file:///...): keep their text, drop the link. Web, phone and e-mail
# links stay, and the print stylesheet writes web addresses out in full.
_UNLINK_LOCAL_PAGES = """() => {
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.protocol === 'file:') a.removeAttribute('href');
  }
}"""


# The sheets are laid out for the print face (guide.css, @font-face "PN Print Sans"): printing
# before it has loaded would lay a sheet out in a wider fallback face, which overflows.
_PRINT_FACE_LOADED = """() => Promise.all(['400 12pt "PN Print Sans"', '700 12pt "PN Print Sans"']
  .map((font) => document.fonts.load(font))).then(() => document.fonts.ready).then(() => true)"""


class HandoutError(Exception):
    pass


def chromium() -> str:
    path = find_chromium()
    if not path:
        raise HandoutError("handouts need Chromium: install Debian's 'chromium' package or set GUIDE_CHROMIUM")
    return path


def paper(brand: Brand) -> str:
    # US and Canadian printers use Letter; everyone else A4. By country, not locale: a Spanish
    # copy for a US clinic prints on Letter too.
    return "Letter" if brand.country in ("US", "CA") else "A4"


def pdf_name(slug: str) -> str:
    return f"{HANDOUTS_DIR}/{slug}.pdf"


def page_count(pdf: bytes) -> int:
    return len(_PAGE_OBJECT.findall(pdf))


def handout_pages(content: Content) -> list[tuple[str, str]]:
    """(page folder, PDF path) for every exercise, then the home programme."""
    pages = [(f"exercises/{e.slug}", pdf_name(e.slug)) for e in content.exercises]
    pages.append((PurePosixPath(HOME_PROGRAMME).with_suffix("").as_posix(), pdf_name(HOME_PROGRAMME_SLUG)))
    return pages


def print_handouts(site_dir: Path, content: Content, brand: Brand, paper_size: str | None = None,
                   out_dir: Path | None = None) -> list[Path]:
    """Print the handout pages of the built site; return the PDFs written.

    Printed at full size, never shrunk to fit: the print stylesheet lays each
    sheet out to fit A4 and Letter at 12 pt, with the warning signs at its top
    (tests/test_print.py reads every page of every PDF on both papers).
    `paper_size` and `out_dir` let tests print on the other paper too.
    """
    from playwright.sync_api import Error, sync_playwright

    site_dir = Path(site_dir)
    out_dir = Path(out_dir) if out_dir else site_dir
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.emulate_media(media="print")
            for folder, pdf in handout_pages(content):
                source = site_dir / folder / "index.html"
                target = out_dir / pdf
                target.parent.mkdir(parents=True, exist_ok=True)
                page.goto(source.as_uri(), wait_until="load")
                page.evaluate(_UNLINK_LOCAL_PAGES)
                page.evaluate(_PRINT_FACE_LOADED)
                # No margins given: the stylesheet's @page margins hold the clinic's footer.
                target.write_bytes(page.pdf(format=paper_size or paper(brand), print_background=True))
                written.append(target)
            browser.close()
    except Error as exc:
        raise HandoutError(f"printing handouts failed: {exc.message}") from None
    return written
