"""A Telegram user of a project: profile and tags, sessions, whole history, search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import Items, MessagePublic, Page
from console_api.models_collab import TagPublic, TagsSet, TelegramUserPublic
from console_api.models_privacy import ErasureProgress, ErasureRequest, UserExport
from console_api.models_tasks import UserTimeZone
from tgdesk.inbound import users
from tgdesk.privacy import user_data
from tgdesk.sessions import tags
from tgdesk.tasks import local_time

router = APIRouter(tags=["users"])

Limit = Annotated[int, Query(ge=1, le=200)]


@router.get("/projects/{project_id}/users/{tg_user_id}")
def get_user(
    project_id: str, tg_user_id: int, scope: CurrentScope, source_ip: SourceIp
) -> TelegramUserPublic:
    """The profile, its tags and every session of the user, newest first. Supervisors of
    the project and agents holding one of the user's sessions may read it."""
    return TelegramUserPublic(**users.view(scope, project_id, tg_user_id, source_ip=source_ip))


@router.patch("/projects/{project_id}/users/{tg_user_id}")
def update_user(
    project_id: str, tg_user_id: int, body: UserTimeZone, scope: CurrentScope, source_ip: SourceIp
) -> TelegramUserPublic:
    """Set or clear the user's time zone (whoever may see the user; audited). The console
    then shows their local time and warns when replying in their night."""
    local_time.set_time_zone(scope, project_id, tg_user_id, body.time_zone, source_ip=source_ip)
    return TelegramUserPublic(**users.view(scope, project_id, tg_user_id, source_ip=source_ip))


@router.get("/projects/{project_id}/users/{tg_user_id}/messages")
def list_user_messages(
    project_id: str,
    tg_user_id: int,
    scope: CurrentScope,
    source_ip: SourceIp,
    limit: Limit = 50,
    cursor: str | None = None,
    before: Annotated[int | None, Query(ge=0, description="Epoch ms: older messages only")] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=users.SEARCH_MAX_LENGTH,
            description="Only messages whose text or caption holds this (any case)",
        ),
    ] = None,
) -> Page[MessagePublic]:
    """The user's messages across all their sessions, newest first; follow `next_cursor`
    to scroll back. A search page may hold fewer items than `limit` (even none) and still
    carry a `next_cursor`: each request reads a bounded part of the history."""
    if q is not None:
        items, next_cursor = users.search(
            scope,
            project_id,
            tg_user_id,
            q,
            limit=limit,
            cursor=cursor,
            before=before,
            source_ip=source_ip,
        )
    else:
        items, next_cursor = users.history(
            scope,
            project_id,
            tg_user_id,
            limit=limit,
            cursor=cursor,
            before=before,
            source_ip=source_ip,
        )
    return Page[MessagePublic](items=[MessagePublic(**m) for m in items], next_cursor=next_cursor)


@router.put("/projects/{project_id}/users/{tg_user_id}/tags")
def set_user_tags(
    project_id: str, tg_user_id: int, body: TagsSet, scope: CurrentScope, source_ip: SourceIp
) -> Items[TagPublic]:
    """Replace the user's tags (needs the `edit_tags` permission)."""
    chosen = tags.tag_user(scope, project_id, tg_user_id, body.tag_ids, source_ip=source_ip)
    return Items[TagPublic](items=[TagPublic(**t) for t in chosen])


@router.get("/projects/{project_id}/users/{tg_user_id}/export")
def export_user(
    project_id: str,
    tg_user_id: int,
    scope: CurrentScope,
    source_ip: SourceIp,
    cursor: str | None = None,
) -> UserExport:
    """Everything stored about the user (administrators only), one page of at most 4 MB at
    a time: follow `next_cursor` until it is null."""
    page = user_data.export(scope, project_id, tg_user_id, cursor=cursor, source_ip=source_ip)
    return UserExport(**page)


@router.post(
    "/projects/{project_id}/users/{tg_user_id}/erase",
    responses={202: {"model": ErasureProgress, "description": "Erased in part: call again"}},
)
def erase_user(
    project_id: str,
    tg_user_id: int,
    body: ErasureRequest,
    scope: CurrentScope,
    source_ip: SourceIp,
    response: Response,
) -> ErasureProgress:
    """Erase the user's data (administrators only; repeat the user's id in the body). A
    long history is erased over several calls: 202 with the progress until `phase` is
    `done` (200). Calling again after that changes nothing."""
    progress = user_data.erase(
        scope,
        project_id,
        tg_user_id,
        confirm_tg_user_id=body.confirm_tg_user_id,
        source_ip=source_ip,
    )
    if progress["phase"] != user_data.DONE:
        response.status_code = 202
    return ErasureProgress(**progress)
