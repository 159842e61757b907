"""Bodies of the attachment routes (tgdesk.attachments): an upload's presigned form, a media
message, and a project's attachment settings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public

Kind = Literal["photo", "document", "audio", "video", "voice"]
_CLIENT_ID = r"^[A-Za-z0-9_-]+$"


class UploadCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file_name: str = Field(min_length=1, max_length=255, description="As the agent's file has it")
    content_type: str = Field(max_length=200, description="The file's MIME type")
    size: int = Field(ge=0, description="Bytes: checked against Telegram's limits before upload")
    kind: Kind | None = Field(
        default=None,
        description="How to send it; by default from its type (JPEG/PNG/WebP: photo, MP4: "
        "video, MP3/M4A: audio, OGG: voice, else document). `document` sends an image as a "
        "file; `voice` sends audio as a voice note",
    )


class UploadForm(Public):
    upload_id: str
    kind: Kind
    file_name: str
    content_type: str
    size: int
    expires_at: int = Field(description="Epoch ms: post the file before this")
    url: str = Field(description="POST a multipart form here: `fields`, then the file as `file`")
    fields: dict[str, str]


class MediaMessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    uploads: list[str] = Field(
        min_length=1, max_length=10, description="Upload ids; 2 to 10 are sent as an album"
    )
    caption: str = Field(default="", max_length=4096, description="At most 1024 characters")
    client_message_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        pattern=_CLIENT_ID,
        description="The console's own id for this message: sending it again is harmless",
    )
    confirm_risk: bool = Field(
        default=False,
        description="Send although risk control asked for a confirmation "
        "(`risk_confirmation_required`)",
    )


class AttachmentSettings(Public):
    project_id: str
    kinds: list[Kind] = Field(description="The kinds of file agents may send")
    updated_at: int | None = None


class AttachmentSettingsChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kinds: list[Kind]
    updated_at: int | None = Field(default=None, description="As read: a stale save is refused")
