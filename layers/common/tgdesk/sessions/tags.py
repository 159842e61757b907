"""Tags: a per-project catalog (name, colour), put on sessions and on Telegram users.

Supervisors of a project (and admins) manage its catalog; every member reads it. Setting a
session's or a user's tags needs the `edit_tags` permission in the project, and only tags of
that project can be used. Names are unique per project whatever their case or Unicode form.

Deleting a tag takes it off every session and user profile that carries it. Why here and
not by having every reader drop ids missing from the catalog: sessions reach consoles
through many paths (the list, one session, lifecycle and transfer answers, pushed frames),
and a filter forgotten on one of them would show the id again; a stored change also
reaches open consoles as an ordinary session update, and the audit log shows it. The work
is bounded per request: the delete removes the tag from the catalog and leaves a sweep
(docs/data-model.md: tag sweep) that pages through the project's session and user indexes
a few pages at a time, with a conditional write and an audit entry per carrier. Reading
the catalog and setting tags in the project move pending sweeps on too, so a sweep too
large for the delete itself finishes as the console is used. Meanwhile no
write can put the deleted tag back: setting tags checks in its transaction that each tag
still exists, and an id of a deleted tag that a session or user still carries is dropped
quietly when a console sends it back with its other tags.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.core.names import clean_name
from tgdesk.inbound import users
from tgdesk.storage import tags as store

NAME_MAX_LENGTH = 40
MAX_TAGS_PER_TARGET = 20
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
SWEEP_PAGE_SIZE = 100  # index items read per page of a sweep
SWEEP_PAGES_PER_REQUEST = 3  # pages of pending sweeps one request may read
_SWEEP_RETRIES = 3  # a carrier's tags may change between the read and the write


def name_key(name: str) -> str:
    """What makes two names the same: Unicode-normalised, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _clean_name(name: str) -> str:
    return clean_name(name, kind="tag", max_length=NAME_MAX_LENGTH, code="invalid_tag")


def _clean_colour(colour: str) -> str:
    if not COLOUR.fullmatch(colour):
        raise InvalidInput("A colour is written #rrggbb.", code="invalid_tag", field="colour")
    return colour.lower()


def catalog(scope: Scope, project_id: str) -> list[dict[str, Any]]:
    """The project's tags, by name (moving on the sweeps of deleted tags)."""
    scope.require_project(project_id)
    continue_sweeps(project_id)
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
    """Remove the tag from the catalog, then from the sessions and users that carry it
    (this request does the first pages; see the module's docstring)."""
    scope.require_supervisor(project_id)
    tag = _existing(project_id, tag_id)
    sweep = {
        "tag_id": tag_id,
        "project_id": project_id,
        "actor_id": scope.agent_id,
        "source_ip": source_ip,
        "started_at": now_ms(),
    }
    store.delete(tag, _entry("tag.delete", scope, tag, _audited(tag), None, source_ip), sweep)
    continue_sweeps(project_id)


def system_tag(project_id: str, name: str, colour: str) -> dict[str, Any]:
    """The project's tag called `name`, created by the system (with `colour`) when missing:
    the tag a feature puts on sessions on its own (risk control's `sensitive`, the escalation
    triggers' `escalation suggested`)."""
    key = name_key(name)
    found = _tag_named(project_id, key)
    if found is not None:
        return found
    tag: dict[str, Any] = {
        "tag_id": ids.short_id(),
        "project_id": project_id,
        "name": name,
        "name_key": key,
        "colour": colour,
        "created_at": now_ms(),
        "created_by": audit.SYSTEM,
    }
    entry = audit.entry(
        "tag.create",
        actor_id=audit.SYSTEM,
        project_id=project_id,
        target_type="tag",
        target_id=tag["tag_id"],
        after={"name": tag["name"], "colour": tag["colour"]},
    )
    try:
        store.create(tag, entry)
    except Conflict:
        # Created meanwhile by someone else: theirs is the one.
        raced = _tag_named(project_id, key)
        if raced is None:
            raise
        return raced
    return tag


def _tag_named(project_id: str, key: str) -> dict[str, Any] | None:
    return next((t for t in store.catalog(project_id) if t["name_key"] == key), None)


def continue_sweeps(project_id: str, *, pages: int | None = None) -> bool:
    """Move the project's pending sweeps on by at most `pages` index pages (by default
    SWEEP_PAGES_PER_REQUEST). True when none is left. Concurrent callers are safe: each
    carrier's write and each step of a sweep is conditional, so the loser of a race stops
    or skips what is already done."""
    budget = SWEEP_PAGES_PER_REQUEST if pages is None else pages
    for sweep in store.pending_sweeps(project_id):
        current: dict[str, Any] | None = sweep
        while current is not None:
            if budget <= 0:
                return False
            budget -= 1
            current = _sweep_page(current)
    return True


