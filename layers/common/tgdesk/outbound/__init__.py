"""What tgdesk sends to Telegram.

- `delivery`: agents' replies, stored first, then sent with retries, never dropped silently
"""
