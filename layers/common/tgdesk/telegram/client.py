"""A thin, typed client for the Telegram Bot API methods tgdesk calls.

Errors are keyed on the HTTP status and the description's prefix (never the exact
wording, which changes between server versions) and raised as TelegramError subclasses.
The bot token is part of every URL, so it must never escape: exceptions are built fresh
(no chained `requests` exception carrying the URL), the repr shows only the bot id, and
urllib3's debug lines, which print request paths, are redacted.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import requests

from tgdesk.core.settings import get_settings

_TOKEN_IN_TEXT = re.compile(r"bot\d+:[A-Za-z0-9_-]+")
# What @BotFather hands out: the bot's numeric id, a colon, and a secret of URL-safe
# characters (35 of them today). Only a token of this shape is ever put into a URL: any
# other character (`?`, `/`, `#`, `%`, `.`...) would change which URL is called.
TOKEN_PATTERN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,100}")


def is_token(text: str) -> bool:
    """True when `text` is shaped like a bot token (not that Telegram accepts it)."""
    return TOKEN_PATTERN.fullmatch(text) is not None


def redact(text: str) -> str:
    """Hide anything shaped like a bot token inside a URL path (`/bot<id>:<secret>/`)."""
    return _TOKEN_IN_TEXT.sub("bot<redacted>", text)


class _RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


logging.getLogger("urllib3.connectionpool").addFilter(_RedactTokens())


class TelegramError(Exception):
    """A failed Bot API call. `code` is stable and safe to store and show."""

    code = "telegram_error"

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(f"Telegram answered {status}: {description}")
        self.status = status
        self.description = description
        self.retry_after = retry_after


class RateLimited(TelegramError):
    code = "rate_limited"


class Forbidden(TelegramError):
    code = "forbidden"


class BotBlocked(Forbidden):
    code = "bot_blocked"


class UserDeactivated(Forbidden):
    code = "user_deactivated"


class CantInitiate(Forbidden):
    code = "cant_initiate"


class BadRequest(TelegramError):
    code = "bad_request"


class ChatNotFound(BadRequest):
    code = "chat_not_found"


class MessageTooLong(BadRequest):
    code = "message_too_long"


class InvalidToken(TelegramError):
    code = "invalid_token"


class Conflict(TelegramError):
    code = "conflict"


class ServerError(TelegramError):
    code = "server_error"


class NetworkError(TelegramError):
    """No answer from Telegram (timeout, refused connection, broken TLS...). Status 0."""

    code = "network_error"


# (status, description prefix after "Bad Request: " / "Forbidden: ", class), first match wins.
_BY_PREFIX: tuple[tuple[int, str, type[TelegramError]], ...] = (
    (403, "bot was blocked", BotBlocked),
    (403, "user is deactivated", UserDeactivated),
    (403, "bot can't initiate conversation", CantInitiate),
    (400, "chat not found", ChatNotFound),
    (400, "message is too long", MessageTooLong),
)


def error_from_response(
    status: int, body: dict[str, Any] | None, retry_after_header: str | None = None
) -> TelegramError:
    """Map a Bot API error answer to its TelegramError subclass."""
    body = body or {}
    description = str(body.get("description") or f"HTTP {status}")
    parameters = body.get("parameters") or {}
    retry_after = parameters.get("retry_after")
    if retry_after is None and retry_after_header and retry_after_header.isdigit():
        retry_after = int(retry_after_header)
    detail = description.split(": ", 1)[1] if ": " in description else description
    detail = detail.lower()
    for code, prefix, cls in _BY_PREFIX:
        if status == code and detail.startswith(prefix):
            return cls(status, description)
    if status == 429:
        return RateLimited(status, description, int(retry_after or 1))
    if status == 403:
        return Forbidden(status, description)
    if status == 400:
        return BadRequest(status, description)
    if status in (401, 404):
        return InvalidToken(status, description)
    if status == 409:
        return Conflict(status, description)
    if status >= 500:
        return ServerError(status, description)
    return TelegramError(status, description)


@lru_cache(maxsize=1)
def http_session() -> requests.Session:
    """One connection pool per process: warm Lambdas reuse TLS connections to Telegram."""
    session = requests.Session()
    session.headers["User-Agent"] = "tgdesk"
    return session


def _timeouts(extra_read: float = 0) -> tuple[float, float]:
    read = get_settings().telegram_timeout_seconds
    return min(read, 5.0), read + extra_read


class BotApi:
    """The Bot API as one bot (one token) sees it."""

    def __init__(self, token: str, *, base_url: str | None = None) -> None:
        self._token = token
        self._base = (base_url or get_settings().telegram_api_url).rstrip("/")

    def __repr__(self) -> str:
        return f"BotApi(bot_id={self.bot_id!r}, base_url={self._base!r})"

    @property
    def bot_id(self) -> str:
        """The public part of the token (the bot's user id)."""
        return self._token.split(":", 1)[0]

    # -- methods ----------------------------------------------------------------------
    def get_me(self) -> dict[str, Any]:
        return self.call("getMe")

    def set_webhook(
        self,
        url: str,
        secret_token: str,
        allowed_updates: list[str],
        drop_pending_updates: bool = False,
    ) -> bool:
        return self.call(
            "setWebhook",
            {
                "url": url,
                "secret_token": secret_token,
                "allowed_updates": allowed_updates,
                "drop_pending_updates": drop_pending_updates,
            },
        )

    def delete_webhook(self, drop_pending_updates: bool = False) -> bool:
        return self.call("deleteWebhook", {"drop_pending_updates": drop_pending_updates})

    def get_updates(
        self, offset: int | None, timeout: int, allowed_updates: list[str] | None = None
    ) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"timeout": timeout}
        if offset is not None:
            params["offset"] = offset
        if allowed_updates is not None:
            params["allowed_updates"] = allowed_updates
        # A long poll holds the connection open for `timeout` seconds by design.
        return self.call("getUpdates", params, extra_read_timeout=timeout)

    def send_message(
        self, chat_id: int | str, text: str, reply_to_message_id: int | None = None
    ) -> dict[str, Any]:
        """Send plain text (no parse mode: an agent's `*` or `<` is never markup)."""
        params: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if reply_to_message_id is not None:
            params["reply_parameters"] = {
                "message_id": reply_to_message_id,
                "allow_sending_without_reply": True,
            }
        return self.call("sendMessage", params)

    def get_file(self, file_id: str) -> dict[str, Any]:
        return self.call("getFile", {"file_id": file_id})

    def download_file(self, file_path: str) -> bytes:
        """The file's bytes. The URL holds the token: never hand it to a browser."""
        if any(part in ("", ".", "..") for part in file_path.split("/")):
            raise BadRequest(400, "Bad Request: invalid file path")
        response = self._request("GET", self._url("file/bot", quote(file_path)))
        if response.status_code != 200:
            raise error_from_response(
                response.status_code, _json_or_none(response), response.headers.get("Retry-After")
            )
        return response.content

    # -- plumbing ---------------------------------------------------------------------
    def call(
        self, method: str, params: dict[str, Any] | None = None, *, extra_read_timeout: float = 0
    ) -> Any:
        """Call any Bot API method with a JSON body; returns its `result`."""
        response = self._request(
            "POST",
            self._url("bot", method),
            json=params or {},
            extra_read_timeout=extra_read_timeout,
        )
        return _result(response)

    def call_with_files(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes, str]]
    ) -> Any:
        """Call a method that uploads files (multipart/form-data): `files` maps each part's
        name (the parameter, or the `attach://name` a media group refers to) to (file name,
        bytes, content type); structured parameters travel as JSON text. Returns `result`."""
        form = {
            name: value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            for name, value in params.items()
            if value is not None
        }
        size = sum(len(data) for _, data, _ in files.values())
        response = self._request(
            "POST",
            self._url("bot", method),
            data=form,
            files=files,
            # a second of reading for every megabyte sent, on top of the usual wait
            extra_read_timeout=size / 1_000_000,
        )
        return _result(response)

    def _url(self, prefix: str, rest: str) -> str:
        """`{base}/{prefix}{token}/{rest}`, built only from a token of the right shape."""
        if not is_token(self._token):
            raise InvalidToken(0, "the bot token is not shaped like one from @BotFather")
        return f"{self._base}/{prefix}{self._token}/{rest}"

    def _request(
        self, verb: str, url: str, *, extra_read_timeout: float = 0, **kwargs: Any
    ) -> requests.Response:
        failure: str | None = None
        try:
            return http_session().request(
                verb, url, timeout=_timeouts(extra_read_timeout), **kwargs
            )
        except requests.Timeout:
            failure = "no answer from Telegram in time"
        except requests.RequestException as exc:
            failure = f"cannot reach Telegram ({type(exc).__name__})"
        # Raised outside the except blocks so the original exception, whose message and
        # `request` attribute hold the URL with the token, is not chained to it.
        raise NetworkError(0, failure)


def _result(response: requests.Response) -> Any:
    """A Bot API answer's `result`, or its error raised."""
    body = _json_or_none(response)
    if response.status_code == 200 and body and body.get("ok"):
        return body.get("result")
    status = int((body or {}).get("error_code") or response.status_code)
    raise error_from_response(status, body, response.headers.get("Retry-After"))


def _json_or_none(response: requests.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None
