"""A message's photo, voice, video or document, fetched from Telegram for the console.

Browsers cannot send the Authorization header from an <img>, so the console fetches these
bytes with its token and shows them from a blob URL. Reading a file is part of reading the
session: it needs no audit entry of its own.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentScope
from console_api.models import ErrorBody
from tgdesk.inbound import media

router = APIRouter(tags=["sessions"])

_BINARY = {
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
}


@router.get(
    "/sessions/{session_id}/messages/{message_id}/media",
    response_class=Response,
    responses={
        200: {**_BINARY, "description": "The file, with its content type"},
        404: {"model": ErrorBody, "description": "No such session or message, or no file"},
        413: {"model": ErrorBody, "description": "The file is too big to pass on"},
        502: {"model": ErrorBody, "description": "Telegram did not hand the file over"},
    },
)
def get_media(
    session_id: str,
    message_id: str,
    scope: CurrentScope,
    size: Annotated[
        Literal["thumb"] | None,
        Query(description="`thumb`: a small preview image instead of the file"),
    ] = None,
) -> Response:
    """The message's file (a photo's largest size), or with `size=thumb` its preview: a
    photo's smallest size at least 320 px on its longer side, or the file's thumbnail."""
    found = media.fetch(
        scope, session_id, message_id, media.Size.THUMB if size else media.Size.FULL
    )
    return Response(
        content=found.content,
        headers={
            "content-type": found.content_type,
            "content-disposition": found.disposition,
            "cache-control": "private, max-age=3600",
            "x-content-type-options": "nosniff",
            "content-security-policy": "default-src 'none'; sandbox",
        },
    )
