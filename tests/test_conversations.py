"""The conversations repository against moto: races, edits, and the reads the console uses."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import TABLE
from ingest_support import PROJECT_ID, USER_ID

from tgdesk.audit import entries as audit
from tgdesk.core import clock
from tgdesk.core.errors import Conflict, InvalidInput
from tgdesk.inbound import ingest
from tgdesk.sessions.opening import InboundTiming
from tgdesk.storage import conversations as conv
from tgdesk.storage import keys, session_list, sessions, table
from tgdesk.storage.conversations import Write
from tgdesk.storage.session_list import SessionFilter

T0 = 1_767_225_700_000
PROFILE = {"first_name": "Ada", "last_name": "Lovelace", "username": "ada_l", "is_premium": False}
DAY = 24 * 3_600_000


@pytest.fixture(autouse=True)
def frozen(aws: Any) -> None:
    clock.set_now_for_tests(T0)


_update_ids = iter(range(1, 1_000_000))


def text(body: str, telegram_message_id: int | None = None) -> dict[str, Any]:
    raw = {"message_id": telegram_message_id or 1, "text": body}
    message = {"type": "text", "text": body, "raw": raw}
    if telegram_message_id is not None:
        message["telegram_message_id"] = telegram_message_id
    return message


def inbound(
    message: dict[str, Any], *, user: int = USER_ID, now: int = T0, update_id: int | None = None
) -> Write:
    return ingest.store_user_message(
        PROJECT_ID,
        update_id if update_id is not None else next(_update_ids),
        tg_user_id=user,
        chat_id=user,
        profile=PROFILE,
        message=message,
        timing=InboundTiming(autoclose_due=now + DAY, reopen_since=now - 7 * DAY),
        now=now,
    )


def open_session(user: int = USER_ID) -> dict[str, Any]:
    profile = conv.get_user(PROJECT_ID, user)
    assert profile is not None
    session = conv.get_session(profile["open_session_id"])
    assert session is not None
    return session


def key(pk_sk: tuple[str, str]) -> dict[str, Any]:
    pk, sk = pk_sk
    return table.to_item({"PK": pk, "SK": sk})


def close(session: dict[str, Any], at: int) -> None:
    """A session closed with no trace on the profile: the user gets a new session."""
    ddb = table.client()
    ddb.update_item(
        TableName=TABLE,
        Key=key(keys.session(session["session_id"])),
        UpdateExpression="SET #s = :closed, closed_at = :at",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues=table.values({":closed": "closed", ":at": at}),
    )
    ddb.update_item(
        TableName=TABLE,
        Key=key(keys.telegram_user(PROJECT_ID, session["tg_user_id"])),
        UpdateExpression="REMOVE open_session_id",
    )


def stale_profile_reads(monkeypatch: pytest.MonkeyPatch, stale: dict[str, Any] | None, times: int):
    """The next `times` profile reads return `stale`, as if another write had not landed yet."""
    real_get = table.get
    remaining = [times]

    def get(pk: str, sk: str, *, consistent: bool = False) -> dict[str, Any] | None:
        if sk == "PROFILE" and remaining[0] > 0:
            remaining[0] -= 1
            return stale
        return real_get(pk, sk, consistent=consistent)

    monkeypatch.setattr(table, "get", get)


def test_a_message_after_the_session_closed_opens_a_new_one() -> None:
    assert inbound(text("first")) is Write.STORED
    first = open_session()
    close(first, T0 + 10)

    assert inbound(text("second"), now=T0 + 20) is Write.STORED

    second = open_session()
    assert second["session_id"] != first["session_id"]
    refs = conv.list_user_sessions(PROJECT_ID, USER_ID)
    assert [r["session_id"] for r in refs] == [second["session_id"], first["session_id"]]
    old, _ = conv.list_session_messages(conv.get_session(first["session_id"]) or {})
    new, _ = conv.list_session_messages(second)
    assert [m["text"] for m in old] == ["first"]
    assert [m["text"] for m in new] == ["second"]


def test_a_session_closed_between_read_and_write_is_retried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert inbound(text("first")) is Write.STORED
    stale = conv.table.get(*keys.telegram_user(PROJECT_ID, USER_ID))
    first = open_session()
    close(first, T0 + 10)
    stale_profile_reads(monkeypatch, stale, times=1)

    assert inbound(text("second"), now=T0 + 20) is Write.STORED

    assert open_session()["session_id"] != first["session_id"]
    assert len(conv.list_user_sessions(PROJECT_ID, USER_ID)) == 2


def test_a_session_opened_between_read_and_write_is_joined(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert inbound(text("first")) is Write.STORED
    stale_profile_reads(monkeypatch, None, times=1)

    assert inbound(text("second"), now=T0 + 5) is Write.STORED

    assert len(conv.list_user_sessions(PROJECT_ID, USER_ID)) == 1
    items, _ = conv.list_session_messages(open_session())
    assert [m["text"] for m in items] == ["first", "second"]


def test_endless_lost_races_give_up_with_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    assert inbound(text("first")) is Write.STORED
    monkeypatch.setattr(conv.time, "sleep", lambda _: None)
    stale_profile_reads(monkeypatch, None, times=conv.MAX_ATTEMPTS)
    with pytest.raises(Conflict) as err:
        inbound(text("second"), now=T0 + 5)
    assert err.value.code == "ingest_conflict"


def test_the_same_update_is_written_once() -> None:
    assert inbound(text("hi"), update_id=42) is Write.STORED
    assert inbound(text("hi"), update_id=42, now=T0 + 1) is Write.DUPLICATE
    items, _ = conv.list_session_messages(open_session())
    assert len(items) == 1


def test_edits_keep_the_original_and_the_latest_versions() -> None:
    assert inbound(text("v0", telegram_message_id=7)) is Write.STORED
    for n in range(1, 61):
        edit = conv.store_message_edit(
            PROJECT_ID,
            next(_update_ids),
            tg_user_id=USER_ID,
            message=text(f"v{n}", telegram_message_id=7),
            edited_at=T0 + n,
            now=T0 + n,
        )
        assert edit is Write.STORED

    [message], _ = conv.list_session_messages(open_session())
    assert message["text"] == "v60" and message["edited_at"] == T0 + 60
    versions = [e["text"] for e in message["edits"]]
    assert len(versions) == conv.MAX_EDITS
    assert versions[0] == "v0"
    assert versions[1:] == [f"v{n}" for n in range(11, 60)]
    assert message["edits_dropped"] == 10


def test_an_edit_that_removes_a_caption() -> None:
    photo = {"type": "photo", "caption": "old", "media": {"file_id": "A"}, "raw": {}}
    photo["telegram_message_id"] = 8
    assert inbound(photo) is Write.STORED
    new_version = {"type": "photo", "media": {"file_id": "A"}, "raw": {"message_id": 8}}
    new_version["telegram_message_id"] = 8
    write = conv.store_message_edit(
        PROJECT_ID, 900, tg_user_id=USER_ID, message=new_version, edited_at=T0 + 1, now=T0 + 1
    )
    assert write is Write.STORED
    [message], _ = conv.list_session_messages(open_session())
    assert "caption" not in message
    assert message["edits"] == [{"caption": "old", "media": {"file_id": "A"}, "at": T0}]


def test_an_edit_of_a_message_never_stored() -> None:
    write = conv.store_message_edit(
        PROJECT_ID, 901, tg_user_id=USER_ID, message=text("x", 99), edited_at=T0, now=T0
    )
    assert write is Write.NO_ORIGINAL
    assert conv.table.get(*keys.update_seen(PROJECT_ID, 901)) is None


def test_ignored_counts_hold_only_counts() -> None:
    assert conv.count_ignored(PROJECT_ID, 1, kind="group_message", now=T0) is Write.STORED
    assert conv.count_ignored(PROJECT_ID, 2, kind="group_message", now=T0) is Write.STORED
    assert conv.count_ignored(PROJECT_ID, 2, kind="group_message", now=T0) is Write.DUPLICATE
    assert conv.count_ignored(PROJECT_ID, 3, kind="poll_answer", now=T0) is Write.STORED
    assert conv.get_ignored_counts(PROJECT_ID) == {"group_message": 2, "poll_answer": 1}
    assert conv.get_ignored_counts("empty") == {}


def test_update_markers_expire_after_two_days() -> None:
    inbound(text("hi"), update_id=77)
    marker = conv.table.get(*keys.update_seen(PROJECT_ID, 77))
    assert marker is not None and marker["ttl"] == T0 // 1000 + 48 * 3600


def test_dead_letters_newest_first_with_a_cursor() -> None:
    for n in range(5):
        conv.put_dead_letter(PROJECT_ID, body=f"body {n}", reason="not JSON", now=T0 + n)
    conv.put_dead_letter(PROJECT_ID, body="x" * 70_000, reason="too big", now=T0 + 10)

    first, cursor = conv.list_dead_letters(limit=4)
    assert [d["body"][:6] for d in first] == ["x" * 6, "body 4", "body 3", "body 2"]
    assert len(first[0]["body"]) == conv.DEAD_LETTER_MAX_BODY_BYTES and first[0]["body_truncated"]
    assert first[0]["body_length"] == 70_000
    rest, end = conv.list_dead_letters(limit=4, cursor=cursor)
    assert [d["body"] for d in rest] == ["body 1", "body 0"]
    assert end is None


def test_project_sessions_page_newest_activity_first() -> None:
    for n in range(5):
        inbound(text(f"user {n}"), user=1000 + n, now=T0 + n * 1000)
    inbound(text("again"), user=1001, now=T0 + 9000)

    seen: list[int] = []
    cursor = None
    while True:
        items, cursor = session_list.list_page(
            [session_list.project_partition(PROJECT_ID)], SessionFilter(), limit=2, cursor=cursor
        )
        seen.extend(s["tg_user_id"] for s in items)
        assert not {"PK", "SK", "GSI1PK", "GSI2SK"} & {k for s in items for k in s}
        if cursor is None:
            break
        assert cursor.replace("-", "").replace("_", "").isalnum()
    assert seen == [1001, 1004, 1003, 1002, 1000]
    assert [s["tg_user_id"] for s in conv.list_queue(PROJECT_ID)] == [1000, 1002, 1003, 1004, 1001]
    assert [s["tg_user_id"] for s in conv.list_queue(PROJECT_ID, limit=2)] == [1000, 1002]


def test_an_agents_sessions() -> None:
    for n in range(3):
        inbound(text("hi"), user=2000 + n, now=T0 + n)
    for n in (0, 2):  # what routing does to a session
        sid = open_session(2000 + n)["session_id"]
        table.client().update_item(
            TableName=TABLE,
            Key=key(keys.session(sid)),
            UpdateExpression="SET assignee_id = :a, GSI1PK = :pk",
            ExpressionAttributeValues=table.values(
                {":a": "agent7", ":pk": keys.assignee_sessions_index("agent7")}
            ),
        )
    items, cursor = session_list.list_page(
        [session_list.assignee_partition("agent7")], SessionFilter()
    )
    assert [s["tg_user_id"] for s in items] == [2002, 2000] and cursor is None
    assert [s["tg_user_id"] for s in conv.list_queue(PROJECT_ID)] == [2001]


def test_session_messages_page_oldest_first() -> None:
    for n in range(5):
        inbound(text(f"m{n}"), now=T0 + n)
    session = open_session()

    page, cursor = conv.list_session_messages(session, limit=3)
    assert [m["text"] for m in page] == ["m0", "m1", "m2"]
    assert page[0]["raw"] == {"message_id": 1, "text": "m0"}
    rest, end = conv.list_session_messages(session, limit=3, cursor=cursor)
    assert [m["text"] for m in rest] == ["m3", "m4"] and end is None


@pytest.mark.parametrize("cursor", ["%%%", "bm90IGpzb24", "W10", "eyJQSyI6IDF9"])
def test_a_broken_cursor_is_invalid_input(cursor: str) -> None:
    with pytest.raises(InvalidInput) as err:
        conv.list_dead_letters(cursor=cursor)
    assert err.value.code == "invalid_cursor"


def test_a_cursor_of_another_list_is_refused() -> None:
    inbound(text("hi"))
    for n in range(2):
        conv.put_dead_letter(PROJECT_ID, body=f"body {n}", reason="not JSON", now=T0 + n)
    _, cursor = conv.list_dead_letters(limit=1)
    assert cursor is not None
    with pytest.raises(InvalidInput):
        conv.list_session_messages(open_session(), cursor=cursor)


def test_reads_of_missing_things() -> None:
    assert conv.get_session("nope") is None
    assert conv.get_user(PROJECT_ID, 1) is None
    assert conv.list_user_sessions(PROJECT_ID, 1) == []
    assert conv.list_queue(PROJECT_ID) == []
    assert session_list.list_page(
        [session_list.project_partition(PROJECT_ID)], SessionFilter()
    ) == ([], None)


# -- reopening ----------------------------------------------------------------------------
def _entry(action: str, session: dict[str, Any]) -> dict[str, Any]:
    return audit.entry(
        action, actor_id="agent-1", project_id=PROJECT_ID, target_id=session["session_id"]
    )


def closed_for_real(at: int) -> dict[str, Any]:
    """Close the user's open session the way the API does."""
    session = sessions.get(open_session()["session_id"])
    assert session is not None
    sessions.close(session, at=at, entry=_entry("session.close", session))
    closed = sessions.get(session["session_id"])
    assert closed is not None
    return closed


