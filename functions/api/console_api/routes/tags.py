"""The tag catalog of a project, and the tags of a session."""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import Items
from console_api.models_collab import TagCreate, TagPublic, TagsSet, TagUpdate
from tgdesk.sessions import tags

router = APIRouter(tags=["tags"])


@router.get("/projects/{project_id}/tags")
def list_tags(project_id: str, scope: CurrentScope) -> Items[TagPublic]:
    return Items[TagPublic](items=[TagPublic(**t) for t in tags.catalog(scope, project_id)])


@router.post("/projects/{project_id}/tags", status_code=201)
def create_tag(
    project_id: str, body: TagCreate, scope: CurrentScope, source_ip: SourceIp
) -> TagPublic:
    """Add a tag (supervisors of the project); its name is unique in the project, whatever
    its case."""
    tag = tags.create(scope, project_id, body.name, body.colour, source_ip=source_ip)
    return TagPublic(**tag)


@router.patch("/projects/{project_id}/tags/{tag_id}")
def update_tag(
    project_id: str, tag_id: str, body: TagUpdate, scope: CurrentScope, source_ip: SourceIp
) -> TagPublic:
    tag = tags.update(
        scope, project_id, tag_id, name=body.name, colour=body.colour, source_ip=source_ip
    )
    return TagPublic(**tag)


@router.delete("/projects/{project_id}/tags/{tag_id}", status_code=204)
def delete_tag(project_id: str, tag_id: str, scope: CurrentScope, source_ip: SourceIp) -> Response:
    tags.delete(scope, project_id, tag_id, source_ip=source_ip)
    return Response(status_code=204)


@router.put("/sessions/{session_id}/tags")
def set_session_tags(
    session_id: str, body: TagsSet, scope: CurrentScope, source_ip: SourceIp
) -> Items[TagPublic]:
    """Replace the session's tags (needs the `edit_tags` permission)."""
    chosen = tags.tag_session(scope, session_id, body.tag_ids, source_ip=source_ip)
    return Items[TagPublic](items=[TagPublic(**t) for t in chosen])
