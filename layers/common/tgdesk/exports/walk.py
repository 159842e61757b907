"""A bounded step over a project's sessions and their messages, resumable from a cursor.

The sessions come a page at a time from the project's list (latest activity first, within an
optional activity range); each session is read again when its turn comes (its list entry may
be a page old) and then its messages, a page at a time. The cursor keeps the session list's
cursor, the ids of the page's sessions not done yet (never whole sessions: the job item stays
small) and the messages' cursor within the first of them. A step stops after `reads` pages;
a step that ran again from the same cursor sees the same items in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tgdesk.storage import conversations
from tgdesk.storage import exports as store
from tgdesk.storage.records.export_job import ExportCursor
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session

SESSIONS_PAGE = 25


@dataclass(frozen=True, slots=True)
class Walk:
    project_id: str
    active_from: int | None
    active_to: int | None
    reads: int  # pages read at most by one step
    messages_page: int


@dataclass(frozen=True, slots=True)
class Step:
    cursor: ExportCursor
    finished: bool
    sessions: int  # sessions begun in this step
    messages: int


def step(
    walk: Walk,
    cursor: ExportCursor,
    on_session: Callable[[Session], None],
    on_messages: Callable[[Session, list[Message]], None],
) -> Step:
    cursor = ExportCursor(**cursor)  # a copy: the job read keeps its own
    reads = sessions = messages = 0
    current: Session | None = None
    while reads < walk.reads:
        pending = list(cursor.get("pending") or [])
        if not pending:
            if cursor.get("listed"):
                return Step(cursor, True, sessions, messages)
            page, after = store.sessions_page(
                walk.project_id,
                active_from=walk.active_from,
                active_to=walk.active_to,
                limit=SESSIONS_PAGE,
                cursor=cursor.get("sessions"),
            )
            reads += 1
            cursor["pending"] = [s["session_id"] for s in page]
            if after is None:
                cursor["listed"] = True
            else:
                cursor["sessions"] = after
            continue
        if current is None or current["session_id"] != pending[0]:
            current = conversations.get_session(pending[0])
            reads += 1
            if current is None:  # erased or expired since it was listed
                _next_session(cursor, pending)
                continue
        if not cursor.get("started"):
            on_session(current)
            cursor["started"] = True
            sessions += 1
        page_of, after = store.messages_page(
            current, limit=walk.messages_page, cursor=cursor.get("messages")
        )
        reads += 1
        on_messages(current, page_of)
        messages += len(page_of)
        if after is None:
            _next_session(cursor, pending)
            current = None
        else:
            cursor["messages"] = after
    return Step(cursor, False, sessions, messages)


def _next_session(cursor: ExportCursor, pending: list[str]) -> None:
    cursor["pending"] = pending[1:]
    cursor.pop("messages", None)
    cursor["started"] = False