def test_a_message_soon_after_a_close_reopens_the_session() -> None:
    inbound(text("first"))
    closed = closed_for_real(T0 + 10)

    assert inbound(text("second"), now=T0 + 6 * DAY) is Write.STORED

    session = open_session()
    assert session["session_id"] == closed["session_id"]
    assert (session["status"], session["reopened_at"]) == ("unread", T0 + 6 * DAY)
    assert "closed_at" not in session
    items, _ = conv.list_session_messages(session)
    assert [m["text"] for m in items] == ["first", "second"]
    assert len(conv.list_user_sessions(PROJECT_ID, USER_ID)) == 1


def test_a_message_after_the_reopen_window_opens_a_new_session() -> None:
    inbound(text("first"))
    closed = closed_for_real(T0 + 10)

    assert inbound(text("second"), now=T0 + 10 + 7 * DAY) is Write.STORED

    assert open_session()["session_id"] != closed["session_id"]
    assert sessions.get(closed["session_id"])["status"] == "closed"


def test_a_session_reopened_by_an_agent_meanwhile_is_joined(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbound(text("first"))
    closed = closed_for_real(T0 + 10)
    stale = table.get(*keys.telegram_user(PROJECT_ID, USER_ID))
    sessions.reopen(
        closed, at=T0 + 20, autoclose_due=T0 + DAY, entry=_entry("session.reopen", closed)
    )
    stale_profile_reads(monkeypatch, stale, times=1)

    assert inbound(text("second"), now=T0 + 30) is Write.STORED

    session = open_session()
    assert session["session_id"] == closed["session_id"]
    items, _ = conv.list_session_messages(session)
    assert [m["text"] for m in items] == ["first", "second"]


def test_a_session_gets_its_auto_close_timer_when_it_opens_and_keeps_it() -> None:
    """A message to the open session writes no timer (the scheduler moves it when due)."""
    inbound(text("first"))
    session_id = open_session()["session_id"]
    inbound(text("second"), now=T0 + 5_000)

    [timer] = sessions.list_timers(session_id)
    assert (timer["timer"], timer["due_at"]) == ("autoclose", T0 + DAY)
    assert timer["GSI2PK"] == keys.timers_index("autoclose", session_id)
    due, _ = sessions.due_timers("autoclose", T0 + DAY)
    assert [t["session_id"] for t in due] == [session_id]
    assert sessions.due_timers("autoclose", T0 + DAY - 1)[0] == []


def test_the_profile_is_rewritten_only_when_names_change_or_a_minute_passed() -> None:
    """A user writing several messages a minute costs one profile write: `last_seen_at` is
    exact to within conv.LAST_SEEN_EVERY_MS, new names are kept at once."""
    assert inbound(text("first"), now=T0) == Write.STORED
    writes: list[int] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        writes.append(sum("TGUSER#" in str(op) for op in params.get("TransactItems", [])))

    table.client().meta.events.register("provide-client-params.dynamodb", record)
    try:
        assert inbound(text("second"), now=T0 + 30_000) == Write.STORED
        assert conv.get_user(PROJECT_ID, USER_ID)["last_seen_at"] == T0  # type: ignore[index]
        later = T0 + conv.LAST_SEEN_EVERY_MS
        assert inbound(text("third"), now=later) == Write.STORED
        assert conv.get_user(PROJECT_ID, USER_ID)["last_seen_at"] == later  # type: ignore[index]
        renamed = {**PROFILE, "first_name": "Ada K."}
        assert (
            ingest.store_user_message(
                PROJECT_ID,
                next(_update_ids),
                tg_user_id=USER_ID,
                chat_id=USER_ID,
                profile=renamed,
                message=text("fourth"),
                timing=InboundTiming(autoclose_due=later + DAY, reopen_since=later - 7 * DAY),
                now=later + 1_000,
            )
            == Write.STORED
        )
    finally:
        table.client().meta.events.unregister("provide-client-params.dynamodb", record)
    assert [w for w in writes if w] == [1, 1]  # the third message and the rename
    assert conv.get_user(PROJECT_ID, USER_ID)["first_name"] == "Ada K."  # type: ignore[index]
    assert len({m["session_id"] for m in conv_messages()}) == 1


def conv_messages() -> list[dict[str, Any]]:
    return [i for i in table_items() if i.get("kind") == "message"]


def table_items() -> list[dict[str, Any]]:
    items = table.client().scan(TableName=TABLE)["Items"]
    return [table.from_item(i) or {} for i in items]
