"""Validated content handed from the build command to each edition's engine run, within one build.

`python -m guide build` loads and validates content_src/ once (every rule, every reading
grade), then runs the engine once per edition. Each run used to load and validate it all
again: about 2 s at 1,000 articles, three times over with the Spanish edition. The build
command now writes what it validated to a file next to the staging folder; an engine run
it started (GUIDE_BUILD_OWNER set) reads it instead, only when

- the file names this content_src/ folder and this copy of the `guide` package, and
- content_src/ still holds, byte for byte, what was validated (a digest of every file's
  name and bytes, taken again by the engine run: an edit saved during the build is caught).

Anything else (no file, another folder, an edit, a file that does not unpickle) and the
engine run validates content_src/ itself, as `mkdocs build` run directly always does. The
file lives only as long as the build: the build command removes it, published or not, and
the next build never reads it (it writes its own, with its own digest).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..content import loaded

# Set for the engine's process: where the build command left the validated content.
CONTENT_ENV = "GUIDE_VALIDATED_CONTENT"


def handover_path(site_dir: Path) -> Path:
    """Next to the staging folder, never inside it: nothing of it may be published."""
    site_dir = Path(site_dir)
    return site_dir.with_name(f".{site_dir.name}.content.pickle")


def content_digest(content_src: Path) -> str:
    """Every file's path and bytes under content_src/, symbolic links followed (as the loader does)."""
    digest = hashlib.sha256()
    seen: set[str] = set()
    for folder, dirs, files in os.walk(content_src, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a link back up the tree: its files are counted once
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            try:
                data = path.read_bytes()
            except OSError:  # a dangling link or a file removed just now: named, with no bytes
                data = b"\0missing"
            rel = path.relative_to(content_src).as_posix().encode("utf-8", "surrogateescape")
            digest.update(len(rel).to_bytes(8, "big") + rel + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _identity(content_src: Path) -> dict:
    return {"content_src": str(Path(content_src).resolve()), "guide": str(Path(loaded.__file__).resolve().parent)}


def write(path: Path, content_src: Path, content: loaded.Content, digest: str) -> None:
    """`digest`: content_digest() taken before the content was loaded, so an edit made while it
    was being validated makes the engine runs validate again rather than use it."""
    data = {**_identity(content_src), "digest": digest, "content": content}
    with open(path, "wb") as out:
        pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)


def read(content_src: Path) -> loaded.Content | None:
    """The content the build command validated for this build, or None (validate it here)."""
    where = os.environ.get(CONTENT_ENV)
    if not where:
        return None
    try:
        with open(where, "rb") as source:
            data = pickle.load(source)
    except Exception:  # noqa: BLE001 - any unreadable handover only means: validate here
        return None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in _identity(content_src).items()):
        return None
    if data.get("digest") != content_digest(Path(content_src)):
        return None
    content = data.get("content")
    return content if isinstance(content, loaded.Content) else None
