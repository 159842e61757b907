"""Helpers for the API, delivery and scheduler tests: a fake Bot API mounted on the
client's requests session, seeded sessions and messages, and API Gateway v2 events."""

from __future__ import annotations

import base64
import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from requests.adapters import BaseAdapter

from infra.local import cfn
from tgdesk.core import ids, secrets
from tgdesk.core.clock import now_ms
from tgdesk.storage import keys, table
from tgdesk.telegram import client as telegram

API_BASE = "https://telegram.invalid"
BOT_TOKEN = "7000001:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"
SECOND_BOT_TOKEN = "7000002:AAGq3sWcWw1dX0Bq2yN1oQe4yU5HkJ0pL8c"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "correct horse battery staple"
FIXTURES = Path(__file__).parent / "fixtures"

BOT_USER = {
    "id": 7000001,
    "is_bot": True,
    "first_name": "Support Desk",
    "username": "tgdesk_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
BOTS = {
    BOT_TOKEN: BOT_USER,
    SECOND_BOT_TOKEN: {**BOT_USER, "id": 7000002, "username": "tgdesk_second_bot"},
}


@dataclass
class Call:
    method: str
    url: str
    params: dict[str, Any]


@dataclass
class FakeBotApi(BaseAdapter):
    """Answers Bot API calls like Telegram: `{"ok": true, "result": ...}` by default, or
    the error bodies queued with fail(). Every call is recorded."""

    calls: list[Call] = field(default_factory=list)
    failures: dict[str, deque[tuple[int, dict[str, Any] | None, dict[str, str]]]] = field(
        default_factory=dict
    )
    broken: dict[str, int] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    next_message_id: int = 100

    def __post_init__(self) -> None:
        super().__init__()

    def fail(
        self,
        method: str,
        status: int,
        body: dict[str, Any] | None,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
    ) -> None:
        queue = self.failures.setdefault(method, deque())
        queue.extend([(status, body, headers or {})] * times)

    def break_connection(self, method: str, times: int = 1) -> None:
        self.broken[method] = self.broken.get(method, 0) + times

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    # requests' adapter interface
    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        path = request.url.removeprefix(API_BASE) if request.url else ""
        if path.startswith("/file/"):
            file_path = path.split("/", 3)[3]
            self.calls.append(Call("download", request.url or "", {"file_path": file_path}))
            if file_path in self.files:
                return self._response(request, 200, raw=self.files[file_path])
            return self._response(
                request, 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            )
        token, method = path.removeprefix("/bot").split("/", 1)
        params = json.loads(request.body or b"{}")
        self.calls.append(Call(method, request.url or "", params))
        if self.broken.get(method):
            self.broken[method] -= 1
            raise requests.ConnectionError(f"Max retries exceeded with url: {request.url}")
        if token not in BOTS:
            return self._response(
                request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        if self.failures.get(method):
            status, body, headers = self.failures[method].popleft()
            return self._response(request, status, body, headers)
        result = self._result(BOTS[token], method, params)
        return self._response(request, 200, {"ok": True, "result": result})

    def close(self) -> None:
        return None

    def _result(self, bot: dict[str, Any], method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return bot
        if method in ("setWebhook", "deleteWebhook"):
            return True
        if method == "sendMessage":
            self.next_message_id += 1
            return {
                "message_id": self.next_message_id,
                "from": bot,
                "chat": {"id": params["chat_id"], "first_name": "Alice", "type": "private"},
                "date": int(time.time()),
                "text": params["text"],
            }
        if method == "getFile":
            return {
                "file_id": params["file_id"],
                "file_unique_id": "AgADxQADr6E",
                "file_size": 4,
                "file_path": "photos/file_0.jpg",
            }
        if method == "getUpdates":
            return []
        raise AssertionError(f"unexpected Bot API method {method}")

    @staticmethod
    def _response(
        request: requests.PreparedRequest,
        status: int,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        *,
        raw: bytes | None = None,
    ) -> requests.Response:
        response = requests.Response()
        response.status_code = status
        response.request = request
        response.url = request.url or ""
        response._content = raw if raw is not None else json.dumps(body).encode()
        response.headers.update(headers or {})
        response.headers.setdefault("Content-Type", "application/json")
        return response


@contextmanager
def fake_bot_api() -> Iterator[FakeBotApi]:
    fake = FakeBotApi()
    session = telegram.http_session()
    session.mount(f"{API_BASE}/", fake)
    try:
        yield fake
    finally:
        session.adapters.pop(f"{API_BASE}/", None)


def bot_api_error(kind: str) -> tuple[int, dict[str, Any]]:
    """One of the project's own Bot API error bodies (tests/fixtures/bot_api_errors.json)."""
    entry = json.loads((FIXTURES / "bot_api_errors.json").read_text())[kind]
    return entry["body"]["error_code"], entry["body"]


# -- the API function ---------------------------------------------------------------------
def api_module() -> Any:
    """functions/api/app.py, loaded the way the local stack loads it."""
    cfn.load_handler("ApiFunction")
    return sys.modules["tgdesk_fn_api_app"]


def scheduler_handler() -> Any:
    return cfn.load_handler("SchedulerFunction")


def http_event(
    method: str,
    path: str,
    *,
    body: Any = None,
    token: str | None = None,
    query: str = "",
    base64_body: bool = False,
) -> dict[str, Any]:
    """An API Gateway HTTP API payload v2.0 event, as the `ANY /api/{proxy+}` route gets it."""
    headers = {
        "accept": "application/json",
        "content-type": "application/json",
        "host": "abc123.execute-api.us-east-1.amazonaws.com",
        "user-agent": "Mozilla/5.0",
        "x-forwarded-for": "198.51.100.7",
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
    }
    if token:
        headers["authorization"] = f"Bearer {token}"
    text = json.dumps(body) if body is not None else None
    now = now_ms()
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "ANY /api/{proxy+}",
        "rawPath": path,
        "rawQueryString": query,
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "abc123",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "198.51.100.7",
                "userAgent": "Mozilla/5.0",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "ANY /api/{proxy+}",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now / 1000)),
            "timeEpoch": now,
        },
        "pathParameters": {"proxy": path.removeprefix("/api/")},
        "isBase64Encoded": base64_body,
    }
    if query:
        event["queryStringParameters"] = dict(p.split("=", 1) for p in query.split("&"))
    if text is not None:
        event["body"] = base64.b64encode(text.encode()).decode() if base64_body else text
    return event


