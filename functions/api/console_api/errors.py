"""Every error leaves the API as JSON `{"code", "message"}`, mapped here and only here."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from tgdesk.errors import TgdeskError

log = logging.getLogger(__name__)

_HTTP_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
_LOCATIONS = ("body", "query", "path", "header", "cookie")


def _field(location: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    body = {"code": code, "message": message}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status)


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


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = "no such route" if exc.status_code == 404 else str(exc.detail)
    return _error(exc.status_code, code, message)


async def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return _error(500, "internal_error", "Something went wrong on our side; try again.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(TgdeskError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
