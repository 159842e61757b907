"""The bot's own answers, pure parts: FAQ matching in spaced and unspaced scripts, the
team's return by the SLA calendar across a weekend, a holiday and a daylight-saving change,
the buttons' data, the settings' bounds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tgdesk.autoreplies import buttons, matching, off_hours, wording
from tgdesk.autoreplies import settings as autoreply_settings
from tgdesk.core.errors import InvalidInput
from tgdesk.sla.calendar import Calendar
from tgdesk.storage.records.autoreplies import MAX_RULES, FaqRule

WEEKDAYS_9_TO_18 = {day: [["09:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).astimezone(UTC).timestamp() * 1000)


def rule(rule_id: str, **fields: Any) -> FaqRule:
    return {"rule_id": rule_id, "language": "en", "answer": "...", **fields}  # type: ignore[typeddict-item]


RULES = [
    rule("pw", phrases=["reset password", "сбросить пароль", "重置密码"]),
    rule("wd", phrases=["withdraw", "вывод"]),
    rule("kw", keywords=["card", "blocked"]),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("How do I RESET   password?", "pw"),
        ("Ｒｅｓｅｔ ｐａｓｓｗｏｒｄ please", "pw"),  # full-width letters
        ("reset\u200b password", "pw"),  # a zero-width space hides nothing
        ("Как сбросить пароль?", "pw"),
        ("我想重置密码", "pw"),  # Chinese: anywhere, no spaces
        ("what is the withdrawal time", "wd"),  # a stem finds its inflections
        ("Сколько идёт вывод средств?", "wd"),
        ("my card is blocked", "kw"),
        ("blocked, my card!", "kw"),  # keywords: all of them, any order
        ("my card arrived", None),  # one keyword of two
        ("prewithdraw", None),  # a phrase starts a word
        ("/start reset password", None),  # a command is no question
        ("hello", None),
    ],
)
def test_a_text_finds_its_rule(text: str, found: str | None) -> None:
    matched = matching.find_rule(text, RULES)
    assert (matched or {}).get("rule_id") == found


def test_a_proposed_rule_matches_nothing_until_approved() -> None:
    proposed = [rule("pw", phrases=["reset password"], proposed=True), *RULES[1:]]
    assert matching.find_rule("reset password", proposed) is None
    assert matching.find_rule("withdraw", proposed) == RULES[1]
    kept = autoreply_settings.validated("p1", {"faq": [{**proposed[0], "answer": "a"}]})
    assert kept["faq"][0]["proposed"] is True
    approved = autoreply_settings.validated("p1", {"faq": [{**RULES[0], "answer": "a"}]})
    assert "proposed" not in approved["faq"][0]


@pytest.mark.parametrize(
    ("text", "start"),
    [("/start", True), ("/start ref-42", True), ("/START@acme_help_bot", True), ("/stop", False)],
)
def test_start_commands(text: str, start: bool) -> None:
    assert matching.is_start(text) is start


def berlin() -> Calendar:
    return Calendar.of("Europe/Berlin", WEEKDAYS_9_TO_18, ["2026-12-25"])


def test_the_team_is_back_on_monday_after_a_weekend() -> None:
    friday_evening = ms("2026-12-04T19:30:00+01:00")
    back = off_hours.back_at(berlin(), friday_evening)
    assert back == ms("2026-12-07T09:00:00+01:00")
    assert off_hours.back_at(berlin(), ms("2026-12-06T12:00:00+01:00")) == back  # Sunday
    assert off_hours.back_at(berlin(), ms("2026-12-07T10:00:00+01:00")) is None  # open
    assert off_hours.shown(berlin(), back) == "Mon 2026-12-07 09:00 (Europe/Berlin)"


def test_a_holiday_and_a_daylight_saving_change_move_the_return() -> None:
    christmas_eve = ms("2026-12-24T18:30:00+01:00")
    assert off_hours.back_at(berlin(), christmas_eve) == ms("2026-12-28T09:00:00+01:00")
    # Summer time starts on Sunday 28 March 2027: Monday 09:00 is 07:00 UTC, not 08:00.
    friday = ms("2027-03-26T20:00:00+01:00")
    assert off_hours.back_at(berlin(), friday) == ms("2027-03-29T07:00:00+00:00")


def test_no_business_hours_means_never_away() -> None:
    assert off_hours.back_at(None, ms("2026-12-05T03:00:00+00:00")) is None
    always = Calendar.of("UTC", None)
    assert off_hours.back_at(always, ms("2026-12-05T03:00:00+00:00")) is None


def test_buttons_carry_their_session_and_token_within_64_bytes() -> None:
    token = buttons.new_token()
    markup = buttons.keyboard("01JF0Z8W1XK9V3T4P6Q2R5S7YA", token, "ru")
    row = markup["inline_keyboard"][0]
    assert [b["text"] for b in row] == [
        wording.BUTTONS["ru"]["solved"],
        wording.BUTTONS["ru"]["help"],
    ]
    assert all(len(b["callback_data"].encode()) <= 64 for b in row)
    pressed = buttons.decode(row[0]["callback_data"])
    assert pressed == buttons.Press("01JF0Z8W1XK9V3T4P6Q2R5S7YA", token, buttons.SOLVED)
    assert buttons.decode(row[1]["callback_data"]).choice == buttons.HELP  # type: ignore[union-attr]
    assert buttons.decode("csat:abc:12345678:4") is None


def test_texts_are_chosen_in_the_users_language() -> None:
    texts = {"en": "Hi", "zh": "你好"}
    assert wording.choose(texts, "zh-hans") == "你好"
    assert wording.choose(texts, "de") == "Hi"
    assert wording.choose({"ru": "Привет"}, "de") == "Привет"  # the only language written
    assert wording.choose({}, "en") == ""


def test_settings_are_bounded() -> None:
    valid = autoreply_settings.validated(
        "p1",
        {
            "welcome": {"enabled": True, "texts": {"EN": "  Hello  "}},
            "faq": [{"phrases": ["reset password", "Reset  Password"], "answer": "Use the link."}],
        },
    )
    assert valid["welcome"] == {"enabled": True, "texts": {"en": "Hello"}}
    assert valid["off_hours"]["enabled"] is False
    assert valid["faq"][0]["phrases"] == ["reset password"]  # the same once normalised
    assert valid["faq"][0]["rule_id"] and valid["faq"][0]["buttons"] is True
    bad: list[dict[str, Any]] = [
        {"faq": [{"answer": "x"}] * (MAX_RULES + 1)},
        {"faq": [{"phrases": [], "keywords": [], "answer": "x"}]},
        {"faq": [{"phrases": ["x" * 101], "answer": "x"}]},
        {"faq": [{"phrases": ["x"], "answer": "x" * 1001}]},
        {"faq": [{"phrases": ["x"], "answer": "x", "language": "english!"}]},
        {"faq": [{"rule_id": "a", "phrases": ["x"], "answer": "x"}] * 2},
        {"welcome": {"enabled": True, "texts": {}}},
        {"off_hours": {"texts": {f"a{chr(97 + n)}": "x" for n in range(21)}}},
    ]
    for wanted in bad:
        with pytest.raises(InvalidInput):
            autoreply_settings.validated("p1", wanted)
