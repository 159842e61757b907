"""Agents' replies through the API function (FastAPI behind Mangum), with Telegram stubbed
at the HTTP layer so the Bot API client runs unchanged."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import requests
from requests.adapters import BaseAdapter

from bench import inbound
from bench.harness import LambdaContext, http_event
from infra.local import cfn

BOT_TOKEN = "600000002:AAbenchBenchBenchBenchBenchBenchBe"  # fictional
AGENT_USERNAME = "bench-agent"
AGENT_PASSWORD = "bench-agent-password-not-secret"


class FakeBotApi(BaseAdapter):
    """Answers sendMessage as the Bot API does; records the methods called."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def send(self, request: requests.PreparedRequest, **_: Any) -> requests.Response:
        method = (request.path_url or "").rsplit("/", 1)[-1]
        self.calls.append(method)
        body = json.loads(request.body or b"{}") if request.body else {}
        result = {
            "message_id": 10_000 + len(self.calls),
            "from": {
                "id": 600000002,
                "is_bot": True,
                "first_name": "Bench",
                "username": "bench_help_bot",
            },
            "chat": {"id": body.get("chat_id"), "type": "private"},
            "date": inbound.FIRST_DATE + len(self.calls),
            "text": body.get("text", ""),
        }
        response = requests.Response()
        response.status_code = 200
        response.headers["content-type"] = "application/json"
        response._content = json.dumps({"ok": True, "result": result}).encode()
        response.url = request.url or ""
        response.request = request
        return response

    def close(self) -> None:
        pass


@contextmanager
def stub_telegram() -> Iterator[list[str]]:
    """Route the process's Bot API session to FakeBotApi; yields the methods called."""
    from tgdesk.core.settings import get_settings
    from tgdesk.telegram import client

    fake = FakeBotApi()
    session = client.http_session()
    prefix = get_settings().telegram_api_url + "/"
    saved = session.adapters.get(prefix)
    session.mount(prefix, fake)
    try:
        yield fake.calls
    finally:
        del session.adapters[prefix]
        if saved is not None:
            session.mount(prefix, saved)


@dataclass
class Console:
    """The console's side of the API: one logged-in agent."""

    handler: Any
    token: str

    def reply(self, session_id: str, text: str) -> dict[str, Any]:
        path = f"/api/sessions/{session_id}/messages"
        body = {"text": text, "client_message_id": uuid.uuid4().hex}
        answer = call_api(
            self.handler, "POST", path, body, headers={"authorization": f"Bearer {self.token}"}
        )
        if answer["delivery"]["state"] != "sent":
            raise RuntimeError(f"the reply was not sent: {answer['delivery']}")
        return answer


def console_holding(session_id: str) -> Console:
    """The API handler, with the bench project's bot connected and an agent of the project
    logged in, who holds `session_id` (routed to them as the assign function does)."""
    from tgdesk.accounts import agents
    from tgdesk.core import secrets
    from tgdesk.routing import service as routing_service
    from tgdesk.routing.policy import SessionToRoute
    from tgdesk.storage import projects

    secrets.put_project_secrets(
        inbound.PROJECT_ID, bot_token=BOT_TOKEN, webhook_secret=inbound.SECRET
    )
    agent = agents.create_agent(username=AGENT_USERNAME, password=AGENT_PASSWORD)
    projects.add_member(inbound.PROJECT_ID, agent["agent_id"])
    session = SessionToRoute(session_id=session_id, project_id=inbound.PROJECT_ID)
    routed = routing_service.route_session(session)
    if routed.agent_id != agent["agent_id"]:
        raise RuntimeError(f"the session was not routed to the bench agent: {routed}")
    handler = cfn.load_handler("ApiFunction")
    credentials = {"username": AGENT_USERNAME, "password": AGENT_PASSWORD}
    login = call_api(handler, "POST", "/api/auth/login", credentials)
    return Console(handler, login["token"])


def call_api(
    handler: Any,
    method: str,
    path: str,
    body: dict[str, Any],
    *,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    event = http_event(
        method,
        path,
        "ANY /api/{proxy+}",
        path_parameters={"proxy": path.removeprefix("/api/")},
        body=json.dumps(body),
        headers=headers,
    )
    response = handler(event, LambdaContext())
    if not 200 <= response["statusCode"] < 300:
        raise RuntimeError(f"{method} {path} answered {response['statusCode']}: {response['body']}")
    return json.loads(response["body"])


def open_session_id(project_id: str, tg_user_id: int) -> str:
    from tgdesk.storage import keys, table

    profile = table.get(*keys.telegram_user(project_id, tg_user_id))
    if not profile or "open_session_id" not in profile:
        raise RuntimeError("the webhook opened no session for the bench user")
    return profile["open_session_id"]
