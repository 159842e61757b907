"""What tgdesk sends to Telegram.

- `delivery`: agents' replies, stored first, then sent with retries, never dropped silently
- `sender`: who replies to which session, read in two requests (token and session, then agent
  and membership)
"""
