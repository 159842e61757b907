"""Satisfaction surveys and return visits, against moto with real update shapes: an agent
resolves a session, the stream sends the 1-5 keyboard, the user's press comes through the
webhook (answered in its response) and lands on the session once, a low rating is followed
up, the next message is the rating's comment, and an escalated session gets its check-in
from the scheduler exactly once (a controlled clock).

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

import collab_helpers
import pytest
from api_helpers import FakeBotApi, scheduler_handler
from collab_helpers import MARIA_USER
from conftest import lambda_context
from fastapi.testclient import TestClient
from realtime_support import StreamTap

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.storage import assignments, keys, table
from tgdesk.storage import tasks as task_store
from tgdesk.surveys import callback_data, quiet_hours
from tgdesk.surveys import settings as survey_settings

team = collab_helpers.team
MINUTE, HOUR = 60_000, 3_600_000
_update_ids = count(770_000_000)


@pytest.fixture
def desk(aws: Any, team: dict[str, Any], telegram: FakeBotApi, monkeypatch: Any) -> dict[str, Any]:
    """The team, the stream tapped, editMessageText answered as Telegram does, and the
    webhook secret of p1 (from its setWebhook call)."""
    answer = FakeBotApi._result

    def result(self: FakeBotApi, bot: dict[str, Any], method: str, params: dict[str, Any]) -> Any:
        if method == "editMessageText":
            chat = {"id": params["chat_id"], "type": "private"}
            return {"message_id": params["message_id"], "chat": chat, "text": params["text"]}
        return answer(self, bot, method, params)

    monkeypatch.setattr(FakeBotApi, "_result", result)
    survey_settings.forget()
    ingest.clear_project_cache()
    hooks = [c.params for c in telegram.calls_of("setWebhook") if team["p1"] in c.params["url"]]
    return {**team, "secret": hooks[-1]["secret_token"], "tap": StreamTap(aws)}


def turn_on(client: TestClient, desk: dict[str, Any], **wanted: Any) -> dict[str, Any]:
    body = {"enabled": True, **wanted}
    response = client.put(
        f"/api/projects/{desk['p1']}/survey-settings", json=body, headers=desk["admin"]
    )
    assert response.status_code == 200, response.text
    return response.json()


def stream(desk: dict[str, Any]) -> None:
    """The assign function takes every record written since the last call."""
    records = desk["tap"].records()
    if records:
        cfn.load_handler("AssignFunction")({"Records": records}, lambda_context())


def resolve(client: TestClient, desk: dict[str, Any]) -> str:
    sid = desk["sessions"]["maria"]["session_id"]
    closed = client.post(f"/api/sessions/{sid}/close", headers=desk["maria"])
    assert closed.status_code == 200, closed.text
    stream(desk)
    return sid


def stored_session(sid: str) -> dict[str, Any]:
    return table.strip_keys(table.get(*keys.session(sid), consistent=True) or {})


def survey_message(sid: str) -> dict[str, Any]:
    survey = stored_session(sid)["survey"]
    pk, sk = keys.message(
        stored_session(sid)["project_id"],
        MARIA_USER,
        survey["message_created_at"],
        survey["message_id"],
    )
    return table.get(pk, sk, consistent=True) or {}


def webhook(desk: dict[str, Any], update: dict[str, Any]) -> ingest.IngestResult:
    return ingest.handle_update(desk["p1"], desk["secret"], json.dumps(update))


def press(
    desk: dict[str, Any], sid: str, score: int, *, update_id: int | None = None
) -> tuple[dict[str, Any], ingest.IngestResult]:
    """The user presses a button of the rating message (a callback_query update as Telegram
    sends it)."""
    message = survey_message(sid)
    token = stored_session(sid)["survey"]["token"]
    user = {"id": MARIA_USER, "is_bot": False, "first_name": "Alice", "language_code": "en"}
    update = {
        "update_id": update_id if update_id is not None else next(_update_ids),
        "callback_query": {
            "id": f"43829{score}{clock.now_ms() % 100000}",
            "from": user,
            "message": {
                "message_id": int(message["delivery"]["telegram_message_id"]),
                "from": {"id": 600000001, "is_bot": True, "first_name": "Support"},
                "chat": {"id": MARIA_USER, "first_name": "Alice", "type": "private"},
                "date": clock.now_ms() // 1000,
                "text": message["text"],
                "reply_markup": callback_data.keyboard(sid, token),
            },
            "chat_instance": "-5316843298744211111",
            "data": callback_data.encode(sid, token, score),
        },
    }
    return update, webhook(desk, update)


def user_writes(desk: dict[str, Any], text: str) -> ingest.IngestResult:
    update_id = next(_update_ids)
    chat = {"id": MARIA_USER, "first_name": "Alice", "type": "private"}
    update = {
        "update_id": update_id,
        "message": {
            "message_id": update_id % 100_000,
            "from": {"id": MARIA_USER, "is_bot": False, "first_name": "Alice"},
            "chat": chat,
            "date": clock.now_ms() // 1000,
            "text": text,
        },
    }
    return webhook(desk, update)


def later(ms: int) -> None:
    clock.set_now_for_tests(clock.now_ms() + ms)


# -- the survey and the rating ----------------------------------------------------------------
def test_a_rating_of_2_lands_on_the_session_and_agent_is_followed_up_and_thanked(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    clock.set_now_for_tests(clock.now_ms())
    turn_on(client, desk)
    sid = resolve(client, desk)

    keyboard = [c for c in telegram.calls_of("sendMessage") if "reply_markup" in c.params]
    assert len(keyboard) == 1
    buttons = keyboard[0].params["reply_markup"]["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["1", "2", "3", "4", "5"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)
    assert keyboard[0].params["chat_id"] == MARIA_USER
    assert survey_message(sid)["from_bot"] is True

    later(30_000)
    _, outcome = press(desk, sid, 2)
    assert outcome.result == "stored"
    assert outcome.answer is not None
    assert outcome.answer["method"] == "answerCallbackQuery"
    assert "2 of 5" in outcome.answer["text"]
    assert not telegram.calls_of("editMessageText")  # the webhook calls nobody
    stream(desk)

    edits = telegram.calls_of("editMessageText")
    assert len(edits) == 1
    assert edits[0].params["message_id"] == survey_message(sid)["delivery"]["telegram_message_id"]
    assert "2 of 5" in edits[0].params["text"]

    view = client.get(f"/api/sessions/{sid}", headers=desk["maria"]).json()
    assert view["status"] == "closed"
    assert view["rating"]["score"] == 2
    assert view["rating"]["agent_id"] == desk["ids"]["maria"]
    counters = table.get(*keys.agent_ratings(desk["ids"]["maria"], desk["p1"])) or {}
    assert (counters["count"], counters["sum"], counters["score_2"]) == (1, 2, 1)

    notices = assignments.list_notices(desk["ids"]["boss"])
    assert [(n["notice"], n["session_id"], n["score"]) for n in notices] == [
        ("survey_low_rating", sid, 2)
    ]
    tasks = task_store.of_session(sid)
    assert [(t["task_kind"], t["owner_id"]) for t in tasks] == [
        ("csat_follow_up", desk["ids"]["boss"])
    ]


def test_a_rating_pressed_twice_or_redelivered_counts_once(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    turn_on(client, desk)
    sid = resolve(client, desk)
    update, first = press(desk, sid, 4)
    assert first.result == "stored"
    again = webhook(desk, update)  # Telegram delivers the same update again
    assert again.result == "duplicate"
    assert again.answer is not None and again.answer["method"] == "answerCallbackQuery"
    _, other = press(desk, sid, 1)  # another press on the same keyboard
    assert other.result == "ignored"
    assert other.answer is not None and "4 of 5" in other.answer["text"]
    stream(desk)

    assert stored_session(sid)["rating"]["score"] == 4
    counters = table.get(*keys.agent_ratings(desk["ids"]["maria"], desk["p1"])) or {}
    assert (counters["count"], counters["sum"]) == (1, 4)
    assert len(telegram.calls_of("editMessageText")) == 1
    assert not task_store.of_session(sid)  # 4: no follow-up


def test_a_rating_pressed_after_the_session_reopened_lands_on_it_and_keeps_it_open(
    client: TestClient, desk: dict[str, Any]
) -> None:
    turn_on(client, desk, comment_minutes=0)
    sid = resolve(client, desk)
    later(MINUTE)
    assert user_writes(desk, "one more question").result == "stored"
    assert stored_session(sid)["status"] == "unread"  # reopened

    later(MINUTE)
    _, outcome = press(desk, sid, 5)
    assert outcome.result == "stored"
    after = stored_session(sid)
    assert (after["status"], after["rating"]["score"]) == ("unread", 5)


def test_a_press_with_a_made_up_token_changes_nothing(
    client: TestClient, desk: dict[str, Any]
) -> None:
    turn_on(client, desk)
    sid = resolve(client, desk)
    update, _ = press(desk, sid, 3)
    # the same press with another token and a fresh update id
    forged_data = callback_data.encode(sid, "AAAAAAAAAAAA", 1)
    update["update_id"] = next(_update_ids)
    update["callback_query"]["data"] = forged_data
    assert webhook(desk, update).result == "ignored"
    assert stored_session(sid)["rating"]["score"] == 3


def test_the_next_message_is_the_comment_and_does_not_reopen(
    client: TestClient, desk: dict[str, Any]
) -> None:
    turn_on(client, desk, comment_minutes=5)
    sid = resolve(client, desk)
    press(desk, sid, 3)
    later(2 * MINUTE)
    assert user_writes(desk, "The agent was slow to answer.").result == "stored"

    after = stored_session(sid)
    assert after["status"] == "closed"
    assert after["rating"]["comment"] == "The agent was slow to answer."
    view = client.get(f"/api/sessions/{sid}", headers=desk["maria"]).json()
    assert view["rating"]["comment"] == "The agent was slow to answer."
    profile = table.get(*keys.telegram_user(desk["p1"], MARIA_USER), consistent=True) or {}
    assert "open_session_id" not in profile and "survey_comment" not in profile

    later(MINUTE)  # only one comment: the next message reopens the session as always
    assert user_writes(desk, "hello again").result == "stored"
    assert stored_session(sid)["status"] == "unread"
    assert stored_session(sid)["rating"]["comment"] == "The agent was slow to answer."


def test_surveys_off_or_escalated_only_send_nothing_for_a_plain_session(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    turn_on(client, desk, sessions="escalated")
    sid = resolve(client, desk)
    assert "survey" not in stored_session(sid)
    assert not [c for c in telegram.calls_of("sendMessage") if "reply_markup" in c.params]


# -- return visits ----------------------------------------------------------------------------
def test_an_escalated_session_gets_its_check_in_once_at_the_set_time(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    clock.set_now_for_tests(clock.now_ms())
    turn_on(client, desk, return_visit_hours=24)
    sid = desk["sessions"]["maria"]["session_id"]
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session(sid), strict=True))),
        UpdateExpression="SET #l = :l",
        ExpressionAttributeNames={"#l": "level"},
        ExpressionAttributeValues=table.values({":l": "l2"}),
    )
    resolve(client, desk)
    closed_at = stored_session(sid)["closed_at"]
    handler = scheduler_handler()

    def run(at: int) -> dict[str, Any]:
        clock.set_now_for_tests(at)
        result = handler({"job": "timers"}, lambda_context())
        return {k: v for k, v in result.items() if k.startswith("visit")}

    sent_before = len(telegram.calls_of("sendMessage"))
    assert run(closed_at + 24 * HOUR - 1) == {}
    assert run(closed_at + 24 * HOUR) == {"visit_due": 1, "visit_sent": 1}
    assert run(closed_at + 25 * HOUR) == {}
    check_ins = telegram.calls_of("sendMessage")[sent_before:]
    assert len(check_ins) == 1 and "Is everything still OK?" in check_ins[0].params["text"]
    assert stored_session(sid)["return_visit_at"] == closed_at + 24 * HOUR
    reminders = assignments.list_notices(desk["ids"]["maria"])
    assert [(n["notice"], n["session_id"]) for n in reminders] == [("survey_return_visit", sid)]


def test_quiet_hours_hold_the_survey_until_they_end(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    # 2026-01-01 23:00 in Berlin (22:00 UTC): quiet until 08:00 (07:00 UTC)
    night = 1_767_304_800_000
    clock.set_now_for_tests(night)
    turn_on(client, desk)
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(
            dict(zip(("PK", "SK"), keys.telegram_user(desk["p1"], MARIA_USER), strict=True))
        ),
        UpdateExpression="SET time_zone = :z",
        ExpressionAttributeValues=table.values({":z": "Europe/Berlin"}),
    )
    sid = resolve(client, desk)
    assert "survey" not in stored_session(sid)
    handler = scheduler_handler()
    clock.set_now_for_tests(night + 9 * HOUR - 1)
    assert "survey_due" not in handler({"job": "timers"}, lambda_context())
    clock.set_now_for_tests(night + 9 * HOUR)
    result = handler({"job": "timers"}, lambda_context())
    assert (result["survey_due"], result["survey_sent"]) == (1, 1)
    assert stored_session(sid)["survey"]["due_at"] == night + 9 * HOUR
    assert len([c for c in telegram.calls_of("sendMessage") if "reply_markup" in c.params]) == 1


# -- settings ---------------------------------------------------------------------------------
def test_supervisors_read_the_settings_and_only_admins_change_them(
    client: TestClient, desk: dict[str, Any]
) -> None:
    url = f"/api/projects/{desk['p1']}/survey-settings"
    read = client.get(url, headers=desk["boss"])
    assert read.status_code == 200 and read.json()["enabled"] is False
    assert client.put(url, json={"enabled": True}, headers=desk["boss"]).status_code == 403
    assert client.get(url, headers=desk["chief"]).status_code == 404
    bad = client.put(url, json={"return_visit_hours": 12}, headers=desk["admin"])
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_survey_settings"
    wording = {"zh": {"question": "满意吗？"}}
    saved = client.put(url, json={"wording": wording}, headers=desk["admin"])
    assert saved.status_code == 200 and saved.json()["wording"]["zh"]["question"] == "满意吗？"


# -- pure parts -------------------------------------------------------------------------------
def test_quiet_hours_end_in_the_users_local_time() -> None:
    quiet = {"start_minute": 22 * 60, "end_minute": 8 * 60}
    berlin = {"project_id": "p", "time_zone": "Europe/Berlin"}
    late = 1_767_304_800_000  # 2026-01-01 23:00 in Berlin
    eight_next_morning = 1_767_337_200_000  # 2026-01-02 08:00 in Berlin
    assert quiet_hours.next_allowed(late, berlin, quiet) == eight_next_morning
    assert quiet_hours.next_allowed(late + 4 * HOUR, berlin, quiet) == eight_next_morning
    assert quiet_hours.next_allowed(late + 13 * HOUR, berlin, quiet) == late + 13 * HOUR
    assert quiet_hours.next_allowed(late, {"project_id": "p"}, quiet) == late  # no time zone


def test_callback_data_fits_and_refuses_anything_else() -> None:
    sid = "01KBFZ8Y0000000000000000AB"
    data = callback_data.encode(sid, callback_data.new_token(), 5)
    assert len(data.encode()) <= 64
    press = callback_data.decode(data)
    assert press is not None and (press.session_id, press.score) == (sid, 5)
    for other in ("csat:yes", f"csat:{sid}:short:5", f"csat:{sid}:AAAAAAAAAAAA:6", None, 3):
        assert callback_data.decode(other) is None
