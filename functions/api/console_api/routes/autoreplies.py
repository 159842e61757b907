"""The bot's own answers: a project's welcome, off-hours answer and FAQ rules (its supervisors
and administrators read and change them), and an agent's answer made an FAQ rule (an agent's
own: a proposal a supervisor approves)."""

from __future__ import annotations

from fastapi import APIRouter, status

from console_api.deps import CurrentScope, SourceIp
from console_api.models_autoreplies import (
    AutoreplySettings,
    AutoreplySettingsChange,
    FaqRule,
    FaqRuleFromMessage,
)
from tgdesk.autoreplies import settings

router = APIRouter(tags=["autoreplies"])


@router.get("/projects/{project_id}/autoreply-settings")
def get_autoreply_settings(project_id: str, scope: CurrentScope) -> AutoreplySettings:
    """The project's automatic answers, every default filled in."""
    return AutoreplySettings.model_validate(settings.read(scope, project_id))


@router.put("/projects/{project_id}/autoreply-settings")
def put_autoreply_settings(
    project_id: str, body: AutoreplySettingsChange, scope: CurrentScope, source_ip: SourceIp
) -> AutoreplySettings:
    """Replace the project's automatic answers; the bot applies them within seconds."""
    saved = settings.save(scope, project_id, body.wanted(), source_ip=source_ip)
    return AutoreplySettings.model_validate(saved)


@router.post("/projects/{project_id}/faq-rules", status_code=status.HTTP_201_CREATED)
def post_faq_rule(
    project_id: str, body: FaqRuleFromMessage, scope: CurrentScope, source_ip: SourceIp
) -> FaqRule:
    """Add an FAQ rule made from an agent's answer in one of the project's sessions: live at
    once from a supervisor; from an agent (their own answer only), a proposal that waits for
    a supervisor's approval."""
    rule = settings.add_faq_rule(
        scope,
        project_id,
        session_id=body.session_id,
        message_id=body.message_id,
        phrases=body.phrases,
        answer=body.answer,
        buttons=body.buttons,
        source_ip=source_ip,
    )
    return FaqRule.model_validate(rule)
