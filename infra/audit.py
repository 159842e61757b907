"""`make audit`: known vulnerabilities in the locked Python packages and the console's npm packages.

Python: pip-audit on every package uv.lock pins (all groups: what ships and what runs the
tests and the local stack). pip-audit does not grade severity, so any known vulnerability
fails, unless its id is in IGNORED with a reason.
Console: `npm audit --audit-level=high` over all of frontend/package-lock.json, development
packages included: the only runtime package is preact, and the bundle agents load is
produced by the development packages (vite, rollup), which also run on every developer's
machine and in CI. High and critical advisories fail.

When an advisory database cannot be reached (no network, a proxy refusing the call), the
audit says so on one line and does not fail: CI must not go red because a service is down.
A vulnerability found always fails (exit 1).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent

# Advisory id -> why it is accepted. Keep each reason specific and dated.
IGNORED: dict[str, str] = {}

NPM_FAILING = ("high", "critical")


@dataclass
class Result:
    """One audit's outcome: `unavailable` says why it could not run; `found` lists findings."""

    name: str
    found: list[str] = field(default_factory=list)
    unavailable: str | None = None
    skipped: list[str] = field(default_factory=list)


def python_result(returncode: int, report: str, stderr: str) -> Result:
    """Read pip-audit's JSON report (`--format json`)."""
    result = Result("python")
    try:
        data = json.loads(report) if report.strip() else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or "dependencies" not in data:
        last = (stderr.strip().splitlines() or [f"exit status {returncode}"])[-1]
        result.unavailable = last[:300]
        return result
    dependencies = data["dependencies"]
    for dep in dependencies:
        if "skip_reason" in dep:
            result.skipped.append(dep["name"])
        for vuln in dep.get("vulns", []):
            if vuln["id"] in IGNORED:
                continue
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version"
            result.found.append(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    if dependencies and len(result.skipped) == len(dependencies):
        # The service answered nothing for any package: it was not reached, not clean.
        result.unavailable = "the vulnerability service knew none of the packages"
    return result


def npm_result(report: str) -> Result:
    """Read `npm audit --json`'s report."""
    result = Result("console")
    try:
        data = json.loads(report) if report.strip() else None
    except json.JSONDecodeError:
        data = None
    counts = data.get("metadata", {}).get("vulnerabilities") if isinstance(data, dict) else None
    if not isinstance(counts, dict):
        error = data.get("error") if isinstance(data, dict) else None
        reason = (data or {}).get("message") if isinstance(data, dict) else None
        if isinstance(error, dict):
            reason = reason or error.get("summary") or error.get("code")
        result.unavailable = str(reason or "npm audit gave no report")[:300]
        return result
    for name, vuln in sorted(data.get("vulnerabilities", {}).items()):
        if vuln.get("severity") not in NPM_FAILING:
            continue
        advisories = [v for v in vuln.get("via", []) if isinstance(v, dict)]
        ids = [str(v.get("url", "")).rsplit("/", 1)[-1] for v in advisories]
        if advisories and all(i in IGNORED for i in ids):
            continue
        titles = "; ".join(f"{v.get('title')} ({v.get('url')})" for v in advisories)
        result.found.append(f"{name} {vuln.get('range', '')} [{vuln['severity']}]: {titles}")
    return result


def audit_python() -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        subprocess.run(
            [str(VENV_BIN / "uv"), "export", "--frozen", "--quiet", "--no-hashes",
             "--no-emit-project", "--all-groups", "-o", str(requirements)],
            cwd=ROOT, check=True,
        )  # fmt: skip
        ignores = [arg for vuln in IGNORED for arg in ("--ignore-vuln", vuln)]
        done = subprocess.run(
            [str(VENV_BIN / "pip-audit"), "-r", str(requirements), "--no-deps", "--disable-pip",
             "--progress-spinner", "off", "--format", "json", *ignores],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    return python_result(done.returncode, done.stdout, done.stderr)


def audit_npm() -> Result:
    done = subprocess.run(
        ["npm", "audit", "--json", f"--audit-level={NPM_FAILING[0]}"],
        cwd=ROOT / "frontend",
        capture_output=True,
        text=True,
        timeout=600,
    )
    return npm_result(done.stdout)


def report(results: list[Result]) -> int:
    """Print each audit's outcome; 1 when anything was found."""
    failed = False
    for result in results:
        if result.unavailable:
            print(f"audit {result.name}: could not run ({result.unavailable}); not checked")
            continue
        if result.skipped:
            print(f"audit {result.name}: not checked: {', '.join(result.skipped)}")
        if result.found:
            failed = True
            print(f"audit {result.name}: {len(result.found)} known vulnerabilities:")
            for line in result.found:
                print(f"  {line}")
        else:
            print(f"audit {result.name}: no known vulnerabilities")
    return 1 if failed else 0


def main() -> int:
    return report([audit_python(), audit_npm()])


if __name__ == "__main__":
    sys.exit(main())
