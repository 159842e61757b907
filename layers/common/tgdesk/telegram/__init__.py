"""Telegram's side of the wire; imports only `tgdesk.core`.

- `updates`: tolerant parsing of the Update objects Telegram POSTs to the webhook
- `json_body`, `shapes`: reading a body as JSON safely; what of each object is stored
- `client`: a thin, typed client for the Bot API methods tgdesk calls
"""
