"""Bodies of the tracked-link routes: links, their clicks, a project's click settings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public

CODE_PATTERN = r"^[A-Za-z0-9_-]{3,32}$"
AddressMode = Literal["hashed", "truncated", "full"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Utm(Strict):
    utm_source: str | None = Field(default=None, max_length=200)
    utm_medium: str | None = Field(default=None, max_length=200)
    utm_campaign: str | None = Field(default=None, max_length=200)
    utm_term: str | None = Field(default=None, max_length=200)
    utm_content: str | None = Field(default=None, max_length=200)


class LinkFields(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=80)
    channel: str | None = Field(
        default=None, max_length=60, description='Free text: "google-ads", "x", "tg-group"'
    )
    utm: Utm | None = Field(
        default=None, description="UTM values a click records when its query has none"
    )
    target_group_id: str | None = Field(
        default=None,
        max_length=64,
        description="Sessions the link brings go to this group of the project",
    )
    target_agent_ids: list[str] | None = Field(
        default=None, max_length=50, description="... or to these agents of the project"
    )
    language: str | None = Field(
        default=None, max_length=16, description='A language hint, such as "zh"'
    )
    enabled: bool | None = None
    note: str | None = Field(default=None, max_length=1000)


class LinkCreate(LinkFields):
    project_id: str = Field(max_length=64)
    name: str = Field(min_length=1, max_length=80)  # type: ignore[assignment]
    code: str | None = Field(
        default=None,
        pattern=CODE_PATTERN,
        description="3 to 32 of A-Z, a-z, 0-9, _ and -; absent: one is generated",
    )


class LinkUpdate(LinkFields):
    """The fields to change; null removes an optional one (channel, utm, target, language,
    note)."""


class LinkPublic(Public):
    code: str
    project_id: str
    name: str
    short_url: str = Field(description="The full short URL to share")
    channel: str | None = None
    utm: dict[str, str] = Field(default_factory=dict)
    target_group_id: str | None = None
    target_agent_ids: list[str] | None = None
    language: str | None = None
    enabled: bool = True
    note: str | None = None
    bot_username: str | None = None
    created_by: str
    created_at: int
    updated_at: int


class ClickPublic(Public):
    """One click, for the export (its payload, the bot's start parameter, is not shown)."""

    click_id: str = Field(description="The click's name (not the bot's start parameter)")
    at: int
    code: str
    channel: str | None = None
    utm: dict[str, str] = Field(default_factory=dict)
    params: dict[str, str] = Field(default_factory=dict)
    referrer: str | None = None
    user_agent: str | None = None
    device: str | None = None
    browser: str | None = None
    is_bot: bool = False
    country: str | None = None
    address: str | None = Field(default=None, description="Per the project's address mode")
    address_mode: AddressMode | None = None
    visitor: str | None = Field(default=None, description="Coarse visitor key (unique visitors)")


class LinkSettingsPublic(Public):
    address_mode: AddressMode = Field(
        description="hashed: a salted hash rotating daily (no address kept); truncated: "
        "/24 or /48; full: the address"
    )
    retention_days: int = Field(description="Days a click record is kept (then only counts)")


class LinkSettingsUpdate(Strict):
    address_mode: AddressMode | None = None
    retention_days: int | None = Field(default=None, ge=1, le=730)
