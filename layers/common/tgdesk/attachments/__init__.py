"""Files, photos and voice notes an agent sends to a session's user.

- limits: what may be sent (Telegram's upload limits, the kinds a project allows, the
  `send_files` permission) and each file's kind from its type; the project's settings.
- uploads: the browser uploads straight to S3 through a short-lived presigned form made
  here (the API never holds a large body); the object's key is tgdesk's own.
- sending: a media reply (risk control on the caption and the file names, then stored and
  delivered by tgdesk.outbound.delivery, exactly once per `client_message_id`), and the Bot
  API call its delivery makes (sendPhoto... or sendMediaGroup), reusing Telegram's file_id.
"""
