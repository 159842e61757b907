"""The sandbox Telegram's groups, for the team chat: the bot added to a group, `/bind CODE`
written there, the webhook's answer (a Bot API call in its response) shown in the group, the
bot's own messages to the group, the bot removed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from infra.local.polling import TelegramPoller
from infra.local.sandbox.bot import SandboxBot
from infra.local.sandbox.delivery import WebhookDelivery
from infra.local.sandbox.groups import SANDBOX_GROUP
from infra.local.sandbox.routes import SandboxRoutes
from infra.local.sandbox.state import PRESET_USERS, SandboxStore

ALICE = PRESET_USERS[0]["id"]
GROUP = SANDBOX_GROUP["id"]


class Webhook:
    """Answers a group's `/bind` as tgdesk does: with a sendMessage in the response body."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []

    async def handle(self, request: Request) -> JSONResponse:
        update = await request.json()
        self.received.append(update)
        text = update.get("message", {}).get("text", "")
        if text.startswith("/bind"):
            chat_id = update["message"]["chat"]["id"]
            return JSONResponse({"method": "sendMessage", "chat_id": chat_id, "text": "Bound."})
        return JSONResponse({"ok": True})


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[tuple[TestClient, SandboxBot, Webhook]]:
    bot = SandboxBot(SandboxStore(tmp_path / "sandbox"))
    webhook = Webhook()
    app = Starlette()
    transport = httpx.ASGITransport(app=app)
    delivery = WebhookDelivery(
        bot, client=httpx.AsyncClient(transport=transport), max_attempts=2, first_wait=0
    )
    app.router.routes.extend(SandboxRoutes(bot, delivery).routes())
    app.router.routes.append(Route("/telegram/{project_id}", webhook.handle, methods=["POST"]))
    with TestClient(app) as client:
        token = bot.store.data.token
        set_hook = {"url": "http://testserver/telegram/p1", "secret_token": "s3cret"}
        assert client.post(f"/sandbox/bot{token}/setWebhook", json=set_hook).json()["ok"]
        yield client, bot, webhook


def group_messages(client: TestClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(f"/sandbox/groups/{GROUP}/messages").json()["items"]
    return items


def test_bind_in_a_sandbox_group_and_see_the_bots_answer_there(sandbox: Any) -> None:
    client, bot, webhook = sandbox

    added = client.post(f"/sandbox/groups/{GROUP}/bot", json={"user_id": ALICE})
    assert added.status_code == 200, added.text
    change = webhook.received[-1]["my_chat_member"]
    assert change["chat"] == SANDBOX_GROUP
    assert change["new_chat_member"]["status"] == "member"
    assert client.get("/sandbox/groups").json()["items"] == [SANDBOX_GROUP]

    written = client.post(
        f"/sandbox/groups/{GROUP}/messages", json={"user_id": ALICE, "text": "/bind ABCD2345"}
    )

    message = webhook.received[-1]["message"]
    assert written.json()["webhook"]["status"] == 200
    assert message["chat"] == SANDBOX_GROUP and message["from"]["id"] == ALICE
    assert message["entities"] == [{"offset": 0, "length": 5, "type": "bot_command"}]
    texts = [(m["from"]["id"], m["text"]) for m in group_messages(client)]
    assert texts == [(ALICE, "/bind ABCD2345"), (bot.store.bot_id, "Bound.")]


def test_the_bot_posts_to_its_group_until_removed(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    client.post(f"/sandbox/groups/{GROUP}/bot", json={"user_id": ALICE, "title": "Support"})
    send = f"/sandbox/bot{bot.store.data.token}/sendMessage"

    posted = client.post(send, json={"chat_id": GROUP, "text": "Ticket #12 breached"}).json()
    assert posted["ok"] and posted["result"]["chat"]["title"] == "Support"
    assert group_messages(client)[-1]["text"] == "Ticket #12 breached"

    removed = client.request("DELETE", f"/sandbox/groups/{GROUP}/bot", json={"user_id": ALICE})
    assert removed.status_code == 200
    assert webhook.received[-1]["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    refused = client.post(send, json={"chat_id": GROUP, "text": "Anyone?"})
    assert refused.json()["description"] == "Bad Request: chat not found"


def test_group_requests_name_a_group_the_bot_is_in(sandbox: Any) -> None:
    client, _, _ = sandbox
    write = {"user_id": ALICE, "text": "/bind X"}
    assert client.post(f"/sandbox/groups/{GROUP}/messages", json=write).status_code == 404
    assert client.post("/sandbox/groups/42/messages", json=write).status_code == 400
    gone = client.request("DELETE", f"/sandbox/groups/{GROUP}/bot", json={"user_id": ALICE})
    assert gone.status_code == 404


def test_a_real_bots_poller_makes_the_call_the_webhook_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    class Bot:
        def call(self, method: str, params: dict[str, Any]) -> Any:
            calls.append((method, params))

    class Answer:
        status_code = 200

        def __init__(self, body: dict[str, Any]) -> None:
            self.body = body

        def json(self) -> dict[str, Any]:
            return self.body

    poller = TelegramPoller(Bot(), "http://127.0.0.1:8000/telegram/p1", "s3cret")
    bound = {"method": "sendMessage", "chat_id": GROUP, "text": "Bound."}
    answers = iter([Answer({"ok": True}), Answer(bound)])
    monkeypatch.setattr(poller._session, "post", lambda *_, **__: next(answers))

    assert poller.forward({"update_id": 1}) and poller.forward({"update_id": 2})

    assert calls == [("sendMessage", {"chat_id": GROUP, "text": "Bound."})]
