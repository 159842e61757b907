"""Bodies of a session's collaborators (tgdesk.collaboration)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from console_api.models import Public


class CollaboratorCreate(BaseModel):
    agent_id: str = Field(description="A member of the session's project, not its holder")


class CollaboratorPublic(Public):
    session_id: str
    project_id: str
    agent_id: str
    invited_by: str
    invited_at: int


class HandOver(BaseModel):
    keep_previous: bool = Field(
        default=True,
        description="The previous holder stays on as a collaborator (the default)",
    )
    reason: str | None = Field(default=None, max_length=500)
