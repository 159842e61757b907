"""A Telegram user's data on request: export it (JSON, in pages) or erase it (docs/privacy.md).

Both are for administrators only. Export hands over every item of the user, a bounded page
at a time (a Lambda answer is at most 6 MB). Erasure closes the user's open session (through
the lifecycle's close, so its agent's `open_sessions` counter moves with it), then deletes the
user's items `ERASE_BATCH` at a time per request and blanks what the audit log quotes of
them; a request that cannot finish answers with its progress, and the next request (by the
console, which repeats it, or by hand) carries on from the tombstone. When everything is gone
a `user.erase` audit entry says who erased which user, when, and how many items.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Forbidden, InvalidInput
from tgdesk.inbound import users
from tgdesk.sessions import notes
from tgdesk.storage import conversations, sessions, table, tags
from tgdesk.storage import tasks as task_store
from tgdesk.storage import user_data as store

EXPORT_FORMAT = "tgdesk.user-export/1"
EXPORT_MAX_BYTES = 4 * 1024 * 1024  # JSON of one page's items: well under Lambda's 6 MB
EXPORT_MAX_ITEMS = 2000
ERASE_BATCH = 2000  # items deleted per request; more answers 202 and the next call goes on
AUDIT_READS = 2000  # audit entries looked through per request
ITEMS, AUDIT, DONE = "items", "audit", "done"  # the phases of an erasure

# Export sections by item kind (docs/data-model.md); anything else goes to `other`.
_SECTIONS = {
    "user_session": "session_refs",
    "session": "sessions",
    "assignment": "assignments",
    "session_timer": "timers",
    "note": "notes",
    "reply_claim": "reply_claims",
    "message": "messages",
    "telegram_message_ref": "message_refs",
}
SECTIONS = (*dict.fromkeys(_SECTIONS.values()), "other")


def export(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    *,
    cursor: str | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """One page of the user's data: the profile (first page), sessions, notes, messages with
    their raw updates, edits and delivery states. `next_cursor` is None on the last page."""
    _require_admin(scope, project_id)
    profile = conversations.get_user(project_id, tg_user_id)
    session_ids = store.session_ids(project_id, tg_user_id)
    if profile is None and not session_ids:
        raise users.user_not_found()
    parts = store.partitions(project_id, tg_user_id, session_ids)
    start = store.decode_position(cursor, parts)
    if cursor is None:
        users.record_about_user("user.export", scope, project_id, tg_user_id, {}, source_ip)
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "exported_at": now_ms(),
        "profile": None,
        "tags": [],
        **{name: [] for name in SECTIONS},
        "next_cursor": None,
    }
    size, count, last = 0, 0, start
    for position, item in store.walk(parts, start):
        weight = len(table.dumps(item).encode())
        if count and (size + weight > EXPORT_MAX_BYTES or count >= EXPORT_MAX_ITEMS):
            document["next_cursor"] = store.encode_position(last)
            break
        size, count, last = size + weight, count + 1, position
        public = table.strip_keys(item)
        if item.get("kind") == "note" and not notes.readable_by(scope, item):
            continue  # another agent's personal note is theirs alone (it is erased all the same)
        if item.get("kind") == "telegram_user":
            document["profile"] = public
            catalog = {t["tag_id"]: t for t in tags.catalog(project_id)}
            document["tags"] = [catalog[t] for t in public.get("tags", []) if t in catalog]
        else:
            document[_SECTIONS.get(item.get("kind", ""), "other")].append(public)
    return document


def erase(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    *,
    confirm_tg_user_id: int,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Erase (or go on erasing) the user's data. Returns the tombstone: `phase` is `done`
    when nothing of the user is left; otherwise call again."""
    _require_admin(scope, project_id)
    if confirm_tg_user_id != tg_user_id:
        raise InvalidInput(
            "Repeat the user's id to confirm the erasure.",
            code="erasure_not_confirmed",
            field="confirm_tg_user_id",
        )
    erasure = store.get_erasure(project_id, tg_user_id)
    profile = conversations.get_user(project_id, tg_user_id)
    if erasure is None or erasure["phase"] == DONE:
        if profile is None:
            if erasure is None:
                raise users.user_not_found()
            return erasure  # erased already: asking again changes nothing
        erasure = _start(scope, project_id, tg_user_id, erasure, source_ip)
    if erasure["phase"] == ITEMS:
        if profile is not None and profile.get("open_session_id"):
            _close_open_session(scope, profile["open_session_id"], source_ip)
        erasure = _erase_items(scope, erasure, source_ip)
    if erasure["phase"] == AUDIT:  # at once when the items took less than the whole budget
        erasure = _redact_audit(scope, erasure, source_ip)
    return erasure


def _start(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    earlier: dict[str, Any] | None,
    source_ip: str | None,
) -> dict[str, Any]:
    """A new tombstone (or a fresh one over a finished erasure: the user wrote again later
    and is a new user now), with the sessions to erase."""
    erasure = {
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "requested_by": scope.agent_id,
        "source_ip": source_ip,
        "started_at": now_ms(),
        "phase": ITEMS,
        "cursor": None,
        "session_ids": store.session_ids(project_id, tg_user_id),
        "items_erased": 0,
        "audit_entries_redacted": 0,
        "step": (earlier["step"] + 1) if earlier else 0,
    }
    store.save_erasure(erasure, step_read=earlier["step"] if earlier else None)
    return erasure


