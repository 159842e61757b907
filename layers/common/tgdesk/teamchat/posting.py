"""Posting a project's events (escalations, SLA warnings and breaches) to its team group.

One message per event, ever: the event's claim and its message are one transaction. The
message goes through tgdesk.outbound.delivery like an agent's reply (sent at once, retried,
failed with a reason), and waits (never dropped) while the group is at Telegram's limit of
messages a minute.
"""

from __future__ import annotations

from tgdesk.core.errors import InvalidInput
from tgdesk.core.settings import get_settings
from tgdesk.outbound import delivery
from tgdesk.storage import teamchat as store

MAX_EVENT_KEY = 200
_ELLIPSIS = "…"


def post(project_id: str, event_key: str, text: str, *, link: str | None = None) -> bool:
    """Post `text` (and `link`, a console URL, on its own line) to the project's bound group.

    At most one message per (`project_id`, `event_key`), ever: a second call with the same key
    posts nothing. Returns False when the project has no bound group (nothing is stored), True
    when the event's message is stored (now or by an earlier call); it is then sent at once or,
    over the group's rate limit or on a Telegram failure, by the scheduler's retries.
    InvalidInput for an empty (or over 200 characters) event key or an empty text.
    """
    if not event_key or len(event_key) > MAX_EVENT_KEY:
        raise InvalidInput(
            f"An event key has 1 to {MAX_EVENT_KEY} characters.", code="invalid_event_key"
        )
    chat = store.get_binding(project_id)
    if chat is None:
        return False
    new = delivery.prepare_for_group(project_id, chat["chat_id"], message_text(text, link))
    if store.claim_event(project_id, event_key, new):
        delivery.send(dict(new.message))
    return True


def message_text(text: str, link: str | None) -> str:
    """The text, cut to fit Telegram's limit with the link (which is never cut) below it."""
    tail = f"\n{link}" if link else ""
    room = delivery.MAX_TEXT_LENGTH - len(tail)
    body = text.strip()
    if len(body) > room:
        body = body[: room - len(_ELLIPSIS)].rstrip() + _ELLIPSIS
    return body + tail


def session_link(session_id: str) -> str | None:
    """The console's link to a session, or None when the console's address is not set
    (TGDESK_CONSOLE_URL, else TGDESK_PUBLIC_URL)."""
    console = get_settings().console_url
    return f"{console}/#/sessions/{session_id}" if console else None
