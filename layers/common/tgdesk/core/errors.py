"""Domain errors. Each carries a stable code; the API maps them to HTTP in one place."""

from __future__ import annotations

from typing import Any


class TgdeskError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details


class NotFound(TgdeskError):
    code = "not_found"
    status = 404


class Conflict(TgdeskError):
    """A conditional write lost a race, or the thing already exists."""

    code = "conflict"
    status = 409


class Unauthorized(TgdeskError):
    code = "unauthorized"
    status = 401


class Forbidden(TgdeskError):
    code = "forbidden"
    status = 403


class InvalidInput(TgdeskError):
    code = "invalid_input"
    status = 422
