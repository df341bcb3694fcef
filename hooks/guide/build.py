"""The build command: the one place that decides whether a site is published.

    python -m guide build [--clinic SLUG] [--handouts] [--site-dir DIR]

1. Check the project before anything runs: the engine's config loads our hooks,
   the safety sources and the clinic profile are valid.
2. Run the engine (MkDocs today) in its own process, into a staging folder next
   to the site. Its output is passed through; a Python traceback is turned into
   one located line (the template or file and line it names), and the full log
   is kept in `.<site>.build.log`.
3. Check every file the engine wrote: every HTML page for the safety boxes and
   unfilled placeholders (guide.checks.pages), every other file by the site checks
   (guide.checks.site: SVGs against the allow-list, the search index and sitemaps
   for placeholders), inline
   scripts for the Content-Security-Policy; then write the hosting headers and,
   if asked, print the handouts.
4. Swap the staging folder into place in one step, only when the engine exited 0
   and every check passed. Whatever failed (the engine, a check, Ctrl-C, a killed
   process) the last good site is left byte for byte as it was.

Nothing here relies on the engine loading our hooks, reaching any event, or
exiting cleanly: the hooks are the MkDocs adapter, not the last line of defence.
"""

from __future__ import annotations

import ctypes
import dataclasses
import ctypes.util
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .publish import handover, headers
from . import lint
from .content import localize, translations
from .checks import pages, site as site_checks
from .content.brand import clinic_brand, clinic_edition, clinic_edition_ids, default_brand, edition_ids, load_clinic
from .errors import ContentErrors, ErrorCollector
from .content.load import load_content
from .engine.config_file import parse_config

# Set for the engine's process: the hooks then leave staging, checks and
# publishing to this command (and do not repeat the work).
OWNER_ENV = "GUIDE_BUILD_OWNER"
HOOKS_FILE = "hooks/guide_hooks.py"
_TRACEBACK = "Traceback (most recent call last):"
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)')
_EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)|[\w.]+\.\w+): ?(?P<message>.*)$")


# mkdocs: MkDocs runs our hooks on mkdocs.yml. zensical: guide.engine.folder writes the pages with
# their boxes and a hook-free mkdocs.yml (.site.compiled/), which Zensical builds.
ENGINES = ("mkdocs", "zensical")


