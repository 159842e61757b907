"""Files an agent sends (tgdesk.attachments): the presigned upload of one file, the media
message that sends the uploads, and the project's attachment settings.

The browser uploads the file itself to S3 with the form this API hands out; the API never
holds a file (a Lambda request is at most 6 MB).
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import CurrentScope, SessionSender, SourceIp
from console_api.models import ErrorBody, MessagePublic
from console_api.models_attachments import (
    AttachmentSettings,
    AttachmentSettingsChange,
    MediaMessageCreate,
    UploadCreate,
    UploadForm,
)
from tgdesk.attachments import limits, sending, uploads
from tgdesk.sessions import lifecycle

router = APIRouter(tags=["attachments"])

_REFUSED = {
    403: {"model": ErrorBody, "description": "`permission_denied`: no `send_files` here"},
    404: {"model": ErrorBody, "description": "Not the session's holder, or no such session"},
    422: {
        "model": ErrorBody,
        "description": "`attachment_too_big`, `attachment_kind_not_allowed`...: nothing sent",
    },
}


@router.post("/sessions/{session_id}/uploads", status_code=201, responses=_REFUSED)
def create_upload(session_id: str, body: UploadCreate, sender: SessionSender) -> UploadForm:
    """Check a file before it is uploaded (Telegram's limits: photos 10 MB, other files
    50 MB; the kinds the project allows; `send_files`) and hand out a presigned form for it,
    good for 5 minutes."""
    scope, session = sender.scope, sender.session
    lifecycle.require_can_send(scope, session)
    form = uploads.start(
        scope,
        dict(session),
        file_name=body.file_name,
        content_type=body.content_type,
        size=body.size,
        kind=body.kind,
    )
    upload = form.upload
    return UploadForm(
        upload_id=upload["upload_id"],
        kind=upload["file_kind"],
        file_name=upload["file_name"],
        content_type=upload["content_type"],
        size=upload["size"],
        expires_at=upload["expires_at"],
        url=form.url,
        fields=form.fields,
    )


@router.post(
    "/sessions/{session_id}/media-messages",
    status_code=201,
    responses={
        **_REFUSED,
        200: {"description": "This client_message_id was sent before: that message"},
        409: {
            "model": ErrorBody,
            "description": "`risk_confirmation_required` (send again with `confirm_risk`), "
            "`client_message_id_reused`, or the session is not in a state for this",
        },
    },
)
def send_media(
    session_id: str, body: MediaMessageCreate, sender: SessionSender, response: Response
) -> MessagePublic:
    """Send uploaded files (one, or an album of 2 to 10) with a caption. Risk control reads
    the caption and the file names; the answer carries the delivery state, as a reply's."""
    scope, session = sender.scope, sender.session
    lifecycle.require_can_send(scope, session)
    message, created = sending.reply(
        scope,
        session,
        upload_ids=body.uploads,
        caption=body.caption,
        client_message_id=body.client_message_id,
        confirm_risk=body.confirm_risk,
    )
    if not created:
        response.status_code = 200
    return MessagePublic(**message)


@router.get("/projects/{project_id}/attachment-settings")
def get_attachment_settings(project_id: str, scope: CurrentScope) -> AttachmentSettings:
    """The kinds of file the project's agents may send (supervisors read them)."""
    return AttachmentSettings.model_validate(limits.read_settings(scope, project_id))


@router.put("/projects/{project_id}/attachment-settings")
def put_attachment_settings(
    project_id: str, body: AttachmentSettingsChange, scope: CurrentScope, source_ip: SourceIp
) -> AttachmentSettings:
    """Replace the kinds of file the project's agents may send (administrators)."""
    wanted = body.model_dump()
    saved = limits.save_settings(scope, project_id, wanted, source_ip=source_ip)
    return AttachmentSettings.model_validate(saved)
