"""The bot's own answers as a sandbox user sees them: the sandbox Telegram (infra/local/sandbox)
delivers its users' messages and presses to the real webhook handler on moto, the assign
function takes the table's stream, and every Bot API call tgdesk makes lands in the sandbox.
`/start` gets the welcome in the user's language; an FAQ phrase gets its answer with buttons
and the session still reaches an agent; "That solved it" closes it; the off-hours answer comes
once per off-hours period across a weekend (a controlled clock). No network, no AWS."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
from api_helpers import API_BASE, api_module, configure_admin, login
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import http_event
from realtime_support import StreamTap
from requests.adapters import BaseAdapter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from infra.local import cfn
from infra.local.sandbox.bot import SandboxBot
from infra.local.sandbox.delivery import WebhookDelivery
from infra.local.sandbox.routes import SandboxRoutes
from infra.local.sandbox.state import PRESET_USERS, SandboxStore
from tgdesk.accounts import agents
from tgdesk.autoreplies import off_hours
from tgdesk.autoreplies import settings as autoreply_settings
from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.storage import conversations
from tgdesk.telegram import client as telegram

ALICE = PRESET_USERS[0]["id"]
WEEKDAYS = {day: [["09:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).astimezone(UTC).timestamp() * 1000)


class ToSandbox(BaseAdapter):
    """tgdesk's Bot API calls, answered by the sandbox Telegram."""

    def __init__(self, sandbox: TestClient) -> None:
        super().__init__()
        self.sandbox = sandbox

    def send(self, request: requests.PreparedRequest, **_: Any) -> requests.Response:
        path = (request.url or "").removeprefix(API_BASE)
        body = request.body.encode() if isinstance(request.body, str) else request.body
        headers = {"content-type": request.headers.get("Content-Type", "application/json")}
        answer = self.sandbox.post(f"/sandbox{path}", content=body or b"", headers=headers)
        response = requests.Response()
        response.status_code = answer.status_code
        response.headers.update(answer.headers)
        response._content = answer.content
        response.url, response.request = request.url or "", request
        return response

    def close(self) -> None:
        pass


