"""The sandbox's Bot API: methods answered exactly in the Bot API's shapes.

Success is `{"ok": true, "result": ...}`; failure is `{"ok": false, "error_code",
"description"[, "parameters"]}` with the HTTP status equal to error_code, and a
Retry-After header on 429. Faults set by a test make the next calls of a method fail.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from infra.local.sandbox import buttons
from infra.local.sandbox.groups import group_chat
from infra.local.sandbox.images import image_size
from infra.local.sandbox.params import Upload, int_param, json_param
from infra.local.sandbox.state import SandboxStore, now_s
from infra.local.sandbox.users import private_chat

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
ANSWER_TEXT_LIMIT = 200
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
DEFAULT_FAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
    500: "Internal Server Error",
}
# sendMediaGroup: how many files an album holds, and which kinds.
ALBUM_LIMIT = 10
ALBUM_KINDS = ("photo", "video", "document", "audio")
_GROUP_IDS = itertools.count(13_000_000_000_000_000)


def next_group_id() -> int:
    return next(_GROUP_IDS)


# Media methods: (parameter, kind of the file in the Message).
MEDIA_METHODS = {
    "sendphoto": "photo",
    "senddocument": "document",
    "sendvoice": "voice",
    "sendaudio": "audio",
    "sendvideo": "video",
    "sendsticker": "sticker",
    "sendanimation": "animation",
}


@dataclass
class Answer:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class BotApiError(Exception):
    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def answer(self) -> Answer:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        headers = {}
        if self.parameters:
            body["parameters"] = self.parameters
            if "retry_after" in self.parameters:
                headers["Retry-After"] = str(self.parameters["retry_after"])
        return Answer(self.code, body, headers)


@dataclass
class Fault:
    error_code: int
    description: str
    retry_after: int | None
    times: int

    def error(self) -> BotApiError:
        params = {"retry_after": self.retry_after} if self.retry_after is not None else None
        return BotApiError(self.error_code, self.description, params)


def make_fault(spec: dict[str, Any]) -> tuple[str, Fault]:
    """A `POST /sandbox/faults` body -> (method, Fault). Raises ValueError when malformed."""
    method = str(spec.get("method") or "").strip()
    if not method:
        raise ValueError("method is required")
    code = int(spec.get("error_code", 0))
    if code not in DEFAULT_FAULT_DESCRIPTIONS and code != 429:
        raise ValueError("error_code must be one of 400, 401, 403, 404, 409, 429, 500")
    retry_after = spec.get("retry_after")
    if code == 429:
        retry_after = int(retry_after if retry_after is not None else 1)
    description = spec.get("description") or (
        f"Too Many Requests: retry after {retry_after}"
        if code == 429
        else DEFAULT_FAULT_DESCRIPTIONS[code]
    )
    times = int(spec.get("times", 1))
    if times < 1:
        raise ValueError("times must be at least 1")
    return method, Fault(code, str(description), retry_after, times)


class SandboxBot:
    """One bot (the sandbox's token). Thread-safe; `call` may block (getUpdates' timeout)."""

    def __init__(self, store: SandboxStore) -> None:
        self.store = store
        self._faults: dict[str, list[Fault]] = {}
        self._faults_lock = threading.Lock()
        self._methods: dict[str, Callable[[dict[str, Any], dict[str, Upload]], Any]] = {
            "getme": lambda p, f: self.me(),
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": lambda p, f: self._webhook_info(),
            "getupdates": self._get_updates,
            "sendmessage": self._send_message,
            "sendlocation": self._send_location,
            "answercallbackquery": self._answer_callback_query,
            "getfile": self._get_file,
            "editmessagetext": self._edit_message_text,
        }
        for method, kind in MEDIA_METHODS.items():
            self._methods[method] = self._media_sender(kind)
        self._methods["sendmediagroup"] = self._send_media_group

    # -- the Bot API surface ------------------------------------------------------------
    def call(
        self, token: str, method: str, params: dict[str, Any], files: dict[str, Upload]
    ) -> Answer:
        try:
            if token != self.store.data.token:
                raise BotApiError(401, "Unauthorized")
            handler = self._methods.get(method.lower())
            if handler is None:
                raise BotApiError(404, "Not Found")
            self._raise_fault(method.lower())
            result = handler(params, files)
        except BotApiError as err:
            return err.answer()
        except (ValueError, TypeError) as err:
            return BotApiError(400, f"Bad Request: {err}").answer()
        body: dict[str, Any] = {"ok": True, "result": result}
        if method.lower() in ("setwebhook", "deletewebhook"):
            body["description"] = (
                "Webhook was set" if self.store.data.webhook else "Webhook was deleted"
            )
        return Answer(200, body)

    def me(self) -> dict[str, Any]:
        return {
            "id": self.store.bot_id,
            "is_bot": True,
            "first_name": "tgdesk sandbox",
            "username": "tgdesk_sandbox_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # -- faults -------------------------------------------------------------------------
    def add_fault(self, method: str, fault: Fault) -> None:
        with self._faults_lock:
            self._faults.setdefault(method.lower(), []).append(fault)

    def clear_faults(self) -> None:
        with self._faults_lock:
            self._faults.clear()

    def _raise_fault(self, method: str) -> None:
        with self._faults_lock:
            queue = self._faults.get(method)
            if not queue:
                return
            fault = queue[0]
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
        raise fault.error()

    # -- webhook and updates ------------------------------------------------------------
    def _set_webhook(self, params: dict[str, Any], files: dict[str, Upload]) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return self._delete_webhook(params, files)
        if not url.startswith(("http://", "https://")):
            raise BotApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.match(str(secret)):
            raise BotApiError(400, "Bad Request: secret token contains unallowed characters")
        with self.store.lock:
            previous = self.store.data.webhook or {}
            allowed = json_param(params, "allowed_updates")
            self.store.data.webhook = {
                "url": url,
                "secret_token": secret,
                # Omitting allowed_updates keeps the previous list, as Telegram does.
                "allowed_updates": allowed
                if allowed is not None
                else previous.get("allowed_updates"),
                "max_connections": int_param(params, "max_connections", 40),
            }
            if str(params.get("drop_pending_updates", "")).lower() == "true":
                self.store.data.pending_updates.clear()
            self.store.save()
        return True

    def _delete_webhook(self, params: dict[str, Any], files: dict[str, Upload]) -> bool:
        with self.store.lock:
            self.store.data.webhook = None
            if str(params.get("drop_pending_updates", "")).lower() == "true":
                self.store.data.pending_updates.clear()
            self.store.save()
        return True

    def _webhook_info(self) -> dict[str, Any]:
        with self.store.lock:
            hook = self.store.data.webhook or {}
            info: dict[str, Any] = {
                "url": hook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self.store.data.pending_updates),
            }
            if hook:
                info["max_connections"] = hook.get("max_connections", 40)
                info["ip_address"] = "127.0.0.1"
                if hook.get("allowed_updates") is not None:
                    info["allowed_updates"] = hook["allowed_updates"]
                for key in ("last_error_date", "last_error_message"):
                    if key in hook:
                        info[key] = hook[key]
            return info

    def record_webhook_error(self, message: str | None) -> None:
        with self.store.lock:
            hook = self.store.data.webhook
            if hook is None:
                return
            if message is None:
                hook.pop("last_error_date", None)
                hook.pop("last_error_message", None)
            else:
                hook["last_error_date"] = now_s()
                hook["last_error_message"] = message
            self.store.save()

    def _get_updates(self, params: dict[str, Any], files: dict[str, Upload]) -> list[Any]:
        offset = int_param(params, "offset", 0) or 0
        limit = min(max(int_param(params, "limit", 100) or 100, 1), 100)
        timeout = min(max(int_param(params, "timeout", 0) or 0, 0), 50)
        with self.store.lock:
            if self.store.data.webhook:
                raise BotApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            pending = self.store.data.pending_updates
            if offset:
                pending[:] = [u for u in pending if u["update_id"] >= offset]
                self.store.save()
            if not pending and timeout:
                self.store.changed.wait(timeout)
            return list(self.store.data.pending_updates[:limit])

    # -- sending ------------------------------------------------------------------------
    def _chat(self, params: dict[str, Any]) -> dict[str, Any]:
        raw = params.get("chat_id")
        if raw in (None, ""):
            raise BotApiError(400, "Bad Request: chat_id is empty")
        try:
            chat_id = int(raw)
        except ValueError:
            raise BotApiError(400, "Bad Request: chat not found") from None
        user = self.store.data.users.get(str(chat_id))
        if user is not None:
            return private_chat(user)
        group = group_chat(self.store, chat_id)
        if group is None:
            raise BotApiError(400, "Bad Request: chat not found")
        return group

    def _new_message(self, chat: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        """Store and return a Message the bot sent (caller holds the lock)."""
        bot = {
            k: v for k, v in self.me().items() if k in ("id", "is_bot", "first_name", "username")
        }
        message = {
            "message_id": self.store.next_message_id(chat["id"]),
            "from": bot,
            "chat": chat,
            "date": now_s(),
            **content,
        }
        self.store.data.messages.append(message)
        self.store.save()
        return message

    def _send_message(self, params: dict[str, Any], files: dict[str, Upload]) -> dict[str, Any]:
        text = str(params.get("text") or "")
        with self.store.lock:
            chat = self._chat(params)
            if not text.strip():
                raise BotApiError(400, "Bad Request: message text is empty")
            if len(text.encode("utf-16-le")) // 2 > TEXT_LIMIT:
                raise BotApiError(400, "Bad Request: message is too long")
            content: dict[str, Any] = {"text": text}
            entities = json_param(params, "entities")
            if entities:
                content["entities"] = entities
            content.update(_reply_markup(params))
            return self._new_message(chat, content)

    def _send_location(self, params: dict[str, Any], files: dict[str, Upload]) -> dict[str, Any]:
        with self.store.lock:
            chat = self._chat(params)
            try:
                location = {
                    "latitude": float(params["latitude"]),
                    "longitude": float(params["longitude"]),
                }
            except (KeyError, ValueError) as err:
                raise BotApiError(400, "Bad Request: wrong latitude or longitude") from err
            return self._new_message(chat, {"location": location, **_reply_markup(params)})

    def _media_sender(self, kind: str) -> Callable[[dict[str, Any], dict[str, Upload]], Any]:
        def send(params: dict[str, Any], files: dict[str, Upload]) -> dict[str, Any]:
            caption = params.get("caption")
            with self.store.lock:
                chat = self._chat(params)
                if caption and len(str(caption).encode("utf-16-le")) // 2 > CAPTION_LIMIT:
                    raise BotApiError(400, "Bad Request: message caption is too long")
                record = self._input_file(kind, params.get(kind), files)
                content: dict[str, Any] = {kind: _media_object(kind, record)}
                if caption and kind != "sticker":
                    content["caption"] = str(caption)
                content.update(_reply_markup(params))
                return self._new_message(chat, content)

        return send

    def _send_media_group(
        self, params: dict[str, Any], files: dict[str, Upload]
    ) -> list[dict[str, Any]]:
        """An album: 2 to 10 messages sharing a media_group_id, the caption on the first."""
        media = json_param(params, "media")
        if not isinstance(media, list) or not 2 <= len(media) <= ALBUM_LIMIT:
            raise BotApiError(400, "Bad Request: wrong number of media specified")
        group_id = str(next_group_id())
        with self.store.lock:
            chat = self._chat(params)
            records = []
            for item in media:
                kind = item.get("type") if isinstance(item, dict) else None
                if kind not in ALBUM_KINDS:
                    raise BotApiError(400, "Bad Request: wrong media type in the album")
                records.append((kind, item, self._input_file(kind, item.get("media"), files)))
            sent = []
            for kind, item, record in records:
                content: dict[str, Any] = {kind: _media_object(kind, record)}
                content["media_group_id"] = group_id
                if item.get("caption"):
                    content["caption"] = str(item["caption"])
                sent.append(self._new_message(chat, content))
            return sent

    def _input_file(self, kind: str, value: Any, files: dict[str, Upload]) -> dict[str, Any]:
        """An InputFile: a file_id, an HTTP URL, or an upload (direct or `attach://name`)."""
        upload = files.get(kind)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
        if upload is not None:
            return self._store_upload(kind, upload)
        if not value:
            raise BotApiError(400, f"Bad Request: there is no {kind} in the request")
        value = str(value)
        if value in self.store.data.files:
            return self.store.data.files[value]
        if value.startswith(("http://", "https://")):
            return self.store.register_file({"url": value})
        raise BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _store_upload(self, kind: str, upload: Upload) -> dict[str, Any]:
        extra: dict[str, Any] = {"mime_type": upload.content_type, "file_name": upload.filename}
        if kind == "photo":
            size = image_size(upload.data)
            if size is None:
                raise BotApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
            extra["width"], extra["height"] = size
        suffix = "." + upload.filename.rsplit(".", 1)[-1] if "." in upload.filename else ""
        return self.store.store_file(upload.data, kind=f"{kind}s", extension=suffix, extra=extra)

    # -- files and edits ----------------------------------------------------------------
    def _get_file(self, params: dict[str, Any], files: dict[str, Upload]) -> dict[str, Any]:
        record = self.store.data.files.get(str(params.get("file_id") or ""))
        if record is None:
            raise BotApiError(400, "Bad Request: invalid file_id")
        out = {k: record[k] for k in ("file_id", "file_unique_id") if k in record}
        for key in ("file_size", "file_path"):
            if key in record:
                out[key] = record[key]
        return out

    def _edit_message_text(
        self, params: dict[str, Any], files: dict[str, Upload]
    ) -> dict[str, Any]:
        text = str(params.get("text") or "")
        message_id = int_param(params, "message_id")
        with self.store.lock:
            chat = self._chat(params)
            if not text.strip():
                raise BotApiError(400, "Bad Request: message text is empty")
            message = next(
                (
                    m
                    for m in self.store.data.messages
                    if m["chat"]["id"] == chat["id"] and m["message_id"] == message_id
                ),
                None,
            )
            if message is None:
                raise BotApiError(400, "Bad Request: message to edit not found")
            if message["from"]["id"] != self.store.bot_id:
                raise BotApiError(400, "Bad Request: message can't be edited")
            # As in Telegram, an edit without an inline keyboard removes the one it had.
            markup = _reply_markup(params)
            if message.get("text") == text and message.get("reply_markup") == markup.get(
                "reply_markup"
            ):
                raise BotApiError(400, _NOT_MODIFIED)
            message["text"] = text
            message.pop("reply_markup", None)
            message.update(markup)
            message["edit_date"] = now_s()
            self.store.save()
            return dict(message)

    def _answer_callback_query(self, params: dict[str, Any], files: dict[str, Upload]) -> bool:
        text = str(params.get("text") or "")
        if len(text) > ANSWER_TEXT_LIMIT:
            raise BotApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        show_alert = str(params.get("show_alert", "")).lower() == "true"
        query_id = str(params.get("callback_query_id") or "")
        if not buttons.answer(self.store, query_id, text, show_alert):
            raise BotApiError(400, _QUERY_INVALID)
        return True

    # -- what the page and the tests read -----------------------------------------------
    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        with self.store.lock:
            return [
                m
                for m in self.store.data.messages
                if m["from"]["id"] == self.store.bot_id
                and (chat_id is None or m["chat"]["id"] == chat_id)
            ]


def _reply_markup(params: dict[str, Any]) -> dict[str, Any]:
    markup = json_param(params, "reply_markup")
    return (
        {"reply_markup": markup}
        if isinstance(markup, dict) and markup.get("inline_keyboard")
        else {}
    )


def _media_object(kind: str, record: dict[str, Any]) -> Any:
    """The Message field for a sent file (PhotoSize list for photos)."""
    base = {k: record[k] for k in ("file_id", "file_unique_id") if k in record}
    if "file_size" in record:
        base["file_size"] = record["file_size"]
    if kind == "photo":
        return [{**base, "width": record.get("width", 0), "height": record.get("height", 0)}]
    if kind in ("document", "audio", "voice", "video", "animation"):
        for key in ("file_name", "mime_type"):
            if record.get(key) and not (kind == "voice" and key == "file_name"):
                base[key] = record[key]
        if kind != "document":
            base["duration"] = record.get("duration", 0)
        if kind in ("video", "animation"):
            base["width"], base["height"] = record.get("width", 0), record.get("height", 0)
    if kind == "sticker":
        base.update(
            {
                "type": "regular",
                "width": record.get("width", 512),
                "height": record.get("height", 512),
                "is_animated": False,
                "is_video": False,
            }
        )
    return base
