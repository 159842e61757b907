"""The stream's part: each change that is a funnel step of a tracked link is counted once.

| step | the change (stream images) | counted once per |
|---|---|---|
| clicks, bot_clicks (+ visitors) | a click item is written (INSERT) | click |
| starts | a profile's `source.last` names a new click | click |
| first_messages | a linked session's first user message after the `/start` | session |
| first_replies | a linked session gets its `first_reply_at` | session |
| resolved | a linked session closes for the first time (never reopened) | session |
| rated (+ its score) | a linked session's `rating` appears (once: tgdesk.surveys) | session |

A step counts on the UTC day it happened, with the link's channel and the click's UTM
values, country and device class (tgdesk.storage.link_funnel keeps the counters). Bot
clicks (preview fetchers, crawlers) count apart and are never a step of the funnel.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from tgdesk.attribution.touch import is_start_command
from tgdesk.core.clock import now_ms
from tgdesk.storage import link_funnel
from tgdesk.storage.link_funnel import Counted

Image = Mapping[str, Any]


def count_change(event_name: str, old: Image | None, new: Image | None) -> int:
    """Count the funnel steps a stream record makes (INSERT, MODIFY or REMOVE with its
    images); returns how many were counted now (0 for a redelivered record)."""
    now = now_ms()
    return sum(link_funnel.count(step, now) for step in steps_of(event_name, old or {}, new or {}))


def steps_of(event_name: str, old: Image, new: Image) -> Iterator[Counted]:
    kind = new.get("kind")
    if kind == "click" and event_name == "INSERT":
        yield _click(new)
    elif kind == "telegram_user":
        yield from _start(old, new)
    elif kind == "session" and new.get("link"):
        yield from _session_steps(old, new)


def _click(click: Image) -> Counted:
    bot = bool(click.get("is_bot"))
    utm = click.get("utm") or {}
    return Counted(
        event=f"click#{click['payload']}",
        step="bot_clicks" if bot else "clicks",
        project_id=str(click["project_id"]),
        code=str(click["code"]),
        at=int(click["at"]),
        dimensions=_dimensions(click.get("channel"), utm),
        country=click.get("country"),
        device=click.get("device"),
        visitor=None if bot else click.get("visitor"),
    )


def _start(old: Image, new: Image) -> Iterator[Counted]:
    touch = (new.get("source") or {}).get("last") or {}
    before = (old.get("source") or {}).get("last") or {}
    if touch.get("click_id") and touch.get("click_id") != before.get("click_id"):
        yield _linked(f"start#{touch['click_id']}", "starts", new, touch, touch["touched_at"])


def _session_steps(old: Image, new: Image) -> Iterator[Counted]:
    link, sid = new["link"], new["session_id"]
    if _first_message(old, new):
        at = new["last_user_msg_at"]
        yield _linked(f"first_message#{sid}", "first_messages", new, link, at)
    if new.get("first_reply_at") and not old.get("first_reply_at"):
        yield _linked(f"first_reply#{sid}", "first_replies", new, link, new["first_reply_at"])
    closing = new.get("status") == "closed" and old and old.get("status") != "closed"
    if closing and not new.get("reopened_at") and new.get("closed_at"):
        yield _linked(f"resolved#{sid}", "resolved", new, link, new["closed_at"])
    score = _new_score(old, new)
    if score is not None:
        yield _linked(f"rated#{sid}", "rated", new, link, new["rating"]["at"], score=score)


def _new_score(old: Image, new: Image) -> int | None:
    """The score of a rating this change wrote (a comment added later is no new rating)."""
    before, rating = old.get("rating") or {}, new.get("rating") or {}
    if not old or before.get("score") is not None or rating.get("score") is None:
        return None
    score = int(rating["score"])
    return score if 1 <= score <= 5 and rating.get("at") else None


def _first_message(old: Image, new: Image) -> bool:
    """The user's first message of their own after the `/start` that opened the session:
    the last user message moved on from a session whose user messages so far were `/start`s."""
    if not old or new.get("last_user_msg_at") == old.get("last_user_msg_at"):
        return False
    last = new.get("last_message") or {}
    if last.get("direction") != "in" or is_start_command(last.get("text")):
        return False
    before = old.get("last_message") or {}
    only_start = old.get("last_user_msg_at") == old.get("first_inbound_at")
    return only_start or (before.get("direction") == "in" and is_start_command(before.get("text")))


def _linked(
    event: str, step: str, item: Image, touch: Image, at: Any, score: int | None = None
) -> Counted:
    return Counted(
        event=event,
        step=step,
        project_id=str(item["project_id"]),
        code=str(touch["code"]),
        at=int(at),
        dimensions=_dimensions(touch.get("channel"), touch.get("utm") or {}),
        country=touch.get("country"),
        device=touch.get("device"),
        score=score,
    )


def _dimensions(channel: Any, utm: Mapping[str, Any]) -> dict[str, Any]:
    values = {"channel": channel, **{k: utm.get(k) for k in link_funnel.DIMENSIONS if k in utm}}
    return {k: values.get(k) for k in link_funnel.DIMENSIONS}