@pytest.fixture
def world(aws: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The sandbox, the webhook behind it, the console API, and a project connected to the
    sandbox bot with the admin online as its agent."""
    monkeypatch.setenv("TGDESK_PUBLIC_URL", "http://tgdesk.test")
    configure_admin(monkeypatch)
    agents.bootstrap_admin()
    clock.set_now_for_tests(ms("2026-12-02T10:00:00+01:00"))  # a Wednesday morning in Berlin
    autoreply_settings.forget()
    off_hours.forget()
    ingest.clear_project_cache()
    webhook = cfn.load_handler("WebhookFunction")
    tap = StreamTap(aws)

    async def telegram_webhook(request: Request) -> Response:
        event = http_event(
            (await request.body()).decode(),
            project_id=request.path_params["project_id"],
            secret=request.headers.get("x-telegram-bot-api-secret-token"),
        )
        answer = webhook(event, lambda_context())
        return Response(answer["body"], answer["statusCode"], media_type="application/json")

    bot = SandboxBot(SandboxStore(tmp_path / "sandbox"))
    app = Starlette()
    delivery = WebhookDelivery(
        bot,
        client=httpx.AsyncClient(transport=httpx.ASGITransport(app=app)),
        max_attempts=1,
        first_wait=0,
    )
    app.router.routes.extend(SandboxRoutes(bot, delivery).routes())
    app.router.routes.append(Route("/telegram/{project_id}", telegram_webhook, methods=["POST"]))
    with TestClient(app) as sandbox:
        session = telegram.http_session()
        session.mount(f"{API_BASE}/", ToSandbox(sandbox))
        try:
            with TestClient(api_module().app) as console:
                admin = login(console)
                made = console.post(
                    "/api/projects",
                    json={"name": "Sandbox", "bot_token": bot.store.data.token},
                    headers=admin,
                )
                assert made.status_code == 201, made.text
                project_id = made.json()["project_id"]
                me = console.get("/api/me", headers=admin).json()
                member = console.post(
                    f"/api/projects/{project_id}/members",
                    json={"agent_id": me["agent_id"]},
                    headers=admin,
                )
                assert member.status_code in (200, 201), (
                    member.text
                )  # the creator may be one already
                online = console.put("/api/me/presence", json={"state": "online"}, headers=admin)
                assert online.status_code == 200, online.text

                def stream() -> None:
                    for _ in range(4):
                        records = tap.records()
                        if not records:
                            return
                        cfn.load_handler("AssignFunction")({"Records": records}, lambda_context())

                yield {
                    "sandbox": sandbox,
                    "console": console,
                    "admin": admin,
                    "me": me,
                    "project_id": project_id,
                    "stream": stream,
                }
        finally:
            session.adapters.pop(f"{API_BASE}/", None)


def writes(world: dict[str, Any], text: str, language: str = "en") -> None:
    user = {**PRESET_USERS[0], "language_code": language}
    sent = world["sandbox"].post(
        f"/sandbox/users/{ALICE}/messages", json={"text": text, "user": user}
    )
    assert sent.status_code == 200 and sent.json()["webhook"]["status"] == 200, sent.text
    world["stream"]()


def bot_messages(world: dict[str, Any]) -> list[dict[str, Any]]:
    items = world["sandbox"].get(f"/sandbox/users/{ALICE}/messages").json()["items"]
    return [m for m in items if m.get("from", {}).get("is_bot")]


def save(world: dict[str, Any], **wanted: Any) -> None:
    path = f"/api/projects/{world['project_id']}/autoreply-settings"
    saved = world["console"].put(path, json=wanted, headers=world["admin"])
    assert saved.status_code == 200, saved.text


def session_of_alice(world: dict[str, Any]) -> dict[str, Any]:
    user = conversations.get_user(world["project_id"], ALICE, consistent=True) or {}
    sid = user.get("open_session_id") or user["last_session_id"]
    return world["console"].get(f"/api/sessions/{sid}", headers=world["admin"]).json()


def test_start_gets_the_welcome_in_the_users_language(world: dict[str, Any]) -> None:
    save(world, welcome={"enabled": True, "texts": {"en": "Welcome!", "zh": "欢迎！"}})
    writes(world, "/start", language="zh-hans")
    assert [m["text"] for m in bot_messages(world)] == ["欢迎！"]


def test_an_faq_phrase_is_answered_reaches_an_agent_and_solved_closes_it(
    world: dict[str, Any],
) -> None:
    faq = {"phrases": ["reset password"], "answer": "Use the link on the sign-in page."}
    save(world, faq=[faq])
    writes(world, "How do I reset password?")

    [answer] = bot_messages(world)
    assert answer["text"] == faq["answer"]
    buttons = answer["reply_markup"]["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["That solved it", "I still need help"]
    assert session_of_alice(world)["assignee_id"] == world["me"]["agent_id"]

    pressed = world["sandbox"].post(
        f"/sandbox/users/{ALICE}/presses",
        json={"message_id": answer["message_id"], "data": buttons[0]["callback_data"]},
    )
    assert pressed.status_code == 200, pressed.text
    assert pressed.json()["answer"]["text"] == "Glad we could help!"
    world["stream"]()
    closed = session_of_alice(world)
    assert closed["status"] == "closed"


def test_off_hours_are_answered_once_per_period_across_a_weekend(world: dict[str, Any]) -> None:
    sla = world["console"].put(
        f"/api/projects/{world['project_id']}/sla",
        json={"time_zone": "Europe/Berlin", "business_hours": WEEKDAYS},
        headers=world["admin"],
    )
    assert sla.status_code == 200, sla.text
    save(world, off_hours={"enabled": True, "texts": {"en": "We are back {back}."}})

    clock.set_now_for_tests(ms("2026-12-04T20:00:00+01:00"))  # Friday night
    writes(world, "hello?")
    clock.set_now_for_tests(ms("2026-12-06T10:00:00+01:00"))  # Sunday: the same period
    writes(world, "anyone?")
    assert [m["text"] for m in bot_messages(world)] == [
        "We are back Mon 2026-12-07 09:00 (Europe/Berlin)."
    ]
    clock.set_now_for_tests(ms("2026-12-07T19:00:00+01:00"))  # Monday night: a new period
    writes(world, "still there?")
    assert len(bot_messages(world)) == 2
    assert json.dumps(bot_messages(world)[-1]["text"]).count("Tue 2026-12-08 09:00") == 1