class BuildFailed(Exception):
    """A build that must not be published; `str()` says what failed and where."""

    def __init__(self, what: str, details: list[str] | None = None, exit_code: int = 1):
        self.what = what
        self.details = details or []
        self.exit_code = exit_code
        super().__init__(what)


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build varies by, parsed once."""

    project: Path
    site_dir: Path
    clinic: str = ""
    handouts: bool = False
    config_file: Path | None = None
    editions: tuple[str, ...] | None = None  # None: every edition site.yml lists ('' is the root)
    engine: str = "mkdocs"  # one of ENGINES

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise BuildFailed(f"unknown engine '{self.engine}'",
                              [f"engine: expected one of {', '.join(ENGINES)}; hint: --engine mkdocs (the default) or "
                               "--engine zensical, or make build ENGINE=zensical"], exit_code=2)

    @property
    def config(self) -> Path:
        return self.config_file or self.project / "mkdocs.yml"

    @property
    def log_file(self) -> Path:
        return self.site_dir.with_name(f".{self.site_dir.name}.build.log")


def default_site_dir(project: Path, clinic: str) -> Path:
    return project / (f"site-{clinic}" if clinic else "site")


# ---------------------------------------------------------------- 1. before the engine
def check_config(config: Path) -> list[str]:
    """mkdocs.yml must load our hooks: without them no page is generated or guarded."""
    try:
        text = config.read_text(encoding="utf-8")
        data = parse_config(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [f"{config.name}: cannot be read ({exc})"]
    hooks = data.get("hooks") or []
    if HOOKS_FILE in hooks:
        return []
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("hooks:")), None)
    where = f"{config.name}:{line}" if line else config.name
    found = f"lists {', '.join(map(str, hooks))}" if hooks else "is missing"
    return [f"{where}: hooks: {found}; the engine would build pages without content or safety boxes\n"
            f"    hint: add the lines\n      hooks:\n        - {HOOKS_FILE}"]


@dataclass(frozen=True)
class EditionBuild:
    """One engine run: an edition of the site, its brand, and its folder in the published site."""

    id: str  # '' for the root edition
    brand: object
    content: object = None  # a language edition's: its pages are checked against its own safety texts

    @property
    def folder(self) -> str:
        return f"{self.id}/" if self.id else ""


def _expectations(options: BuildOptions):
    """The content, validated in full (every rule and reading grade, once per build: each
    edition's engine run is handed it, see guide.publish.handover), and each edition with its brand."""
    content = load_content(options.project / "content_src")
    if options.clinic:
        return content, clinic_edition_builds(content, options.clinic, options.editions)
    wanted = edition_ids(content) if options.editions is None else list(options.editions)
    return content, edition_builds(content, wanted)


def edition_builds(content, wanted: list[str]) -> list[EditionBuild]:
    """Each edition with its brand; a language edition with its translated safety texts, against
    which its pages are checked: one missing or out of date raises ContentErrors naming it."""
    editions = [EditionBuild(e, default_brand(content, e)) for e in wanted]
    return [dataclasses.replace(e, content=localize.safety_content(
        content, translations.load(content, e.brand.language, pages=False))) if e.brand.language != "en" else e
        for e in editions]


def clinic_edition_builds(content, slug: str, wanted: tuple[str, ...] | list[str] | None = None) -> list[EditionBuild]:
    """A clinic's copy: its English edition at the root and one edition per other language it lists
    (`wanted` narrows them), each with the clinic's brand in that language and checked against
    that language's safety texts."""
    errors = ErrorCollector(content.root)
    clinic = load_clinic(content, slug, errors)
    errors.raise_if_any()
    ids = [e for e in clinic_edition_ids(content, clinic) if wanted is None or e in wanted]
    builds = []
    for edition in ids:
        brand = clinic_brand(content, clinic, clinic_edition(content, clinic, edition))
        own = None
        if brand.language != "en":
            own = localize.safety_content(content, translations.load(content, brand.language, pages=False))
        builds.append(EditionBuild(edition, brand, own))
    return builds


def search_dir(project: Path, edition: EditionBuild) -> Path:
    """The search settings of an edition's language: content_src/search/, or a language's own."""
    if edition.brand.language != "en":
        own = project / "content_src" / translations.TRANSLATIONS / edition.brand.language / "search"
        if own.is_dir():
            return own
    return project / "content_src" / "search"


# ---------------------------------------------------------------- 2. the engine
@dataclass
class EngineRun:
    returncode: int
    lines: list[str] = field(default_factory=list)

    @property
    def killed_by(self) -> str | None:
        if self.returncode < 0:
            try:
                return signal.Signals(-self.returncode).name
            except ValueError:
                return f"signal {-self.returncode}"
        return None


def compiled_path(options: BuildOptions, edition: str = "") -> Path:
    """Where an edition's compiled folder goes (guide.engine.folder), next to the site."""
    return options.site_dir.with_name(f".{options.site_dir.name}.compiled") / (edition or "root")


def engine_commands(options: BuildOptions, staging: Path, edition: str = "") -> list[list[str]]:
    """The commands of one edition's engine run, in order."""
    if options.engine == "zensical":
        compiled = compiled_path(options, edition)
        # Zensical writes only inside its config's folder (compiled/site/); run_engine then moves it to staging.
        return [[sys.executable, "-m", "guide", "compile", "--out", str(compiled)],
                [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(compiled / "mkdocs.yml")]]
    return [[sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(options.config),
             "--site-dir", str(staging)]]


def engine_env(options: BuildOptions, edition: str = "", validated: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop(handover.CONTENT_ENV, None)  # never one left by an outer build
    if validated is not None:
        env[handover.CONTENT_ENV] = str(validated)
    env.update({
        OWNER_ENV: "1",
        "GUIDE_CLINIC": options.clinic,
        "GUIDE_EDITION": edition,
        "GUIDE_HANDOUTS": "1" if options.handouts else "",
        "NO_MKDOCS_2_WARNING": env.get("NO_MKDOCS_2_WARNING", "1"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(options.project / "hooks"), env.get("PYTHONPATH")])),
    })
    return env


class _Relay:
    """Passes the engine's lines on as they come, holding back Python tracebacks."""

    def __init__(self, out, log):
        self.out, self.log = out, log
        self.traceback: list[str] | None = None
        self.tracebacks: list[list[str]] = []
        self.lines: list[str] = []

    def feed(self, line: str) -> None:
        self.log.write(line)
        line = line.rstrip("\n")
        self.lines.append(line)
        if line.startswith(_TRACEBACK):
            self.traceback = []
            self.tracebacks.append(self.traceback)
        elif self.traceback is not None:
            self.traceback.append(line)
            if _EXCEPTION.match(line) and not line.startswith(" "):
                self.traceback = None
        else:
            print(line, file=self.out, flush=True)


