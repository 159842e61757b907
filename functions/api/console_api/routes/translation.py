"""Translation: a project's translation settings (its supervisors read them, administrators
change them), and the preview of an agent's text in the user's language before it is sent
as a reply with `original_text`."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody
from console_api.models_translation import (
    TranslationPreview,
    TranslationPreviewRequest,
    TranslationSettings,
    TranslationSettingsChange,
)
from tgdesk.translation import outbound, settings

router = APIRouter(tags=["translation"])


@router.get("/projects/{project_id}/translation-settings")
def get_translation_settings(project_id: str, scope: CurrentScope) -> TranslationSettings:
    """The project's translation settings, every default filled in."""
    return TranslationSettings.model_validate(settings.read(scope, project_id))


@router.put("/projects/{project_id}/translation-settings")
def put_translation_settings(
    project_id: str, body: TranslationSettingsChange, scope: CurrentScope, source_ip: SourceIp
) -> TranslationSettings:
    """Replace the project's translation settings (administrators); users' messages are
    translated from then on, within seconds."""
    saved = settings.save(scope, project_id, body.wanted(), source_ip=source_ip)
    return TranslationSettings.model_validate(saved)


@router.post(
    "/sessions/{session_id}/translation-preview",
    responses={
        409: {"model": ErrorBody, "description": "`translation_unavailable`: try again"},
        422: {
            "model": ErrorBody,
            "description": "`translation_off`, `translation_target_unknown`, or invalid text",
        },
    },
)
def preview_translation(
    session_id: str, body: TranslationPreviewRequest, scope: CurrentScope
) -> TranslationPreview:
    """The agent's text in the user's language, to read before sending it (nothing is sent
    or stored)."""
    made = outbound.preview(scope, session_id, body.text, target=body.target)
    return TranslationPreview.model_validate(made)
