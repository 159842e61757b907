"""The FastAPI application: every route under /api, errors mapped in one place."""

from __future__ import annotations

from fastapi import FastAPI

from console_api import errors
from console_api.models import ErrorBody
from console_api.routes import (
    agents,
    audit,
    auth,
    groups,
    me,
    media,
    notes,
    projects,
    realtime,
    risk,
    sessions,
    system,
    tags,
    transfers,
    users,
)

API_PREFIX = "/api"


def create_app() -> FastAPI:
    app = FastAPI(
        title="tgdesk",
        summary="The REST API of the tgdesk console",
        version="0.1.0",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
        # FastAPI's own 422 entry would describe its error shape, not ours; the other
        # errors of each operation are derived in errors.document().
        responses={422: {"model": ErrorBody, "description": "Invalid input; `field` names it"}},
    )
    for module in (
        auth,
        agents,
        projects,
        sessions,
        system,
        notes,
        tags,
        users,
        audit,
        me,
        groups,
        transfers,
        realtime,
        media,
        risk,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    errors.install(app)
    errors.install_documentation(app)
    return app