def _sweep_page(sweep: dict[str, Any]) -> dict[str, Any] | None:
    """Untag one page of carriers; the sweep as it stands after, or None when it is done
    (or another request moved it on meanwhile)."""
    carriers, cursor = store.carriers(sweep, limit=SWEEP_PAGE_SIZE)
    for carrier in carriers:
        _untag(sweep, carrier)
    phase = sweep["phase"]
    try:
        if cursor is None and phase == store.SWEEP_PHASES[-1]:
            store.finish_sweep(sweep)
            return None
        if cursor is None:
            phase = store.SWEEP_PHASES[store.SWEEP_PHASES.index(phase) + 1]
        return store.advance_sweep(sweep, phase=phase, cursor=cursor)
    except Conflict:
        return None


def _untag(sweep: dict[str, Any], carrier: dict[str, Any]) -> None:
    """Take the swept tag off one session or user, with the audit entry of the change."""
    tag_id = sweep["tag_id"]
    is_session = sweep["phase"] == "sessions"
    before: list[str] | None = list(carrier.get("tags", []))
    for _ in range(_SWEEP_RETRIES):
        if before is None or tag_id not in before:
            return
        after = [t for t in before if t != tag_id]
        entry = audit.entry(
            "session.tags" if is_session else "user.tags",
            actor_id=sweep["actor_id"],
            project_id=sweep["project_id"],
            target_type="session" if is_session else "tg_user",
            target_id=str(carrier["session_id"] if is_session else carrier["tg_user_id"]),
            before=before,
            after=after,
            details={"tag_deleted": tag_id},
            source_ip=sweep.get("source_ip"),
        )
        try:
            store.set_on_carrier(carrier, before, after, entry)
            return
        except Conflict:
            before = store.carried_tags(carrier)


def tag_session(
    scope: Scope, session_id: str, tag_ids: list[str], *, source_ip: str | None = None
) -> list[dict[str, Any]]:
    """Set the session's tags (all of them); returns those tags."""
    session = scope.session(session_id)
    project_id = session["project_id"]
    scope.require_permission(project_id, "edit_tags")

    def write(before: list[str], after: list[str], entry: dict[str, Any]) -> None:
        store.set_on_session(project_id, session_id, before, after, entry)

    target = ("session.tags", "session", session_id)
    return _retag(scope, project_id, tag_ids, session.get("tags", []), write, target, source_ip)


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

    def write(before: list[str], after: list[str], entry: dict[str, Any]) -> None:
        store.set_on_user(project_id, tg_user_id, before, after, entry)

    target = ("user.tags", "tg_user", str(tg_user_id))
    return _retag(scope, project_id, tag_ids, profile.get("tags", []), write, target, source_ip)


def _retag(
    scope: Scope,
    project_id: str,
    tag_ids: list[str],
    carried: list[str],
    write: Callable[[list[str], list[str], dict[str, Any]], None],
    target: tuple[str, str, str],
    source_ip: str | None,
) -> list[dict[str, Any]]:
    """Replace the `carried` tags of a session or user profile with `tag_ids`: `write`
    stores them if they are still as carried, with the audit entry of `target` (action,
    target type, target id)."""
    before = list(carried)
    chosen = _project_tags(project_id, tag_ids, carried=before)
    wanted = [t["tag_id"] for t in chosen]
    if wanted != before:
        action, target_type, target_id = target
        entry = audit.entry(
            action,
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type=target_type,
            target_id=target_id,
            before=before,
            after=wanted,
            source_ip=source_ip,
        )
        write(before, wanted, entry)
    continue_sweeps(project_id)  # after the write: a sweep must not race the tags read
    return chosen


def _project_tags(
    project_id: str,
    tag_ids: list[str],
    *,
    carried: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The catalog tags named, in the order given, once each; every id must be a tag of
    the project, but for ids the target carries already that are no longer in the catalog
    (deleted; a console may still show them): those are dropped."""
    unique = list(dict.fromkeys(tag_ids))
    if len(unique) > MAX_TAGS_PER_TARGET:
        raise InvalidInput(
            f"At most {MAX_TAGS_PER_TARGET} tags at once.", code="too_many_tags", field="tag_ids"
        )
    known = {t["tag_id"]: t for t in store.catalog(project_id)} if unique else {}
    unique = [t for t in unique if t in known or t not in carried]
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
