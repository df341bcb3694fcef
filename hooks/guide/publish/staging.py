"""Build into a staging folder and publish only a complete, verified site.

MkDocs empties its site_dir before building; writing straight into site/ would
destroy the last good site whenever a build fails. Instead every build writes
to a hidden sibling folder, and that folder replaces site/ only after the
build, the strict-mode warning check and the safety verifier have all passed.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path


def staging_path(site_dir: Path) -> Path:
    site_dir = Path(site_dir)
    return site_dir.with_name(f".{site_dir.name}.staging")


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the staged build into place; the old site is removed only after the swap."""
    staging, site_dir = Path(staging), Path(site_dir)
    old = site_dir.with_name(f".{site_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)


class WarningCounter(logging.Handler):
    """Counts MkDocs warnings, so a strict build that will abort is not published."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class StagedBuild:
    site_dir: Path
    strict: bool
    verified: bool = False
    warnings: WarningCounter = field(default_factory=WarningCounter)

    @property
    def staging(self) -> Path:
        return staging_path(self.site_dir)

    def start(self) -> Path:
        if self.staging.exists():
            shutil.rmtree(self.staging)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return self.staging

    def finish(self) -> bool:
        """Publish if everything passed; return whether it did."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        ok = self.verified and not (self.strict and self.warnings.count)
        if ok and self.staging.is_dir():
            publish(self.staging, self.site_dir)
            return True
        if self.staging.exists():
            shutil.rmtree(self.staging)
        return False
