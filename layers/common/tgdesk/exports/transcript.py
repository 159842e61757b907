"""One session's transcript: every message with its time and author (the user, the agent by
name, or the system), optionally the notes the caller may read, and attachments as links to
the console's media route (they need a login: nothing of the file is in the transcript).

Markdown, CSV (formula-safe, UTF-8 with a BOM: tgdesk.core.csv_safe) or JSON. A response must
stay under Lambda's 6 MB: a transcript reads at most MAX_MESSAGES messages and its text at
most MAX_BYTES; past either it is refused (`transcript_too_large`, 413) and the project
export (administrators, through S3) is the way to get such a session.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries
from tgdesk.core import csv_safe
from tgdesk.core.errors import InvalidInput, TgdeskError
from tgdesk.core.settings import get_settings
from tgdesk.sessions import notes as session_notes
from tgdesk.shifts.export import text as markdown_text
from tgdesk.storage import exports as store
from tgdesk.storage.records.audit_entry import SYSTEM
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session

Format = Literal["markdown", "csv", "json"]
FORMATS: tuple[Format, ...] = ("markdown", "csv", "json")
MAX_MESSAGES = 5000
MAX_BYTES = 5 * 1024 * 1024  # under Lambda's 6 MB response, with room for headers
PAGE = 200
CSV_HEADER = ("time", "kind", "author", "type", "text", "attachment", "id")
MEDIA_NAMES = {"photo": "photo", "voice": "voice message", "video_note": "video message"}


class TranscriptTooLarge(TgdeskError):
    code = "transcript_too_large"
    status = 413


@dataclass(frozen=True, slots=True)
class Download:
    content: str
    media_type: str
    filename: str


@dataclass(frozen=True, slots=True)
class Line:
    """A message or a note as the transcript shows it."""

    at: int
    kind: str  # "in" (the user), "out" (an agent or the system), "note"
    author: str
    type: str
    text: str
    attachment: str | None
    id: str


def export(
    scope: Scope,
    session_id: str,
    fmt: str,
    *,
    with_notes: bool = False,
    source_ip: str | None = None,
) -> Download:
    """The transcript of a session the caller may see (404 otherwise), if they hold the
    `export` permission in its project (admins do); audited as `session.export`."""
    if fmt not in FORMATS:
        raise InvalidInput("format is markdown, csv or json", code="invalid_format", field="format")
    session = scope.session(session_id)
    scope.require_permission(session["project_id"], "export")
    messages = _messages(session)
    notes = session_notes.visible(scope, session_id) if with_notes else []
    lines = _lines(session, messages, notes)
    content = _render(fmt, session, lines)
    if len(content.encode("utf-8")) > MAX_BYTES:
        raise _too_large()
    entries.record(
        "session.export",
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="session",
        target_id=session_id,
        details={"format": fmt, "notes": with_notes, "messages": len(messages)},
        source_ip=source_ip,
    )
    media_type, extension = {
        "markdown": ("text/markdown; charset=utf-8", "md"),
        "csv": ("text/csv; charset=utf-8", "csv"),
        "json": ("application/json; charset=utf-8", "json"),
    }[fmt]
    return Download(content, media_type, f"transcript-{session_id}.{extension}")


def _messages(session: Session) -> list[Message]:
    found: list[Message] = []
    cursor: str | None = None
    while True:
        page, cursor = store.messages_page(session, limit=PAGE, cursor=cursor)
        found.extend(page)
        if len(found) > MAX_MESSAGES:
            raise _too_large()
        if cursor is None:
            return found


def _too_large() -> TranscriptTooLarge:
    return TranscriptTooLarge(
        f"This conversation is too long for a transcript (more than {MAX_MESSAGES} messages "
        f"or {MAX_BYTES // (1024 * 1024)} MB); an administrator's project export includes it.",
    )


# -- what a transcript shows ------------------------------------------------------------------
def user_name(session: Session) -> str:
    user: dict[str, Any] = dict(session.get("user") or {})
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p)
    if user.get("username"):
        name = f"{name} (@{user['username']})" if name else f"@{user['username']}"
    return name or f"user {session['tg_user_id']}"


def media_link(session_id: str, message_id: str) -> str:
    """The console's media route (it needs a login); absolute when the console's URL is set."""
    base = get_settings().console_url
    return f"{base}/api/sessions/{session_id}/messages/{message_id}/media"


def _lines(session: Session, messages: list[Message], notes: list[dict[str, Any]]) -> list[Line]:
    agent_ids = [m["sender_agent_id"] for m in messages if m.get("sender_agent_id")]
    agent_ids += [n["author_id"] for n in notes if n.get("author_id")]
    names = store.agent_names([a for a in dict.fromkeys(agent_ids) if a != SYSTEM])
    user = user_name(session)
    lines = [_message_line(session, m, user, names) for m in messages]
    lines += [
        Line(
            at=int(n["created_at"]),
            kind="note",
            author=names.get(n.get("author_id", ""), n.get("author_id", "")),
            type="personal note" if n.get("personal") else "note",
            text=str(n.get("text") or ""),
            attachment=None,
            id=str(n.get("note_id", "")),
        )
        for n in notes
    ]
    return sorted(lines, key=lambda line: (line.at, line.id))


def _message_line(session: Session, message: Message, user: str, names: dict[str, str]) -> Line:
    if message.get("direction") == "in":
        author = user
    else:
        sender = message.get("sender_agent_id") or SYSTEM
        author = "System" if sender == SYSTEM else names.get(sender, sender)
    text = message.get("text") or message.get("caption") or ""
    attachment = None
    if message.get("media"):
        attachment = media_link(session["session_id"], message["message_id"])
    return Line(
        at=int(message["created_at"]),
        kind=str(message.get("direction", "in")),
        author=author,
        type=str(message.get("type", "text")),
        text=str(text),
        attachment=attachment,
        id=message["message_id"],
    )


def when(ms: int | None) -> str:
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


# -- formats -------------------------------------------------------------------------------------
def _render(fmt: Format, session: Session, lines: list[Line]) -> str:
    if fmt == "csv":
        return to_csv(lines)
    if fmt == "json":
        return to_json(session, lines)
    return to_markdown(session, lines)


def to_csv(lines: list[Line]) -> str:
    rows = ([when(x.at), x.kind, x.author, x.type, x.text, x.attachment, x.id] for x in lines)
    return csv_safe.spreadsheet(CSV_HEADER, rows)


def to_json(session: Session, lines: list[Line]) -> str:
    document = {
        "session": {
            "session_id": session["session_id"],
            "project_id": session["project_id"],
            "user": user_name(session),
            "tg_user_id": session["tg_user_id"],
            "status": session.get("status"),
            "opened_at": session.get("opened_at"),
            "closed_at": session.get("closed_at"),
        },
        "items": [
            {
                "at": x.at,
                "time": when(x.at),
                "kind": x.kind,
                "author": x.author,
                "type": x.type,
                "text": x.text,
                "attachment": x.attachment,
                "id": x.id,
            }
            for x in lines
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def to_markdown(session: Session, lines: list[Line]) -> str:
    out = [
        f"# Transcript: {markdown_text(user_name(session))}",
        "",
        f"Session {markdown_text(session['session_id'])}, opened {when(session.get('opened_at'))}"
        + (f", closed {when(session.get('closed_at'))}" if session.get("closed_at") else ""),
        "",
    ]
    for x in lines:
        label = "Note" if x.kind == "note" else markdown_text(x.type)
        out.append(f"**{when(x.at)} · {markdown_text(x.author)}** ({label})")
        out.append("")
        out += [f"> {markdown_text(part)}" for part in x.text.splitlines() or [""]]
        if x.attachment:
            name = MEDIA_NAMES.get(x.type, x.type)
            out.append(f"> [{markdown_text(name)}](<{x.attachment}>)")
        out.append("")
    return "\n".join(out)
