"""A message's file, fetched from Telegram for the console.

The browser never talks to Telegram: a file's download URL contains the bot token. The API
asks Telegram for the file with the project's token and passes the bytes on, with a content
type the browser can trust and a disposition that never lets a user's file render as a page
of ours.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from tgdesk.accounts import access
from tgdesk.core import secrets
from tgdesk.core.errors import NotFound, TgdeskError
from tgdesk.storage import session_messages
from tgdesk.telegram import client as telegram

log = logging.getLogger(__name__)

MB = 1024 * 1024
# Telegram lets bots download files up to 20 MB.
TELEGRAM_DOWNLOAD_LIMIT = 20 * MB
# A Lambda answer is at most 6 MB and binary bodies travel base64-encoded (4/3 larger), with
# the headers beside them: this is the largest file the API can hand over.
RESPONSE_LIMIT = 4_500_000
# The smallest photo size, on its longer side, good enough for a thumbnail in the chat.
THUMB_MIN_SIDE = 320
MAX_FILE_NAME = 120


class Size(StrEnum):
    FULL = "full"
    THUMB = "thumb"


class FileTooBig(TgdeskError):
    code = "file_too_big"
    status = 413


class TelegramUnavailable(TgdeskError):
    code = "telegram_unavailable"
    status = 502


# What each kind is shown as, and its content type when nothing better is known.
_KIND_TYPES = {
    "photo": "image/jpeg",
    "sticker": "image/webp",
    "voice": "audio/ogg",
    "audio": "audio/mpeg",
    "video": "video/mp4",
    "video_note": "video/mp4",
    "animation": "video/mp4",
    "document": "application/octet-stream",
}
_KIND_MAJOR = {
    "photo": "image",
    "sticker": "image",
    "voice": "audio",
    "audio": "audio",
    "video": "video",
    "video_note": "video",
    "animation": "video",
}
# Extensions of the `file_path` Telegram answers getFile with.
_EXTENSION_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "oga": "audio/ogg",
    "ogg": "audio/ogg",
    "opus": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
    "tgs": "application/x-tgsticker",
}
# Types a browser may render in place. Anything else (HTML, SVG, PDF...) only downloads:
# served from the console's origin, it must never become a page that runs script.
_INLINE_TYPES = frozenset(
    {
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "audio/ogg",
        "audio/mpeg",
        "audio/mp4",
        "audio/x-m4a",
        "audio/aac",
        "audio/wav",
        "audio/x-wav",
        "audio/flac",
        "audio/webm",
        "video/mp4",
        "video/webm",
        "video/quicktime",
        "video/ogg",
    }
)
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")
_UNSAFE_NAME_CHARS = re.compile(r'[\\/:*?"<>|]+')


@dataclass(frozen=True, slots=True)
class FileRef:
    """One Telegram file of a message: the file itself or its thumbnail."""

    kind: str
    file_id: str
    file_size: int | None
    mime_type: str | None
    file_name: str | None
    thumbnail: bool


@dataclass(frozen=True, slots=True)
class MediaFile:
    content: bytes
    content_type: str
    disposition: str


def file_of(message: Mapping[str, Any], size: Size = Size.FULL) -> FileRef:
    """The file to show for a message; NotFound `no_media` when it has none (for a thumbnail:
    when neither a thumbnail nor an image to stand for one exists)."""
    kind = message.get("type", "")
    media = message.get("media")
    if kind not in _KIND_TYPES or not isinstance(media, dict) or not media.get("file_id"):
        raise NotFound("this message has no file", code="no_media")
    name = _str(media.get("file_name"))
    if size is Size.THUMB:
        if kind == "photo":
            return _ref(kind, _thumb_photo_size(media), thumbnail=True)
        thumb = _thumbnail(message.get("raw"), kind)
        if thumb is not None:
            return _ref(kind, thumb, thumbnail=True)
        if _KIND_MAJOR.get(kind) != "image":
            raise NotFound("this file has no preview image", code="no_media")
    return FileRef(
        kind=kind,
        file_id=str(media["file_id"]),
        file_size=_int(media.get("file_size")),
        mime_type=_str(media.get("mime_type")),
        file_name=name,
        thumbnail=False,
    )


def fetch(scope: access.Scope, session_id: str, message_id: str, size: Size) -> MediaFile:
    """A message's file for whoever may see its session (NotFound otherwise)."""
    session = scope.session(session_id)
    message = session_messages.find(session, message_id)
    if message is None:
        raise NotFound("no such message in this session", code="message_not_found")
    ref = file_of(message, size)
    _check_size(ref.file_size)
    bot = telegram.BotApi(secrets.get_bot_token(session["project_id"]))
    try:
        found = bot.get_file(ref.file_id)
        file_path = _str(found.get("file_path")) if isinstance(found, dict) else None
        if not file_path:
            raise TelegramUnavailable(
                "Telegram did not say where this file is; try again later.",
                code="telegram_unavailable",
            )
        _check_size(_int(found.get("file_size")))
        content = bot.download_file(file_path)
    except telegram.TelegramError as err:
        raise _unavailable(err) from None
    _check_size(len(content))
    content_type = content_type_of(ref, file_path)
    log.info(
        "media served",
        extra={"kind": ref.kind, "thumbnail": ref.thumbnail, "bytes": len(content)},
    )
    return MediaFile(
        content=content,
        content_type=content_type,
        disposition=disposition_of(ref, content_type, file_path),
    )


