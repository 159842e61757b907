"""Bodies of the team routes: presence, capacity, project settings, permissions, groups,
password resets and invitations."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from console_api.models import AgentPublic, MemberPublic, ProjectPublic, Public
from tgdesk.accounts import passwords
from tgdesk.core.domain import Presence, Role, RoutingMode

Permission = Literal["reply", "transfer", "edit_tags", "export", "send_files"]


class Strict(BaseModel):
    """Input models refuse fields they do not name: a typo is an error, not a no-op."""

    model_config = ConfigDict(extra="forbid")


# -- agents -----------------------------------------------------------------------------
class AgentSummary(Public):
    """An agent in a project's team list: who, effective presence and load."""

    agent_id: str
    username: str
    display_name: str
    role: Role
    disabled: bool = False
    presence: Presence = Presence.OFFLINE
    open_sessions: int = 0
    max_open_sessions: int | None = None


class AgentAccount(AgentPublic):
    """An account with its effective presence and load (administrators, and oneself)."""

    presence: Presence = Presence.OFFLINE
    open_sessions: int = 0
    max_open_sessions: int | None = None
    locked_until: int | None = Field(
        default=None,
        description="While failed logins lock the account: until when (epoch ms). An "
        "administrator lifts it with POST /api/agents/{agent_id}/unlock or a password reset",
    )
    last_sign_in_at: int | None = Field(
        default=None, description="When the agent last signed in (epoch ms); null: never"
    )
    no_recent_sign_in: bool = Field(
        default=False,
        description="In the administrators' list: an enabled agent who has not signed in for "
        "7 days (still in routing scope)",
    )


class AgentChange(Strict):
    display_name: str | None = Field(default=None, max_length=80)
    role: Role | None = None
    disabled: bool | None = None
    password: SecretStr | None = Field(
        default=None,
        min_length=passwords.PASSWORD_MIN_LENGTH,
        max_length=passwords.PASSWORD_MAX_LENGTH,
    )
    max_open_sessions: int | None = Field(
        default=None, ge=1, le=1000, description="Most open sessions at once; null: no limit"
    )


class PasswordReset(Strict):
    password: SecretStr | None = Field(
        default=None,
        min_length=passwords.PASSWORD_MIN_LENGTH,
        max_length=passwords.PASSWORD_MAX_LENGTH,
        description="The new password; without it the old one stops working and an "
        "invitation link is returned for the agent to choose one",
    )


class InvitationPublic(Public):
    url: str
    expires_at: int


class PasswordResetResult(Public):
    agent: AgentPublic
    invitation: InvitationPublic | None = None


class AgentCreated(AgentPublic):
    invitation: InvitationPublic | None = Field(
        default=None,
        description="For an agent created without a password: the one-time link (72 h) the "
        "administrator hands over, with which the agent chooses one",
    )


class PasswordRule(Public):
    min_length: int = passwords.PASSWORD_MIN_LENGTH
    max_length: int = passwords.PASSWORD_MAX_LENGTH


class InvitationDetail(Public):
    """Whose an invitation link is, for the page that opens it (no login)."""

    username: str
    display_name: str
    expires_at: int
    password_rule: PasswordRule = Field(default_factory=PasswordRule)


class InvitationAccept(Strict):
    password: SecretStr = Field(
        min_length=passwords.PASSWORD_MIN_LENGTH, max_length=passwords.PASSWORD_MAX_LENGTH
    )


# -- me ---------------------------------------------------------------------------------
class PresenceUpdate(Strict):
    state: Presence


class Heartbeat(Public):
    heartbeat_at: int


# -- projects ---------------------------------------------------------------------------
class RoutingSettings(Public):
    mode: RoutingMode
    return_after_minutes: int | None = None
    sticky_returning_users: bool
    max_returns: int = Field(
        default=3,
        description="How many times in a row the return timer moves a session nobody opens; "
        "then it stays and the project's supervisors get a `session_return_limit` notice",
    )


class RoutingUpdate(Strict):
    mode: RoutingMode | None = None
    return_after_minutes: int | None = Field(default=None, ge=1, le=7 * 24 * 60)
    sticky_returning_users: bool | None = None
    max_returns: int | None = Field(default=None, ge=1, le=20)


class ProjectDetail(ProjectPublic):
    routing: RoutingSettings
    agent_scope: Literal["all"] | list[str]
    auto_close_after_hours: int
    reopen_within_days: int
    token_replaced_at: int | None = Field(
        default=None, description="when the bot token was last replaced (epoch ms)"
    )


class BotTokenReplace(Strict):
    bot_token: SecretStr = Field(min_length=1, max_length=200)


class BotTokenReplaced(ProjectDetail):
    new_bot: bool = Field(
        description="true: the token is another bot's; the project now answers as that bot"
    )


class ProjectSettingsUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    routing: RoutingUpdate | None = None
    agent_scope: Literal["all"] | list[str] | None = Field(
        default=None, description='"all" members, or a list of member agent ids'
    )
    auto_close_after_hours: int | None = Field(default=None, ge=1, le=24 * 90)
    reopen_within_days: int | None = Field(default=None, ge=0, le=365)


class MemberDetail(MemberPublic):
    permissions: list[Permission] | None = Field(
        default=None, description="What the member may do here; null: everything"
    )


class MemberPermissions(Strict):
    permissions: list[Permission] | None


# -- groups -----------------------------------------------------------------------------
class GroupCreate(Strict):
    name: str = Field(min_length=1, max_length=60, examples=["L2 support"])
    agent_ids: list[str] = Field(default_factory=list, max_length=200)


class GroupUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=60)
    agent_ids: list[str] | None = Field(default=None, max_length=200)


class GroupPublic(Public):
    group_id: str
    project_id: str
    name: str
    agent_ids: list[str]
    created_at: int
    created_by: str
    updated_at: int
