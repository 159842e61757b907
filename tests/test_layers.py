"""The code keeps its layers (docs/architecture.md): import-linter checks the contracts in
pyproject.toml, and the handlers, which are not packages, are checked here."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
# An import in import-linter's report: "tgdesk.a.b -> tgdesk.c.d (l.12)".
_REPORTED_IMPORT = re.compile(r"([\w.]+) -> ([\w.]+) \(l\.")

# Imports that break a contract and are being moved now; each one that goes is taken off
# this list, and the contracts' test is strict once it is empty.
PENDING = {
    ("tgdesk.storage.assignments", "tgdesk.routing.policy"),
    ("console_api.routes.transfers", "tgdesk.storage.assignments"),
    ("functions/assign/app.py", "tgdesk.storage"),
}


def _xfail_if_only_pending(found: set[tuple[str, str]], report: str) -> None:
    unexpected = found - PENDING
    assert found and not unexpected, report
    pytest.xfail(
        "imports being moved out of their wrong layer: "
        + "; ".join(f"{a} -> {b}" for a, b in sorted(found))
    )


def test_the_import_contracts_hold() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(ROOT / "layers" / "common"), str(ROOT / "functions" / "api")]
        ),
    }
    result = subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode == 0:
        return
    report = result.stdout + result.stderr
    _xfail_if_only_pending(set(_REPORTED_IMPORT.findall(report)), report)


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def test_handlers_do_not_read_the_table_themselves() -> None:
    """functions/*/app.py call feature packages; only tgdesk.storage knows the table."""
    handlers = sorted(ROOT.glob("functions/*/app.py"))
    assert handlers
    found = {
        (str(path.relative_to(ROOT)), "tgdesk.storage")
        for path in handlers
        for module in _imported_modules(path)
        if module == "tgdesk.storage" or module.startswith("tgdesk.storage.")
    }
    if found:
        _xfail_if_only_pending(found, f"handlers importing tgdesk.storage: {sorted(found)}")
