"""The console API imports its route modules on the first request that needs them
(console_api.route_loading): a cold container imports none, a request imports only the
modules that may serve its path, and however they were loaded the app routes exactly as
one with every module included at start. FastAPI's own OpenAPI models are built only when
the document is (console_api.fastapi_import), and the document stays the checked-in one."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from starlette.convertors import PathConvertor

from infra import api_types
from infra.local import cfn
from tests.api_helpers import api_module

API_DIR = cfn.ROOT / "functions" / "api"
LAYER = cfn.ROOT / "layers" / "common"


@pytest.fixture(scope="module")
def main() -> Any:
    api_module()  # puts functions/api on sys.path, as the local stack does
    return importlib.import_module("console_api.main")


@pytest.fixture(scope="module")
def route_loading() -> Any:
    api_module()
    return importlib.import_module("console_api.route_loading")


def served_routes(module_name: str) -> list[Any]:
    return importlib.import_module(f"console_api.routes.{module_name}").router.routes


def example_path(template: str) -> str:
    """A concrete path the template matches: every `{param}` given a value."""
    return "/".join("x1" if part.startswith("{") else part for part in template.split("/"))


def route_order(app: FastAPI) -> list[tuple[str | None, frozenset[str]]]:
    return [
        (context.path, frozenset(context.methods or ()))
        for context in iter_route_contexts(app.routes)
    ]


def test_every_route_module_is_declared(main: Any) -> None:
    package = importlib.import_module("console_api.routes")
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    assert set(main.ROUTE_MODULES) == modules


def test_each_module_declares_every_path_it_serves(main: Any, route_loading: Any) -> None:
    for name, prefixes in main.ROUTE_MODULES.items():
        for route in served_routes(name):
            spanning = [c for c in route.param_convertors.values() if isinstance(c, PathConvertor)]
            assert not spanning, f"{route.path}: a path parameter spans segments"
            path = example_path(route.path)
            assert any(route_loading.covers(prefix, path) for prefix in prefixes), (
                f"{name} serves {route.path}: add a prefix covering it to ROUTE_MODULES"
            )


@pytest.mark.parametrize(
    ("prefix", "path", "covered"),
    [
        ("/sessions", "/sessions", True),
        ("/sessions", "/sessions/", True),
        ("/sessions", "/sessions/s1/notes", True),
        ("/sessions/*/notes", "/sessions/s1/notes", True),
        ("/sessions/*/notes", "/sessions/s1/notes/n1", True),
        ("/sessions/*/notes", "/sessions/s1", False),
        ("/sessions/*/notes", "/sessions/s1/tags", False),
        ("/me", "/media", False),
        ("/agents", "/projects/p1/agents", False),
    ],
)
def test_a_prefix_covers_the_paths_at_and_under_it(
    route_loading: Any, prefix: str, path: str, covered: bool
) -> None:
    assert route_loading.covers(prefix, path) is covered


COLD_PROBE = """
import json, sys
sys.path[:0] = [{api!r}, {layer!r}, {root!r}]
import app
from fastapi.openapi import models
from pydantic._internal import _config
from infra import api_types
cold = {{
    "route_modules": sorted(m for m in sys.modules if m.startswith("console_api.routes.")),
    "document_models_built": models.OpenAPI.__pydantic_complete__,
    "pydantic_default_restored": _config.config_defaults["defer_build"] is False,
}}
cold["document"] = api_types.render(app.app.openapi())
print(json.dumps(cold))
"""


@pytest.fixture(scope="module")
def cold() -> dict[str, Any]:
    """What a fresh interpreter holds after importing the function as Lambda does, and the
    document it then produces."""
    probe = COLD_PROBE.format(api=str(API_DIR), layer=str(LAYER), root=str(cfn.ROOT))
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=API_DIR, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_cold_import_imports_no_route_module(cold: dict[str, Any]) -> None:
    assert cold["route_modules"] == []


def test_a_cold_import_leaves_the_openapi_models_to_the_document(cold: dict[str, Any]) -> None:
    assert cold["document_models_built"] is False
    assert cold["pydantic_default_restored"]


def test_the_document_built_after_a_cold_import_is_the_checked_in_one(
    cold: dict[str, Any],
) -> None:
    assert cold["document"] == api_types.OPENAPI_JSON.read_text(encoding="utf-8")


def test_a_request_includes_only_the_modules_that_may_serve_it(
    main: Any, route_loading: Any
) -> None:
    app = FastAPI()
    modules = route_loading.RouteModules(app, main.API_PREFIX, main.ROUTE_MODULES)
    assert modules.needed_for("/api/auth/login") == ["auth"]
    assert modules.needed_for("/api/sessions/s1/notes") == ["sessions", "notes"]
    assert modules.needed_for("/api/nothing-here") == []
    assert modules.needed_for("/elsewhere/sessions") == []
    modules.load_for("/api/sessions")
    assert modules.needed_for("/api/sessions/s1/notes") == ["notes"]


def test_routes_keep_the_declared_order_whatever_loaded_first(
    main: Any, route_loading: Any
) -> None:
    eager = main.create_app()
    eager.openapi()  # loads every module
    lazy = main.create_app()
    modules = route_loading.RouteModules(lazy, main.API_PREFIX, main.ROUTE_MODULES)
    for path in ("/api/sessions/s1/risk-cancel", "/api/me", "/api/projects/p1/tags"):
        modules.load_for(path)
    modules.load_all()
    assert route_order(lazy) == route_order(eager)


def test_a_fresh_app_answers_as_before_on_first_requests(main: Any) -> None:
    """Unknown paths stay 404, a wrong method on a lazily loaded path 405 with every method
    of the path, and the document lists every route even when asked for first."""
    with TestClient(main.create_app()) as client:
        assert client.get("/api/no-such-thing").json()["code"] == "not_found"
        wrong = client.delete("/api/sessions/s1/notes")
        assert wrong.status_code == 405
        assert wrong.headers["Allow"] == "GET, POST"
        assert client.post("/api/auth/login", json={}).status_code == 422
    with TestClient(main.create_app()) as client:
        paths = client.get("/api/openapi.json").json()["paths"]
        assert "/api/risk/triggers.csv" in paths and "/api/auth/login" in paths
