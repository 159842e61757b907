"""Bodies of the translation routes (tgdesk.translation): a project's settings, and the
preview of an agent's text in the user's language."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public


class TranslationSettings(Public):
    project_id: str
    enabled: bool
    agent_language: str = Field(description="The language agents read and write (en, zh, ...)")
    updated_at: int | None = None
    updated_by: str | None = None


class TranslationSettingsChange(BaseModel):
    """What to save; anything left out takes its default. `updated_at`: the one read."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    agent_language: str | None = Field(default=None, max_length=10)
    updated_at: int | None = None

    def wanted(self) -> dict[str, object]:
        return self.model_dump(exclude_none=True)


class TranslationPreviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="What the agent wrote, in the agents' language")
    target: str | None = Field(
        default=None,
        max_length=10,
        description="The user's language; by default the user's Telegram language",
    )


class TranslationPreview(Public):
    original: str
    translated: str = Field(description="What the user will receive")
    source: str
    target: str
