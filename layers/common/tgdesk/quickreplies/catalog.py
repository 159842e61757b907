"""The quick reply libraries: a project's, managed by its supervisors (and the admins) and
used by its members; and each agent's personal one, which only that agent sees and manages.

A reply has a title and a text per language (en, zh, ru: the languages the users are
written to in, tgdesk.escalation.wording). A text may hold the placeholders of
`placeholders.PLACEHOLDERS`; any other `{...}` is refused, so a typo never reaches a user.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.escalation.wording import LANGUAGES
from tgdesk.quickreplies.placeholders import PLACEHOLDERS
from tgdesk.storage import quickreplies as store
from tgdesk.storage.records.quick_reply import (
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    Owner,
    QuickReply,
)

__all__ = [  # the bounds and shapes, for the API's models too
    "MAX_TEXT_CHARS",
    "MAX_TITLE_CHARS",
    "Owner",
    "QuickReply",
    "create",
    "delete",
    "get",
    "library",
    "personal_owner",
    "project_owner",
    "update",
]

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def project_owner(scope: Scope, project_id: str, *, manage: bool) -> Owner:
    """The project's library, if the caller may read it (a member) or manage it (a
    supervisor); a project outside the caller's scope is not found."""
    if manage:
        scope.require_supervisor(project_id)
    else:
        scope.require_project(project_id)
    return Owner("project", project_id)


def personal_owner(scope: Scope) -> Owner:
    return Owner("agent", scope.agent_id)


def library(owner: Owner) -> list[QuickReply]:
    """The library's replies by title."""
    return sorted(store.library(owner), key=lambda r: (r["title"].casefold(), r["reply_id"]))


def get(owner: Owner, reply_id: str) -> QuickReply:
    found = store.get(owner, reply_id)
    if found is None:
        raise NotFound("no such quick reply", code="quick_reply_not_found")
    return found


def create(
    scope: Scope,
    owner: Owner,
    title: str,
    texts: Mapping[str, str | None],
    *,
    source_ip: str | None = None,
) -> QuickReply:
    at = now_ms()
    reply = QuickReply(
        reply_id=ids.short_id(),
        owner=owner.kind,
        owner_id=owner.owner_id,
        title=_clean_title(title),
        texts=_clean_texts(texts),
        version=1,
        created_at=at,
        created_by=scope.agent_id,
        updated_at=at,
        updated_by=scope.agent_id,
    )
    store.create(reply, _entry("quick_reply.create", scope, None, reply, source_ip))
    return reply


def update(
    scope: Scope,
    owner: Owner,
    reply_id: str,
    *,
    title: str,
    texts: Mapping[str, str | None],
    version: int | None,
    source_ip: str | None = None,
) -> QuickReply:
    """Replace a reply's title and texts, if it is still at `version` (None: as stored)."""
    stored = get(owner, reply_id)
    read = stored["version"] if version is None else version
    before = QuickReply(**{**stored, "version": read})  # as the editor read it
    after = QuickReply(
        **{
            **stored,
            "title": _clean_title(title),
            "texts": _clean_texts(texts),
            "version": read + 1,
            "updated_at": now_ms(),
            "updated_by": scope.agent_id,
        }
    )
    store.update(before, after, _entry("quick_reply.update", scope, before, after, source_ip))
    return after


def delete(scope: Scope, owner: Owner, reply_id: str, *, source_ip: str | None = None) -> None:
    reply = get(owner, reply_id)
    store.delete(reply, _entry("quick_reply.delete", scope, reply, None, source_ip))


def _entry(
    action: str,
    scope: Scope,
    before: QuickReply | None,
    after: QuickReply | None,
    source_ip: str | None,
) -> dict[str, Any] | None:
    """The audit entry of a change to a project's library (personal replies have none)."""
    reply = after or before
    assert reply is not None
    if reply["owner"] != "project":
        return None
    shown = ("title", "texts", "version")
    return audit.entry(
        action,
        actor_id=scope.agent_id,
        project_id=reply["owner_id"],
        target_type="quick_reply",
        target_id=reply["reply_id"],
        before={k: before[k] for k in shown} if before else None,  # type: ignore[literal-required]
        after={k: after[k] for k in shown} if after else None,  # type: ignore[literal-required]
        source_ip=source_ip,
    )


def _clean_title(title: str) -> str:
    cleaned = " ".join((title or "").split())
    if not cleaned or len(cleaned) > MAX_TITLE_CHARS:
        raise InvalidInput(
            f"A title is 1 to {MAX_TITLE_CHARS} characters.",
            code="invalid_quick_reply",
            field="title",
        )
    return cleaned


def _clean_texts(texts: Mapping[str, str | None]) -> dict[str, str]:
    """The non-blank texts, each in a known language, bounded, with known placeholders."""
    cleaned: dict[str, str] = {}
    for language, text in texts.items():
        field = f"texts.{language}"
        value = (text or "").strip()
        if not value:
            continue
        if language not in LANGUAGES:
            raise InvalidInput(
                f"Texts exist for {', '.join(LANGUAGES)}.", code="unknown_language", field=field
            )
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidInput(
                f"A text holds at most {MAX_TEXT_CHARS} characters.",
                code="quick_reply_too_long",
                field=field,
            )
        unknown = [p for p in _PLACEHOLDER.findall(value) if p not in PLACEHOLDERS]
        if unknown:
            raise InvalidInput(
                f"A text may hold {', '.join(PLACEHOLDERS)}; unknown: {', '.join(unknown)}.",
                code="unknown_placeholder",
                field=field,
            )
        cleaned[language] = value
    if not cleaned:
        raise InvalidInput(
            "A quick reply needs a text in at least one language.",
            code="invalid_quick_reply",
            field="texts",
        )
    return cleaned
