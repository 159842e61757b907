"""The Bot API client: URLs, JSON bodies, error mapping, and a token that never leaks."""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from api_helpers import BOT_TOKEN, FIXTURES, FakeBotApi, fake_bot_api

from tgdesk.telegram import client as telegram

SAMPLE_ERRORS = Path(__file__).resolve().parents[2] / "shared" / "telegram-samples" / "errors"
# What each shared sample error body must map to, keyed by its file name.
SAMPLE_CODES = {
    "400_cant_parse_entities.json": "bad_request",
    "400_cant_parse_entities_legacy_wording.json": "bad_request",
    "400_chat_not_found.json": "chat_not_found",
    "400_file_is_too_big.json": "bad_request",
    "400_group_chat_upgraded_to_supergroup.json": "bad_request",
    "400_media_caption_too_long_raw.json": "bad_request",
    "400_message_is_not_modified.json": "bad_request",
    "400_message_is_too_long.json": "message_too_long",
    "400_message_text_is_empty.json": "bad_request",
    "400_query_is_too_old.json": "bad_request",
    "401_unauthorized.json": "invalid_token",
    "403_bot_blocked_by_user.json": "bot_blocked",
    "403_bot_kicked_from_group.json": "forbidden",
    "403_cant_initiate_conversation.json": "cant_initiate",
    "403_user_is_deactivated.json": "user_deactivated",
    "409_conflict_terminated_by_other_getupdates.json": "conflict",
    "409_conflict_webhook_is_active.json": "conflict",
    "429_setwebhook_called_too_often.json": "rate_limited",
    "429_too_many_requests_retry_after_2.json": "rate_limited",
    "429_too_many_requests_retry_after_2282.json": "rate_limited",
}
KINDS = json.loads((FIXTURES / "bot_api_errors.json").read_text())


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with fake_bot_api() as api:
        yield api


def bot() -> telegram.BotApi:
    return telegram.BotApi(BOT_TOKEN)


def test_calls_use_the_token_url_and_json_bodies(fake: FakeBotApi) -> None:
    me = bot().get_me()
    assert me["is_bot"] and me["username"] == "tgdesk_test_bot"
    bot().set_webhook("https://desk.example/telegram/p1", "s3cret", ["message", "callback_query"])
    sent = bot().send_message(42, "Hello *there*", reply_to_message_id=7)

    assert fake.calls[0].url == f"https://telegram.invalid/bot{BOT_TOKEN}/getMe"
    hook = fake.calls_of("setWebhook")[0].params
    assert hook == {
        "url": "https://desk.example/telegram/p1",
        "secret_token": "s3cret",
        "allowed_updates": ["message", "callback_query"],
        "drop_pending_updates": False,
    }
    send = fake.calls_of("sendMessage")[0].params
    assert send["chat_id"] == 42 and send["text"] == "Hello *there*"
    assert "parse_mode" not in send  # agents' text is never markup
    assert send["reply_parameters"] == {"message_id": 7, "allow_sending_without_reply": True}
    assert sent["chat"]["id"] == 42 and sent["message_id"] > 0


def test_get_updates_and_delete_webhook(fake: FakeBotApi) -> None:
    assert bot().get_updates(offset=10, timeout=0, allowed_updates=["message"]) == []
    assert bot().delete_webhook() is True
    assert fake.calls_of("getUpdates")[0].params == {
        "offset": 10,
        "timeout": 0,
        "allowed_updates": ["message"],
    }


