"""Tracked links of a project (tgdesk.links): administrators and supervisors of the
link's project; to anyone else a link, its clicks and the settings do not exist (404)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentScope, PublicUrl, SourceIp
from console_api.models import ErrorBody, Items, Page
from console_api.models_links import (
    ClickPublic,
    LinkCreate,
    LinkPublic,
    LinkSettingsPublic,
    LinkSettingsUpdate,
    LinkUpdate,
)
from tgdesk.links import catalog, settings

router = APIRouter(tags=["links"])

# The project named in the body or the query: unknown, or not the caller's to manage.
_PROJECT_HIDDEN = {
    404: {"model": ErrorBody, "description": "No such project, or not one you may see"}
}


def _fields(body: Any, exclude: set[str] | None = None) -> dict[str, Any]:
    return body.model_dump(exclude_unset=True, exclude=exclude or set())


def _public(link: Any, public_url: str) -> LinkPublic:
    return LinkPublic(**catalog.public_link(link, catalog.links_base_url(public_url)))


@router.post("/links", status_code=201, responses=_PROJECT_HIDDEN)
def create_link(
    body: LinkCreate, scope: CurrentScope, source_ip: SourceIp, public_url: PublicUrl
) -> LinkPublic:
    """A new link of the project; Conflict `link_code_taken` when the code is taken."""
    link = catalog.create_link(
        scope,
        body.project_id,
        _fields(body, {"project_id", "code"}),
        code=body.code,
        source_ip=source_ip,
    )
    return _public(link, public_url)


@router.get("/links", responses=_PROJECT_HIDDEN)
def list_links(
    project_id: Annotated[str, Query(max_length=64)], scope: CurrentScope, public_url: PublicUrl
) -> Items[LinkPublic]:
    """The project's links, newest first (deleted ones are gone)."""
    return Items[LinkPublic](
        items=[_public(x, public_url) for x in catalog.list_links(scope, project_id)]
    )


@router.get("/links/{code}")
def get_link(code: str, scope: CurrentScope, public_url: PublicUrl) -> LinkPublic:
    return _public(catalog.get_link(scope, code), public_url)


@router.patch("/links/{code}")
def update_link(
    code: str, body: LinkUpdate, scope: CurrentScope, source_ip: SourceIp, public_url: PublicUrl
) -> LinkPublic:
    """Change the fields sent; Conflict `link_changed` when it changed meanwhile."""
    link = catalog.update_link(scope, code, _fields(body), source_ip=source_ip)
    return _public(link, public_url)


@router.delete("/links/{code}", status_code=204)
def delete_link(code: str, scope: CurrentScope, source_ip: SourceIp) -> Response:
    """The link answers the 404 page from now on; its code is never given again."""
    catalog.delete_link(scope, code, source_ip=source_ip)
    return Response(status_code=204)


@router.get("/links/{code}/clicks")
def list_clicks(
    code: str,
    scope: CurrentScope,
    limit: Annotated[int, Query(ge=1, le=catalog.CLICKS_PAGE_MAX)] = 100,
    cursor: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[ClickPublic]:
    """The link's clicks, newest first (the export); follow `next_cursor` until null.
    Clicks older than the project's retention are gone."""
    items, next_cursor = catalog.link_clicks(scope, code, limit=limit, cursor=cursor)
    return Page[ClickPublic](items=[ClickPublic(**c) for c in items], next_cursor=next_cursor)


@router.get("/projects/{project_id}/link-settings")
def get_link_settings(project_id: str, scope: CurrentScope) -> LinkSettingsPublic:
    """What the project's clicks record of a visitor's address, and for how long."""
    return LinkSettingsPublic(**settings.get_settings(scope, project_id))


@router.put("/projects/{project_id}/link-settings")
def update_link_settings(
    project_id: str, body: LinkSettingsUpdate, scope: CurrentScope, source_ip: SourceIp
) -> LinkSettingsPublic:
    """Change them (audited); they apply to clicks from then on."""
    return LinkSettingsPublic(
        **settings.update_settings(
            scope,
            project_id,
            address_mode=body.address_mode,
            retention_days=body.retention_days,
            source_ip=source_ip,
        )
    )
