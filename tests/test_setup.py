"""`make test` on a fresh machine: the Debian packages the tests need are installed, or the
run stops before any test with the one command to type (tools/system-packages.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "system-packages.sh"


def _bin(tmp: Path, *, uid: str, sudo_ok: bool) -> Path:
    """A PATH with no Chromium, Java, nginx or pdftotext, as on a fresh Debian machine."""
    folder = tmp / "bin"
    folder.mkdir()
    for tool in ("bash", "python3"):
        os.symlink(shutil.which(tool), folder / tool)
    (folder / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (folder / "sudo").write_text("#!/bin/sh\nexit %d\n" % (0 if sudo_ok else 1))
    (folder / "apt-get").write_text(f"#!/bin/sh\necho apt-get \"$@\" >> {tmp}/apt.log\n")
    for stub in ("id", "sudo", "apt-get"):
        (folder / stub).chmod(0o755)
    return folder


def _run(folder: Path) -> subprocess.CompletedProcess:
    env = {"PATH": str(folder), "HOME": str(folder.parent)}
    return subprocess.run([str(folder / "bash"), str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def test_without_root_or_sudo_it_stops_with_the_command_to_run(tmp_path):
    result = _run(_bin(tmp_path, uid="1000", sudo_ok=False))
    assert result.returncode == 1
    command = next(line.strip() for line in result.stderr.splitlines() if "apt-get install" in line)
    assert command.startswith("sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium ")
    assert {"chromium", "default-jre-headless", "poppler-utils"} <= set(command.split())
    assert not (tmp_path / "apt.log").exists()


def test_as_root_it_installs_what_is_missing(tmp_path):
    result = _run(_bin(tmp_path, uid="0", sudo_ok=False))
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt.log").read_text()
    assert "apt-get update -qq" in log
    install = next(line for line in log.splitlines() if " install " in line)
    assert {"chromium", "default-jre-headless", "poppler-utils"} <= set(install.split())


def test_with_passwordless_sudo_it_installs_through_sudo(tmp_path):
    folder = _bin(tmp_path, uid="1000", sudo_ok=True)
    (folder / "sudo").write_text(f"#!/bin/sh\n[ \"$1\" = -n ] && shift\n[ \"$1\" = true ] && exit 0\n"
                                 f"echo sudo \"$@\" >> {tmp_path}/apt.log\n")
    result = _run(folder)
    assert result.returncode == 0, result.stderr
    assert "sudo apt-get install" in (tmp_path / "apt.log").read_text()


def test_the_makefile_and_ci_use_this_one_list():
    makefile = (ROOT / "Makefile").read_text()
    assert "tools/system-packages.sh" in makefile and "GUIDE_REQUIRE_BROWSER=1" in makefile
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci and "apt-get install" not in ci.replace("install -y -qq --no-install-recommends make", "")
