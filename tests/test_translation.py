"""Translation, against moto with real update shapes and the offline stand-in: a project's
settings, a user's message translated once on the stream (also when the record comes again)
and pushed to the console, the preview of an agent's text, a translated reply that keeps both
texts, and risk control on both.

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

import collab_helpers
import pytest
from api_helpers import FakeBotApi, scan_items
from collab_helpers import MARIA_USER, audit_entries
from conftest import lambda_context
from fastapi.testclient import TestClient
from realtime_support import FakeConnectionsApi, StreamTap, open_connection, pushes  # noqa: F401
from risk_support import create_group, keywords

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.storage import table
from tgdesk.storage import translation as store
from tgdesk.translation import outbound
from tgdesk.translation import provider as providers
from tgdesk.translation import settings as translation_settings

team = collab_helpers.team
_update_ids = count(880_000_000)


class Counting:
    """The stand-in, counting what it is asked (what a provider would bill)."""

    name = providers.STAND_IN

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None, str]] = []
        self.failing = False

    def translate(self, text: str, source: str | None, target: str) -> tuple[str, str]:
        self.asked.append((text, source, target))
        if self.failing:
            raise providers.ProviderError("throttled")
        return providers.StandIn().translate(text, source, target)


@pytest.fixture
def translator(monkeypatch: pytest.MonkeyPatch) -> Counting:
    counting = Counting()
    monkeypatch.setattr(providers, "configured", lambda: counting)
    return counting


@pytest.fixture
def desk(aws: Any, team: dict[str, Any], telegram: FakeBotApi) -> dict[str, Any]:
    translation_settings.forget()
    ingest.clear_project_cache()
    hooks = [c.params for c in telegram.calls_of("setWebhook") if team["p1"] in c.params["url"]]
    return {**team, "secret": hooks[-1]["secret_token"], "tap": StreamTap(aws)}


def turn_on(client: TestClient, desk: dict[str, Any], **wanted: Any) -> dict[str, Any]:
    body = {"enabled": True, **wanted}
    response = client.put(
        f"/api/projects/{desk['p1']}/translation-settings", json=body, headers=desk["admin"]
    )
    assert response.status_code == 200, response.text
    return response.json()


def stream(desk: dict[str, Any], records: list[dict[str, Any]] | None = None) -> list[Any]:
    """The assign function takes every record written since the last call (or `records`)."""
    taken = desk["tap"].records() if records is None else records
    if taken:
        cfn.load_handler("AssignFunction")({"Records": taken}, lambda_context())
    return taken


def user_writes(desk: dict[str, Any], text: str) -> None:
    update_id = next(_update_ids)
    update = {
        "update_id": update_id,
        "message": {
            "message_id": update_id % 100_000,
            "from": {"id": MARIA_USER, "is_bot": False, "first_name": "Alice"},
            "chat": {"id": MARIA_USER, "first_name": "Alice", "type": "private"},
            "date": clock.now_ms() // 1000,
            "text": text,
        },
    }
    ingest.handle_update(desk["p1"], desk["secret"], json.dumps(update))


def messages(client: TestClient, desk: dict[str, Any]) -> list[dict[str, Any]]:
    sid = desk["sessions"]["maria"]["session_id"]
    response = client.get(f"/api/sessions/{sid}/messages", headers=desk["maria"])
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def inbound_items() -> list[dict[str, Any]]:
    return [i for i in scan_items() if i.get("kind") == "message" and i.get("direction") == "in"]


# -- settings -------------------------------------------------------------------------------------
def test_settings_are_off_until_an_admin_turns_them_on_and_the_save_is_audited(
    client: TestClient, desk: dict[str, Any]
) -> None:
    url = f"/api/projects/{desk['p1']}/translation-settings"
    first = client.get(url, headers=desk["boss"])
    assert first.status_code == 200, first.text
    assert first.json() | {"updated_at": None} == {
        "project_id": desk["p1"],
        "enabled": False,
        "agent_language": "en",
        "updated_at": None,
        "updated_by": None,
    }
    assert client.put(url, json={"enabled": True}, headers=desk["boss"]).status_code == 403

    saved = turn_on(client, desk, agent_language="zh")
    assert (saved["enabled"], saved["agent_language"]) == (True, "zh")
    assert client.get(url, headers=desk["boss"]).json()["agent_language"] == "zh"
    [entry] = audit_entries(client, desk["admin"], "translation.settings")
    assert entry["after"]["agent_language"] == "zh"

    bad = client.put(url, json={"agent_language": "Chinese"}, headers=desk["admin"])
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_translation_settings"
    stale = client.put(url, json={"enabled": False, "updated_at": 1}, headers=desk["admin"])
    assert stale.status_code == 409
    assert stale.json()["code"] == "translation_settings_changed"


# -- a user's message -----------------------------------------------------------------------------
def test_a_message_in_another_language_is_translated_once_and_pushed(
    client: TestClient,
    desk: dict[str, Any],
    translator: Counting,
    pushes: FakeConnectionsApi,  # noqa: F811
) -> None:
    turn_on(client, desk, agent_language="en")
    connection = open_connection(client, desk["maria"])
    user_writes(desk, "我的提现还没到账")
    inserted = stream(desk)
    stream(desk)  # the translation's own change reaches the consoles

    assert translator.asked == [("我的提现还没到账", None, "en")]
    [shown] = [m for m in messages(client, desk) if m["direction"] == "in"]
    assert shown["text"] == "我的提现还没到账"
    assert shown["translation"] | {"at": 0} == {
        "text": "[en] 我的提现还没到账",
        "source": "zh",
        "target": "en",
        "provider": "stand-in",
        "at": 0,
    }
    updated = [f for f in pushes.to(connection) if f["type"] == "message.updated"]
    assert updated[-1]["data"]["translation"]["text"] == "[en] 我的提现还没到账"

    # The stream delivers the same record again: nothing is asked or written again.
    stored = inbound_items()
    stream(desk, inserted)
    assert len(translator.asked) == 1
    assert inbound_items() == stored
    assert not any(store.CLAIM in i for i in stored)


def test_a_message_in_the_agents_language_is_never_shown_translated(
    client: TestClient, desk: dict[str, Any], translator: Counting
) -> None:
    turn_on(client, desk, agent_language="zh")
    user_writes(desk, "你好")  # Chinese to Chinese-reading agents: not even asked
    stream(desk)
    turn_on_en = client.put(
        f"/api/projects/{desk['p1']}/translation-settings",
        json={"enabled": True, "agent_language": "en"},
        headers=desk["admin"],
    )
    assert turn_on_en.status_code == 200
    user_writes(desk, "Hello, where is my refund?")
    user_writes(desk, "👍 42")
    stream(desk)

    assert translator.asked == [("Hello, where is my refund?", None, "en")]
    shown = {m["text"]: m["translation"] for m in messages(client, desk)}
    assert shown["你好"] is None and shown["👍 42"] is None
    assert "text" not in {k: v for k, v in shown["Hello, where is my refund?"].items() if v}


def test_off_costs_no_request_per_message(desk: dict[str, Any], translator: Counting) -> None:
    reads: list[Any] = []

    def note(params: dict[str, Any], **_: Any) -> None:
        if params["Key"]["SK"] == {"S": "TRANSLATION"}:
            reads.append(params["Key"])

    table.client().meta.events.register("provide-client-params.dynamodb.GetItem", note)
    for text in ("Привет", "Где мой перевод?", "Спасибо"):
        user_writes(desk, text)
    stream(desk)
    user_writes(desk, "Ещё вопрос")
    stream(desk)
    assert translator.asked == []
    assert len(reads) == 1  # read once, then cached
    assert all("translation" not in i for i in inbound_items())


def test_a_failing_provider_leaves_the_message_as_it_is_and_may_try_again(
    client: TestClient, desk: dict[str, Any], translator: Counting
) -> None:
    turn_on(client, desk)
    translator.failing = True
    user_writes(desk, "Где мой перевод?")
    inserted = stream(desk)  # the stream goes on: no failure reported
    [item] = inbound_items()
    assert "translation" not in item and store.CLAIM not in item

    translator.failing = False
    stream(desk, inserted)
    [item] = inbound_items()
    assert item["translation"]["text"] == "[en] Где мой перевод?"
    assert len(translator.asked) == 2


# -- an agent's reply -----------------------------------------------------------------------------
def test_the_preview_shows_both_texts_and_the_reply_keeps_both(
    client: TestClient, desk: dict[str, Any], translator: Counting, telegram: FakeBotApi
) -> None:
    sid = desk["sessions"]["maria"]["session_id"]
    preview_url = f"/api/sessions/{sid}/translation-preview"
    off = client.post(preview_url, json={"text": "Hi"}, headers=desk["maria"])
    assert off.status_code == 422 and off.json()["code"] == "translation_off"

    turn_on(client, desk)
    preview = client.post(
        preview_url,
        json={"text": " Your refund is on its way ", "target": "zh"},
        headers=desk["maria"],
    )
    assert preview.status_code == 200, preview.text
    assert preview.json() == {
        "original": "Your refund is on its way",
        "translated": "[zh] Your refund is on its way",
        "source": "en",
        "target": "zh",
    }
    sent = client.post(
        f"/api/sessions/{sid}/messages",
        json={"text": preview.json()["translated"], "original_text": "Your refund is on its way"},
        headers=desk["maria"],
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["original_text"] == "Your refund is on its way"
    assert telegram.calls_of("sendMessage")[-1].params["text"] == "[zh] Your refund is on its way"
    [reply] = [m for m in messages(client, desk) if m["direction"] == "out"]
    assert (reply["text"], reply["original_text"]) == (
        "[zh] Your refund is on its way",
        "Your refund is on its way",
    )


def test_the_preview_goes_to_the_users_telegram_language(
    client: TestClient, desk: dict[str, Any], translator: Counting
) -> None:
    sid = desk["sessions"]["maria"]["session_id"]  # the user's Telegram language: en
    url = f"/api/sessions/{sid}/translation-preview"
    turn_on(client, desk, agent_language="ru")
    answer = client.post(url, json={"text": "Привет"}, headers=desk["maria"])
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "original": "Привет",
        "translated": "[en] Привет",
        "source": "ru",
        "target": "en",
    }
    turn_on(client, desk, agent_language="en")
    same = client.post(url, json={"text": "Hello"}, headers=desk["maria"])
    assert same.json()["translated"] == "Hello"
    assert translator.asked == [("Привет", "ru", "en")]  # the same language: nothing billed

    assert outbound.user_language({"user": {"language_code": "zh-hans"}}) == "zh"
    assert outbound.user_language({"user": {"language_code": "pt-br"}}) == "pt"
    assert outbound.user_language({"user": {}}) is None


@pytest.mark.parametrize("blocked_in", ["original", "translated"])
def test_risk_control_checks_both_texts_of_a_translated_reply(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi, blocked_in: str
) -> None:
    create_group(client, desk["admin"], name="Frozen", action="block", entries=keywords("T9yD"))
    sid = desk["sessions"]["maria"]["session_id"]
    texts = {"original": "Pay to T9yD", "translated": "[zh] Pay please"}
    if blocked_in == "translated":
        texts = {"original": "Pay please", "translated": "[zh] Pay to T9yD"}
    response = client.post(
        f"/api/sessions/{sid}/messages",
        json={"text": texts["translated"], "original_text": texts["original"]},
        headers=desk["maria"],
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "risk_blocked"
    assert telegram.calls_of("sendMessage") == []


# -- the providers --------------------------------------------------------------------------------
def test_amazon_translate_is_asked_with_auto_detection() -> None:
    import boto3
    from botocore.stub import Stubber

    client = boto3.client("translate", region_name="us-east-1")
    with Stubber(client) as stub:
        stub.add_response(
            "translate_text",
            {
                "TranslatedText": "Where is my withdrawal?",
                "SourceLanguageCode": "zh",
                "TargetLanguageCode": "en",
            },
            {"Text": "我的提现呢？", "SourceLanguageCode": "auto", "TargetLanguageCode": "en"},
        )
        stub.add_client_error("translate_text", "ThrottlingException", http_status_code=429)
        amazon = providers.AmazonTranslate(client)
        assert amazon.translate("我的提现呢？", None, "en") == ("Where is my withdrawal?", "zh")
        with pytest.raises(providers.ProviderError):
            amazon.translate("again", None, "en")
        stub.assert_no_pending_responses()


def test_the_provider_is_chosen_by_its_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    providers.configured.cache_clear()
    monkeypatch.delenv(providers.ENV, raising=False)
    assert isinstance(providers.configured(), providers.StandIn)
    providers.configured.cache_clear()
    monkeypatch.setenv(providers.ENV, "amazon")
    assert isinstance(providers.configured(), providers.AmazonTranslate)
    providers.configured.cache_clear()
    monkeypatch.setenv(providers.ENV, "babel")
    with pytest.raises(ValueError):
        providers.configured()
    providers.configured.cache_clear()


def test_the_stand_in_detects_by_script_and_marks_its_output() -> None:
    stand_in = providers.StandIn()
    assert stand_in.translate("Привет", None, "en") == ("[en] Привет", "ru")
    assert stand_in.translate("こんにちは", None, "en") == ("[en] こんにちは", "ja")
    assert stand_in.translate("Hello", None, "en") == ("Hello", "en")
    assert providers.fitted("é" * 6000) == "é" * 5000
