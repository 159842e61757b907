"""Auto-close after the user's silence: the timer a session gets when it (re)opens, and
the scheduler's `timers` job that closes what is due or moves it to the end of the user's
silence (invoked as EventBridge invokes it)."""

from __future__ import annotations

from typing import Any

import lifecycle_fixtures
import pytest
from api_helpers import scheduler_handler
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID
from lifecycle_support import (
    HOUR,
    T0,
    assign,
    at,
    audit_actions,
    autoclose_timer,
    open_session_id,
    open_sessions_of,
    profile,
    session,
    user_writes,
)

from tgdesk.accounts.access import Scope
from tgdesk.core import secrets
from tgdesk.inbound import ingest
from tgdesk.sessions import lifecycle
from tgdesk.storage import conversations, projects, sessions

# The desk of lifecycle_fixtures: the ingest project at T0, maria, boss and li.
aws, desk = lifecycle_fixtures.aws, lifecycle_fixtures.desk

NOTHING = {"due": 0, "closed": 0, "moved": 0, "skipped": 0, "dropped": 0}


@pytest.fixture
def run_timers(client: TestClient) -> Any:
    secrets.reset()
    handler = scheduler_handler()

    def run(moment: int) -> dict[str, Any]:
        at(moment)
        result = handler({"job": "timers"}, lambda_context())
        assert result.pop("job") == "timers"
        # the auto-close counts; the other timers' (returns, triggers, tasks, surveys,
        # shifts) are their own tests'
        return {name: n for name, n in result.items() if name in NOTHING}

    return run


def _user_writes_after(monkeypatch: pytest.MonkeyPatch, read: str) -> None:
    """`sessions.<read>` answers as it did, then the user writes (a race with the job)."""
    original = getattr(sessions, read)

    def then_user_writes(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        user_writes("wait, I am here")
        return found

    monkeypatch.setattr(sessions, read, then_user_writes)


def test_a_silent_users_session_closes_after_24_hours(
    desk: dict[str, Any], run_timers: Any
) -> None:
    user_writes("hello?")
    sid = open_session_id()
    assign(sid, desk["maria"])
    assert autoclose_timer(sid)["due_at"] == T0 + 24 * HOUR

    assert run_timers(T0 + 24 * HOUR - 1) == NOTHING
    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 1, "closed": 1}

    closed = session(sid)
    assert (closed["status"], closed["closed_at"]) == ("closed", T0 + 24 * HOUR)
    assert profile()["last_session_id"] == sid
    assert open_sessions_of(desk["maria"]) == 0
    assert autoclose_timer(sid) is None
    entry = audit_actions(sid)[-1]
    assert (entry["action"], entry["actor_id"]) == ("session.close", "system")
    assert entry["details"] == {"cause": "auto_close", "last_user_msg_at": T0}
    assert run_timers(T0 + 25 * HOUR) == NOTHING


def test_a_later_message_puts_the_close_off_until_the_silence_lasts(
    desk: dict[str, Any], run_timers: Any
) -> None:
    """A message to the open session leaves the timer; when it comes due, the job moves it
    to the end of the user's silence instead of closing."""
    user_writes("first")
    sid = open_session_id()
    at(T0 + 20 * HOUR)
    user_writes("second")
    assert autoclose_timer(sid)["due_at"] == T0 + 24 * HOUR  # no write per message

    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 1, "moved": 1}
    assert session(sid)["status"] == "unread"
    assert autoclose_timer(sid)["due_at"] == T0 + 44 * HOUR
    assert run_timers(T0 + 44 * HOUR - 1) == NOTHING
    assert run_timers(T0 + 44 * HOUR) == {**NOTHING, "due": 1, "closed": 1}