def content_type_of(ref: FileRef, file_path: str = "") -> str:
    """The message's own type when it fits the kind, else the file path's, else the kind's."""
    by_path = _EXTENSION_TYPES.get(_extension(file_path))
    if ref.thumbnail:
        return by_path if by_path and by_path.startswith("image/") else "image/jpeg"
    declared = (ref.mime_type or "").split(";", 1)[0].strip().lower()
    if not _MIME.fullmatch(declared):
        declared = ""
    major = _KIND_MAJOR.get(ref.kind)
    if declared and (major is None or (declared.startswith(f"{major}/") and _inline(declared))):
        return declared
    return by_path or _KIND_TYPES[ref.kind]


def disposition_of(ref: FileRef, content_type: str, file_path: str = "") -> str:
    """`inline` for what the console shows in place, `attachment` for everything else
    (every document itself), each with a file name safe to put in a header and on a disk."""
    shown = ref.thumbnail or ref.kind != "document"
    mode = "inline" if shown and _inline(content_type) else "attachment"
    extension = _extension(file_path)
    fallback = f"{ref.kind}{'.' + extension if extension else ''}"
    name = safe_file_name(ref.file_name if not ref.thumbnail else None) or fallback
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    return f"{mode}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def safe_file_name(name: str | None) -> str:
    """A user's file name without paths, control characters or characters that file
    systems and headers reject; empty when nothing usable is left."""
    if not name:
        return ""
    text = unicodedata.normalize("NFC", name)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    text = _UNSAFE_NAME_CHARS.sub("_", text)
    text = " ".join(text.split()).strip(" .")
    if len(text) > MAX_FILE_NAME:
        stem, dot, extension = text.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            text = f"{stem[: MAX_FILE_NAME - len(extension) - 1]}.{extension}"
        else:
            text = text[:MAX_FILE_NAME]
    return text


def _check_size(size: int | None) -> None:
    if size is None:
        return
    if size > TELEGRAM_DOWNLOAD_LIMIT:
        raise FileTooBig(
            f"This file is {size / MB:.1f} MB; Telegram lets bots download files up to 20 MB. "
            "Ask the user to send it another way.",
            code="file_too_big",
        )
    if size > RESPONSE_LIMIT:
        raise FileTooBig(
            f"This file is {size / MB:.1f} MB; the console can show files up to "
            f"{RESPONSE_LIMIT / MB:.1f} MB. Ask the user to send a smaller version.",
            code="file_too_big",
        )


def _unavailable(err: telegram.TelegramError) -> TgdeskError:
    detail = telegram.redact(err.description)
    if err.status == 400 and "file is too big" in detail.lower():
        return FileTooBig(
            "Telegram lets bots download files up to 20 MB, and this one is bigger. "
            "Ask the user to send it another way.",
            code="file_too_big",
        )
    log.warning("telegram refused a file", extra={"telegram_status": err.status, "code": err.code})
    retry_after = err.retry_after if isinstance(err, telegram.RateLimited) else None
    return TelegramUnavailable(
        f"Telegram did not hand over this file ({detail}); try again in a moment.",
        code="telegram_unavailable",
        retry_after=retry_after,
    )


def _thumb_photo_size(media: dict[str, Any]) -> dict[str, Any]:
    """The smallest size at least THUMB_MIN_SIDE on its longer side, else the largest."""
    sizes = [s for s in media.get("sizes") or [] if isinstance(s, dict) and s.get("file_id")]
    if not sizes:
        return media

    def side(size: dict[str, Any]) -> int:
        return max(_int(size.get("width")) or 0, _int(size.get("height")) or 0)

    big_enough = [s for s in sizes if side(s) >= THUMB_MIN_SIDE]
    return min(big_enough, key=side) if big_enough else max(sizes, key=side)


def _thumbnail(raw: Any, kind: str) -> dict[str, Any] | None:
    """The PhotoSize Telegram attached as a preview (`thumb` before Bot API 6.6)."""
    obj = raw.get(kind) if isinstance(raw, dict) else None
    if not isinstance(obj, dict):
        return None
    for name in ("thumbnail", "thumb"):
        thumb = obj.get(name)
        if isinstance(thumb, dict) and thumb.get("file_id"):
            return thumb
    return None


def _ref(kind: str, size: dict[str, Any], *, thumbnail: bool) -> FileRef:
    return FileRef(
        kind=kind,
        file_id=str(size["file_id"]),
        file_size=_int(size.get("file_size")),
        mime_type=None,
        file_name=None,
        thumbnail=thumbnail,
    )


def _inline(content_type: str) -> bool:
    return content_type in _INLINE_TYPES


def _extension(file_path: str) -> str:
    name = file_path.rsplit("/", 1)[-1]
    return name.rpartition(".")[2].lower() if "." in name else ""


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
