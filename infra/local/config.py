"""Settings of the local stack, read once from the environment."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from infra.local.cfn import ROOT

DEFAULT_PORT = 8000
DEFAULT_ADMIN_USERNAME = "admin"
# Loopback only: a fixed, printed default keeps first runs friction-free.
DEFAULT_ADMIN_PASSWORD = "tgdesk-local-admin"
REGION = "us-east-1"
ACCOUNT_ID = "123456789012"
STACK_NAME = "local"
TABLE_NAME = "tgdesk"
UPLOADS_BUCKET = "tgdesk-uploads"  # agents' files (tgdesk.attachments), in the local moto
HOST = "127.0.0.1"
REAL_TELEGRAM_API = "https://api.telegram.org"


@dataclass(frozen=True)
class LocalConfig:
    port: int
    data_dir: Path
    admin_username: str
    admin_password: str
    schedule_every: float | None  # overrides every schedule's rate (seconds)
    telegram_token: str | None  # a real bot; None runs the sandbox Telegram

    @property
    def public_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def websocket_url(self) -> str:
        """The WebSocket API's stand-in, on the same port (infra/local/websocket.py)."""
        return f"ws://{HOST}:{self.port}/ws"

    @property
    def websocket_callback_url(self) -> str:
        """The @connections endpoint's stand-in: boto3 appends /@connections/{id}."""
        return self.public_url

    @property
    def secrets_prefix(self) -> str:
        return f"/tgdesk/{STACK_NAME}"

    @property
    def telegram_api_url(self) -> str:
        return REAL_TELEGRAM_API if self.telegram_token else f"{self.public_url}/sandbox"

    @classmethod
    def from_env(cls) -> LocalConfig:
        env = os.environ
        every = env.get("TGDESK_SCHEDULE_EVERY")
        return cls(
            port=int(env.get("TGDESK_PORT", DEFAULT_PORT)),
            data_dir=Path(env.get("TGDESK_DATA_DIR") or ROOT / ".tgdesk").resolve(),
            admin_username=env.get("TGDESK_ADMIN_USERNAME") or DEFAULT_ADMIN_USERNAME,
            admin_password=env.get("TGDESK_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD,
            schedule_every=float(every) if every else None,
            telegram_token=env.get("TGDESK_TELEGRAM_TOKEN") or None,
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])
