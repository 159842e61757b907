"""Satisfaction surveys: a project's survey settings (its supervisors read them,
administrators change them). A session's rating comes with the session itself."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models_surveys import SurveySettings, SurveySettingsChange
from tgdesk.surveys import settings

router = APIRouter(tags=["surveys"])


@router.get("/projects/{project_id}/survey-settings")
def get_survey_settings(project_id: str, scope: CurrentScope) -> SurveySettings:
    """The project's survey settings, every default filled in (wording: the project's own)."""
    return SurveySettings.model_validate(settings.read(scope, project_id))


@router.put("/projects/{project_id}/survey-settings")
def put_survey_settings(
    project_id: str, body: SurveySettingsChange, scope: CurrentScope, source_ip: SourceIp
) -> SurveySettings:
    """Replace the project's survey settings (administrators); the stream applies them to
    the sessions resolved from then on, within seconds."""
    saved = settings.save(scope, project_id, body.wanted(), source_ip=source_ip)
    return SurveySettings.model_validate(saved)
