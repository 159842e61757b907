"""Escalation triggers: a project's settings, and what the triggers know of one session.

TriggerSettings: PK `PROJECT#{project_id}`, SK `TRIGGERS` (absent: every trigger off).
SessionTriggers: PK `SESSION#{session_id}`, SK `TRIGGERS`, written only when a user's message
matched a phrase or keyword, or a trigger fired. Bounded: one count, one marker, at most one
fired time and one suggestion per trigger.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from tgdesk.core.domain import Level
from tgdesk.storage import keys, table

KIND = "project_triggers"
SESSION_KIND = "session_triggers"


class AutoEscalation(TypedDict):
    """A trigger that escalates on its own: to this group of the project, at this level."""

    group_id: str
    level: Level


class UnresolvedTrigger(TypedDict, total=False):
    enabled: bool
    minutes: int  # a session still open this long after it opened (or reopened)
    escalate: AutoEscalation


class ManagerTrigger(TypedDict, total=False):
    enabled: bool
    times: int  # the user's messages asking for a manager or to complain, per session
    phrases: dict[str, list[str]]  # per language code (en, zh, ru, ...)
    escalate: AutoEscalation


class KeywordTrigger(TypedDict, total=False):
    enabled: bool
    keywords: list[str]
    escalate: AutoEscalation


class TriggerSettings(TypedDict, total=False):
    project_id: str
    unresolved: UnresolvedTrigger
    manager: ManagerTrigger
    keyword: KeywordTrigger
    updated_at: int
    updated_by: str


class Suggestion(TypedDict, total=False):
    """What the console shows the agent: escalate, and why."""

    trigger: str  # unresolved, manager, keyword
    reason: str  # in words, for the audit log and the team
    at: int
    count: int  # manager: how many times the user asked
    keyword: str  # keyword: the one found
    minutes: int  # unresolved: how long the session has been open
    escalated_to: str  # the group an automatic escalation went to


class SessionTriggers(TypedDict, total=False):
    session_id: str
    project_id: str
    version: int  # every write is conditioned on the version read
    counted_through: str  # the sort key of the last user message counted (redeliveries)
    manager_count: int
    fired: dict[str, int]  # trigger -> when it fired (each fires once per session)
    suggestions: list[Suggestion]


def key(project_id: str) -> tuple[str, str]:
    return keys.project_triggers(project_id)


def to_item(settings: TriggerSettings) -> dict[str, Any]:
    pk, sk = key(settings["project_id"])
    return {"PK": pk, "SK": sk, "kind": KIND, **settings}


def from_item(item: dict[str, Any]) -> TriggerSettings:
    return cast(TriggerSettings, table.strip_keys(item))


def session_key(session_id: str) -> tuple[str, str]:
    return keys.session_triggers(session_id)


def session_to_item(state: SessionTriggers) -> dict[str, Any]:
    pk, sk = session_key(state["session_id"])
    return {"PK": pk, "SK": sk, "kind": SESSION_KIND, **state}


def session_from_item(item: dict[str, Any]) -> SessionTriggers:
    return cast(SessionTriggers, table.strip_keys(item))