def run_engine(options: BuildOptions, staging: Path, out=sys.stderr, edition: str = "",
               validated: Path | None = None) -> tuple[EngineRun, list[list[str]]]:
    options.log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(options.log_file, "a" if edition else "w", encoding="utf-8") as log:
        relay = _Relay(out, log)
        for command in engine_commands(options, staging, edition):
            # A session of its own: Ctrl-C reaches this command, which then stops the
            # engine's whole process group and cleans up, instead of both racing.
            proc = subprocess.Popen(command, cwd=options.project, env=engine_env(options, edition, validated),
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
                                    start_new_session=True)
            try:
                for line in proc.stdout:
                    relay.feed(line)
                proc.wait()
            except BaseException:
                _stop(proc)
                raise
            if proc.returncode != 0:
                break
        else:
            built = compiled_path(options, edition) / "site"
            if options.engine != "mkdocs" and built.is_dir():
                if staging.exists():
                    shutil.rmtree(staging)
                staging.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(built), str(staging))
    return EngineRun(proc.returncode, relay.lines), relay.tracebacks


def _fix_theme_markup(site: Path, skip_label: str) -> None:
    """What the hooks' on_post_page does under MkDocs (guide.engine.theme_markup: the skip link to the title,
    in the edition's words; invalid attributes the theme writes), for an engine that runs no hooks.
    Other editions' folders are not built yet: the root edition is built first."""
    from .engine import theme_markup

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = theme_markup.fix_theme_markup(text, skip_label)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def _stop(proc: subprocess.Popen) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


def _relative(path: str, project: Path) -> str:
    try:
        return Path(path).resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return path


def locate_traceback(lines: list[str], project: Path) -> str:
    """One line for a traceback: the exception and the last frame in the project (a template first)."""
    frames = [(m["file"], m["line"]) for m in map(_FRAME.match, lines) if m]
    exception = next((ln for ln in reversed(lines) if _EXCEPTION.match(ln) and not ln.startswith(" ")), lines[-1] if lines else "")
    templates = [f for f in frames if f[0].endswith(".html")]
    ours = [f for f in frames if _relative(f[0], project) != f[0] and "/.venv/" not in f[0]]
    where = (templates or ours or frames or [("", "")])[-1]
    located = f"{_relative(where[0], project)}:{where[1]}: " if where[0] else ""
    match = _EXCEPTION.match(exception)
    if match:
        return f"{located}{match['message']} ({match['type'].rsplit('.', 1)[-1]})"
    return f"{located}{exception}".strip()


_ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}


def engine_failure(run: EngineRun, tracebacks: list[list[str]], options: BuildOptions) -> BuildFailed:
    log = _relative(str(options.log_file), options.project)
    if run.killed_by:
        return BuildFailed(f"the engine ({_ENGINE_NAMES[options.engine]}) was stopped by {run.killed_by} before it finished",
                           [f"full engine log: {log}"])
    if tracebacks:
        located = [locate_traceback(tb, options.project) for tb in tracebacks]
        template = any(".html:" in line for line in located)
        what = "the engine stopped on a template error" if template else "the engine crashed"
        return BuildFailed(what, located + [f"full engine log, with the traceback: {log}"])
    warnings = [ln for ln in run.lines if ln.startswith("WARNING")]
    if any("in strict mode" in ln for ln in run.lines) or (warnings and not any(ln.startswith("ERROR") for ln in run.lines)):
        return BuildFailed(f"the engine stopped on {len(warnings)} warning(s) in strict mode (listed above)",
                           [f"full engine log: {log}"])
    return BuildFailed(f"the engine ({_ENGINE_NAMES[options.engine]}) exited with code {run.returncode} (errors listed above)",
                       [f"full engine log: {log}"])


# ---------------------------------------------------------------- 3. checks of the output
# The blocks of Material's main template that hold the page content.
_COMMENT = re.compile(r"{#.*?#}", re.S)
_SHOWS_CONTENT = re.compile(r"{{-?\s*page\.content\b")  # written out, not only tested
_BLOCK = re.compile(r"{%-?\s*block\s+(content|container|site_content)\s*-?%}(.*?){%-?\s*endblock", re.S)


