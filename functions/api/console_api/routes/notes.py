"""Internal notes on a session. They are never sent to the Telegram user."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models import Items
from console_api.models_collab import NoteCreate, NotePublic, NoteUpdate
from tgdesk.sessions import notes

router = APIRouter(tags=["notes"])


@router.post("/sessions/{session_id}/notes", status_code=201)
def add_note(
    session_id: str, body: NoteCreate, scope: CurrentScope, source_ip: SourceIp
) -> NotePublic:
    """Add a note; a `personal` note is shown to its author only."""
    note = notes.add(scope, session_id, body.text, personal=body.personal, source_ip=source_ip)
    return NotePublic(**note)


@router.get("/sessions/{session_id}/notes")
def list_notes(session_id: str, scope: CurrentScope) -> Items[NotePublic]:
    """The session's shared notes and the caller's personal ones, oldest first."""
    return Items[NotePublic](items=[NotePublic(**n) for n in notes.visible(scope, session_id)])


@router.patch("/sessions/{session_id}/notes/{note_id}")
def edit_note(
    session_id: str, note_id: str, body: NoteUpdate, scope: CurrentScope, source_ip: SourceIp
) -> NotePublic:
    """Change a note's text (its author only); `edited_at` tells it was edited."""
    note = notes.edit(scope, session_id, note_id, body.text, source_ip=source_ip)
    return NotePublic(**note)
