"""`make audit-deps`: known vulnerabilities in the pinned Python dependencies (requirements.lock).

Runs pip-audit over the lock file without installing anything (the lock is
fully pinned with hashes) and asks an advisory service about every package.
pip-audit reports "No known vulnerabilities found" even when it could not ask
about a single package, so this wrapper checks how many packages were really
audited and fails with a clear message when the service could not be reached.

Exit codes: 0 all audited, none vulnerable; 1 vulnerabilities found;
3 the advisory service could not be reached or skipped packages (nothing proven).

    .venv/bin/python tools/audit_deps.py [--service pypi|osv] [--lock requirements.lock]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")
SERVICES = {"pypi": "PyPI's JSON API (https://pypi.org/pypi/<name>/<version>/json)",
            "osv": "OSV (https://api.osv.dev)"}
UNREACHABLE = 3


def run_pip_audit(lock: Path, service: str) -> subprocess.CompletedProcess:
    command = [str(PIP_AUDIT), "-r", str(lock), "--require-hashes", "--disable-pip", "--progress-spinner", "off",
               "--format", "json", "--vulnerability-service", service]
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    parser.add_argument("--service", choices=sorted(SERVICES), default="pypi")
    args = parser.parse_args(argv)
    where = SERVICES[args.service]
    other = next(name for name in SERVICES if name != args.service)

    proc = run_pip_audit(args.lock, args.service)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"audit-deps: the advisory service {where} could not be reached; nothing was checked.\n"
              f"    pip-audit said: {last}\n"
              f"    Run `make audit-deps` where that service is reachable (CI has internet), or try the other "
              f"service: `make audit-deps AUDIT_SERVICE={other}`.", file=sys.stderr)
        return UNREACHABLE

    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    audited = [d for d in dependencies if not d.get("skip_reason")]
    vulnerable = [d for d in audited if d.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixed})")
    print(f"audit-deps: {len(audited)} of {len(dependencies)} pinned packages audited against {where}; "
          f"{len(vulnerable)} with known vulnerabilities.")
    if vulnerable:
        print("Update the packages above in requirements.in, then run `make lock`.", file=sys.stderr)
        return 1
    if skipped:
        print(f"audit-deps: {len(skipped)} package(s) could not be audited, so this is NOT a clean bill of health:",
              file=sys.stderr)
        for dep in skipped[:5]:
            print(f"    {dep['skip_reason']}", file=sys.stderr)
        if len(skipped) > 5:
            print(f"    ... and {len(skipped) - 5} more", file=sys.stderr)
        print(f"    The advisory service ({where}) did not answer for them: a mirror or a closed network "
              f"typically serves packages but not advisories. Run it where the service is reachable (CI), "
              f"or try `make audit-deps AUDIT_SERVICE={other}`.",
              file=sys.stderr)
        return UNREACHABLE
    return 0


if __name__ == "__main__":
    sys.exit(main())
