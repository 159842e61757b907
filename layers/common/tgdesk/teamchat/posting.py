"""Posting a project's events (escalations, SLA warnings and breaches) to its team group."""

from __future__ import annotations


def post(project_id: str, event_key: str, text: str, *, link: str | None = None) -> bool:
    """Post `text` (and `link`, a console URL, on its own line) to the project's bound group.

    At most one message per (`project_id`, `event_key`), ever: a second call with the same key
    posts nothing. Returns False when the project has no bound group (nothing is stored), True
    when the event's message is stored (now or by an earlier call); it is then sent at once or,
    over the group's rate limit or on a Telegram failure, by the scheduler's retries.
    """
    raise NotImplementedError
