"""The code keeps its layers (docs/architecture.md): import-linter checks the contracts in
pyproject.toml, and the handlers, which are not packages, are checked here."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


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
    assert result.returncode == 0, result.stdout + result.stderr


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
    found = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in handlers
        for module in sorted(_imported_modules(path))
        if module == "tgdesk.storage" or module.startswith("tgdesk.storage.")
    ]
    assert not found, found
