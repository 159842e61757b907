"""FastAPI imported with the OpenAPI document's own pydantic models left unbuilt.

`import fastapi` defines some forty pydantic models that describe an OpenAPI document
(fastapi.openapi.models), and building their validators is the larger part of its import
time: about a third of a cold start's share of FastAPI. Only generating the document
(GET /api/openapi.json, /api/docs) uses them, and pydantic builds a deferred model the
first time it is used, so nothing else changes. Pydantic offers `defer_build` per model
only; for models it does not own, its default is set for the duration of this import.
Should that default move in a later pydantic, the import simply builds them as before.
"""

from __future__ import annotations

import importlib
import sys


def import_fastapi() -> None:
    if "fastapi" in sys.modules:
        return  # already imported (and built) by whoever came first
    defaults = _pydantic_config_defaults()
    if defaults is None or "defer_build" not in defaults:
        importlib.import_module("fastapi")
        return
    before = defaults["defer_build"]
    defaults["defer_build"] = True
    try:
        importlib.import_module("fastapi")
    finally:
        defaults["defer_build"] = before


def _pydantic_config_defaults() -> dict[str, object] | None:
    try:
        from pydantic._internal import _config
    except ImportError:
        return None
    defaults = getattr(_config, "config_defaults", None)
    return defaults if isinstance(defaults, dict) else None
