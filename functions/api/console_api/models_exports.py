"""Bodies of the exports' and retention's routes (tgdesk.exports)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public

ExportState = Literal["running", "done", "failed"]


class ProjectExportStart(BaseModel):
    """The range of last activity whose sessions are exported (epoch ms, at most 366 days)."""

    model_config = ConfigDict(extra="forbid")

    from_at: int = Field(ge=0, description="Sessions active at or after (epoch ms)")
    to_at: int = Field(ge=0, description="Sessions active at or before (epoch ms)")


class ProjectExportPublic(Public):
    job_id: str
    project_id: str
    state: ExportState
    created_at: int
    created_by: str
    updated_at: int
    from_at: int | None = None
    to_at: int | None = None
    sessions: int = Field(description="Sessions written so far")
    messages: int = Field(description="Messages written so far")
    bytes: int | None = Field(default=None, description="Bytes of the file written so far")
    finished_at: int | None = None
    error: str | None = None
    download_url: str | None = Field(
        default=None, description="Once done: a link that downloads the JSON Lines file"
    )
    download_expires_in: int | None = Field(
        default=None, description="Seconds the download link works"
    )


class ProjectExportList(Public):
    items: list[ProjectExportPublic]


class RetentionChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    retention_days: int | None = Field(
        description="Sessions and messages expire this many days after their last message; "
        "null keeps them"
    )


class RetentionBackfill(Public):
    state: ExportState
    sessions: int
    messages: int


class RetentionPublic(Public):
    retention_days: int | None
    least_days: int = Field(description="The least retention this project accepts")
    backfill: RetentionBackfill | None = Field(
        description="Existing sessions and messages being given the setting"
    )
