"""What `sam build` installs is exactly what the lock file pins and the tests ran with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UV = Path(sys.executable).with_name("uv")

EXPORTS = {
    "layer": ROOT / "layers" / "common" / "requirements.txt",
    "api": ROOT / "functions" / "api" / "requirements.txt",
}


@pytest.mark.parametrize("group", sorted(EXPORTS))
def test_exported_requirements_match_the_lock(group: str) -> None:
    exported = subprocess.run(
        [
            str(UV),
            "export",
            "--frozen",
            "--quiet",
            "--no-hashes",
            "--no-header",
            "--no-annotate",
            "--no-emit-project",
            "--only-group",
            group,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert exported == EXPORTS[group].read_text(), f"run `make export`: {group} is stale"


def test_the_layer_ships_no_web_framework() -> None:
    names = {line.split("==")[0] for line in EXPORTS["layer"].read_text().splitlines()}
    assert {"fastapi", "starlette", "mangum", "moto"}.isdisjoint(names)
