"""Follow-up tasks: opened on a session (owner: its holder unless named, following
transfers), reminded to their owner at the due time exactly once (with a controlled clock,
also after a transfer and under overlapping scheduler runs), flagged overdue on the session,
listed per owner and per supervised project, hidden from everyone else.

The team (collab_helpers): admin; p1 maria and ana (agents), boss (supervisor); p2 li
(agent), chief (supervisor). maria holds a session of p1.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from conftest import lambda_context
from fastapi.testclient import TestClient
from realtime_support import StreamTap

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.storage import keys, sessions, table
from tgdesk.storage import tasks as store
from tgdesk.tasks import reminders, service

team = collab_helpers.team
HOUR = 3_600_000


@pytest.fixture
def tap(aws: Any, team: dict[str, Any]) -> StreamTap:
    return StreamTap(aws)


def promise(client: TestClient, team: dict[str, Any], due_at: int, **body: Any) -> dict[str, Any]:
    sid = team["sessions"]["maria"]["session_id"]
    made = client.post(
        f"/api/sessions/{sid}/tasks",
        json={"kind": "promise", "due_at": due_at, "note": "send progress at 10:00", **body},
        headers=team["maria"],
    )
    assert made.status_code == 201, made.text
    return made.json()


def notices(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    answer = client.get("/api/notices", headers=headers)
    assert answer.status_code == 200, answer.text
    return [n for n in answer.json()["items"] if n["notice"] == "task_due"]


def my_tasks(client: TestClient, headers: dict[str, str], **params: Any) -> list[str]:
    answer = client.get("/api/tasks", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return [t["task_id"] for t in answer.json()["items"]]


def session_counts(team: dict[str, Any]) -> tuple[int, int]:
    found = sessions.get(team["sessions"]["maria"]["session_id"]) or {}
    return int(found.get("tasks_open", 0)), int(found.get("tasks_overdue", 0))


def test_a_promise_reminds_its_owner_at_the_due_time_exactly_once(
    client: TestClient, team: dict[str, Any]
) -> None:
    due_at = clock.now_ms() + HOUR
    task = promise(client, team, due_at)
    assert (task["owner_id"], task["owner_now"], task["state"]) == (
        None,
        team["ids"]["maria"],
        "open",
    )
    assert session_counts(team) == (1, 0)

    clock.set_now_for_tests(due_at - 1)
    assert reminders.run_due_tasks()["tasks_due"] == 0
    assert notices(client, team["maria"]) == []

    clock.set_now_for_tests(due_at + 1_000)
    assert reminders.run_due_tasks() == {"tasks_due": 1, "tasks_reminded": 1, "tasks_skipped": 0}
    assert reminders.run_due_tasks()["tasks_due"] == 0  # it left the due index
    [notice] = notices(client, team["maria"])
    assert (notice["session_id"], notice["task_id"], notice["due_at"]) == (
        task["session_id"],
        task["task_id"],
        due_at,
    )
    assert session_counts(team) == (1, 1)
    assert my_tasks(client, team["maria"], state="overdue") == [task["task_id"]]
    shown = client.get(f"/api/sessions/{task['session_id']}", headers=team["maria"]).json()
    assert (shown["tasks_open"], shown["tasks_overdue"]) == (1, 1)  # the list row's flag

    done = client.patch(
        f"/api/sessions/{task['session_id']}/tasks/{task['task_id']}",
        json={"version": 2, "done": True},
        headers=team["maria"],
    )
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "done"
    assert session_counts(team) == (0, 0)
    assert my_tasks(client, team["maria"]) == []  # done tasks leave the owner's list
    stale = client.patch(
        f"/api/sessions/{task['session_id']}/tasks/{task['task_id']}",
        json={"version": 2, "note": "late"},
        headers=team["maria"],
    )
    assert stale.status_code == 409


def test_after_a_transfer_the_new_holder_is_reminded_and_lists_it(
    client: TestClient, team: dict[str, Any], tap: StreamTap
) -> None:
    due_at = clock.now_ms() + HOUR
    task = promise(client, team, due_at)
    named = promise(client, team, due_at + 1, owner_id=team["ids"]["boss"])
    sid = task["session_id"]
    tap.records()  # the stream so far
    moved = client.post(
        f"/api/sessions/{sid}/transfer",
        json={"to": {"agent_id": team["ids"]["ana"]}},
        headers=team["maria"],
    )
    assert moved.status_code == 200, moved.text
    # Before the stream moves the copy, maria no longer sees the task (she lost the session).
    assert my_tasks(client, team["maria"]) == []
    records = tap.records()
    assert cfn.load_handler("AssignFunction")({"Records": records}, lambda_context()) == {
        "batchItemFailures": []
    }
    assert my_tasks(client, team["ana"]) == [task["task_id"]]
    assert my_tasks(client, team["boss"], mine=True) == [named["task_id"]]  # a named owner stays

    clock.set_now_for_tests(due_at + 5)
    assert reminders.run_due_tasks()["tasks_reminded"] == 2
    assert notices(client, team["maria"]) == []
    assert [n["session_id"] for n in notices(client, team["ana"])] == [sid]
    assert [n["session_id"] for n in notices(client, team["boss"])] == [sid]


def test_overlapping_runs_remind_once(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    due_at = clock.now_ms() + HOUR
    promise(client, team, due_at)
    clock.set_now_for_tests(due_at + 5)
    [indexed] = store.due(due_at + 5, most=10)
    original = store.get
    outcomes: list[bool] = []

    def read_then_let_run_a_finish(session_id: str, task_id: str) -> Any:
        found = original(session_id, task_id)
        monkeypatch.setattr(store, "get", original)
        outcomes.append(reminders.remind(indexed, due_at + 5))  # run A
        return found

    monkeypatch.setattr(store, "get", read_then_let_run_a_finish)
    outcomes.append(reminders.remind(indexed, due_at + 5))  # run B, from what it read first
    assert outcomes == [True, False]
    assert len(notices(client, team["maria"])) == 1
    assert session_counts(team) == (1, 1)


def test_who_sees_which_tasks(client: TestClient, team: dict[str, Any]) -> None:
    task = promise(client, team, clock.now_ms() + HOUR)
    sid = task["session_id"]
    assert client.get(f"/api/sessions/{sid}/tasks", headers=team["ana"]).status_code == 404
    hidden = client.post(
        f"/api/sessions/{sid}/tasks", json={"due_at": task["due_at"]}, headers=team["li"]
    )
    assert hidden.status_code == 404
    assert my_tasks(client, team["boss"]) == [task["task_id"]]  # the project's, as supervisor
    assert my_tasks(client, team["chief"]) == []
    assert my_tasks(client, team["ana"]) == []
    assert (
        client.get("/api/tasks", params={"project_id": team["p1"]}, headers=team["li"]).status_code
        == 404
    )
    bad_owner = client.post(
        f"/api/sessions/{sid}/tasks",
        json={"due_at": task["due_at"], "owner_id": team["ids"]["li"]},
        headers=team["maria"],
    )
    assert bad_owner.status_code == 422
    gone = client.delete(f"/api/sessions/{sid}/tasks/{task['task_id']}", headers=team["maria"])
    assert gone.status_code == 204
    assert session_counts(team) == (0, 0)
    assert my_tasks(client, team["boss"]) == []


def test_open_task_for_other_features(client: TestClient, team: dict[str, Any]) -> None:
    session = team["sessions"]["maria"]
    made = service.open_task(
        team["p1"],
        session["session_id"],
        kind="csat_follow_up",
        due_at=clock.now_ms() + HOUR,
        owner_id=team["ids"]["boss"],
        note="rated 2: call the user",
        created_by="system",
    )
    assert (made["task_kind"], made["owner_id"], made["copy_owner"]) == (
        "csat_follow_up",
        team["ids"]["boss"],
        team["ids"]["boss"],
    )
    with pytest.raises(Exception, match="kind"):
        service.open_task(
            team["p1"],
            session["session_id"],
            kind="chore",
            due_at=1,
            owner_id=None,
            note="",
            created_by="system",
        )


def test_a_task_whose_session_is_gone_leaves_the_due_index(
    client: TestClient, team: dict[str, Any]
) -> None:
    due_at = clock.now_ms() + HOUR
    promise(client, team, due_at)
    table.client().delete_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session(promise_sid(team)), strict=True))),
    )
    clock.set_now_for_tests(due_at + 5)
    assert reminders.run_due_tasks()["tasks_reminded"] == 1  # nobody to tell, nothing to count
    assert reminders.run_due_tasks()["tasks_due"] == 0


def promise_sid(team: dict[str, Any]) -> str:
    return str(team["sessions"]["maria"]["session_id"])


def test_the_team_group_hears_of_a_due_task_when_the_project_wants_it(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    posts: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        reminders.teamchat,
        "post",
        lambda project_id, key, text, link=None: posts.append((project_id, key, text)) or True,
    )
    due_at = clock.now_ms() + HOUR
    first = promise(client, team, due_at)
    clock.set_now_for_tests(due_at + 5)
    reminders.run_due_tasks()
    assert posts == []  # off by default
    wanted = {"team_chat_reminders": True, "night_start": "22:00", "night_end": "08:00"}
    url = f"/api/projects/{team['p1']}/task-settings"
    assert client.put(url, json=wanted, headers=team["boss"]).status_code == 403  # admins only
    assert client.put(url, json=wanted, headers=team["admin"]).status_code == 200
    second = promise(client, team, due_at + 10)
    clock.set_now_for_tests(due_at + 20)
    reminders.run_due_tasks()
    reminders.run_due_tasks()
    key = f"task:{second['task_id']}:{due_at + 10}"
    assert posts == [(team["p1"], key, "Task due: send progress at 10:00")]
    assert first["task_id"] not in posts[0][1]


def test_an_erased_sessions_copy_leaves_its_owners_list(
    client: TestClient, team: dict[str, Any]
) -> None:
    named = promise(client, team, clock.now_ms() + HOUR, owner_id=team["ids"]["ana"])
    assert my_tasks(client, team["ana"]) == [named["task_id"]]
    session_key = dict(zip(("PK", "SK"), keys.session(promise_sid(team)), strict=True))
    table.client().delete_item(TableName=table.table_name(), Key=table.to_item(session_key))
    assert my_tasks(client, team["ana"]) == []
    pk, _ = keys.owned_task(team["ids"]["ana"], "")
    assert table.query_all(pk=pk, sk_prefix=keys.TASK_PREFIX) == []
