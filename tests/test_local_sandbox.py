"""The sandbox Telegram: Bot API answers and errors, faults, files, webhook delivery."""

from __future__ import annotations

import json
import struct
import zlib
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

from infra.local.sandbox import state
from infra.local.sandbox.bot import SandboxBot
from infra.local.sandbox.delivery import WebhookDelivery
from infra.local.sandbox.routes import SandboxRoutes
from infra.local.sandbox.state import PRESET_USERS, SandboxStore
from tests.conftest import telegram_samples

ALICE = PRESET_USERS[0]["id"]
SECRET = "s3cret_token-1"


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class Webhook:
    """The receiving end: records what arrives, answers with the scripted status."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, Any], str | None]] = []
        self.status = 200

    async def handle(self, request: Request) -> JSONResponse:
        self.received.append(
            (await request.json(), request.headers.get("x-telegram-bot-api-secret-token"))
        )
        return JSONResponse({"seen": len(self.received)}, status_code=self.status)


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
        yield client, bot, webhook


def api(client: TestClient, bot: SandboxBot, method: str, **kwargs: Any) -> httpx.Response:
    return client.post(f"/sandbox/bot{bot.store.data.token}/{method}", **kwargs)


def connect(client: TestClient, bot: SandboxBot) -> None:
    resp = api(
        client,
        bot,
        "setWebhook",
        json={
            "url": "http://testserver/telegram/p1",
            "secret_token": SECRET,
            "allowed_updates": ["message"],
        },
    )
    assert resp.json() == {"ok": True, "result": True, "description": "Webhook was set"}


def test_get_me_is_the_bot(sandbox: Any) -> None:
    client, bot, _ = sandbox
    body = client.get(f"/sandbox/bot{bot.store.data.token}/getMe").json()
    assert body["ok"] is True
    me = body["result"]
    assert me["id"] == int(bot.store.data.token.split(":")[0])
    assert me["is_bot"] is True and me["username"].endswith("bot")


def test_unknown_token_and_unknown_method(sandbox: Any) -> None:
    client, bot, _ = sandbox
    resp = client.post("/sandbox/bot123:wrong/getMe")
    assert resp.status_code == 401
    assert resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    resp = api(client, bot, "sendTelepathy")
    assert resp.status_code == 404
    assert resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


def test_send_message_as_json_form_and_query(sandbox: Any) -> None:
    client, bot, _ = sandbox
    first = api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "Hello"}).json()
    second = api(client, bot, "sendMessage", data={"chat_id": str(ALICE), "text": "Again"}).json()
    third = client.get(
        f"/sandbox/bot{bot.store.data.token}/sendMessage", params={"chat_id": ALICE, "text": "3"}
    ).json()
    message = first["result"]
    assert first["ok"] is True
    assert message["from"]["id"] == bot.store.bot_id and message["from"]["is_bot"] is True
    assert message["chat"] == {
        "id": ALICE,
        "first_name": "Alice",
        "last_name": "Martin",
        "username": "alice_martin",
        "type": "private",
    }
    assert message["text"] == "Hello" and isinstance(message["date"], int)
    ids = [m["result"]["message_id"] for m in (first, second, third)]
    assert ids == sorted(ids) and len(set(ids)) == 3
    sent = client.get("/sandbox/sent", params={"chat_id": ALICE}).json()["items"]
    assert [m["text"] for m in sent] == ["Hello", "Again", "3"]


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"chat_id": 42, "text": "x"}, "Bad Request: chat not found"),
        ({"chat_id": ALICE, "text": " "}, "Bad Request: message text is empty"),
        ({"chat_id": ALICE, "text": "x" * 4097}, "Bad Request: message is too long"),
    ],
)
def test_send_message_errors(sandbox: Any, params: dict[str, Any], description: str) -> None:
    client, bot, _ = sandbox
    resp = api(client, bot, "sendMessage", json=params)
    assert resp.status_code == 400
    assert resp.json() == {"ok": False, "error_code": 400, "description": description}


def test_faults_answer_like_telegram_then_wear_off(sandbox: Any) -> None:
    client, bot, _ = sandbox
    resp = client.post(
        "/sandbox/faults",
        json={"method": "sendMessage", "error_code": 429, "retry_after": 2, "times": 2},
    )
    assert resp.status_code == 201
    for _ in range(2):
        resp = api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "hi"})
        assert resp.status_code == 429
        assert resp.headers["retry-after"] == "2"
        assert resp.json() == {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 2",
            "parameters": {"retry_after": 2},
        }
    assert api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "hi"}).json()["ok"]

    client.post("/sandbox/faults", json={"method": "sendMessage", "error_code": 403, "times": 5})
    blocked = api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "hi"})
    assert (blocked.status_code, blocked.json()["description"]) == (
        403,
        "Forbidden: bot was blocked by the user",
    )
    assert client.delete("/sandbox/faults").status_code == 204
    assert api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "hi"}).json()["ok"]


def test_fault_requests_are_validated(sandbox: Any) -> None:
    client, _, _ = sandbox
    assert client.post("/sandbox/faults", json={"error_code": 429}).status_code == 400
    assert (
        client.post("/sandbox/faults", json={"method": "x", "error_code": 418}).status_code == 400
    )


def test_send_photo_upload_get_file_and_download(sandbox: Any) -> None:
    client, bot, _ = sandbox
    image = png(40, 20)
    resp = api(
        client,
        bot,
        "sendPhoto",
        data={"chat_id": str(ALICE), "caption": "a chart"},
        files={"photo": ("chart.png", image, "image/png")},
    )
    message = resp.json()["result"]
    assert message["caption"] == "a chart"
    (size,) = message["photo"]
    assert (size["width"], size["height"], size["file_size"]) == (40, 20, len(image))

    again = api(client, bot, "sendPhoto", json={"chat_id": ALICE, "photo": size["file_id"]})
    assert again.json()["result"]["photo"][0]["file_id"] == size["file_id"]

    file = api(client, bot, "getFile", json={"file_id": size["file_id"]}).json()["result"]
    assert file["file_id"] == size["file_id"] and file["file_size"] == len(image)
    download = client.get(f"/sandbox/file/bot{bot.store.data.token}/{file['file_path']}")
    assert download.content == image
    assert client.get(f"/sandbox/file/bot1:x/{file['file_path']}").status_code == 401

    missing = api(client, bot, "sendDocument", json={"chat_id": ALICE})
    assert missing.json()["description"] == "Bad Request: there is no document in the request"


def test_edit_message_text(sandbox: Any) -> None:
    client, bot, _ = sandbox
    sent = api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "v1"}).json()["result"]
    edit = {"chat_id": ALICE, "message_id": sent["message_id"], "text": "v2"}
    edited = api(client, bot, "editMessageText", json=edit).json()["result"]
    assert edited["text"] == "v2" and "edit_date" in edited
    same = api(client, bot, "editMessageText", json=edit).json()
    assert same["description"].startswith("Bad Request: message is not modified")
    gone = api(client, bot, "editMessageText", json={**edit, "message_id": 999}).json()
    assert gone["description"] == "Bad Request: message to edit not found"


def test_user_message_reaches_the_webhook_with_the_secret(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    resp = client.post(f"/sandbox/users/{ALICE}/messages", json={"text": "/start promo"})
    body = resp.json()
    assert body["webhook"] == {"status": 200, "body": '{"seen":1}'}
    update, secret = webhook.received[0]
    assert secret == SECRET
    assert update == body["update"]
    message = update["message"]
    assert message["from"]["id"] == ALICE and message["chat"]["type"] == "private"
    assert message["entities"] == [{"offset": 0, "length": 6, "type": "bot_command"}]

    client.post(f"/sandbox/users/{ALICE}/messages", json={"text": "second"})
    ids = [u["update_id"] for u, _ in webhook.received]
    assert ids == sorted(ids) and len(set(ids)) == 2


def test_new_user_and_photo_update(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    unknown = client.post("/sandbox/users/77/messages", json={"text": "hi"})
    assert unknown.status_code == 400
    created = client.post(
        "/sandbox/users/77/messages",
        json={"text": "hi", "user": {"first_name": "Zoë", "language_code": "fr"}},
    )
    assert created.json()["update"]["message"]["from"]["first_name"] == "Zoë"

    resp = client.post(
        f"/sandbox/users/{ALICE}/photos",
        files={"photo": ("cat.png", png(1000, 500), "image/png")},
        data={"caption": "my cat"},
    )
    message = resp.json()["update"]["message"]
    sizes = [(p["width"], p["height"]) for p in message["photo"]]
    assert sizes == [(90, 45), (320, 160), (800, 400), (1000, 500)]
    assert message["caption"] == "my cat"
    file = api(client, bot, "getFile", json={"file_id": message["photo"][0]["file_id"]}).json()
    assert file["ok"] is True


def test_a_new_users_first_message_can_be_a_photo(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    photo = {"photo": ("cat.png", png(400, 300), "image/png")}
    unknown = client.post("/sandbox/users/78/photos", files=photo)
    assert unknown.status_code == 400
    created = client.post(
        "/sandbox/users/78/photos",
        files=photo,
        data={"caption": "hello", "user": '{"first_name": "王", "last_name": "小明"}'},
    )
    assert created.status_code == 200
    message = created.json()["update"]["message"]
    assert message["from"]["first_name"] == "王" and message["caption"] == "hello"
    assert [u for u, _ in webhook.received][-1]["message"]["photo"]
    refused = client.post("/sandbox/users/78/photos", files=photo, data={"user": "[1]"})
    assert refused.status_code == 400


def test_raw_update_is_delivered_synchronously_with_the_webhook_answer(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    webhook.status = 500
    resp = client.post("/sandbox/updates", json={"update_id": 10, "message": {"chat": {"id": 1}}})
    assert resp.status_code == 500
    assert len(webhook.received) == 1  # one attempt, no retry
    info = api(client, bot, "getWebhookInfo").json()["result"]
    assert info["url"] == "http://testserver/telegram/p1"
    assert info["last_error_message"] == "Wrong response from the webhook: 500"
    assert client.post("/sandbox/updates", content=b"[]").status_code == 400


def test_get_updates_without_a_webhook(sandbox: Any) -> None:
    client, bot, _ = sandbox
    connect(client, bot)
    conflict = api(client, bot, "getUpdates", json={})
    assert conflict.status_code == 409
    api(client, bot, "deleteWebhook")
    client.post(f"/sandbox/users/{ALICE}/messages", json={"text": "one"})
    client.post(f"/sandbox/users/{ALICE}/messages", json={"text": "two"})
    updates = api(client, bot, "getUpdates", json={"timeout": 0}).json()["result"]
    assert [u["message"]["text"] for u in updates] == ["one", "two"]
    rest = api(client, bot, "getUpdates", json={"offset": updates[0]["update_id"] + 1}).json()
    assert [u["message"]["text"] for u in rest["result"]] == ["two"]


def test_state_survives_a_restart(tmp_path: Path) -> None:
    store = SandboxStore(tmp_path)
    token = store.data.token
    with store.lock:
        store.next_update_id()
        store.save()
    store.close()  # the stack's shutdown
    again = SandboxStore(tmp_path)
    assert again.data.token == token
    assert again.next_update_id() == 2


def test_changes_are_written_together_and_the_last_on_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of changes is one write of the whole state, not one per change."""
    monkeypatch.setattr(state, "SAVE_WITHIN_S", 60.0)  # the writer waits past the test
    written: list[str] = []
    write = state.write_text_atomic
    monkeypatch.setattr(state, "write_text_atomic", lambda p, t: (written.append(t), write(p, t)))
    store = SandboxStore(tmp_path)
    for _ in range(50):
        with store.lock:
            store.next_update_id()
            store.save()
    store.close()
    assert len(written) == 1
    assert SandboxStore(tmp_path).data.last_update_id == 50


