"""A Telegram user's data on request (docs/privacy.md).

- `user_data`: export in pages, erasure
"""
