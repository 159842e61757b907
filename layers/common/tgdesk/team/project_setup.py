"""Connecting a bot: one project per bot, its secrets in SSM, its webhook at Telegram;
replacing its token (a revoked token, or another bot for the same project)."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets as random
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core import ids, secrets
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, InvalidInput, NotFound, TgdeskError
from tgdesk.links import catalog as link_catalog
from tgdesk.storage import projects
from tgdesk.storage.records.project import Project
from tgdesk.team.projects import get_project
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


def public_project(project: Project, public_url: str) -> dict[str, Any]:
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
    bot_token, bot, me = _check_token(bot_token)
    _check_not_connected(me)

    project_id = ids.short_id()
    webhook_secret = random.token_urlsafe(32)
    secrets.put_project_secrets(project_id, bot_token=bot_token, webhook_secret=webhook_secret)
    try:
        _point_webhook(bot, project_id, public_url, webhook_secret)
    except TgdeskError:
        secrets.delete_project_secrets(project_id)
        raise

    project = Project(
        project_id=project_id,
        name=name,
        bot_id=me["id"],
        bot_username=me.get("username"),
        webhook_secret_hash=secret_hash(webhook_secret),
        created_by=created_by,
    )
    projects.create_project(project)
    projects.add_member(project_id, created_by)
    log.info(
        "project created",
        extra={"project_id": project_id, "bot_username": me.get("username")},
    )
    return public_project(project, public_url)


def replace_bot_token(
    project_id: str, bot_token: str, *, actor_id: str, public_url: str, source_ip: str | None
) -> tuple[dict[str, Any], bool]:
    """Give a project a new bot token: the same bot's new token (the old one was revoked)
    or another bot. Returns (the project as public_project() shows it, whether the bot
    changed).

    Order: check the token (getMe), point the bot's webhook at the project with a fresh
    secret, and only once Telegram accepted that, replace the stored token and secret and
    the project's secret hash. A failure before that changes nothing here: the old token
    and webhook keep working (the answer says what failed; send the token again). Between
    setWebhook and the project's new hash, Telegram's deliveries fail with 401 and are
    retried by Telegram, so no update is lost. The old parameters are deleted, not
    overwritten, so SSM's version history keeps no old token.
    """
    project = get_project(project_id)
    bot_token, bot, me = _check_token(bot_token)
    new_bot = me["id"] != project.get("bot_id")
    if new_bot:
        _check_not_connected(me)
    old_token = _stored_token(project_id)
    updated = _answer_as(project_id, bot, bot_token, me, public_url)
    if new_bot and old_token and old_token != bot_token:
        _release_old_bot(old_token, project_id)
    if me.get("username") != project.get("bot_username"):
        # The project's tracked links redirect to the bot they name: make it the new one.
        link_catalog.refresh_project_links(project_id, me.get("username"))
    _record_replacement(project, me, new_bot, actor_id=actor_id, source_ip=source_ip)
    return public_project(updated, public_url), new_bot


def _answer_as(
    project_id: str, bot: telegram.BotApi, bot_token: str, me: dict[str, Any], public_url: str
) -> Project:
    """Point the bot's webhook at the project with a fresh secret, then store the token,
    the secret and the project's secret hash. Returns the project as updated."""
    webhook_secret = random.token_urlsafe(32)
    _point_webhook(bot, project_id, public_url, webhook_secret)

    # Telegram now sends with the new secret: store what answers it.
    secrets.replace_project_secrets(project_id, bot_token=bot_token, webhook_secret=webhook_secret)
    changes: dict[str, Any] = {
        "webhook_secret_hash": secret_hash(webhook_secret),
        "bot_id": me["id"],
        "bot_username": me.get("username"),
        "token_replaced_at": now_ms(),
    }
    return projects.update_project(project_id, changes)


def _record_replacement(
    project: Project,
    me: dict[str, Any],
    new_bot: bool,
    *,
    actor_id: str,
    source_ip: str | None,
) -> None:
    project_id = project["project_id"]
    audit.record(
        "project.bot_token_replaced",
        actor_id=actor_id,
        project_id=project_id,
        target_type="project",
        target_id=project_id,
        before={"bot_id": project.get("bot_id"), "bot_username": project.get("bot_username")},
        after={"bot_id": me["id"], "bot_username": me.get("username")},
        details={"new_bot": new_bot},
        source_ip=source_ip,
    )
    log.info(
        "bot token replaced",
        extra={"project_id": project_id, "bot_username": me.get("username"), "new_bot": new_bot},
    )


def secret_hash(webhook_secret: str) -> str:
    """What the project item keeps of its webhook secret (tgdesk.inbound.ingest compares it)."""
    return hashlib.sha256(webhook_secret.encode()).hexdigest()


def _check_token(bot_token: str) -> tuple[str, telegram.BotApi, dict[str, Any]]:
    """The token's shape, then getMe: the token trimmed, the bot, and who it is."""
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
        return bot_token, bot, bot.get_me()
    except telegram.InvalidToken:
        raise InvalidInput(
            "Telegram does not accept this bot token; copy it again from @BotFather.",
            code="invalid_bot_token",
            field="bot_token",
        ) from None
    except telegram.TelegramError as err:
        raise _unavailable(err) from None


def _check_not_connected(me: dict[str, Any]) -> None:
    if any(p.get("bot_id") == me["id"] for p in projects.list_projects()):
        raise Conflict(
            f"@{me.get('username')} is already connected to a project.",
            code="bot_already_connected",
            field="bot_token",
        )


def _point_webhook(
    bot: telegram.BotApi, project_id: str, public_url: str, webhook_secret: str
) -> None:
    """setWebhook to the project's URL with this secret (polling locally: deleteWebhook)."""
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
        if isinstance(err, telegram.BadRequest):
            raise InvalidInput(
                f"Telegram refused the webhook: {err.description}",
                code="webhook_rejected",
            ) from None
        raise _unavailable(err) from None


def _stored_token(project_id: str) -> str | None:
    try:
        return secrets.get_bot_token(project_id)
    except NotFound:
        return None


def _release_old_bot(old_token: str, project_id: str) -> None:
    """The project's former bot stops sending here. Best effort: a revoked token cannot."""
    try:
        telegram.BotApi(old_token).delete_webhook()
    except telegram.TelegramError as err:
        log.info(
            "the former bot's webhook was left as it is",
            extra={"project_id": project_id, "error_code": err.code},
        )


def _unavailable(err: telegram.TelegramError) -> TelegramUnavailable:
    log.warning("Telegram call failed", extra={"error_code": err.code, "status": err.status})
    return TelegramUnavailable(
        "Telegram could not be reached or refused the call; try again in a minute.",
        retry_after=err.retry_after,
    )
