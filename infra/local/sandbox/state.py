"""What the sandbox Telegram remembers, persisted in the data dir across restarts.

The bot token, the webhook registration, update and message counters (the webhook keys
updates on update_id, so they must never restart), the chats' messages, the files and
the latest button presses with the bot's answers.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from infra.local.persistence import write_json_atomic, write_text_atomic

SAVE_WITHIN_S = 0.5  # a change is on disk this long after it at most (the stack running)

PRESET_USERS: list[dict[str, Any]] = [
    {
        "id": 5000000001,
        "is_bot": False,
        "first_name": "Alice",
        "last_name": "Martin",
        "username": "alice_martin",
        "language_code": "en",
    },
    {"id": 5000000002, "is_bot": False, "first_name": "王芳", "language_code": "zh-hans"},
    {
        "id": 5000000003,
        "is_bot": False,
        "first_name": "Дмитрий",
        "last_name": "Орлов",
        "username": "dorlov",
        "language_code": "ru",
    },
]


def new_token() -> str:
    """A token shaped like BotFather's: `<bot id>:<35 url-safe characters>`."""
    bot_id = 7_000_000_000 + secrets.randbelow(999_999_999)
    return f"{bot_id}:{secrets.token_urlsafe(26)[:35]}"


@dataclass
class SandboxData:
    token: str
    webhook: dict[str, Any] | None = None
    last_update_id: int = 0
    message_ids: dict[str, int] = field(default_factory=dict)  # chat id -> last message_id
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)  # both directions, oldest first
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file_id -> File + extras
    pending_updates: list[dict[str, Any]] = field(default_factory=list)  # for getUpdates
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)  # chat id -> Chat, bot in it
    # query id -> chat_id, message_id and the bot's answer (None until answered)
    callback_queries: dict[str, dict[str, Any]] = field(default_factory=dict)


class SandboxStore:
    """The data plus one lock. `save()` (callers hold the lock) wakes the waiters at once and
    has the state written, atomically, within SAVE_WITHIN_S by a writer thread: writing the
    whole state on every change, under the lock, made each update cost more than the last
    while a burst filled the chats. `close()` writes what is left (the stack's shutdown)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files_dir = root / "files"
        self.path = root / "state.json"
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.data = self._load()
        self._unsaved = threading.Event()
        self._closed = threading.Event()
        self._writer = threading.Thread(target=self._write_changes, name="sandbox-state")
        self._writer.daemon = True
        self._writer.start()

    def _load(self) -> SandboxData:
        if self.path.is_file():
            return SandboxData(**json.loads(self.path.read_text(encoding="utf-8")))
        data = SandboxData(token=new_token())
        data.users = {str(u["id"]): dict(u) for u in PRESET_USERS}
        self.root.mkdir(parents=True, exist_ok=True)
        write_json_atomic(self.path, asdict(data))
        return data

    def save(self) -> None:
        self._unsaved.set()
        self.changed.notify_all()

    def close(self) -> None:
        """Stop the writer, then write any change it has not written yet."""
        self._closed.set()
        self._unsaved.set()
        self._writer.join(timeout=10)
        self._write_if_unsaved()

    def _write_changes(self) -> None:
        while not self._closed.is_set():
            self._unsaved.wait()
            if self._closed.wait(SAVE_WITHIN_S):  # later changes join this write
                return
            self._write_if_unsaved()

    def _write_if_unsaved(self) -> None:
        with self.lock:
            if not self._unsaved.is_set():
                return
            self._unsaved.clear()
            # Every field is plain JSON already: dumped as it is (asdict would deep-copy the
            # whole state first, which took most of a write once the chats filled up).
            text = json.dumps(vars(self.data), ensure_ascii=False, separators=(",", ":"))
        write_text_atomic(self.path, text)

    @property
    def bot_id(self) -> int:
        return int(self.data.token.split(":", 1)[0])

    def next_update_id(self) -> int:
        self.data.last_update_id += 1
        return self.data.last_update_id

    def next_message_id(self, chat_id: int) -> int:
        last = self.data.message_ids.get(str(chat_id), 0) + 1
        self.data.message_ids[str(chat_id)] = last
        return last

    def store_file(
        self, data: bytes, *, kind: str, extension: str, extra: dict[str, Any]
    ) -> dict[str, Any]:
        """Keep uploaded bytes and register a new file_id for them."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        unique = secrets.token_urlsafe(12)
        file_path = f"{kind}/file_{len(self.data.files)}{extension}"
        (self.files_dir / unique).write_bytes(data)
        return self.register_file(
            {"file_size": len(data), "file_path": file_path, "blob": unique, **extra}
        )

    def register_file(self, record: dict[str, Any]) -> dict[str, Any]:
        file_id = "BQACAgIAAxkBAAI" + secrets.token_urlsafe(48)
        record = {"file_id": file_id, "file_unique_id": "AgAD" + secrets.token_urlsafe(9), **record}
        self.data.files[file_id] = record
        return record

    def file_by_id(self, file_id: str) -> tuple[dict[str, Any], bytes] | None:
        """A file the bot sent or received, with its bytes (what the page shows the user)."""
        record = self.data.files.get(file_id)
        blob = self.files_dir / record["blob"] if record and record.get("blob") else None
        if record is None or blob is None or not blob.is_file():
            return None
        return record, blob.read_bytes()

    def file_bytes(self, file_path: str) -> bytes | None:
        for record in self.data.files.values():
            if record.get("file_path") == file_path and record.get("blob"):
                blob = self.files_dir / record["blob"]
                return blob.read_bytes() if blob.is_file() else None
        return None


def now_s() -> int:
    return int(time.time())
