"""Connecting a bot: one project per bot, its secrets in SSM, its webhook at Telegram."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets as random
from typing import Any

from tgdesk import ids, secrets
from tgdesk.errors import Conflict, InvalidInput, TgdeskError
from tgdesk.storage import projects
from tgdesk.telegram import client as telegram

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


class TelegramUnavailable(TgdeskError):
    code = "telegram_unavailable"
    status = 502


def webhook_url(public_url: str, project_id: str) -> str:
    return f"{public_url.rstrip('/')}/telegram/{project_id}"


def polling_mode() -> bool:
    """The local stack with a real token long-polls Telegram: there is no public URL."""
    return os.environ.get("TGDESK_TELEGRAM_MODE", "webhook").lower() == "polling"


def public_project(project: dict[str, Any], public_url: str) -> dict[str, Any]:
    """A project as the console sees it: never a token, a secret or a secret's hash."""
    shown = {k: v for k, v in project.items() if k not in ("webhook_secret_hash", "kind")}
    shown["webhook_url"] = webhook_url(public_url, project["project_id"])
    return shown


def create_project(name: str, bot_token: str, created_by: str, public_url: str) -> dict[str, Any]:
    """Check the token with getMe, store the secrets, point the bot at us, save the project.

    Returns the project as public_project() shows it.
    """
    name = name.strip()
    if not name:
        raise InvalidInput("Give the project a name.", code="invalid_name", field="name")
    bot_token = bot_token.strip()
    if not telegram.is_token(bot_token):
        # Checked before any call: the token becomes part of the Bot API's URLs.
        raise InvalidInput(
            "This is not a bot token: @BotFather's tokens look like 123456789:AAH... "
            "(digits, a colon, then letters, digits, '_' and '-'); copy it again.",
            code="invalid_bot_token",
            field="bot_token",
        )
    bot = telegram.BotApi(bot_token)
    try:
        me = bot.get_me()
    except telegram.InvalidToken:
        raise InvalidInput(
            "Telegram does not accept this bot token; copy it again from @BotFather.",
            code="invalid_bot_token",
            field="bot_token",
        ) from None
    except telegram.TelegramError as err:
        raise _unavailable(err) from None
    if any(p.get("bot_id") == me["id"] for p in projects.list_projects()):
        raise Conflict(
            f"@{me.get('username')} is already connected to a project.",
            code="bot_already_connected",
            field="bot_token",
        )

    project_id = ids.short_id()
    webhook_secret = random.token_urlsafe(32)
    secrets.put_project_secrets(project_id, bot_token=bot_token, webhook_secret=webhook_secret)
    try:
        if polling_mode():
            bot.delete_webhook()
        else:
            bot.set_webhook(
                webhook_url(public_url, project_id),
                secret_token=webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
    except telegram.TelegramError as err:
        secrets.delete_project_secrets(project_id)
        if isinstance(err, telegram.BadRequest):
            raise InvalidInput(
                f"Telegram refused the webhook: {err.description}",
                code="webhook_rejected",
            ) from None
        raise _unavailable(err) from None

    project = {
        "project_id": project_id,
        "name": name,
        "bot_id": me["id"],
        "bot_username": me.get("username"),
        "webhook_secret_hash": hashlib.sha256(webhook_secret.encode()).hexdigest(),
        "created_by": created_by,
    }
    projects.create_project(project)
    projects.add_member(project_id, created_by)
    log.info(
        "project created",
        extra={"project_id": project_id, "bot_username": me.get("username")},
    )
    return public_project(project, public_url)


def _unavailable(err: telegram.TelegramError) -> TelegramUnavailable:
    log.warning("Telegram call failed", extra={"error_code": err.code, "status": err.status})
    return TelegramUnavailable(
        "Telegram could not be reached or refused the call; try again in a minute.",
        retry_after=err.retry_after,
    )
