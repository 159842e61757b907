"""Request and response bodies. `*Create` / `*Update` come in, `*Public` go out."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from tgdesk.accounts import passwords
from tgdesk.core.domain import Role

T = TypeVar("T")


class Public(BaseModel):
    """Output models ignore stored attributes they do not name."""

    model_config = ConfigDict(extra="ignore")


class ErrorBody(BaseModel):
    code: str
    message: str
    field: str | None = None
    errors: list[dict[str, str]] | None = None
    locked_until: int | None = Field(
        default=None, description="`account_locked`: when logins open again (epoch ms)"
    )
    matches: list[dict[str, Any]] | None = Field(
        default=None,
        description="`risk_blocked`, `risk_confirmation_required`: what risk control found "
        "(group_id, group_name, action, entry, kind, start, end, matched; start and end "
        "index the text in Unicode code points); at most 50 of them, first hits of every "
        "group and entry first",
    )
    match_count: int | None = Field(
        default=None,
        description="`risk_blocked`, `risk_confirmation_required`: how many matches there "
        "were in all",
    )


class Page(Public, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class Items(Public, Generic[T]):
    items: list[T]


# -- agents and auth --------------------------------------------------------------------
class AgentPublic(Public):
    agent_id: str
    username: str
    display_name: str
    role: Role
    disabled: bool = False
    created_at: int


class AgentCreate(BaseModel):
    username: str = Field(pattern=passwords.USERNAME_PATTERN, examples=["maria"])
    password: SecretStr | None = Field(
        default=None,
        min_length=passwords.PASSWORD_MIN_LENGTH,
        max_length=passwords.PASSWORD_MAX_LENGTH,
        description="Without it the agent is created invited: no password (nobody can sign "
        "in as them) until they choose one with the invitation link the answer carries",
    )
    display_name: str | None = Field(default=None, max_length=80)
    role: Role = Role.AGENT


class LoginRequest(BaseModel):
    username: str = Field(max_length=64)
    password: SecretStr = Field(max_length=passwords.PASSWORD_MAX_LENGTH)


class LoginResponse(Public):
    token: str
    expires_at: int
    agent: AgentPublic


# -- projects ---------------------------------------------------------------------------
class ProjectCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    bot_token: SecretStr = Field(min_length=1, max_length=200)


class ProjectPublic(Public):
    project_id: str
    name: str
    bot_id: int
    bot_username: str | None = None
    created_by: str
    created_at: int
    webhook_url: str


class MemberCreate(BaseModel):
    agent_id: str = Field(min_length=1, max_length=64)


class MemberPublic(Public):
    project_id: str
    agent_id: str
    joined_at: int
    username: str | None = None
    display_name: str | None = None
    role: Role | None = None
    disabled: bool | None = None


class DeadLetterPublic(Public):
    dead_letter_id: str
    project_id: str
    received_at: int
    reason: str
    body: str
    body_length: int | None = None
    body_truncated: bool | None = Field(
        default=None, description="Only the body's first 64 KiB (of UTF-8) were kept"
    )


# -- sessions and messages --------------------------------------------------------------
class LinkTouchPublic(Public):
    """A tracked link's click that brought the user (tgdesk.attribution)."""

    code: str
    name: str | None = Field(default=None, description="The link's name, when the click had it")
    channel: str | None = None
    utm: dict[str, str] | None = Field(default=None, description="utm_source, utm_medium, ...")
    click_id: str | None = None
    clicked_at: int | None = None
    touched_at: int | None = Field(default=None, description="When the user pressed Start")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    device: str | None = Field(default=None, description="mobile, tablet, desktop, other")


class SessionPublic(Public):
    session_id: str
    project_id: str
    tg_user_id: int
    chat_id: int | None = None
    status: str
    priority: str
    assignee_id: str | None = None
    assigned_at: int | None = None
    user: dict[str, Any] | None = None
    opened_at: int
    first_inbound_at: int | None = None
    first_reply_at: int | None = None
    last_user_msg_at: int | None = None
    last_agent_msg_at: int | None = None
    last_activity_at: int
    closed_at: int | None = None
    link: LinkTouchPublic | None = Field(
        default=None, description="The tracked link whose click opened the session"
    )


class MessageCreate(BaseModel):
    text: str = Field(description="1 to 4096 characters once leading and trailing blanks go")
    client_message_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The console's own id for this message: sending it again is harmless",
    )
    confirm_risk: bool = Field(
        default=False,
        description="Send although risk control asked for a confirmation "
        "(`risk_confirmation_required`)",
    )
    original_text: str | None = Field(
        default=None,
        description="When `text` is a translation: what the agent wrote, kept with the "
        "message; risk control checks both",
    )


class DeliveryPublic(Public):
    state: Literal["sending", "sent", "retrying", "failed"]
    attempts: int
    next_attempt_at: int | None = None
    sent_at: int | None = None
    telegram_message_id: int | None = None
    error_code: str | None = None
    reason: str | None = None


class TranslationPublic(Public):
    text: str | None = Field(
        default=None, description="Absent when the message was in the agents' language already"
    )
    source: str = Field(description="The language the message was in (detected)")
    target: str = Field(description="The agents' language")
    provider: str
    at: int


class MessagePublic(Public):
    message_id: str
    session_id: str
    project_id: str
    tg_user_id: int
    direction: Literal["in", "out"]
    type: str
    created_at: int
    text: str | None = None
    caption: str | None = None
    entities: list[dict[str, Any]] | None = None
    caption_entities: list[dict[str, Any]] | None = None
    media: dict[str, Any] | None = None
    attachments: list[dict[str, Any]] | None = Field(
        default=None,
        description="An agent's files (tgdesk.attachments): kind, file_name, mime_type, "
        "file_size, and Telegram's file_id once sent; `media` is the first one's",
    )
    location: dict[str, Any] | None = None
    venue: dict[str, Any] | None = None
    contact: dict[str, Any] | None = None
    poll: dict[str, Any] | None = None
    dice: dict[str, Any] | None = None
    callback_query: dict[str, Any] | None = None
    forward: dict[str, Any] | None = None
    reply_to: dict[str, Any] | None = None
    media_group_id: str | None = None
    telegram_message_id: int | None = None
    telegram_date: int | None = None
    edited_at: int | None = None
    edits: list[dict[str, Any]] | None = None
    sender_agent_id: str | None = None
    from_bot: bool | None = Field(
        default=None,
        description="Sent by the bot on its own (a welcome, an FAQ or off-hours answer, a "
        "survey), not by an agent",
    )
    client_message_id: str | None = None
    delivery: DeliveryPublic | None = None
    risk: list[dict[str, Any]] | None = Field(
        default=None, description="A user's message that risk control flagged: the matches"
    )
    cut: list[str] | None = Field(
        default=None,
        description="What of the user's message was not stored whole: the fields cut short or "
        "left out (`text`, `raw`, `location`, ...), `unicode` when invalid characters were "
        "replaced with U+FFFD",
    )
    edits_dropped: int | None = Field(
        default=None, description="Earlier versions left out of `edits` to keep the message small"
    )
    translation: TranslationPublic | None = Field(
        default=None, description="A user's message in the agents' language (tgdesk.translation)"
    )
    original_text: str | None = Field(
        default=None, description="A translated reply: what the agent wrote (`text` was sent)"
    )
