"""The user's local time: an agent who may see a user sets their IANA time zone (validated,
audited; nothing is guessed), and `is_quiet_time` tells the user's night from it with the
project's night hours (22:00 to 08:00 by default)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import collab_helpers
from fastapi.testclient import TestClient

from tgdesk.storage import conversations
from tgdesk.tasks.local_time import is_quiet_time

team = collab_helpers.team


def at_utc(hour: int, minute: int = 0) -> int:
    return int(datetime(2026, 6, 1, hour, minute, tzinfo=UTC).timestamp() * 1000)


def user_url(team: dict[str, Any]) -> str:
    session = team["sessions"]["maria"]
    return f"/api/projects/{team['p1']}/users/{session['tg_user_id']}"


def test_an_agent_sets_a_valid_time_zone_and_it_is_audited(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = user_url(team)
    assert client.get(url, headers=team["maria"]).json()["time_zone"] is None  # never guessed
    for wrong in ("Mars/Olympus", "UTC+8", "../etc/passwd", "zh-CN"):
        refused = client.patch(url, json={"time_zone": wrong}, headers=team["maria"])
        assert refused.status_code == 422, wrong
        assert refused.json()["code"] == "invalid_time_zone"
    set_ = client.patch(url, json={"time_zone": "Asia/Shanghai"}, headers=team["maria"])
    assert set_.status_code == 200, set_.text
    assert set_.json()["time_zone"] == "Asia/Shanghai"
    assert (
        client.patch(url, json={"time_zone": "Europe/Berlin"}, headers=team["ana"]).status_code
        == 404
    )
    audit = client.get("/api/audit", params={"project_id": team["p1"]}, headers=team["boss"]).json()
    [entry] = [e for e in audit["items"] if e["action"] == "user.time_zone"]
    assert entry["after"] == {"time_zone": "Asia/Shanghai"}
    cleared = client.patch(url, json={"time_zone": None}, headers=team["boss"])
    assert cleared.json()["time_zone"] is None


def test_quiet_time_is_the_users_night_in_their_zone(
    client: TestClient, team: dict[str, Any]
) -> None:
    session = team["sessions"]["maria"]
    client.patch(user_url(team), json={"time_zone": "Asia/Shanghai"}, headers=team["maria"])
    profile = conversations.get_user(team["p1"], session["tg_user_id"]) or {}
    assert is_quiet_time(profile, at_utc(15))  # 23:00 in Shanghai
    assert is_quiet_time(profile, at_utc(23, 59))  # 07:59
    assert not is_quiet_time(profile, at_utc(0))  # 08:00
    assert not is_quiet_time(profile, at_utc(13, 59))  # 21:59
    assert not is_quiet_time({**profile, "time_zone": None}, at_utc(15))  # unknown: no night
    settings = {"team_chat_reminders": False, "night_start": "21:00", "night_end": "07:00"}
    saved = client.put(
        f"/api/projects/{team['p1']}/task-settings", json=settings, headers=team["admin"]
    )
    assert saved.status_code == 200, saved.text
    assert is_quiet_time(profile, at_utc(13, 30))  # 21:30 is night now
    assert not is_quiet_time(profile, at_utc(23, 30))  # 07:30 is morning
