"""Posting a project's events to its team group: once per event, through delivery (retries as
for replies), and never more than 20 messages a minute to one group: the 21st waits."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import (
    SECOND_BOT_TOKEN,
    FakeBotApi,
    bot_api_error,
    create_project,
    login,
    scan_items,
    scheduler_handler,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

import tgdesk.teamchat
from tgdesk.core import clock
from tgdesk.core.errors import InvalidInput
from tgdesk.outbound import delivery
from tgdesk.team import projects
from tgdesk.teamchat import binding, group_updates, posting
from tgdesk.telegram.updates import Chat, GroupBind

T0 = 1_790_000_000_000
CHAT_ID = -1002471352452
LINK = "https://console.example.com/#/sessions/01jsession"


@pytest.fixture
def project_id(client: TestClient) -> str:
    clock.set_now_for_tests(T0)
    return str(create_project(client, login(client))["project_id"])


def bind(project_id: str, chat_id: int = CHAT_ID) -> None:
    code = binding.new_code(project_id, actor_id="agent-admin")["code"]
    update = GroupBind(1, Chat(chat_id, "supergroup"), "Support team", code, None)
    handled = group_updates.handle(projects.get_project(project_id), update, clock.now_ms())
    assert handled.result == "stored"


def sent_to_group(telegram: FakeBotApi) -> list[dict[str, Any]]:
    return [c.params for c in telegram.calls_of("sendMessage") if c.params["chat_id"] < 0]


def team_messages() -> list[dict[str, Any]]:
    found = [i for i in scan_items() if i.get("audience") == delivery.TEAM_CHAT]
    return sorted(found, key=lambda m: m["created_at"])


def run_scheduler() -> Any:
    return scheduler_handler()({"job": "deliveries"}, lambda_context())


def test_an_event_is_posted_once_with_its_link(project_id: str, telegram: FakeBotApi) -> None:
    bind(project_id)

    assert tgdesk.teamchat.post(project_id, "sla:breach:s1:first", "Ticket #12 breached", link=LINK)
    assert tgdesk.teamchat.post(project_id, "sla:breach:s1:first", "Ticket #12 again", link=LINK)

    [call] = sent_to_group(telegram)
    assert call == {"chat_id": CHAT_ID, "text": f"Ticket #12 breached\n{LINK}"}
    [message] = team_messages()
    assert message["delivery"]["state"] == "sent" and message["delivery"]["attempts"] == 1
    assert message["session_id"] == ""  # it belongs to no session


def test_without_a_bound_group_nothing_is_posted(project_id: str, telegram: FakeBotApi) -> None:
    assert tgdesk.teamchat.post(project_id, "escalation:7", "Ticket #7", link=None) is False
    assert sent_to_group(telegram) == [] and team_messages() == []


def test_an_unbound_group_gets_nothing_more(project_id: str, telegram: FakeBotApi) -> None:
    bind(project_id)
    binding.unbind(project_id, actor_id="agent-admin")

    assert tgdesk.teamchat.post(project_id, "escalation:8", "Ticket #8") is False


def test_the_21st_message_in_a_minute_waits_for_the_next_free_moment(
    project_id: str, telegram: FakeBotApi
) -> None:
    bind(project_id)
    for n in range(20):
        clock.set_now_for_tests(T0 + n * 1000)
        assert tgdesk.teamchat.post(project_id, f"event:{n}", f"Event {n}")
    assert len(sent_to_group(telegram)) == 20

    clock.set_now_for_tests(T0 + 30_000)
    assert tgdesk.teamchat.post(project_id, "event:20", "Event 20")

    assert len(sent_to_group(telegram)) == 20
    waiting = team_messages()[-1]
    assert waiting["delivery"]["state"] == "retrying"
    assert waiting["delivery"]["next_attempt_at"] == T0 + 60_000  # the first one's minute is up
    assert waiting["delivery"]["error_code"] == "group_rate_limit"
    clock.set_now_for_tests(T0 + 59_999)
    run_scheduler()
    assert len(sent_to_group(telegram)) == 20

    clock.set_now_for_tests(T0 + 60_000)
    run_scheduler()

    assert sent_to_group(telegram)[-1]["text"] == "Event 20"
    sent = team_messages()[-1]
    assert sent["delivery"]["state"] == "sent"
    assert sent["delivery"]["attempts"] == 1  # waiting for the limit is not an attempt


def test_the_limit_is_per_group(project_id: str, client: TestClient, telegram: FakeBotApi) -> None:
    bind(project_id)
    for n in range(21):
        tgdesk.teamchat.post(project_id, f"event:{n}", f"Event {n}")
    other = create_project(client, login(client), name="Sales", token=SECOND_BOT_TOKEN)
    bind(other["project_id"], chat_id=-1001869112345)

    assert tgdesk.teamchat.post(other["project_id"], "event:0", "Sales event")

    assert sent_to_group(telegram)[-1] == {"chat_id": -1001869112345, "text": "Sales event"}


def test_a_telegram_failure_is_retried_as_for_replies(
    project_id: str, telegram: FakeBotApi
) -> None:
    bind(project_id)
    telegram.fail("sendMessage", *bot_api_error("rate_limited"))

    assert tgdesk.teamchat.post(project_id, "event:1", "Ticket #1")

    [message] = team_messages()
    assert message["delivery"]["state"] == "retrying"
    assert message["delivery"]["next_attempt_at"] == T0 + 7000
    clock.set_now_for_tests(T0 + 7000)
    run_scheduler()
    assert team_messages()[0]["delivery"]["state"] == "sent"


def test_a_long_text_is_cut_and_the_link_kept() -> None:
    text = posting.message_text("x" * 5000, LINK)
    assert len(text) == delivery.MAX_TEXT_LENGTH
    assert text.endswith(f"…\n{LINK}")
    with pytest.raises(InvalidInput):
        tgdesk.teamchat.post("p", "", "text")


def test_session_links_point_into_the_console(monkeypatch: pytest.MonkeyPatch) -> None:
    from tgdesk.core.settings import get_settings

    monkeypatch.setenv("TGDESK_CONSOLE_URL", "https://console.example.com/")
    get_settings.cache_clear()
    try:
        assert tgdesk.teamchat.session_link("s1") == "https://console.example.com/#/sessions/s1"
    finally:
        get_settings.cache_clear()
