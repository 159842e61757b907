"""What an agent may send: Telegram's upload limits, the kinds of file a project allows and
the `send_files` permission, all checked before anything is uploaded.

A file's kind says which Bot API method sends it: a JPEG, PNG or WebP image is a photo
(sendPhoto, at most 10 MB), MP4 a video, MP3/M4A audio, OGG/Opus a voice note, anything else
a document (every non-photo at most 50 MB). The console may ask for `document` (an image sent
as a file) or `voice` (a recorded note) instead.
"""

from __future__ import annotations

import re
from typing import Any, cast

from tgdesk.accounts import access
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.storage import attachments as store
from tgdesk.storage.records.attachment import AttachmentSettings, Kind
from tgdesk.team.feature_settings import FeatureSettings, changed_meanwhile

MB = 1024 * 1024
PHOTO_LIMIT = 10 * MB  # sendPhoto
FILE_LIMIT = 50 * MB  # every other upload of a bot
KINDS: tuple[Kind, ...] = ("photo", "document", "audio", "video", "voice")
ALBUM_MAX = 10  # sendMediaGroup
CAPTION_LIMIT = 1024
PERMISSION = "send_files"
_PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
_VIDEO_TYPES = frozenset({"video/mp4"})
_AUDIO_TYPES = frozenset({"audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/aac"})
_VOICE_TYPES = frozenset({"audio/ogg"})
# The kinds sendMediaGroup takes together: photos with videos, or only documents, or audio.
_ALBUM_GROUPS = (frozenset({"photo", "video"}), frozenset({"document"}), frozenset({"audio"}))
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")


def limit_of(kind: str) -> int:
    return PHOTO_LIMIT if kind == "photo" else FILE_LIMIT


def content_type_of(declared: str) -> str:
    """The declared type without parameters, lower-case; octet-stream when not a type."""
    bare = declared.split(";", 1)[0].strip().lower()
    return bare if _MIME.fullmatch(bare) else "application/octet-stream"


def kind_of(content_type: str, asked: str | None = None) -> Kind:
    """How a file of `content_type` is sent; `asked` may turn anything into a document and an
    audio file into a voice note (InvalidInput `attachment_kind_invalid` otherwise)."""
    natural: Kind = "document"
    if content_type in _PHOTO_TYPES:
        natural = "photo"
    elif content_type in _VIDEO_TYPES:
        natural = "video"
    elif content_type in _VOICE_TYPES:
        natural = "voice"
    elif content_type in _AUDIO_TYPES:
        natural = "audio"
    if asked is None or asked == natural or asked == "document":
        return cast(Kind, asked or natural)
    if asked == "voice" and content_type in _VOICE_TYPES | _AUDIO_TYPES:
        return "voice"
    if asked == "audio" and content_type.startswith("audio/"):
        return "audio"  # a recorded note the browser could not make OGG/Opus (WebM)
    raise InvalidInput(
        f"A file of type {content_type} cannot be sent as {asked}.",
        code="attachment_kind_invalid",
        field="kind",
    )


def require_may_send(scope: access.Scope, session: dict[str, Any]) -> None:
    """The session's holder with the `send_files` permission (NotFound for anyone else, as a
    reply; Forbidden `permission_denied` without the permission)."""
    if not scope.can_send(session):
        raise NotFound("no such session", code="session_not_found")
    scope.require_permission(session["project_id"], PERMISSION)


def check_file(project_id: str, kind: Kind, size: int) -> None:
    """Refuse a file its project does not allow, or that Telegram would not take."""
    allowed = settings_of(project_id)["kinds"]
    if kind not in allowed:
        raise InvalidInput(
            f"This project does not allow sending {kind} files; allowed: {', '.join(allowed)}.",
            code="attachment_kind_not_allowed",
            field="kind",
            allowed=list(allowed),
        )
    limit = limit_of(kind)
    if size > limit:
        what = "A photo" if kind == "photo" else "A file"
        raise InvalidInput(
            f"{what} sent by a bot is at most {limit // MB} MB; this one is {size / MB:.1f} MB.",
            code="attachment_too_big",
            field="size",
            limit=limit,
        )
    if size < 1:
        raise InvalidInput("This file is empty.", code="attachment_empty", field="size")


def check_album(kinds: list[Kind]) -> None:
    """One file, or 2 to 10 that Telegram sends as one album."""
    if not kinds:
        raise InvalidInput("Attach a file first.", code="attachments_missing", field="uploads")
    if len(kinds) == 1:
        return
    if len(kinds) > ALBUM_MAX or not any(set(kinds) <= group for group in _ALBUM_GROUPS):
        raise InvalidInput(
            f"An album holds 2 to {ALBUM_MAX} photos and videos, or only documents, or only "
            "audio files; send these apart.",
            code="attachments_not_an_album",
            field="uploads",
        )


def check_caption(caption: str) -> str:
    stripped = caption.strip()
    if len(stripped) > CAPTION_LIMIT:
        raise InvalidInput(
            f"A caption has at most {CAPTION_LIMIT} characters; this one has {len(stripped)}.",
            code="caption_too_long",
            field="caption",
        )
    return stripped


# -- the project's settings ---------------------------------------------------------------------
def defaults(project_id: str) -> AttachmentSettings:
    return {"project_id": project_id, "kinds": list(KINDS)}


def effective(project_id: str, stored: AttachmentSettings | None) -> AttachmentSettings:
    return cast(AttachmentSettings, {**defaults(project_id), **(stored or {})})


def validated(project_id: str, wanted: dict[str, Any]) -> AttachmentSettings:
    kinds = wanted.get("kinds", list(KINDS))
    if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
        raise InvalidInput(
            f"kinds is a list of {', '.join(KINDS)}.",
            code="invalid_attachment_settings",
            field="kinds",
        )
    return {"project_id": project_id, "kinds": [k for k in KINDS if k in kinds]}


_SETTINGS = FeatureSettings[AttachmentSettings](
    action="attachments.settings",
    effective=effective,
    validated=validated,
    get_stored=store.get_settings,
    save_stored=store.save_settings,
    changed=changed_meanwhile("The attachment settings", code="attachment_settings_changed"),
)
read_settings = _SETTINGS.read
save_settings = _SETTINGS.save
settings_of = _SETTINGS.current
forget = _SETTINGS.forget
