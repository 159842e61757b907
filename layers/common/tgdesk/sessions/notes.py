"""Internal notes on a session: never sent to the user.

A shared note is seen by whoever can see the session (its holder now or later, and the
project's supervisors); a personal note only by its author. Only the author edits a note.
The audit keeps a shared note's text before and after a change, but never a personal
note's text: supervisors read the audit, and a personal note is its author's alone.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Forbidden, InvalidInput, NotFound
from tgdesk.storage import notes as store

MAX_TEXT = 4000


def clean_text(text: str) -> str:
    """The note's text without surrounding blanks: 1 to MAX_TEXT characters."""
    cleaned = text.strip()
    if not cleaned or len(cleaned) > MAX_TEXT:
        raise InvalidInput(
            f"A note holds 1 to {MAX_TEXT} characters.", code="invalid_note", field="text"
        )
    return cleaned


def add(
    scope: Scope, session_id: str, text: str, *, personal: bool, source_ip: str | None = None
) -> dict[str, Any]:
    session = scope.session(session_id)
    note = {
        "note_id": ids.sortable_id(),
        "session_id": session_id,
        "project_id": session["project_id"],
        "author_id": scope.agent_id,
        "text": clean_text(text),
        "personal": personal,
        "created_at": now_ms(),
    }
    entry = audit.entry(
        "note.create",
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="note",
        target_id=str(note["note_id"]),
        after=_audited(note),
        details={"session_id": session_id},
        source_ip=source_ip,
    )
    store.create(note, entry)
    return note


def visible(scope: Scope, session_id: str) -> list[dict[str, Any]]:
    """The session's notes this agent may read, oldest first."""
    scope.session(session_id)
    return [n for n in store.list_for_session(session_id) if readable_by(scope, n)]


def edit(
    scope: Scope, session_id: str, note_id: str, text: str, *, source_ip: str | None = None
) -> dict[str, Any]:
    session = scope.session(session_id)
    note = store.find(session_id, note_id)
    if note is None or not readable_by(scope, note):
        raise NotFound("no such note", code="note_not_found")
    if note["author_id"] != scope.agent_id:
        raise Forbidden("only the author of a note can edit it", code="not_author")
    cleaned = clean_text(text)
    if cleaned == note["text"]:
        return note
    edited_at = now_ms()
    entry = audit.entry(
        "note.update",
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="note",
        target_id=note_id,
        before=_audited(note),
        after=_audited({**note, "text": cleaned}),
        details={"session_id": session_id},
        source_ip=source_ip,
    )
    return store.update_text(note, cleaned, edited_at, entry)


def readable_by(scope: Scope, note: dict[str, Any]) -> bool:
    """A shared note by whoever sees its session; a personal note by its author alone."""
    return not note.get("personal") or note["author_id"] == scope.agent_id


def _audited(note: dict[str, Any]) -> dict[str, Any]:
    if note.get("personal"):
        return {"personal": True, "length": len(note["text"])}
    return {"personal": False, "text": note["text"]}
