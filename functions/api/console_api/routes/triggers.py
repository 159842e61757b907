"""Escalation triggers: a project's triggers (its supervisors read them, administrators
change them) and a session's suggestions to escalate (whoever may see the session)."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models_triggers import SuggestionList, TriggerSettings, TriggerSettingsChange
from tgdesk.triggers import settings, suggestions

router = APIRouter(tags=["escalation triggers"])


@router.get("/projects/{project_id}/escalation-triggers")
def get_triggers(project_id: str, scope: CurrentScope) -> TriggerSettings:
    """The project's triggers, every default filled in (the default phrases in en, zh, ru)."""
    return TriggerSettings.model_validate(settings.read(scope, project_id))


@router.put("/projects/{project_id}/escalation-triggers")
def put_triggers(
    project_id: str, body: TriggerSettingsChange, scope: CurrentScope, source_ip: SourceIp
) -> TriggerSettings:
    """Replace the project's triggers (administrators). The stream applies them within
    seconds; an unresolved trigger turned on times the sessions opened from then on."""
    saved = settings.save(scope, project_id, body.wanted(), source_ip=source_ip)
    return TriggerSettings.model_validate(saved)


@router.get("/sessions/{session_id}/escalation-suggestions")
def get_suggestions(session_id: str, scope: CurrentScope) -> SuggestionList:
    """The triggers that fired on this session, oldest first, each with its reason."""
    return SuggestionList.model_validate({"items": suggestions.of_session(scope, session_id)})