# -- data written the way the webhook writes it (docs/data-model.md) ------------------------
def put_session(
    project_id: str,
    tg_user_id: int,
    *,
    assignee_id: str | None = None,
    opened_at: int | None = None,
    status: str = "unread",
) -> dict[str, Any]:
    session_id = ids.sortable_id()
    opened = opened_at if opened_at is not None else now_ms()
    activity = keys.activity_sort_key(opened, session_id)
    pk, sk = keys.session(session_id)
    item: dict[str, Any] = {
        "PK": pk,
        "SK": sk,
        "kind": "session",
        "GSI1PK": (
            keys.assignee_sessions_index(assignee_id)
            if assignee_id
            else keys.project_queue_index(project_id)
        ),
        "GSI1SK": activity,
        "GSI2PK": keys.project_sessions_index(project_id, session_id),
        "GSI2SK": activity,
        "session_id": session_id,
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "chat_id": tg_user_id,
        "status": status,
        "priority": "medium",
        "user": {"first_name": "Alice", "username": "alice", "language_code": "en"},
        "opened_at": opened,
        "first_inbound_at": opened,
        "last_user_msg_at": opened,
        "last_activity_at": opened,
    }
    if assignee_id:
        item["assignee_id"] = assignee_id
        item["assigned_at"] = opened
    table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))
    return {k: v for k, v in item.items() if not k.startswith(("PK", "SK", "GSI"))}


def put_inbound_message(
    session: dict[str, Any],
    text: str | None = None,
    *,
    at: int,
    photo: dict[str, Any] | None = None,
    caption: str | None = None,
) -> dict[str, Any]:
    """A user's message (text, or a photo with an optional caption), stored the way the
    webhook stores it (one put)."""
    message_id = ids.sortable_id()
    pk, sk = keys.message(session["project_id"], session["tg_user_id"], at, message_id)
    content: dict[str, Any] = {"text": text} if photo is None else {"photo": [photo]}
    if caption is not None:
        content["caption"] = caption
    raw = {
        "message_id": at // 1000 % 100000,
        "from": {"id": session["tg_user_id"], "is_bot": False, "first_name": "Alice"},
        "chat": {"id": session["tg_user_id"], "first_name": "Alice", "type": "private"},
        "date": at // 1000,
        **content,
    }
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "message",
        "message_id": message_id,
        "project_id": session["project_id"],
        "tg_user_id": session["tg_user_id"],
        "session_id": session["session_id"],
        "direction": "in",
        "created_at": at,
        "type": "text" if photo is None else "photo",
        "text": text,
        "caption": caption,
        "media": None if photo is None else {**photo, "sizes": [photo]},
        "telegram_message_id": raw["message_id"],
        "telegram_date": raw["date"] * 1000,
        "raw": table.dumps(raw),
    }
    item = {k: v for k, v in item.items() if v is not None}
    table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))
    return item


def scan_items() -> list[dict[str, Any]]:
    resp = table.client().scan(TableName=table.table_name())
    return [table.from_item(i) or {} for i in resp["Items"]]


# -- environment ----------------------------------------------------------------------------
def configure_admin(monkeypatch: Any) -> None:
    """The administrator the API bootstraps, as the template passes it in."""
    monkeypatch.setenv("TGDESK_ADMIN_USERNAME", ADMIN_USERNAME)
    monkeypatch.setenv("TGDESK_ADMIN_PASSWORD", ADMIN_PASSWORD)
    table.reset()
    secrets.reset()


def login(
    client: Any, username: str = ADMIN_USERNAME, password: str = ADMIN_PASSWORD
) -> dict[str, str]:
    """Log in through the API; returns the Authorization header to send."""
    response = client.post("/api/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def create_agent(
    client: Any, admin: dict[str, str], username: str, role: str = "agent"
) -> dict[str, Any]:
    response = client.post(
        "/api/agents",
        json={"username": username, "password": f"{username}-password-1", "role": role},
        headers=admin,
    )
    assert response.status_code == 201, response.text
    return response.json()


def agent_login(client: Any, username: str) -> dict[str, str]:
    return login(client, username, f"{username}-password-1")


def create_project(
    client: Any, admin: dict[str, str], name: str = "Support", token: str = BOT_TOKEN
) -> dict[str, Any]:
    response = client.post("/api/projects", json={"name": name, "bot_token": token}, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()


@contextmanager
def all_logs(caplog: Any) -> Iterator[None]:
    """Capture our loggers at DEBUG and everything else at INFO (botocore's DEBUG lines dump
    request bodies by design; production never runs botocore at DEBUG). Powertools stops
    propagation of the loggers it configures, so the capture handler goes on them too."""
    names = ("tgdesk", "console_api", os.environ.get("POWERTOOLS_SERVICE_NAME", ""))
    loggers = [logging.getLogger(name) for name in names if name]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(caplog.handler)
        lg.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.INFO):
            yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(caplog.handler)
            lg.setLevel(level)
