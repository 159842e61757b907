"""Shifts and handovers: a project's shifts (its members read them and who is on shift
now; supervisors and admins change them), its handover summaries (members read and
download them; the next shift or a supervisor acknowledges)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models_shifts import (
    HandoverList,
    HandoverPublic,
    OnShiftList,
    ShiftChange,
    ShiftList,
    ShiftPublic,
)
from tgdesk.shifts import catalog, export, handover

router = APIRouter(tags=["shifts"])

# `ended_at` (epoch ms) is read as text: a malformed one is a handover that does not exist.
_DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, "text/markdown": {}}, "description": "File"}
}


@router.get("/projects/{project_id}/shifts")
def list_shifts(project_id: str, scope: CurrentScope) -> ShiftList:
    return ShiftList.model_validate({"items": catalog.list_shifts(scope, project_id)})


@router.get("/projects/{project_id}/shifts/on-now")
def on_shift_now(project_id: str, scope: CurrentScope) -> OnShiftList:
    """The shifts running now and their agents."""
    return OnShiftList.model_validate({"items": catalog.on_shift_now(scope, project_id)})


@router.post("/projects/{project_id}/shifts", status_code=201)
def create_shift(
    project_id: str, body: ShiftChange, scope: CurrentScope, source_ip: SourceIp
) -> ShiftPublic:
    made = catalog.create(scope, project_id, body.wanted(), source_ip=source_ip)
    return ShiftPublic.model_validate(made)


@router.put("/projects/{project_id}/shifts/{shift_id}")
def update_shift(
    project_id: str, shift_id: str, body: ShiftChange, scope: CurrentScope, source_ip: SourceIp
) -> ShiftPublic:
    changed = catalog.update(scope, project_id, shift_id, body.wanted(), source_ip=source_ip)
    return ShiftPublic.model_validate(changed)


@router.delete("/projects/{project_id}/shifts/{shift_id}", status_code=204)
def delete_shift(
    project_id: str, shift_id: str, scope: CurrentScope, source_ip: SourceIp
) -> Response:
    catalog.delete(scope, project_id, shift_id, source_ip=source_ip)
    return Response(status_code=204)


@router.get("/projects/{project_id}/shifts/{shift_id}/handover-preview")
def handover_preview(project_id: str, shift_id: str, scope: CurrentScope) -> HandoverPublic:
    """The summary of the running (else the last) occurrence so far; nothing moved or stored."""
    return HandoverPublic.model_validate(handover.preview(scope, project_id, shift_id))


@router.get("/projects/{project_id}/handovers")
def list_handovers(project_id: str, scope: CurrentScope) -> HandoverList:
    """The latest handovers, newest first."""
    return HandoverList.model_validate({"items": handover.recent(scope, project_id)})


@router.get("/projects/{project_id}/handovers/{shift_id}/{ended_at}")
def get_handover(
    project_id: str, shift_id: str, ended_at: str, scope: CurrentScope
) -> HandoverPublic:
    return HandoverPublic.model_validate(handover.get(scope, project_id, shift_id, ended_at))


@router.get("/projects/{project_id}/handovers/{shift_id}/{ended_at}/csv", responses=_DOWNLOAD)
def download_csv(project_id: str, shift_id: str, ended_at: str, scope: CurrentScope) -> Response:
    found = handover.get(scope, project_id, shift_id, ended_at)
    return _file(export.to_csv(found), "text/csv; charset=utf-8", f"handover-{ended_at}.csv")


@router.get("/projects/{project_id}/handovers/{shift_id}/{ended_at}/markdown", responses=_DOWNLOAD)
def download_markdown(
    project_id: str, shift_id: str, ended_at: str, scope: CurrentScope
) -> Response:
    found = handover.get(scope, project_id, shift_id, ended_at)
    return _file(
        export.to_markdown(found), "text/markdown; charset=utf-8", f"handover-{ended_at}.md"
    )


@router.post("/projects/{project_id}/handovers/{shift_id}/{ended_at}/acknowledge")
def acknowledge(
    project_id: str, shift_id: str, ended_at: str, scope: CurrentScope, source_ip: SourceIp
) -> HandoverPublic:
    """The next shift (or a supervisor) has read it; a second acknowledgement is a no-op."""
    done = handover.acknowledge(scope, project_id, shift_id, ended_at, source_ip=source_ip)
    return HandoverPublic.model_validate(done)


def _file(text: str, media_type: str, filename: str) -> Response:
    return Response(
        content=text,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
