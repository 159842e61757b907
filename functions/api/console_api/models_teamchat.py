"""Bodies of the team chat routes: a project's bound Telegram group and its bind codes."""

from __future__ import annotations

from pydantic import Field

from console_api.models import Public


class TeamChatPublic(Public):
    """The project's team group; only `bound` when there is none."""

    bound: bool
    chat_id: int | None = None
    chat_type: str | None = Field(default=None, description="`group` or `supergroup`")
    title: str | None = Field(default=None, description="the group's title when it was bound")
    bound_at: int | None = None
    bound_by: str | None = Field(default=None, description="the agent who asked for the code")


class BindCodePublic(Public):
    """A one-time code: send `command` in the group (with the bot in it) before `expires_at`."""

    code: str
    command: str = Field(description="`/bind@<bot username> <code>`, to send in the group")
    expires_at: int
