"""Bodies of risk control: groups and their entries, the trigger log, a cancelled send."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from console_api.models import Public

Action = Literal["confirm", "block"]
EntryKind = Literal["keyword", "trc20", "erc20", "btc"]
# A reply holds 4,096 characters once its leading and trailing blanks go: room for those.
CANCEL_TEXT_MAX_LENGTH = 8192


class RiskEntry(BaseModel):
    value: str = Field(
        max_length=200, description="A keyword or fragment; for a detector, its name"
    )
    kind: EntryKind = "keyword"


class RiskGroupCreate(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    action: Action
    project_ids: list[str] | None = Field(
        default=None, description="The projects it applies to; null: every project"
    )
    allowed: list[str] = Field(
        default_factory=list, description="Addresses that never trigger (your own)"
    )
    entries: list[RiskEntry] = Field(default_factory=list)


class RiskGroupUpdate(BaseModel):
    """Only the fields sent change; `project_ids: null` means every project."""

    name: str | None = Field(default=None, min_length=1, max_length=80)
    action: Action | None = None
    project_ids: list[str] | None = None
    allowed: list[str] | None = None
    entries: list[RiskEntry] | None = None


class RiskGroupSummary(Public):
    group_id: str
    name: str
    action: Action
    project_ids: list[str] | None = None
    allowed: list[str] = []
    entry_count: int
    created_at: int
    created_by: str
    updated_at: int
    version: str


class RiskGroupPublic(RiskGroupSummary):
    entries: list[RiskEntry]


class EntriesPaste(BaseModel):
    text: str = Field(
        max_length=2_000_000,
        description="One entry per line; `detector:trc20`, `detector:erc20`, `detector:btc` "
        "add a detector",
    )


class EntryCounts(Public):
    added: int
    duplicates: int
    invalid: int
    invalid_lines: list[int] = Field(
        description="Numbers of the lines (or CSV rows, the header being 1) not used"
    )


class RiskCancel(BaseModel):
    """A send the agent cancelled: the text itself, which the server scans again. Whatever
    else a client sends (such as matches of its own) is ignored."""

    text: str = Field(
        min_length=1,
        max_length=CANCEL_TEXT_MAX_LENGTH,
        description="The text of the reply that was not sent, exactly as it was posted",
    )


class TriggerPublic(Public):
    entry_id: str
    at: int
    actor_id: str
    project_id: str | None = None
    target_id: str | None = None
    details: dict[str, Any]
