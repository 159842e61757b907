"""The team's Telegram group: a project binds one group chat and tgdesk posts its events there.

- `codes`: one-time bind codes an admin asks for (short-lived, stored hashed)
- `binding`: which chat a project is bound to; `/bind <code>` in a group, migration to a
  supergroup, the bot removed from the group, unbinding from the console
- `posting`: `post(project_id, event_key, text, link=...)`, one message per event ever, through
  tgdesk.outbound.delivery, within Telegram's 20 messages a minute per group

`post` is re-exported here: callers write `tgdesk.teamchat.post(...)`.
"""

from tgdesk.teamchat.posting import post

__all__ = ["post"]