@pytest.mark.parametrize("sample", telegram_samples(), ids=lambda p: p.name)
def test_real_updates_replay_through_the_sandbox(sandbox: Any, sample: Path) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    update = json.loads(sample.read_text())
    resp = client.post("/sandbox/updates", json=update)
    assert resp.status_code == 200
    assert webhook.received[-1] == (update, SECRET)


def private_update(update_id: int, user_id: Any, *, chat_id: Any = None) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Nour", "username": "nour_k"}
    chat = {"id": user_id if chat_id is None else chat_id, "first_name": "Nour", "type": "private"}
    return {
        "update_id": update_id,
        "message": {"message_id": 57, "from": user, "chat": chat, "date": 1, "text": "hi"},
    }


@pytest.mark.parametrize(
    ("update", "field"),
    [
        (private_update(1, 42, chat_id="abc"), "message.chat.id"),
        (private_update(1, "42"), "message.from.id"),
        (private_update(1, [42], chat_id=42), "message.from.id"),
        (private_update(1, True, chat_id=42), "message.from.id"),
        (private_update(1, 42, chat_id=10**40), "message.chat.id"),
        ({"update_id": 1, "message": {"chat": "private"}}, "message.chat"),
        (
            {"update_id": 1, "callback_query": {"id": "q", "from": {"first_name": "N"}}},
            "callback_query.from.id",
        ),
        ({"update_id": "1"}, "update_id"),
    ],
)
def test_raw_updates_with_ids_telegram_never_sends_are_refused_naming_the_field(
    sandbox: Any, update: dict[str, Any], field: str
) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    resp = client.post("/sandbox/updates", json=update)
    assert resp.status_code == 422
    assert resp.json()["error"].startswith(field + " ")
    assert webhook.received == []