def test_a_longer_silence_time_set_meanwhile_applies_when_the_timer_comes_due(
    desk: dict[str, Any], run_timers: Any
) -> None:
    user_writes("hello?")
    sid = open_session_id()
    projects.update_project(PROJECT_ID, {"auto_close_after_hours": 30})

    assert run_timers(T0 + 24 * HOUR)["moved"] == 1
    assert autoclose_timer(sid)["due_at"] == T0 + 30 * HOUR
    assert run_timers(T0 + 30 * HOUR)["closed"] == 1


def test_the_projects_own_silence_time(desk: dict[str, Any], run_timers: Any) -> None:
    projects.update_project(PROJECT_ID, {"auto_close_after_hours": 2})
    ingest.clear_project_cache()
    user_writes("quick question")
    sid = open_session_id()

    assert run_timers(T0 + 2 * HOUR)["closed"] == 1
    assert session(sid)["status"] == "closed"


def test_a_user_writing_while_the_job_runs_keeps_the_session_open(
    desk: dict[str, Any], run_timers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_writes("hello?")
    sid = open_session_id()
    _user_writes_after(monkeypatch, "due_timers")  # the job then reads the session anew
    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 1, "moved": 1}
    assert session(sid)["status"] == "unread"
    assert autoclose_timer(sid)["due_at"] == T0 + 48 * HOUR


def test_a_user_writing_after_the_job_read_the_session_keeps_it_open(
    desk: dict[str, Any], run_timers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The close is conditioned on the user's last message as the job read it."""
    user_writes("hello?")
    sid = open_session_id()
    _user_writes_after(monkeypatch, "get")
    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 1, "skipped": 1}
    monkeypatch.undo()
    assert session(sid)["status"] == "unread"
    assert run_timers(T0 + 24 * HOUR + 1) == {**NOTHING, "due": 1, "moved": 1}
    assert autoclose_timer(sid)["due_at"] == T0 + 48 * HOUR


def test_a_timer_left_behind_by_a_closed_session_is_dropped(
    desk: dict[str, Any], run_timers: Any
) -> None:
    user_writes("hello?")
    sid = open_session_id()
    stale = autoclose_timer(sid)
    assert stale is not None
    lifecycle.close(Scope({"agent_id": "root", "role": "admin"}), sid)
    sessions.table.client().put_item(
        TableName=sessions.table.table_name(), Item=sessions.table.to_item(stale)
    )

    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 1, "dropped": 1}
    assert autoclose_timer(sid) is None


def test_a_busy_minute_closes_at_most_a_batch(
    desk: dict[str, Any], run_timers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lifecycle, "TIMERS_PER_RUN", 2)
    for user in (700100201, 700100202, 700100203):
        user_writes(f"hi from {user}", user=user)

    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 2, "closed": 2}
    assert run_timers(T0 + 24 * HOUR) == {**NOTHING, "due": 1, "closed": 1}


def test_the_job_closes_across_shards_the_earliest_due_first_a_batch_a_run(
    desk: dict[str, Any], run_timers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lifecycle, "TIMERS_PER_RUN", 3)
    users = (700100301, 700100302, 700100303, 700100304, 700100305)
    for minute, user in enumerate(reversed(users)):  # the last user is due first
        at(T0 + minute * 60_000)
        user_writes(f"hi from {user}", user=user)
    opened = [conversations.get_user(PROJECT_ID, u)["open_session_id"] for u in users]
    shards = {timer["GSI2PK"] for sid in opened if (timer := autoclose_timer(sid))}
    assert len(shards) > 1  # more than one shard holds them
    closing: list[int] = []
    close = lifecycle._auto_close

    def recorded(timer: dict[str, Any], *args: Any) -> str:
        closing.append(int(timer["due_at"]))
        return close(timer, *args)

    monkeypatch.setattr(lifecycle, "_auto_close", recorded)
    assert run_timers(T0 + 25 * HOUR) == {**NOTHING, "due": 3, "closed": 3}
    assert run_timers(T0 + 25 * HOUR) == {**NOTHING, "due": 2, "closed": 2}
    assert closing == sorted(closing) and len(closing) == len(users)
