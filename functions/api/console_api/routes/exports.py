"""Exports and retention: a session's transcript (agents with the `export` permission who
may see it, and admins), a project's sessions as a JSON Lines file made in the background
(admins), and a project's retention (admins)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody
from console_api.models_exports import (
    ProjectExportList,
    ProjectExportPublic,
    ProjectExportStart,
    RetentionChange,
    RetentionPublic,
)
from tgdesk.exports import project_export, retention, transcript

router = APIRouter(tags=["exports"])

_DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/markdown": {}, "text/csv": {}, "application/json": {}},
        "description": "The transcript file",
    },
    413: {"model": ErrorBody, "description": "Too long for a transcript (`transcript_too_large`)"},
}


@router.get("/sessions/{session_id}/transcript", response_class=Response, responses=_DOWNLOAD)
def session_transcript(
    session_id: str,
    scope: CurrentScope,
    source_ip: SourceIp,
    format: Annotated[Literal["markdown", "csv", "json"], Query()] = "markdown",
    notes: Annotated[bool, Query(description="Add the notes the caller may read")] = False,
) -> Response:
    """Every message with its time and author; attachments as links that need a login."""
    made = transcript.export(scope, session_id, format, with_notes=notes, source_ip=source_ip)
    return Response(
        content=made.content,
        media_type=made.media_type,
        headers={"Content-Disposition": f'attachment; filename="{made.filename}"'},
    )


@router.post("/projects/{project_id}/exports", status_code=202)
def start_project_export(
    project_id: str, body: ProjectExportStart, scope: CurrentScope, source_ip: SourceIp
) -> ProjectExportPublic:
    """Start writing the project's sessions of the range to a file; read it for progress."""
    job = project_export.start(scope, project_id, body.from_at, body.to_at, source_ip=source_ip)
    return ProjectExportPublic.model_validate(project_export.view(job))


@router.get("/projects/{project_id}/exports")
def list_project_exports(project_id: str, scope: CurrentScope) -> ProjectExportList:
    return ProjectExportList.model_validate({"items": project_export.recent(scope, project_id)})


@router.get("/projects/{project_id}/exports/{job_id}")
def get_project_export(project_id: str, job_id: str, scope: CurrentScope) -> ProjectExportPublic:
    return ProjectExportPublic.model_validate(project_export.get(scope, project_id, job_id))


@router.get("/projects/{project_id}/retention")
def get_retention(project_id: str, scope: CurrentScope) -> RetentionPublic:
    return RetentionPublic.model_validate(retention.get(scope, project_id))


@router.put("/projects/{project_id}/retention")
def change_retention(
    project_id: str, body: RetentionChange, scope: CurrentScope, source_ip: SourceIp
) -> RetentionPublic:
    """Set how long sessions and messages are kept; existing ones follow in the background."""
    changed = retention.change(scope, project_id, body.retention_days, source_ip=source_ip)
    return RetentionPublic.model_validate(changed)
