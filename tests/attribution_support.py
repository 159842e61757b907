"""Tracked links in the tests of attribution and the funnel: a link, its clicks, `/start`
updates shaped as Telegram sends them, and stream records for the assign function."""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

from conftest import TABLE, lambda_context
from routing_support import stream_event, stream_record

from infra.local import cfn
from tgdesk.links.payload import new_payload
from tgdesk.storage import keys, links, table
from tgdesk.storage.records import link as link_record
from tgdesk.storage.records.click import Click

_update_ids = itertools.count(881_500_001)
_message_ids = itertools.count(501)


def put_link(code: str, project_id: str, **fields: Any) -> None:
    item = link_record.to_item(
        {
            "code": code,
            "project_id": project_id,
            "name": f"{code} campaign",
            "channel": "google-ads",
            "enabled": True,
            "created_by": "agent-admin",
            "created_at": 1_767_000_000_000,
            "updated_at": 1_767_000_000_000,
            "bot_username": "acme_help_bot",
            **fields,
        }
    )
    table.client().put_item(TableName=TABLE, Item=table.to_item(item))


def click(code: str, project_id: str, at: int, **fields: Any) -> Click:
    """A click as the redirect records it, stored; returns it."""
    payload = new_payload()
    recorded: Click = {
        "payload": payload,
        "click_id": hashlib.sha256(payload.encode()).hexdigest()[:24],
        "code": code,
        "project_id": project_id,
        "channel": "google-ads",
        "link_name": f"{code} campaign",
        "at": at,
        "ttl": at // 1000 + 90 * 86_400,
        "utm": {"utm_source": "x", "utm_campaign": "spring"},
        "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)",
        "device": "mobile",
        "browser": "safari",
        "is_bot": False,
        "country": "DE",
        "address_mode": "hashed",
        "visitor": "v-1",
        **fields,  # type: ignore[typeddict-item]
    }
    links.put_click(recorded)
    return recorded


def start_update(user_id: int, text: str, *, date: int = 1_767_225_611) -> dict[str, Any]:
    """A private chat's `/start` as Telegram sends it (the Start button, or typed)."""
    person = {"id": user_id, "first_name": "Ada", "last_name": "Lovelace", "username": "ada_l"}
    return {
        "update_id": next(_update_ids),
        "message": {
            "message_id": next(_message_ids),
            "from": {**person, "is_bot": False, "language_code": "en"},
            "chat": {**person, "type": "private"},
            "date": date,
            "text": text,
            "entities": [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}],
        },
    }


def text_update(user_id: int, text: str) -> dict[str, Any]:
    update = start_update(user_id, text)
    del update["message"]["entities"]
    return update


def item(pk_sk: tuple[str, str]) -> dict[str, Any] | None:
    return table.get(*pk_sk, consistent=True)


def feed_stream(*records: dict[str, Any]) -> dict[str, Any]:
    """Records to the assign function, as Lambda delivers a batch."""
    return cfn.load_handler("AssignFunction")(stream_event(*records), lambda_context())


def insert(new: dict[str, Any]) -> dict[str, Any]:
    return stream_record("INSERT", new=new)


def modify(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return stream_record("MODIFY", old=old, new=new)


def session_of(project_id: str, tg_user_id: int) -> dict[str, Any] | None:
    profile = item(keys.telegram_user(project_id, tg_user_id)) or {}
    sid = profile.get("open_session_id")
    return item(keys.session(sid)) if sid else None
