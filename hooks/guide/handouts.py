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

from .brand import Brand
from .load import Content
from .render import HOME_PROGRAMME, HOME_PROGRAMME_SLUG
from .chromium import FLAGS as CHROMIUM_FLAGS
from .chromium import find_chromium

HANDOUTS_DIR = "handouts"
# A single exercise should fit one sheet. Like a print dialog's "fit to page",
# shrink a little when it does not fit one side, but never below a size that
# stays readable; if it still does not fit, it takes both sides at full size.
FIT_SCALES = (1.0, 0.94, 0.88)
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


# Links between the site's own pages would point into the build folder on
# paper (file:///...): keep their text, drop the link. Web, phone and e-mail
# links stay, and the print stylesheet writes web addresses out in full.
_UNLINK_LOCAL_PAGES = """() => {
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.protocol === 'file:') a.removeAttribute('href');
  }
}"""


class HandoutError(Exception):
    pass


def chromium() -> str:
    path = find_chromium()
    if not path:
        raise HandoutError("handouts need Chromium: install Debian's 'chromium' package or set GUIDE_CHROMIUM")
    return path


def paper(brand: Brand) -> str:
    # US and Canadian printers use Letter; everyone else A4.
    return "Letter" if brand.locale.endswith(("-US", "-CA")) else "A4"


def pdf_name(slug: str) -> str:
    return f"{HANDOUTS_DIR}/{slug}.pdf"


def page_count(pdf: bytes) -> int:
    return len(_PAGE_OBJECT.findall(pdf))


def handout_pages(content: Content) -> list[tuple[str, str, bool]]:
    """(page folder, PDF path, must fit one sheet) for every exercise, then the home programme."""
    pages = [(f"exercises/{e.slug}", pdf_name(e.slug), True) for e in content.exercises]
    pages.append((PurePosixPath(HOME_PROGRAMME).with_suffix("").as_posix(), pdf_name(HOME_PROGRAMME_SLUG), False))
    return pages


def print_handouts(site_dir: Path, content: Content, brand: Brand) -> list[Path]:
    """Print the handout pages of the built site; return the PDFs written.

    A single exercise is shrunk step by step (FIT_SCALES) until it fits one side of a sheet;
    if it never does, it is printed at full size on both sides.
    """
    from playwright.sync_api import Error, sync_playwright

    site_dir = Path(site_dir)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.emulate_media(media="print")
            for folder, pdf, one_sheet in handout_pages(content):
                source = site_dir / folder / "index.html"
                target = site_dir / pdf
                target.parent.mkdir(parents=True, exist_ok=True)
                page.goto(source.as_uri(), wait_until="load")
                page.evaluate(_UNLINK_LOCAL_PAGES)
                scales = FIT_SCALES if one_sheet else FIT_SCALES[:1]
                first = None
                for scale in scales:
                    pdf_bytes = page.pdf(format=paper(brand), print_background=True, scale=scale,
                                         margin={"top": "8mm", "bottom": "12mm", "left": "10mm", "right": "10mm"})
                    first = first or pdf_bytes
                    if page_count(pdf_bytes) == 1:
                        break
                else:
                    # Too long for one side even shrunk: both sides of the sheet at full size
                    # read better than one side in small print.
                    pdf_bytes = first
                target.write_bytes(pdf_bytes)
                written.append(target)
            browser.close()
    except Error as exc:
        raise HandoutError(f"printing handouts failed: {exc.message}") from None
    return written
