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
    """A message given is sent to the user (after the transfer, recorded and delivered like
    any reply, checked against the risk words first); nothing given, nothing is sent."""

    to: TransferTarget
    reason: str | None = Field(default=None, max_length=500)
    notify_user: bool | None = Field(
        default=None,
        description="Optional. `true` requires a `message` (422 `message_required`); `false` "
        "with a `message` is refused (422 `message_not_wanted`): a message is never dropped",
    )
    message: str | None = Field(
        default=None,
        max_length=4096,
        description="Sent to the user whenever it is not blank",
    )
    confirm_risk: bool = Field(
        default=False, description="Send `message` although it matches `confirm` risk entries"
    )


class TakeOverRequest(BaseModel):
    reason: str | None = Field(default=None, max_length=500)


class Notice(BaseModel):
    notice: str = Field(
        description="`session_returned`: a session of yours went to `to_agent_id`, not opened "
        "in time; `session_return_limit`: a session of your project was returned `returns` "
        "times in a row without being opened and now stays with `to_agent_id`; `task_due`: "
        "a follow-up task of yours (`task_id`) on the session is due (`due_at`)"
    )
    session_id: str
    project_id: str
    to_agent_id: str | None = None
    audit_entry_id: str | None = None
    at: int
    returns: int | None = None
    task_id: str | None = None
    due_at: int | None = None


class Assignment(BaseModel):
    """One time the session came to an agent: how, from whom, by whom and why."""

    agent_id: str = Field(description="Who the session came to")
    how: str = Field(description="`routed`, `transferred`, `taken_over`, `returned` or `reopened`")
    from_agent_id: str | None = Field(default=None, description="Who held it before, if anyone")
    by: str | None = Field(default=None, description="Who moved it (an agent), if anyone did")
    reason: str | None = Field(default=None, description="The reason given with the move")
    at: int
