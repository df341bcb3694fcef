"""The date a build stamps on its output, so two builds of the same commit are byte-identical.

MkDocs writes the build date into the sitemap (<lastmod>) and the gzip header
of sitemap.xml.gz, and takes it from SOURCE_DATE_EPOCH when that is set
(https://reproducible-builds.org/specs/source-date-epoch/). Every build sets
it, unless the caller already did, to the time of the last git commit; outside
git (a tarball, a test's copy of the project) to the newest `reviewed` date of
the content. The PDF handouts Chromium prints carry their printing time; the
build re-stamps them with the same date (stamp_pdf_dates).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

from ..content.loaded import Content

ENV = "SOURCE_DATE_EPOCH"


def last_commit_epoch(root: Path) -> int | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return int(value) if out.returncode == 0 and value.isdigit() else None


def newest_review_epoch(content: Content) -> int | None:
    dates = [a.meta.reviewed for a in content.articles] + [e.data.reviewed for e in content.exercises]
    if not dates:
        return None
    newest = dt.datetime.combine(max(dates), dt.time(), tzinfo=dt.timezone.utc)
    return int(newest.timestamp())


def ensure_source_date_epoch(root: Path, content: Content) -> str | None:
    """Set SOURCE_DATE_EPOCH for this process unless already set; return the value in use."""
    current = os.environ.get(ENV, "").strip()
    if current:
        return current
    epoch = last_commit_epoch(root)
    if epoch is None:
        epoch = newest_review_epoch(content)
    if epoch is None:
        return None
    os.environ[ENV] = str(epoch)
    return os.environ[ENV]


# Chromium stamps every PDF it prints (the handouts) with the time of printing.
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}(?:Z|[+-]\d{2}'\d{2}')?\)")


def pdf_date(epoch: int) -> bytes:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'").encode("ascii")


def stamp_pdf_dates(site_dir: Path) -> list[Path]:
    """Set the creation and modification dates of every PDF in site_dir to SOURCE_DATE_EPOCH.

    Only dates of the same length are replaced, so the PDF's byte offsets stay valid.
    """
    epoch = os.environ.get(ENV, "").strip()
    if not epoch.isdigit():
        return []
    date = pdf_date(int(epoch))
    changed = []
    for path in sorted(Path(site_dir).rglob("*.pdf")):
        data = path.read_bytes()

        def stamp(match: re.Match) -> bytes:
            new = b"/" + match.group(1) + b" (" + date + b")"
            return new if len(new) == len(match.group(0)) else match.group(0)

        stamped = _PDF_DATE.sub(stamp, data)
        if stamped != data:
            path.write_bytes(stamped)
            changed.append(path)
    return changed
