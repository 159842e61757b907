"""Quick replies: a project's library (members read it, supervisors and admins manage it),
the caller's personal library, and a reply inserted into a session's composer (filled for
its user and counted; never sent)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import Items
from console_api.models_quick_replies import QuickReplyFilled, QuickReplyPublic, QuickReplyWrite
from tgdesk.accounts.access import Scope
from tgdesk.quickreplies import catalog, usage

router = APIRouter(tags=["quick replies"])


def _items(replies: list[catalog.QuickReply]) -> Items[QuickReplyPublic]:
    return Items[QuickReplyPublic](items=[QuickReplyPublic.model_validate(r) for r in replies])


def _create(
    scope: Scope, owner: catalog.Owner, body: QuickReplyWrite, source_ip: str | None
) -> QuickReplyPublic:
    made = catalog.create(scope, owner, body.title, body.texts, source_ip=source_ip)
    return QuickReplyPublic.model_validate(made)


def _update(
    scope: Scope, owner: catalog.Owner, reply_id: str, body: QuickReplyWrite, source_ip: str | None
) -> QuickReplyPublic:
    changed = catalog.update(
        scope,
        owner,
        reply_id,
        title=body.title,
        texts=body.texts,
        version=body.version,
        source_ip=source_ip,
    )
    return QuickReplyPublic.model_validate(changed)


# -- a project's library -------------------------------------------------------------------
@router.get("/projects/{project_id}/quick-replies")
def list_project_replies(project_id: str, scope: CurrentScope) -> Items[QuickReplyPublic]:
    """The project's replies by title, with their use counts."""
    return _items(catalog.library(catalog.project_owner(scope, project_id, manage=False)))


@router.post("/projects/{project_id}/quick-replies", status_code=201)
def create_project_reply(
    project_id: str, body: QuickReplyWrite, scope: CurrentScope, source_ip: SourceIp
) -> QuickReplyPublic:
    return _create(scope, catalog.project_owner(scope, project_id, manage=True), body, source_ip)


@router.put("/projects/{project_id}/quick-replies/{reply_id}")
def update_project_reply(
    project_id: str, reply_id: str, body: QuickReplyWrite, scope: CurrentScope, source_ip: SourceIp
) -> QuickReplyPublic:
    owner = catalog.project_owner(scope, project_id, manage=True)
    return _update(scope, owner, reply_id, body, source_ip)


@router.delete("/projects/{project_id}/quick-replies/{reply_id}", status_code=204)
def delete_project_reply(
    project_id: str, reply_id: str, scope: CurrentScope, source_ip: SourceIp
) -> Response:
    owner = catalog.project_owner(scope, project_id, manage=True)
    catalog.delete(scope, owner, reply_id, source_ip=source_ip)
    return Response(status_code=204)


# -- the caller's personal library ---------------------------------------------------------
@router.get("/me/quick-replies")
def list_personal_replies(scope: CurrentScope) -> Items[QuickReplyPublic]:
    return _items(catalog.library(catalog.personal_owner(scope)))


@router.post("/me/quick-replies", status_code=201)
def create_personal_reply(
    body: QuickReplyWrite, scope: CurrentScope, source_ip: SourceIp
) -> QuickReplyPublic:
    return _create(scope, catalog.personal_owner(scope), body, source_ip)


@router.put("/me/quick-replies/{reply_id}")
def update_personal_reply(
    reply_id: str, body: QuickReplyWrite, scope: CurrentScope, source_ip: SourceIp
) -> QuickReplyPublic:
    return _update(scope, catalog.personal_owner(scope), reply_id, body, source_ip)


@router.delete("/me/quick-replies/{reply_id}", status_code=204)
def delete_personal_reply(reply_id: str, scope: CurrentScope, source_ip: SourceIp) -> Response:
    catalog.delete(scope, catalog.personal_owner(scope), reply_id, source_ip=source_ip)
    return Response(status_code=204)


# -- in a session's composer ---------------------------------------------------------------
@router.get("/sessions/{session_id}/quick-replies")
def usable_replies(session_id: str, scope: CurrentScope) -> Items[QuickReplyPublic]:
    """The replies the caller may insert here: the project's, then their own."""
    return _items(usage.usable(scope, session_id))


@router.post("/sessions/{session_id}/quick-replies/{reply_id}/filled")
def insert_reply(session_id: str, reply_id: str, scope: CurrentScope) -> QuickReplyFilled:
    """The reply in the user's language with its placeholders filled, counted as a use.
    Nothing is sent: the agent edits the text in the composer and sends it as a reply."""
    return QuickReplyFilled.model_validate(usage.insert(scope, session_id, reply_id))