def _close_open_session(scope: Scope, session_id: str, source_ip: str | None) -> None:
    """Close an open session of the user as a close from the console would (one transaction:
    the session, the profile, the assignee's `open_sessions`, the timers, the audit entry)."""
    session = sessions.get(session_id)
    if session is None or session.get("status") == Status.CLOSED:
        return
    at = now_ms()
    entry = audit.entry(
        "session.close",
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="session",
        target_id=session_id,
        before={"status": session["status"]},
        after={"status": Status.CLOSED, "closed_at": at},
        details={"cause": "erasure"},
        source_ip=source_ip,
    )
    sessions.close(session, at=at, entry=entry)


def _erase_items(scope: Scope, erasure: dict[str, Any], source_ip: str | None) -> dict[str, Any]:
    """Delete up to ERASE_BATCH items: the sessions' partitions (an open session is closed
    first, while the profile that names it is still there), then the chat, then the user's
    own partition (the profile goes last, so a half-done erasure stays findable). A user who
    wrote meanwhile (a session not known yet, or items left in the chat or own partition)
    gets another pass from the start."""
    known = list(erasure["session_ids"])
    for session_id in store.session_ids(erasure["project_id"], erasure["tg_user_id"]):
        if session_id not in known:
            known.append(session_id)
    parts = list(reversed(_partitions({**erasure, "session_ids": known})))
    start = store.decode_position(erasure.get("cursor"), parts)
    batch: list[dict[str, Any]] = []
    last = start
    for position, item in store.walk(parts, start):
        batch.append(item)
        last = position
        if item.get("kind") == "user_session" and item["session_id"] not in known:
            known.append(item["session_id"])
        if len(batch) >= ERASE_BATCH:
            break
    for item in batch:
        if item.get("kind") == "session" and item.get("status") != Status.CLOSED:
            _close_open_session(scope, item["session_id"], source_ip)
        elif item.get("kind") == "task" and item.get("copy_owner"):
            # its copy in the owner's own list quotes the note: it goes first, so an
            # interrupted pass finds the task again and never leaves the copy behind
            task_store.drop_copy(item["copy_owner"], item)  # type: ignore[arg-type]
    store.delete(batch)
    finished = len(batch) < ERASE_BATCH
    # A session found during a pass may sit before the cursor: the pass ends with another.
    rescan = bool(erasure.get("rescan")) or known != erasure["session_ids"]
    again = finished and (rescan or store.holds_data(erasure["project_id"], erasure["tg_user_id"]))
    moved = {
        **erasure,
        "phase": AUDIT if finished and not again else ITEMS,
        "cursor": None if finished else store.encode_position(last),
        "rescan": rescan and not finished,
        "session_ids": known,
        "items_erased": erasure["items_erased"] + len(batch),
        "step": erasure["step"] + 1,
    }
    store.save_erasure(moved, step_read=erasure["step"])
    return moved


def _redact_audit(scope: Scope, erasure: dict[str, Any], source_ip: str | None) -> dict[str, Any]:
    """Blank what the project's audit entries about the user quote of them, AUDIT_READS
    entries per request; then the tombstone is done, with the erasure's own entry."""
    ours = {str(erasure["tg_user_id"]), *erasure["session_ids"]}
    after = store.decode_position(erasure.get("cursor")).after
    entries, last = store.audit_page(erasure["project_id"], after, AUDIT_READS)
    at = now_ms()
    redacted = 0
    for entry in entries:
        details = entry.get("details")
        about = details.get("session_id") if isinstance(details, dict) else None
        if entry.get("target_id") in ours or about in ours:
            redacted += store.redact(entry, at)
    moved = {
        **erasure,
        "audit_entries_redacted": erasure["audit_entries_redacted"] + redacted,
        "step": erasure["step"] + 1,
    }
    if last is not None:
        moved["cursor"] = store.encode_position(store.Position(None, last))
        store.save_erasure(moved, step_read=erasure["step"])
        return moved
    moved.update(phase=DONE, cursor=None, finished_at=at)
    entry = audit.entry(
        "user.erase",
        actor_id=scope.agent_id,
        project_id=erasure["project_id"],
        target_type="tg_user",
        target_id=str(erasure["tg_user_id"]),
        details={
            "items_erased": moved["items_erased"],
            "audit_entries_redacted": moved["audit_entries_redacted"],
            "sessions": len(erasure["session_ids"]),
            "started_at": erasure["started_at"],
            "requested_by": erasure["requested_by"],
        },
        source_ip=source_ip,
    )
    store.finish_erasure(moved, step_read=erasure["step"], entry=entry)
    return moved


def _partitions(erasure: dict[str, Any]) -> list[str]:
    return store.partitions(erasure["project_id"], erasure["tg_user_id"], erasure["session_ids"])


def _require_admin(scope: Scope, project_id: str) -> None:
    if not scope.is_admin:
        raise Forbidden("only an administrator can do this", code="admin_only")
    scope.require_project(project_id)
