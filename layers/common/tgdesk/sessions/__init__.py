"""A session's life and what agents put on it.

- `lifecycle`: status, priority, closing, reopening, auto-close
- `inbox`: the session list a caller sees
- `notes`, `tags`: internal notes; the tag catalog and tags on sessions and users
"""