def suspect_templates(project: Path) -> list[str]:
    """Theme overrides that can take the boxes off pages: the files to look at first.

    The boxes are in each page's content (guide.pages.frame), and on the not-found page
    in config.extra.pn_frame: an override that leaves out either leaves out the boxes."""
    overrides = project / "docs" / "overrides"
    out = []
    for path in sorted(overrides.rglob("*.html")) if overrides.is_dir() else []:
        text = _COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))  # a comment names page.content too
        name = path.relative_to(project).as_posix()
        shows_content = bool(_SHOWS_CONTENT.search(text))
        places_boxes = shows_content or "pn_frame" in text
        if path.name == "content.html" and not shows_content:
            out.append(f"{name}: Material's content partial no longer shows page.content, "
                       "where the compile step puts the boxes")
            continue
        for block, body in _BLOCK.findall(text):
            keeps = "super()" in body or "partials/content.html" in body or bool(_SHOWS_CONTENT.search(body)) or "pn_frame" in body
            if not keeps and not places_boxes:
                out.append(f"{name}: replaces the '{block}' block without {{{{ super() }}}} "
                           "or partials/content.html, so pages built from it get no boxes")
    return out


def check_site(staging: Path, content, editions, site_url: str | None, project: Path,
               later: tuple[str, ...] = ()) -> headers.SiteScan:
    """Every check of the built output; raises BuildFailed listing every problem.

    `editions` is a brand, or a list of EditionBuild: each edition's pages are checked
    against its own brand (its emergency number), the rest of the tree once."""
    if not isinstance(editions, list):
        editions = [EditionBuild("", editions)]
    scan = headers.SiteScan()
    problems: list[str] = []
    nested = tuple(e.id for e in editions if e.id)
    site = getattr(content, "site", None)
    unbuilt = tuple(e.id for e in getattr(site, "editions", None) or () if e.id and e.id not in nested)
    # Without the root edition (`--edition es`) only links into the editions built can be judged.
    only = None if any(not e.id for e in editions) else tuple(e.folder.strip("/") for e in editions)
    for edition in editions:
        expect = pages.Expectations(edition.content or content, edition.brand, site_url)
        expect.prefix = edition.folder
        problems += [p.format(one_line=True) for p in pages.verify_site(
            staging / edition.folder, expect, also=scan.add_page, prefix=edition.folder,
            skip=() if edition.id else nested, unbuilt=unbuilt, only=only, later=later)]
    missing_boxes = sum("no warning-signs box" in p or "no medical disclaimer" in p or "no emergency strip" in p
                        for p in problems)
    # The files that are not pages: pictures, search indexes, sitemaps (guide.checks.site).
    problems += [p.format() for p in site_checks.check_site_files(staging)]
    if scan.blocked:
        problems += headers.report(scan.blocked).splitlines()
    if problems:
        details = problems
        if missing_boxes:
            suspects = suspect_templates(project)
            details += ([f"{missing_boxes} page(s) lost their safety boxes; the theme overrides that can cause it:"]
                        + [f"  {s}" for s in suspects]) if suspects else [
                f"{missing_boxes} page(s) lost their safety boxes; no override in docs/overrides/ replaces the "
                "content block, so look at plugins and hand-written HTML pages"]
        raise BuildFailed(f"the check of the built site found {len(problems)} problem(s)", details)
    return scan


