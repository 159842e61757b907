"""Tags: a per-project catalog (name, colour), put on sessions and on Telegram users.

Supervisors of a project (and admins) manage its catalog; every member reads it. Setting a
session's or a user's tags needs the `edit_tags` permission in the project, and only tags of
that project can be used. Names are unique per project whatever their case or Unicode form.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from tgdesk import audit, ids, users
from tgdesk.access import Scope
from tgdesk.clock import now_ms
from tgdesk.errors import InvalidInput, NotFound
from tgdesk.storage import tags as store

NAME_MAX_LENGTH = 40
MAX_TAGS_PER_TARGET = 20
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def name_key(name: str) -> str:
    """What makes two names the same: Unicode-normalised, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidInput(
            f"A tag name holds 1 to {NAME_MAX_LENGTH} characters.",
            code="invalid_tag",
            field="name",
        )
    return cleaned


def _clean_colour(colour: str) -> str:
    if not COLOUR.fullmatch(colour):
        raise InvalidInput("A colour is written #rrggbb.", code="invalid_tag", field="colour")
    return colour.lower()


def catalog(scope: Scope, project_id: str) -> list[dict[str, Any]]:
    """The project's tags, by name."""
    scope.require_project(project_id)
    return sorted(store.catalog(project_id), key=lambda t: t["name_key"])


def create(
    scope: Scope, project_id: str, name: str, colour: str, *, source_ip: str | None = None
) -> dict[str, Any]:
    scope.require_supervisor(project_id)
    cleaned = _clean_name(name)
    tag = {
        "tag_id": ids.short_id(),
        "project_id": project_id,
        "name": cleaned,
        "name_key": name_key(cleaned),
        "colour": _clean_colour(colour),
        "created_at": now_ms(),
        "created_by": scope.agent_id,
    }
    entry = _entry("tag.create", scope, tag, None, _audited(tag), source_ip)
    store.create(tag, entry)
    return tag


def update(
    scope: Scope,
    project_id: str,
    tag_id: str,
    *,
    name: str | None = None,
    colour: str | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    scope.require_supervisor(project_id)
    before = _existing(project_id, tag_id)
    after = dict(before)
    if name is not None:
        after["name"] = _clean_name(name)
        after["name_key"] = name_key(after["name"])
    if colour is not None:
        after["colour"] = _clean_colour(colour)
    if _audited(after) == _audited(before):
        return before
    after["updated_at"] = now_ms()
    entry = _entry("tag.update", scope, after, _audited(before), _audited(after), source_ip)
    store.update(before, after, entry)
    return after


def delete(scope: Scope, project_id: str, tag_id: str, *, source_ip: str | None = None) -> None:
    scope.require_supervisor(project_id)
    tag = _existing(project_id, tag_id)
    store.delete(tag, _entry("tag.delete", scope, tag, _audited(tag), None, source_ip))


def tag_session(
    scope: Scope, session_id: str, tag_ids: list[str], *, source_ip: str | None = None
) -> list[dict[str, Any]]:
    """Set the session's tags (all of them); returns those tags."""
    session = scope.session(session_id)
    project_id = session["project_id"]
    scope.require_permission(project_id, "edit_tags")
    chosen = _project_tags(project_id, tag_ids)
    wanted = [t["tag_id"] for t in chosen]
    before = list(session.get("tags", []))
    if wanted != before:
        entry = audit.entry(
            "session.tags",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="session",
            target_id=session_id,
            before=before,
            after=wanted,
            source_ip=source_ip,
        )
        store.set_on_session(session_id, before, wanted, entry)
    return chosen


def tag_user(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    tag_ids: list[str],
    *,
    source_ip: str | None = None,
) -> list[dict[str, Any]]:
    """Set the Telegram user's tags (all of them); returns those tags."""
    profile, _ = users.require_visible(scope, project_id, tg_user_id)
    scope.require_permission(project_id, "edit_tags")
    chosen = _project_tags(project_id, tag_ids)
    wanted = [t["tag_id"] for t in chosen]
    before = list(profile.get("tags", []))
    if wanted != before:
        entry = audit.entry(
            "user.tags",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="tg_user",
            target_id=str(tg_user_id),
            before=before,
            after=wanted,
            source_ip=source_ip,
        )
        store.set_on_user(project_id, tg_user_id, before, wanted, entry)
    return chosen


def _project_tags(project_id: str, tag_ids: list[str]) -> list[dict[str, Any]]:
    """The catalog tags named, in the order given, once each; every id must be a tag of
    the project."""
    unique = list(dict.fromkeys(tag_ids))
    if len(unique) > MAX_TAGS_PER_TARGET:
        raise InvalidInput(
            f"At most {MAX_TAGS_PER_TARGET} tags at once.", code="too_many_tags", field="tag_ids"
        )
    known = {t["tag_id"]: t for t in store.catalog(project_id)} if unique else {}
    unknown = [t for t in unique if t not in known]
    if unknown:
        raise InvalidInput(
            "These tags are not in this project's catalog: " + ", ".join(unknown),
            code="unknown_tag",
            field="tag_ids",
        )
    return [known[t] for t in unique]


def _existing(project_id: str, tag_id: str) -> dict[str, Any]:
    tag = store.get(project_id, tag_id)
    if tag is None:
        raise NotFound("no such tag", code="tag_not_found")
    return tag


def _audited(tag: dict[str, Any]) -> dict[str, Any]:
    return {"name": tag["name"], "colour": tag["colour"]}


def _entry(
    action: str,
    scope: Scope,
    tag: dict[str, Any],
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    source_ip: str | None,
) -> dict[str, Any]:
    return audit.entry(
        action,
        actor_id=scope.agent_id,
        project_id=tag["project_id"],
        target_type="tag",
        target_id=tag["tag_id"],
        before=before,
        after=after,
        source_ip=source_ip,
    )
