"""The team's Telegram group: a project binds one group chat and tgdesk posts its events there.

- `codes`: one-time bind codes an admin asks for (short-lived, stored hashed)
- `binding`: which group a project is bound to; the console's view and unbind
- `group_updates`: the webhook's part: `/bind <code>` in a group, a group that became a
  supergroup, the bot removed from the group
- `posting`: `post(project_id, event_key, text, link=...)`, one message per event ever, through
  tgdesk.outbound.delivery, within Telegram's 20 messages a minute per group; `session_link`

`post` and `session_link` are re-exported here (callers write `tgdesk.teamchat.post(...)`),
loaded on first use: the webhook imports `group_updates` and need not load delivery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tgdesk.teamchat.posting import post, session_link

__all__ = ["post", "session_link"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from tgdesk.teamchat import posting

        return getattr(posting, name)
    raise AttributeError(name)
