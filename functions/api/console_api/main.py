"""The FastAPI application: every route under /api, errors mapped in one place."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from console_api import errors, route_loading

API_PREFIX = "/api"

# The route modules (console_api.routes.*) in the order their routes are matched, each with
# the paths under /api it serves: prefixes, `*` standing for one segment (see route_loading).
# A module is imported on the first request to one of its paths.
ROUTE_MODULES: dict[str, tuple[str, ...]] = {
    "auth": ("/auth",),
    "agents": ("/agents",),
    "projects": ("/projects",),
    "sessions": ("/sessions",),
    "system": ("/dead-letters", "/health", "/projects/*/ignored-updates"),
    "notes": ("/sessions/*/notes",),
    "tags": ("/projects/*/tags", "/sessions/*/tags"),
    "users": ("/projects/*/users",),
    "audit": ("/audit",),
    "me": ("/me",),
    "groups": ("/projects/*/groups",),
    "transfers": (
        "/notices",
        "/sessions/*/assignments",
        "/sessions/*/take-over",
        "/sessions/*/transfer",
    ),
    "realtime": ("/realtime",),
    "media": ("/sessions/*/messages/*/media",),
    "risk": ("/risk", "/sessions/*/risk-cancel"),
    "team_chat": ("/projects/*/team-chat",),
    "escalations": (
        "/projects/*/escalation-wording",
        "/sessions/*/escalations",
        "/sessions/*/ticket",
        "/tickets",
    ),
    "links": ("/links", "/projects/*/link-settings"),
    "link_funnel": ("/links/*/funnel",),
    "sla": ("/projects/*/sla",),
    "triggers": ("/projects/*/escalation-triggers", "/sessions/*/escalation-suggestions"),
    "collaborators": ("/sessions/*/collaborators",),
    "surveys": ("/projects/*/survey-settings",),
    "autoreplies": ("/projects/*/autoreply-settings", "/projects/*/faq-rules"),
    "attachments": (
        "/sessions/*/uploads",
        "/sessions/*/media-messages",
        "/projects/*/attachment-settings",
    ),
    "tasks": ("/tasks", "/sessions/*/tasks", "/projects/*/task-settings"),
    "shifts": ("/projects/*/shifts", "/projects/*/handovers"),
    "translation": ("/projects/*/translation-settings", "/sessions/*/translation-preview"),
    "quick_replies": (
        "/projects/*/quick-replies",
        "/me/quick-replies",
        "/sessions/*/quick-replies",
    ),
    "stats": ("/stats",),
    "exports": ("/sessions/*/transcript", "/projects/*/exports", "/projects/*/retention"),
}


def every_operation_responses() -> dict[int | str, dict[str, Any]]:
    """FastAPI's own 422 entry would describe its error shape, not ours; the other errors of
    each operation are derived in errors.document()."""
    from console_api.models import ErrorBody  # with the first route module, as they all need it

    return {422: {"model": ErrorBody, "description": "Invalid input; `field` names it"}}


def create_app() -> FastAPI:
    app = FastAPI(
        title="tgdesk",
        summary="The REST API of the tgdesk console",
        version="0.1.0",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    errors.install(app)
    errors.install_documentation(app)
    modules = route_loading.RouteModules(
        app, API_PREFIX, ROUTE_MODULES, responses=every_operation_responses
    )
    route_loading.install(app, modules)
    return app