def test_file_download(fake: FakeBotApi) -> None:
    fake.files["photos/file_0.jpg"] = b"\xff\xd8\xff\xe0"
    info = bot().get_file("AgACAgIAAxkBAAIBY2")
    assert bot().download_file(info["file_path"]) == b"\xff\xd8\xff\xe0"
    assert fake.calls[-1].url == f"https://telegram.invalid/file/bot{BOT_TOKEN}/photos/file_0.jpg"
    with pytest.raises(telegram.TelegramError):
        bot().download_file("photos/gone.jpg")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_error_kind_maps_to_its_class(fake: FakeBotApi, kind: str) -> None:
    body = KINDS[kind]["body"]
    fake.fail("sendMessage", body["error_code"], body)
    with pytest.raises(telegram.TelegramError) as caught:
        bot().send_message(42, "hi")
    err = caught.value
    assert err.code == KINDS[kind]["code"]
    assert err.status == body["error_code"]
    assert err.description == body["description"]
    assert BOT_TOKEN not in str(err)


def test_rate_limit_carries_retry_after_from_body_or_header(fake: FakeBotApi) -> None:
    status, body = 429, KINDS["rate_limited"]["body"]
    fake.fail("sendMessage", status, body)
    with pytest.raises(telegram.RateLimited) as caught:
        bot().send_message(42, "hi")
    assert caught.value.retry_after == 7

    bare = {"ok": False, "error_code": 429, "description": "Too Many Requests"}
    fake.fail("sendMessage", 429, bare, headers={"Retry-After": "31"})
    with pytest.raises(telegram.RateLimited) as caught:
        bot().send_message(42, "hi")
    assert caught.value.retry_after == 31


def test_subclasses_group_by_status() -> None:
    assert issubclass(telegram.BotBlocked, telegram.Forbidden)
    assert issubclass(telegram.ChatNotFound, telegram.BadRequest)
    assert issubclass(telegram.NetworkError, telegram.TelegramError)


def test_a_proxy_page_instead_of_json_is_a_server_error(fake: FakeBotApi) -> None:
    fake.fail("getMe", 502, None)
    with pytest.raises(telegram.ServerError):
        bot().get_me()


def test_unknown_token_is_invalid_token(fake: FakeBotApi) -> None:
    with pytest.raises(telegram.InvalidToken):
        telegram.BotApi("123:wrong").get_me()


def test_network_failure_never_exposes_the_token(fake: FakeBotApi) -> None:
    fake.break_connection("sendMessage")
    with pytest.raises(telegram.NetworkError) as caught:
        bot().send_message(42, "hi")
    err = caught.value
    rendered = "".join(traceback.format_exception(err))
    assert BOT_TOKEN not in rendered and BOT_TOKEN not in repr(err)
    assert err.__cause__ is None and err.__context__ is None
    assert BOT_TOKEN.split(":")[1] not in repr(bot())


def test_timeouts_come_from_settings(monkeypatch: pytest.MonkeyPatch, fake: FakeBotApi) -> None:
    seen: list[object] = []
    original = requests.Session.request

    def spy(self: requests.Session, method: str, url: str, **kwargs: object) -> object:
        seen.append(kwargs["timeout"])
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", spy)
    bot().get_me()
    bot().get_updates(offset=None, timeout=25)
    assert seen == [(5.0, 10.0), (5.0, 35.0)]


def test_urllib3_debug_lines_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("urllib3.connectionpool")
    with caplog.at_level(logging.DEBUG, logger="urllib3.connectionpool"):
        logger.debug('%s "%s %s HTTP/1.1" %s', "host", "POST", f"/bot{BOT_TOKEN}/getMe", 200)
    assert BOT_TOKEN not in caplog.text and "bot<redacted>/getMe" in caplog.text


@pytest.mark.skipif(not SAMPLE_ERRORS.is_dir(), reason="../shared/telegram-samples not present")
def test_real_error_bodies_from_the_shared_samples() -> None:
    files = sorted(SAMPLE_ERRORS.glob("*.json"))
    assert files
    for path in files:
        body = json.loads(path.read_text())
        err = telegram.error_from_response(body["error_code"], body)
        assert err.code == SAMPLE_CODES[path.name], path.name
        if err.code == "rate_limited":
            assert err.retry_after == body["parameters"]["retry_after"]
