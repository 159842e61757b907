"""Every error leaves the API as JSON `{"code", "message"}`, mapped here and only here; and
the OpenAPI document lists, for every operation, the errors it can answer."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import Match

from tgdesk.core.errors import TgdeskError

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "unreadable_body",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
}
_LOCATIONS = ("body", "query", "path", "header", "cookie")


def _field(location: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = {"code": code, "message": message}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers)


async def _domain_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TgdeskError)
    response = _error(
        exc.status,
        exc.code,
        exc.message,
        field=exc.details.get("field"),
        locked_until=exc.details.get("locked_until"),
        matches=exc.details.get("matches"),
        match_count=exc.details.get("match_count"),
    )
    if exc.details.get("retry_after"):
        response.headers["Retry-After"] = str(exc.details["retry_after"])
    return response


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Only the field and the rule: the rejected input may be a password or a token.
    errors = [
        {"field": _field(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()
    ]
    first = errors[0] if errors else {"field": "body", "message": "invalid request"}
    return _error(
        422,
        "invalid_input",
        f"{first['field']}: {first['message']}",
        field=first["field"],
        errors=errors,
    )


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path. Starlette's own `Allow` names only the
    first route that matched the path, while one path often has a route per method; so
    each method is tried against the routes."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes
        )
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = "no such route" if exc.status_code == 404 else str(exc.detail)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)  # RFC 9110, 15.5.6
    return _error(exc.status_code, code, message, headers)


async def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return _error(500, "internal_error", "Something went wrong on our side; try again.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(TgdeskError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


# -- the errors in the OpenAPI document ----------------------------------------------------
# Derived from what an operation takes, so a new route documents its errors by itself: a
# login can expire and a role or permission can be missing (401, 403); an id in the path may
# name nothing the caller can see (404, alike for both); input can be invalid (422); a write
# can meet a change made meanwhile or a state that does not allow it (409). A route's own
# `responses=` entry for a status, with a more precise description, wins.
_ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
_OWN_ACCOUNT = ("/api/auth/", "/api/me", "/api/realtime/")  # the caller's own login and presence
# What no rule derives: errors of one operation's own.
_EXTRA: dict[tuple[str, str], dict[int, str]] = {
    ("post", "/api/auth/login"): {401: "`invalid_credentials`: wrong username or password"},
    ("post", "/api/projects"): {502: "`telegram_unavailable`: Telegram did not answer; retry"},
    ("post", "/api/sessions/{session_id}/transfer"): {
        503: "`routing_contended`: routing lost every race to other sessions; retry"
    },
}
_SAFE_METHODS = ("get", "head", "options")


def _answer(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ERROR_REF}}}


def _named(parameters: list[dict[str, Any]]) -> list[str]:
    """What the operation's ids name: every path parameter, and the `*_id` filters."""
    names = [
        p["name"]
        for p in parameters
        if p["in"] == "path" or (p["in"] == "query" and p["name"].endswith("_id"))
    ]
    return list(dict.fromkeys(n.removesuffix("_id").replace("_", " ") for n in names))


def operation_errors(method: str, path: str, operation: dict[str, Any]) -> dict[int, str]:
    """The error answers an operation can give, with what each means."""
    parameters = operation.get("parameters", [])
    errors = dict(_EXTRA.get((method, path), {}))
    if operation.get("security"):
        errors[401] = "Not logged in, or the login expired or was ended"
        errors[403] = "Your role, or your permissions in the project, do not allow this"
        if method not in _SAFE_METHODS and not path.startswith(_OWN_ACCOUNT):
            errors[409] = "Changed meanwhile, already exists, or not in a state for this"
    if named := _named(parameters):
        errors[404] = f"No such {' or '.join(named)}, or not one you may see"
    if operation.get("requestBody"):
        errors[400] = "`unreadable_body`: the body could not be parsed at all"
    if parameters or operation.get("requestBody"):
        errors[422] = "Invalid input; `field` names it"
    return errors


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """Add to every operation of the OpenAPI document the errors it can answer."""
    from console_api.models import ErrorBody  # loaded with the routes, not at cold start

    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ErrorBody", ErrorBody.model_json_schema())
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            errors = operation_errors(method, path, operation)
            if "422" in answers and 422 not in errors:
                del answers["422"]  # the app-wide entry, on an operation that takes no input
            for status, description in errors.items():
                answers.setdefault(str(status), _answer(description))
    return schema


def install_documentation(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
