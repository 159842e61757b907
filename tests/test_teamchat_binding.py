"""The team's group binds through the webhook: `/bind@bot CODE` in the group (real update
shapes), wrong, used and expired codes, re-binding, a group that becomes a supergroup, the
bot removed from the group, and the group's other messages still ignored."""

from __future__ import annotations

from typing import Any

import pytest
from ingest_support import PROJECT_ID, create_project, send, snapshot

from tgdesk.core import clock
from tgdesk.storage import conversations, keys, table
from tgdesk.teamchat import binding, codes, group_updates
from tgdesk.telegram.updates import BotLeftGroup, GroupBind, GroupMigrated, Ignored, parse_update

T0 = 1_767_225_700_000
OK = (200, {"ok": True})
ADMIN_ID = "agent-admin"
GROUP = {"id": -4518810793, "title": "Acme support team", "type": "group"}
SUPERGROUP = {"id": -1002471352452, "title": "Acme support team", "type": "supergroup"}
OTHER_GROUP = {"id": -1001869112345, "title": "Night shift", "type": "supergroup"}
_update_ids = iter(range(61_708_800, 61_709_800))


@pytest.fixture(autouse=True)
def project(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    create_project()


def group_message(chat: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A message in a group as Telegram sends it (the sender is there; tgdesk never reads it)."""
    return {
        "update_id": next(_update_ids),
        "message": {
            "message_id": 153,
            "from": {
                "id": 62626897,
                "is_bot": False,
                "first_name": "Andrey",
                "username": "Helldar",
                "language_code": "ru",
            },
            "chat": chat,
            "date": T0 // 1000,
            **fields,
        },
    }


def bind_command(chat: dict[str, Any], text: str) -> dict[str, Any]:
    command = text.split(" ", 1)[0]
    entities = [{"offset": 0, "length": len(command), "type": "bot_command"}]
    return group_message(chat, text=text, entities=entities)


def bot_status_change(chat: dict[str, Any], status: str) -> dict[str, Any]:
    bot = {"id": 600000001, "is_bot": True, "first_name": "Acme", "username": "acme_help_bot"}
    return {
        "update_id": next(_update_ids),
        "my_chat_member": {
            "chat": chat,
            "from": {"id": 62626897, "is_bot": False, "first_name": "Andrey"},
            "date": T0 // 1000,
            "old_chat_member": {"user": bot, "status": "member"},
            "new_chat_member": {"user": bot, "status": status, "until_date": 0},
        },
    }


def new_code() -> str:
    return str(binding.new_code(PROJECT_ID, actor_id=ADMIN_ID)["code"])


def answer(chat: dict[str, Any], text: str) -> tuple[int, dict[str, Any]]:
    return 200, {"method": "sendMessage", "chat_id": chat["id"], "text": text}


def audit_actions() -> list[dict[str, Any]]:
    items = table.client().scan(TableName=table.table_name())["Items"]
    entries = [table.from_item(i) or {} for i in items]
    return sorted(
        (e for e in entries if e.get("kind") == "audit" and e["action"].startswith("team_chat")),
        key=lambda e: e["entry_id"],
    )


def test_bind_with_the_bots_name_binds_the_group_and_answers_there(aws: Any) -> None:
    code = new_code()

    status_body = send(bind_command(SUPERGROUP, f"/bind@acme_help_bot {code}"))

    bound = group_updates.BOUND.format(project="Acme support")
    assert status_body == answer(SUPERGROUP, bound)
    chat = binding.current(PROJECT_ID)
    assert chat is not None
    assert (chat["chat_id"], chat["chat_type"], chat["title"]) == (
        SUPERGROUP["id"],
        "supergroup",
        "Acme support team",
    )
    assert chat["bound_at"] == T0 and chat["bound_by"] == ADMIN_ID
    assert table.get(*keys.team_chat_code(codes.digest(code))) is None  # used up
    created, bound_entry = audit_actions()
    assert created["action"] == "team_chat.code_created"
    assert bound_entry["action"] == "team_chat.bound"
    assert bound_entry.get("before") is None
    assert bound_entry["after"] == {"chat_id": SUPERGROUP["id"], "title": "Acme support team"}
    assert "Andrey" not in str(snapshot(aws)) and "62626897" not in str(snapshot(aws))


def test_the_code_is_kept_only_as_a_digest_and_typed_loosely(aws: Any) -> None:
    code = new_code()
    assert code not in str(snapshot(aws))

    assert send(bind_command(GROUP, f"/bind {code.lower()}"))[1]["method"] == "sendMessage"
    assert binding.current(PROJECT_ID) is not None


def test_a_redelivered_bind_changes_nothing_and_answers_nothing(aws: Any) -> None:
    update = bind_command(GROUP, f"/bind@acme_help_bot {new_code()}")
    send(update)
    before = snapshot(aws)

    assert send(update) == OK
    assert snapshot(aws) == before


def test_a_used_code_is_refused_and_binds_nothing_more() -> None:
    code = new_code()
    send(bind_command(GROUP, f"/bind {code}"))

    assert send(bind_command(OTHER_GROUP, f"/bind {code}")) == answer(
        OTHER_GROUP, group_updates.REFUSED
    )
    chat = binding.current(PROJECT_ID)
    assert chat is not None and chat["chat_id"] == GROUP["id"]


@pytest.mark.parametrize("late_ms", [0, 1])
def test_a_wrong_or_expired_code_gets_a_short_answer_and_binds_nothing(late_ms: int) -> None:
    code = new_code()
    clock.set_now_for_tests(T0 + codes.CODE_TTL_MS - 1 + late_ms)
    text = "/bind WRONG123" if not late_ms else f"/bind {code}"

    assert send(bind_command(GROUP, text)) == answer(GROUP, group_updates.REFUSED)
    assert binding.current(PROJECT_ID) is None
    assert conversations.get_ignored_counts(PROJECT_ID) == {"team_chat_bind_refused": 1}


def test_a_bind_without_a_code_says_how() -> None:
    assert send(bind_command(GROUP, "/bind@acme_help_bot")) == answer(GROUP, group_updates.NO_CODE)
    assert binding.current(PROJECT_ID) is None
    assert conversations.get_ignored_counts(PROJECT_ID) == {"team_chat_bind_refused": 1}


def test_a_command_to_another_bot_is_not_for_this_project() -> None:
    code = new_code()

    assert send(bind_command(GROUP, f"/bind@some_other_bot {code}")) == OK
    assert binding.current(PROJECT_ID) is None
    assert table.get(*keys.team_chat_code(codes.digest(code))) is not None


def test_binding_again_replaces_the_group_and_is_audited() -> None:
    send(bind_command(GROUP, f"/bind {new_code()}"))
    clock.set_now_for_tests(T0 + 5000)

    send(bind_command(OTHER_GROUP, f"/bind@acme_help_bot {new_code()}"))

    chat = binding.current(PROJECT_ID)
    assert chat is not None and chat["chat_id"] == OTHER_GROUP["id"]
    rebound = audit_actions()[-1]
    assert rebound["action"] == "team_chat.bound"
    assert rebound["before"] == {"chat_id": GROUP["id"], "title": "Acme support team"}
    assert rebound["after"] == {"chat_id": OTHER_GROUP["id"], "title": "Night shift"}


def test_a_group_that_becomes_a_supergroup_stays_bound() -> None:
    send(bind_command(GROUP, f"/bind {new_code()}"))

    # Telegram tells the old group where it went, and the new supergroup where it came from.
    assert send(group_message(GROUP, migrate_to_chat_id=SUPERGROUP["id"])) == OK
    assert send(group_message(SUPERGROUP, migrate_from_chat_id=GROUP["id"])) == OK

    chat = binding.current(PROJECT_ID)
    assert chat is not None
    assert (chat["chat_id"], chat["chat_type"]) == (SUPERGROUP["id"], "supergroup")
    migrated = audit_actions()[-1]
    assert migrated["action"] == "team_chat.migrated" and migrated["actor_id"] == "system"
    assert migrated["after"]["chat_id"] == SUPERGROUP["id"]


def test_the_new_supergroups_notice_alone_is_enough() -> None:
    send(bind_command(GROUP, f"/bind {new_code()}"))

    send(group_message(SUPERGROUP, migrate_from_chat_id=GROUP["id"]))

    chat = binding.current(PROJECT_ID)
    assert chat is not None and chat["chat_id"] == SUPERGROUP["id"]


@pytest.mark.parametrize("status", ["kicked", "left"])
def test_the_bot_removed_from_the_bound_group_unbinds_it(status: str) -> None:
    send(bind_command(GROUP, f"/bind {new_code()}"))

    assert send(bot_status_change(GROUP, status)) == OK

    assert binding.current(PROJECT_ID) is None
    unbound = audit_actions()[-1]
    assert unbound["action"] == "team_chat.unbound"
    assert unbound["details"] == {"reason": "bot_removed"}


def test_the_bot_removed_from_another_group_changes_nothing() -> None:
    send(bind_command(GROUP, f"/bind {new_code()}"))

    assert send(bot_status_change(OTHER_GROUP, "kicked")) == OK
    assert send(bot_status_change(GROUP, "member")) == OK

    chat = binding.current(PROJECT_ID)
    assert chat is not None and chat["chat_id"] == GROUP["id"]


def test_the_groups_other_messages_are_still_ignored(aws: Any) -> None:
    send(bind_command(GROUP, f"/bind {new_code()}"))
    before = snapshot(aws)

    assert send(group_message(GROUP, text="Hello")) == OK
    assert send(group_message(GROUP, text="/bindings are great")) == OK

    added = [i["kind"]["S"] for i in snapshot(aws) if i not in before]
    assert sorted(added) == ["ignored_counter", "update_marker", "update_marker"]
    assert conversations.get_ignored_counts(PROJECT_ID) == {"group_message": 2}


def test_group_updates_are_parsed_without_their_sender() -> None:
    bind = parse_update(bind_command(SUPERGROUP, "/bind@acme_help_bot AB CD"))
    assert isinstance(bind, Ignored)  # a code is one word
    bind = parse_update(bind_command(SUPERGROUP, "/bind@acme_help_bot ABCD2345"))
    assert isinstance(bind, GroupBind)
    assert (bind.code, bind.bot_username, bind.title) == (
        "ABCD2345",
        "acme_help_bot",
        "Acme support team",
    )
    moved = parse_update(group_message(GROUP, migrate_to_chat_id=SUPERGROUP["id"]))
    assert moved == GroupMigrated(moved.update_id, GROUP["id"], SUPERGROUP["id"])
    assert isinstance(parse_update(bot_status_change(GROUP, "kicked")), BotLeftGroup)
    assert isinstance(parse_update(bot_status_change(GROUP, "administrator")), Ignored)
    private = bind_command({"id": 700100200, "type": "private", "first_name": "A"}, "/bind X")
    assert not isinstance(parse_update(private), GroupBind)
