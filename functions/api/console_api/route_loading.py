"""Route modules imported on the first request that needs them, not at cold start.

A route module pulls in its models and the tgdesk modules behind it; a container whose first
request is a login needs none of the session or risk routes. So the app starts with no route
module included, and before each request the modules that may serve its path are imported and
included. Whatever was loaded, the routes stay in the order the modules are declared in, so a
path that two modules could match resolves exactly as if every module had been included at
start; and building the OpenAPI document loads them all first, so the document is complete.

Which module may serve which path is declared beside the module list, as path prefixes with
`*` for one segment of any value (an id): "/sessions/*/notes" covers every path under it.
A prefix may cover more than the module serves (that only imports it sooner); it must never
cover less, which tests/test_api_cold_import.py checks against the routers themselves.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

ROUTES_PACKAGE = "console_api.routes"


def covers(prefix: str, path: str) -> bool:
    """Whether `path` lies at or under `prefix` ("/a/*/b" covers "/a/1/b" and "/a/1/b/c")."""
    wanted = prefix.strip("/").split("/")
    given = path.strip("/").split("/")
    if len(given) < len(wanted):
        return False
    return all(w in ("*", g) for w, g in zip(wanted, given, strict=False))


class RouteModules:
    """The route modules of one app, each included under `api_prefix` once first needed,
    with the `responses` every operation documents (made on the first include: a response
    model is imported with the routes, not at cold start)."""

    def __init__(
        self,
        app: FastAPI,
        api_prefix: str,
        serving: Mapping[str, tuple[str, ...]],
        responses: Callable[[], dict[int | str, dict[str, Any]]] = dict,
    ) -> None:
        self._app = app
        self._api_prefix = api_prefix
        self._serving = dict(serving)  # module name -> the path prefixes it serves
        self._make_responses = responses
        self._responses: dict[int | str, dict[str, Any]] | None = None
        self._rank = {name: rank for rank, name in enumerate(serving)}
        self._included: dict[int, str] = {}  # id(router) -> module name
        self._lock = threading.Lock()

    def needed_for(self, path: str) -> list[str]:
        """The modules that may serve `path` and are not included yet."""
        if not path.startswith(self._api_prefix + "/"):
            return []
        path = path[len(self._api_prefix) :]
        included = set(self._included.values())
        return [
            name
            for name, prefixes in self._serving.items()
            if name not in included and any(covers(prefix, path) for prefix in prefixes)
        ]

    def load_for(self, path: str) -> None:
        if names := self.needed_for(path):
            self._load(names)

    def load_all(self) -> None:
        self._load(list(self._serving))

    def _load(self, names: list[str]) -> None:
        with self._lock:
            included = set(self._included.values())
            for name in names:
                if name in included:
                    continue
                router = importlib.import_module(f"{ROUTES_PACKAGE}.{name}").router
                if self._responses is None:
                    self._responses = self._make_responses()
                self._app.include_router(router, prefix=self._api_prefix, responses=self._responses)
                self._included[id(router)] = name
            self._restore_declared_order()

    def _restore_declared_order(self) -> None:
        """Put the included modules back in declaration order, in the slots they occupy;
        every other route keeps its place."""
        routes = self._app.router.routes
        slots = [i for i, route in enumerate(routes) if self._module_of(route) is not None]
        ours = sorted((routes[i] for i in slots), key=lambda r: self._rank[self._module_of(r)])
        for slot, route in zip(slots, ours, strict=True):
            routes[slot] = route

    def _module_of(self, route: Any) -> str | None:
        return self._included.get(id(getattr(route, "original_router", None)))


class LoadRoutesFirst:
    """ASGI middleware: include the route modules a request may need before it is routed."""

    def __init__(self, app: ASGIApp, modules: RouteModules) -> None:
        self.app = app
        self.modules = modules

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            path = scope["path"]
            root = scope.get("root_path", "")
            if root and path.startswith(root):
                path = path[len(root) :]  # routing matches without the mount point
            self.modules.load_for(path)
        await self.app(scope, receive, send)


def install(app: FastAPI, modules: RouteModules) -> None:
    """Load route modules per request, and all of them for the OpenAPI document."""
    app.add_middleware(LoadRoutesFirst, modules=modules)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        modules.load_all()
        return generate()

    app.openapi = openapi  # type: ignore[method-assign]
