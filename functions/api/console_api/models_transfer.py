"""Bodies of transfers and take-overs, and the notices an agent is shown."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator


class TransferTarget(BaseModel):
    """Exactly one of: a named agent, a group, or any online agent."""

    agent_id: str | None = Field(default=None, max_length=64)
    group_id: str | None = Field(default=None, max_length=64)
    any_online: bool = False

    @model_validator(mode="after")
    def _exactly_one(self) -> TransferTarget:
        chosen = [self.agent_id is not None, self.group_id is not None, self.any_online]
        if sum(chosen) != 1:
            raise ValueError("name exactly one of agent_id, group_id or any_online: true")
        return self


class TransferRequest(BaseModel):
    to: TransferTarget
    reason: str | None = Field(default=None, max_length=500)
    notify_user: bool = False
    message: str | None = Field(default=None, max_length=4096)
    confirm_risk: bool = Field(
        default=False, description="Send `message` although it matches `confirm` risk entries"
    )


class TakeOverRequest(BaseModel):
    reason: str | None = Field(default=None, max_length=500)


class Notice(BaseModel):
    notice: str
    session_id: str
    project_id: str
    to_agent_id: str | None = None
    audit_entry_id: str | None = None
    at: int