# ---------------------------------------------------------------- 4. publishing
def staging_path(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.staging")


def old_path(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.old")


_RENAME_EXCHANGE = 2
_libc = None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    global _libc
    if sys.platform != "linux":
        return False
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0


def publish(staging: Path, site_dir: Path) -> None:
    """Put the staged site in place. With renameat2 the swap is atomic: a reader sees
    the old site or the new one, never a mix or nothing."""
    old = old_path(site_dir)
    if old.exists():
        shutil.rmtree(old)
    if site_dir.is_dir() and _exchange(staging, site_dir):
        shutil.rmtree(staging)  # now holds the old site
        return
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)


class _Lock:
    """One build at a time per site folder: two at once would publish each other's half."""

    def __init__(self, site_dir: Path):
        self.path = site_dir.with_name(f".{site_dir.name}.lock")

    def __enter__(self):
        # A site folder may be asked for somewhere new (--site-dir /tmp/preview/site): its parent comes first.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "w")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.file.close()
            raise BuildFailed(f"another build of {self.path.name[1:-5]}/ is running; wait for it to finish") from None
        return self

    def __exit__(self, *exc):
        self.file.close()


def _terminate_on_sigterm() -> None:
    # `kill` or a CI timeout sends SIGTERM: clean up as for Ctrl-C.
    def handler(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, handler)


def build(options: BuildOptions, out=sys.stderr) -> None:
    """Build, check and publish; raises BuildFailed (site untouched) or returns having published."""
    problems = check_config(options.config)
    if problems:
        raise BuildFailed("the engine's config would not load the guide's hooks", problems)
    content_src = options.project / "content_src"
    digest = handover.content_digest(content_src)  # before loading: an edit during the load is caught
    try:
        content, editions = _expectations(options)
    except ContentErrors as exc:
        raise BuildFailed("the content or clinic profile has errors", exc.report().splitlines()[:-1]) from None
    pictures = lint.svg_errors(content, options.project / "docs")
    if pictures:
        raise BuildFailed("a picture could run code or load another file", [e.format() for e in pictures])
    site_url = _site_url(options.config)
    staging = staging_path(options.site_dir)
    validated = handover.handover_path(options.site_dir)
    with _Lock(options.site_dir):
        try:
            if staging.exists():
                shutil.rmtree(staging)
            handover.write(validated, content_src, content, digest)
            # The root edition first: the engine empties its output folder before it builds.
            for edition in editions:
                if len(editions) > 1:
                    language = "" if edition.brand.language == "en" else f" {edition.brand.language}"
                    print(f"INFO    -  Building the {edition.brand.country}{language} edition into {edition.folder or '/'}",
                          file=out, flush=True)
                run, tracebacks = run_engine(options, staging / edition.folder, out, edition.id, validated)
                if run.returncode != 0:
                    raise engine_failure(run, tracebacks, options)
                if not (staging / edition.folder).is_dir():
                    raise BuildFailed("the engine exited 0 but wrote no site")
                if options.engine != "mkdocs":  # it ran no hooks
                    _fix_theme_markup(staging / edition.folder, edition.brand.ui.skip_to_content)
                # Each edition gets its own index, made before the next edition is built into a
                # folder below it, so that the root edition's search never lists another's pages.
                _index_for_search(staging / edition.folder, search_dir(options.project, edition))
            scan = check_site(staging, content, editions, site_url, options.project, later=_printed_later(options, editions))
            if options.handouts:
                for edition in editions:  # each language's handouts from its own pages, in its folder
                    _print_handouts(staging / edition.folder, edition.content or content, edition.brand, edition.folder)
            headers.write_header_files(staging, scan)
            publish(staging, options.site_dir)
        except KeyboardInterrupt:
            raise BuildFailed("the build was interrupted", exit_code=130) from None
        finally:
            validated.unlink(missing_ok=True)
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def _index_for_search(site: Path, search_dir: Path) -> None:
    from .engine import search_index  # Pagefind, run over the built pages: any engine's

    try:
        search_index.index_site(site, search_dir)
    except ContentErrors as exc:
        raise BuildFailed("the search settings have errors", exc.report().splitlines()[:-1]) from None
    except search_index.SearchIndexError as exc:
        # Pages that lost their content block are also unmarked for search: name the suspects.
        suspects = suspect_templates(search_dir.parents[1])
        raise BuildFailed("the search index could not be made", str(exc).splitlines()
                          + (["the theme overrides that can take the content off pages:"] + [f"  {s}" for s in suspects]
                             if suspects else [])) from None


def _printed_later(options, editions) -> tuple[str, ...]:
    """The handout folders, printed from the pages once they are verified: their links wait."""
    if not options.handouts:
        return ()
    from .publish.handouts import HANDOUTS_DIR
    return tuple(f"{edition.folder}{HANDOUTS_DIR}/" for edition in editions)


def _print_handouts(staging: Path, content, brand, folder: str = "") -> None:
    from .publish import build_date, handouts  # Chromium is needed only here

    try:
        written = handouts.print_handouts(staging, content, brand)
    except handouts.HandoutError as exc:
        raise BuildFailed("the handouts could not be printed", [str(exc)]) from None
    build_date.stamp_pdf_dates(staging)
    print(f"INFO    -  Printed {len(written)} handouts into {folder}{handouts.HANDOUTS_DIR}/", file=sys.stderr)


def _site_url(config: Path) -> str | None:
    try:
        data = parse_config(config.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    return data.get("site_url") or None


def main(options: BuildOptions) -> int:
    _terminate_on_sigterm()
    site = _relative(str(options.site_dir), options.project) + "/"
    try:
        try:
            build(options)
        except KeyboardInterrupt:
            raise BuildFailed("the build was interrupted", exit_code=130) from None
    except BuildFailed as failed:
        for line in failed.details:
            print(f"  {line}", file=sys.stderr)
        print(f"Build failed: {failed.what}. Nothing was published: the last good site in {site} was left as it was.",
              file=sys.stderr)
        return failed.exit_code
    print(f"Published {site} (every page verified).", file=sys.stderr)
    return 0
