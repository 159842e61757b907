"""Configuration from environment variables, read once and typed.

A plain frozen dataclass rather than pydantic-settings: the webhook imports this on its
cold start, and nothing here needs validation beyond a type cast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    table_name: str
    secrets_prefix: str
    telegram_api_url: str
    public_url: str
    admin_username: str
    admin_password: str
    telegram_timeout_seconds: float
    token_ttl_seconds: int
    time_zone: str  # a project's time zone until its SLA settings name one (IANA)
    websocket_url: str  # where browsers open the console's WebSocket
    websocket_callback_url: str  # the @connections endpoint that pushes to it
    # What CloudFront adds to every request it forwards to the API (tgdesk.accounts.client_address);
    # empty where there is no distribution (the local stack). Never printed.
    origin_secret: str = field(repr=False)
    # A login not used for this long ends (`session_expired`), before its token_ttl.
    session_idle_minutes: int = 12 * 60
    # Where agents open the console, for links in messages to a team's group ("" unknown).
    console_url: str = ""
    # The private bucket agents' files are uploaded to before they are sent (tgdesk.attachments).
    uploads_bucket: str = "tgdesk-uploads"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    env = os.environ
    return Settings(
        table_name=env.get("TGDESK_TABLE", "tgdesk"),
        secrets_prefix=env.get("TGDESK_SECRETS_PREFIX", "/tgdesk/local").rstrip("/"),
        telegram_api_url=env.get("TGDESK_TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/"),
        public_url=env.get("TGDESK_PUBLIC_URL", "").rstrip("/"),
        admin_username=env.get("TGDESK_ADMIN_USERNAME", ""),
        admin_password=env.get("TGDESK_ADMIN_PASSWORD", ""),
        telegram_timeout_seconds=float(env.get("TGDESK_TELEGRAM_TIMEOUT", "10")),
        token_ttl_seconds=int(env.get("TGDESK_TOKEN_TTL", str(12 * 3600))),
        time_zone=env.get("TGDESK_TIME_ZONE") or "UTC",
        websocket_url=env.get("TGDESK_WEBSOCKET_URL", "").rstrip("/"),
        websocket_callback_url=env.get("TGDESK_WEBSOCKET_CALLBACK_URL", "").rstrip("/"),
        origin_secret=env.get("TGDESK_ORIGIN_SECRET", ""),
        session_idle_minutes=int(env.get("TGDESK_SESSION_IDLE_MINUTES", str(12 * 60))),
        # set but empty (the template's default) falls back like unset
        console_url=(env.get("TGDESK_CONSOLE_URL") or env.get("TGDESK_PUBLIC_URL", "")).rstrip("/"),
        uploads_bucket=env.get("TGDESK_UPLOADS_BUCKET", "tgdesk-uploads"),
    )
