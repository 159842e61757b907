"""A project's SLA settings: its time zone, business hours, holidays and targets per
priority. Supervisors of the project read them; administrators change them."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models_sla import SlaSettings, SlaSettingsChange
from tgdesk.sla import settings

router = APIRouter(tags=["sla"])


@router.get("/projects/{project_id}/sla")
def get_sla(project_id: str, scope: CurrentScope) -> SlaSettings:
    """The project's SLA settings, every default filled in."""
    return SlaSettings(**settings.read(scope, project_id))


@router.put("/projects/{project_id}/sla")
def put_sla(
    project_id: str, body: SlaSettingsChange, scope: CurrentScope, source_ip: SourceIp
) -> SlaSettings:
    """Replace the project's SLA settings (administrators). Tracking starts with the
    project's next messages (its webhook reads a project again within 60 seconds)."""
    return SlaSettings(**settings.save(scope, project_id, body.wanted(), source_ip=source_ip))
