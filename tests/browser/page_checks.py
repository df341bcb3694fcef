"""Checks of one page in a real browser, shared by the tests of each engine's output.

test_every_page.py runs them on every page of the default (MkDocs) build;
test_zensical_output.py on a sample of Zensical's. Each takes an open tab, the site's
address and a page's path, and fails with a message that names what a reader would miss.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from guide.pages.safety_html import DISCLAIMER, EMERGENCY, RED_FLAGS, RED_FLAGS_SHORT

RED_FLAG_BOX = f'[data-safety="{RED_FLAGS}"]'
DISCLAIMER_BOX = f'[data-safety="{DISCLAIMER}"]'
STRIP = f'[data-safety="{EMERGENCY}"]'
COMPACT_COPY = f'[data-safety="{RED_FLAGS_SHORT}"]'
# Addresses a page may use without asking any server.
LOCAL_SCHEMES = ("data", "blob", "about")

# One round trip per page: what is on the page and whether it shows.
SHOWN = """([selectors]) => Object.fromEntries(selectors.map(s => [s, [...document.querySelectorAll(s)].map(
    el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))]))"""
HEADING_SHOWN = """(box) => { const h = box.querySelector('h2, h3');
    return !!h && h.checkVisibility({visibilityProperty: true, opacityProperty: true}); }"""


# Both full stylesheets applied: they, Material's bundle and its search worker load at the reader's
# first interaction (docs/overrides/main.html), never before it (test_first_paint.py).
# Both full stylesheets apply: loaded at the first interaction, or linked in <head> from the start
# on pages that defer nothing (the programme pages, a clinic's copy: no #pn-styles template).
FULL_STYLES_ON = ("() => !document.getElementById('pn-styles') || "
                  "[...document.querySelectorAll('link[data-pn-full]')].filter(l => l.media === 'all' && l.sheet).length === 2")
BUNDLE_RAN = "() => typeof window.document$ === 'object'"  # Material's bundle defines its observables


def _until_quiet(tab, requested: list[str], quiet_ms: int = 500, limit_ms: int = 15_000) -> None:
    """Wait until no new request has started for quiet_ms (what the bundle fetches after it runs)."""
    count, quiet, waited = -1, 0, 0
    while quiet < quiet_ms and waited < limit_ms:
        tab.wait_for_timeout(250)
        waited += 250
        quiet = quiet + 250 if len(requested) == count else 0
        count = len(requested)


def assert_nothing_requested_from_another_origin(tab, site_url: str, path: str) -> None:
    """Everything the page fetches, before and after the reader's first interaction, comes from
    the site itself."""
    own = urlsplit(site_url)
    requested: list[str] = []

    def record(request) -> None:
        requested.append(request.url)

    tab.on("request", record)
    try:
        # networkidle: also catches what the page fetches after loading (search index, workers).
        response = tab.goto(site_url + path, wait_until="networkidle")
        tab.mouse.move(5, 300)  # the reader's first interaction: the full styles, the bundle, search
        tab.wait_for_function(FULL_STYLES_ON, timeout=15_000)
        tab.wait_for_function(BUNDLE_RAN, timeout=15_000)
        _until_quiet(tab, requested)
    finally:
        tab.remove_listener("request", record)
    assert response.ok, f"{path} answered {response.status}"
    assert any(urlsplit(u).path.endswith(".css") for u in requested), "the page loaded no stylesheet at all"
    assert any(urlsplit(u).path.endswith(".js") for u in requested), "Material's bundle never loaded"
    foreign = [
        u for u in requested
        if urlsplit(u).scheme not in LOCAL_SCHEMES and (urlsplit(u).scheme, urlsplit(u).netloc) != (own.scheme, own.netloc)
    ]
    assert foreign == []


# One round trip per page: each safety box on the screen, its heading and its call links.
_BOXES_ON_SCREEN = """([selectors]) => {
    const shown = e => !!e && e.checkVisibility({visibilityProperty: true, opacityProperty: true});
    return Object.fromEntries(selectors.map(s => [s, [...document.querySelectorAll('article ' + s)].map(box => ({
        shown: shown(box), heading: shown(box.querySelector('h2, h3')),
        calls: [...box.querySelectorAll('a.pn-call[href^="tel:"]')].filter(shown).map(a => a.getAttribute('href')),
    }))]));
}"""


def assert_safety_boxes_shown(tab, site_url: str, path: str) -> None:
    """On the screen: the full warning-signs box with its heading, the emergency instruction
    (the strip on articles and exercises, the full box elsewhere) with a shown call link, and
    exactly one disclaimer with its heading."""
    tab.goto(site_url + path)
    seen = tab.evaluate(_BOXES_ON_SCREEN, [[RED_FLAG_BOX, STRIP, DISCLAIMER_BOX]])
    boxes, strips, disclaimers = seen[RED_FLAG_BOX], seen[STRIP], seen[DISCLAIMER_BOX]
    # An exercise page also holds a print-only copy of the box for its second sheet: the first one shows.
    assert boxes and boxes[0]["shown"] and boxes[0]["heading"], f"the warning-signs box is missing or hidden: {boxes}"
    emergency = strips[0] if strips else boxes[0]
    assert emergency["shown"], f"the emergency instruction is hidden: {strips}"
    assert emergency["calls"], f"the emergency instruction has no call link that shows: {emergency}"
    assert [d["shown"] and d["heading"] for d in disclaimers] == [True], \
        f"disclaimer on screen: {disclaimers} (want exactly one, shown with its heading)"


# One round trip per page: where the title, the emergency strip's parts, the answer's first words
# and the full box are on a phone's first screen, and whether each shows.
_FIRST_SCREEN = """() => {
    const shown = e => !!e && e.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const where = e => e && {shown: shown(e), top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom,
                             height: e.getBoundingClientRect().height, text: e.textContent.trim()};
    const strip = document.querySelector('article [data-safety="%(strip)s"]');
    const answer = document.querySelector('article .pn-answer');
    let words = null;
    if (answer) {  // the first four words, wherever the lines break
        const walk = document.createTreeWalker(answer, NodeFilter.SHOW_TEXT);
        let text = walk.nextNode();
        while (text && !text.data.trim()) text = walk.nextNode();
        if (text) {
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, text.data.match(/^\\s*(\\S+\\s+){0,3}\\S+/)[0].length);
            const rects = [...range.getClientRects()];
            words = {shown: shown(answer), text: range.toString().trim(), bottom: Math.max(...rects.map(r => r.bottom))};
        }
    }
    const boxes = [...document.querySelectorAll('[data-safety="%(box)s"]')];
    return {
        scrollY, height: innerHeight,
        title: where(document.querySelector('article h1')),
        strip: where(strip),
        signs: strip ? [...strip.querySelectorAll('li')].map(where) : [],
        call: where(strip && strip.querySelector('a.pn-call[href^="tel:"]')),
        words,
        box: where(boxes[0]), boxHeading: where(boxes[0] && boxes[0].querySelector('h2, h3')),
        otherBoxesShown: boxes.slice(1).map(shown),
    };
}""" % {"strip": EMERGENCY, "box": RED_FLAGS}


def assert_first_phone_screen_answers_and_says_when_to_call(phone_tab, site_url: str, path: str) -> None:
    """Title, the emergency strip (its call button and every emergency sign in a few words) and
    the answer's first words all on the first 390x844 screen; the full box near the top after it."""
    phone_tab.goto(site_url + path)
    seen = phone_tab.evaluate(_FIRST_SCREEN)
    height = seen["height"]
    assert seen["scrollY"] == 0

    def on_screen(what: str, where) -> None:
        assert where and where["shown"], f"{what} is missing or hidden"
        assert 0 <= where.get("top", 0) and where["bottom"] <= height, \
            f"{what} ends at {where['bottom']:.0f} px, below the first {height} px screen"

    on_screen("the title", seen["title"])
    on_screen("the emergency strip", seen["strip"])
    on_screen("the strip's call button", seen["call"])
    assert seen["call"]["height"] >= 44, f"the call button is a small tap target ({seen['call']['height']:.0f} px)"
    assert len(seen["signs"]) >= 9, f"the strip names only {len(seen['signs'])} emergency signs"
    for sign in seen["signs"]:
        on_screen(f"the emergency sign {sign['text']!r}", sign)
    assert seen["words"] and len(seen["words"]["text"].split()) == 4, f"no answer's first words found: {seen['words']}"
    on_screen(f"the answer's first words ({seen['words']['text']!r})", seen["words"])
    # The full box follows the answer: shown, starting within the second screen. (An exercise page also
    # holds a print-only copy for its second printed sheet: never on screen.)
    assert seen["box"]["shown"] and seen["boxHeading"]["shown"], "the full warning-signs box is hidden"
    assert seen["strip"]["bottom"] <= seen["box"]["top"] < 2 * height, \
        f"the full warning-signs box starts at {seen['box']['top']:.0f} px, not near the top"
    assert seen["otherBoxesShown"] == [False] * len(seen["otherBoxesShown"])