@pytest.mark.parametrize(
    "body",
    [b'{"update_id": NaN}', b'{"update_id": 1, "x": Infinity}', b"[" * 100_000],
    ids=["nan", "infinity", "deep"],
)
def test_raw_updates_that_are_not_json_are_refused(sandbox: Any, body: bytes) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    resp = client.post("/sandbox/updates", content=body)
    assert resp.status_code == 400
    assert webhook.received == []


def test_a_user_who_wrote_through_a_raw_update_can_be_answered(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    assert client.post("/sandbox/updates", json=private_update(5, 424242)).status_code == 200
    assert len(webhook.received) == 1

    resp = api(client, bot, "sendMessage", json={"chat_id": 424242, "text": "Hello Nour"})
    assert resp.status_code == 200, resp.text
    message = resp.json()["result"]
    assert message["chat"] == {
        "id": 424242,
        "first_name": "Nour",
        "username": "nour_k",
        "type": "private",
    }
    assert message["message_id"] == 58  # after the user's 57: one sequence per chat
    users = client.get("/sandbox/users").json()["items"]
    assert any(u["id"] == 424242 and u["first_name"] == "Nour" for u in users)
    chat = client.get("/sandbox/users/424242/messages").json()["items"]
    assert [m["text"] for m in chat] == ["hi", "Hello Nour"]

    # Telegram redelivers: the chat's history does not grow.
    client.post("/sandbox/updates", json=private_update(5, 424242))
    assert len(client.get("/sandbox/users/424242/messages").json()["items"]) == 2


def test_a_button_press_makes_its_private_chat_known(sandbox: Any) -> None:
    client, bot, _ = sandbox
    connect(client, bot)
    press = {
        "update_id": 9,
        "callback_query": {
            "id": "q1",
            "from": {"id": 515, "is_bot": False, "first_name": "Lea"},
            "message": {
                "message_id": 3,
                "from": {"id": bot.store.bot_id, "is_bot": True, "first_name": "bot"},
                "chat": {"id": 515, "first_name": "Lea", "type": "private"},
                "date": 1,
                "text": "pick one",
            },
            "chat_instance": "1",
            "data": "a",
        },
    }
    assert client.post("/sandbox/updates", json=press).status_code == 200
    assert api(client, bot, "sendMessage", json={"chat_id": 515, "text": "ok"}).json()["ok"]
    group = {
        "update_id": 10,
        "message": {
            "message_id": 1,
            "from": {"id": 616, "is_bot": False, "first_name": "Max"},
            "chat": {"id": -100123, "title": "a group", "type": "supergroup"},
            "date": 1,
            "text": "hello group",
        },
    }
    assert client.post("/sandbox/updates", json=group).status_code == 200
    refused = api(client, bot, "sendMessage", json={"chat_id": 616, "text": "hi"})
    assert refused.json()["description"] == "Bad Request: chat not found"


def rating_message(client: TestClient, bot: SandboxBot) -> dict[str, Any]:
    keyboard = {"inline_keyboard": [[{"text": str(n), "callback_data": f"r:{n}"} for n in (1, 2)]]}
    sent = api(client, bot, "sendMessage", json={"chat_id": ALICE, "text": "Rate us"})
    assert "reply_markup" not in sent.json()["result"]
    sent = api(
        client,
        bot,
        "sendMessage",
        json={"chat_id": ALICE, "text": "Rate us", "reply_markup": keyboard},
    )
    message = sent.json()["result"]
    assert message["reply_markup"] == keyboard
    return message


def test_a_press_of_an_inline_button_is_a_callback_query_the_bot_answers_once(
    sandbox: Any,
) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    message = rating_message(client, bot)
    pressed = client.post(
        f"/sandbox/users/{ALICE}/presses",
        json={"message_id": message["message_id"], "data": "r:2"},
    )
    assert pressed.status_code == 200 and pressed.json()["answer"] is None
    update = webhook.received[-1][0]
    query = update["callback_query"]
    assert update == pressed.json()["update"]
    assert query["data"] == "r:2" and query["from"]["id"] == ALICE
    assert query["message"] == message and query["chat_instance"].isdigit()

    answer = {"callback_query_id": query["id"], "text": "Thanks", "show_alert": False}
    assert api(client, bot, "answerCallbackQuery", json=answer).json()["result"] is True
    again = api(client, bot, "answerCallbackQuery", json=answer).json()
    assert again["description"].startswith("Bad Request: query is too old")
    unknown = api(client, bot, "answerCallbackQuery", json={"callback_query_id": "1"}).json()
    assert unknown["ok"] is False

    for body, status in (
        ({"message_id": message["message_id"], "data": "r:9"}, 400),
        ({"message_id": 999, "data": "r:1"}, 404),
    ):
        assert client.post(f"/sandbox/users/{ALICE}/presses", json=body).status_code == status


def test_a_webhook_answering_a_press_in_its_response_answers_the_query(sandbox: Any) -> None:
    client, bot, webhook = sandbox
    connect(client, bot)
    message = rating_message(client, bot)

    async def answering(request: Request) -> JSONResponse:
        query = (await request.json())["callback_query"]
        return JSONResponse(
            {"method": "answerCallbackQuery", "callback_query_id": query["id"], "text": "4/5"}
        )

    client.app.router.routes.insert(0, Route("/telegram/{project_id}", answering, methods=["POST"]))
    pressed = client.post(
        f"/sandbox/users/{ALICE}/presses",
        json={"message_id": message["message_id"], "data": "r:1"},
    )
    assert pressed.json()["answer"] == {"text": "4/5", "show_alert": False}


def test_an_edit_without_a_keyboard_removes_it_as_in_telegram(sandbox: Any) -> None:
    client, bot, _ = sandbox
    message = rating_message(client, bot)
    edit = {"chat_id": ALICE, "message_id": message["message_id"], "text": "Rate us"}
    edited = api(client, bot, "editMessageText", json=edit).json()["result"]
    assert edited["text"] == "Rate us" and "reply_markup" not in edited
    same = api(client, bot, "editMessageText", json=edit).json()
    assert same["description"].startswith("Bad Request: message is not modified")
