"""A session's life and what agents put on it.

- `opening`: where a user's new message goes (a new session, the last one reopened, or the
  open one), and which timers it moves; pure
- `lifecycle`: status, priority, closing, reopening, auto-close
- `inbox`: the session list a caller sees
- `notes`, `tags`: internal notes; the tag catalog and tags on sessions and users
"""
