"""Parsing Telegram updates: classification, the normalised message, tolerance."""

from __future__ import annotations

import json

import pytest
from conftest import telegram_samples
from ingest_support import MESSAGE_TYPES, USER_ID, fixture, fixture_names

from tgdesk.telegram.updates import (
    BotLeftGroup,
    Chat,
    ChatMemberChange,
    Ignored,
    InboundMessage,
    InvalidUpdate,
    MessageEdit,
    decode_update,
    excerpt,
    forward_of,
    parse_update,
)


def inbound(name: str) -> InboundMessage:
    update = parse_update(fixture(name))
    assert isinstance(update, InboundMessage)
    return update


@pytest.mark.parametrize(("name", "kind"), sorted(MESSAGE_TYPES.items()))
def test_private_messages_are_served_with_their_type(name: str, kind: str) -> None:
    data = fixture(name)
    update = inbound(name)
    assert update.update_id == data["update_id"]
    assert update.kind == "message"
    assert update.message["type"] == kind
    assert update.message["raw"] == data["message"]
    assert update.message["telegram_message_id"] == data["message"]["message_id"]
    assert update.message["telegram_date"] == data["message"]["date"] * 1000
    assert (update.user.id, update.chat.id, update.chat.type) == (USER_ID, USER_ID, "private")


def test_every_fixture_is_classified() -> None:
    for name in fixture_names():
        parse_update(fixture(name))


def test_user_fields() -> None:
    user = inbound("text_entities").user
    assert user.profile() == {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "username": "ada_l",
        "language_code": "en",
        "is_premium": False,
    }


def test_text_and_entities() -> None:
    message = inbound("text_entities").message
    assert message["text"].startswith("Hello! My order #A17")
    assert [e["type"] for e in message["entities"]] == ["hashtag", "url"]
    assert "media" not in message and "caption" not in message


def test_photo_keeps_the_largest_size_and_every_size() -> None:
    message = inbound("photo_caption").message
    assert message["caption"] == "The box arrived broken"
    assert message["caption_entities"] == [{"offset": 16, "length": 6, "type": "bold"}]
    assert message["media"]["file_id"] == "AgACAgIAAxkBAAMMphotoL"
    assert (message["media"]["width"], message["media"]["height"]) == (1280, 853)
    assert [s["width"] for s in message["media"]["sizes"]] == [90, 320, 1280]


def test_media_fields_without_nested_thumbnails() -> None:
    media = inbound("document").message["media"]
    assert media == {
        "file_name": "invoice-17.pdf",
        "mime_type": "application/pdf",
        "file_id": "BQACAgIAAxkBAAMNdoc",
        "file_unique_id": "AgADdoc",
        "file_size": 48213,
    }
    assert inbound("voice").message["media"]["duration"] == 7
    assert inbound("audio").message["media"]["performer"] == "Acme"
    assert inbound("video_note").message["media"]["length"] == 384
    assert inbound("sticker").message["media"]["emoji"] == "👍"


def test_animation_wins_over_its_compatibility_document() -> None:
    message = inbound("animation").message
    assert message["type"] == "animation"
    assert message["media"]["file_name"] == "shrug.mp4"


def test_location_venue_contact_poll_dice() -> None:
    assert inbound("location").message["location"] == {
        "latitude": 51.507351,
        "longitude": -0.127758,
    }
    venue = inbound("venue").message["location"]
    assert venue["title"] == "Acme Store Paris"
    assert venue["address"] == "5 Avenue Anatole France"
    assert venue["latitude"] == 48.858844
    assert inbound("contact").message["contact"]["phone_number"] == "+15555550123"
    poll = inbound("poll").message["poll"]
    assert [o["text"] for o in poll["options"]] == ["London", "Paris"]
    assert inbound("dice").message["dice"] == {"emoji": "🎲", "value": 4}


def test_forward_from_origin_and_from_legacy_fields() -> None:
    assert inbound("forward_origin_channel").message["forward"] == {
        "type": "channel",
        "name": "Acme News",
        "id": -1001234567890,
        "username": "acme_news",
        "date": (1767225600 - 3600) * 1000,
        "message_id": 311,
        "author_signature": "Support team",
    }
    assert inbound("forward_legacy_user").message["forward"] == {
        "type": "user",
        "name": "Grace Hopper",
        "id": 700100300,
        "username": "amazing_grace",
        "date": 1767218400000,
    }
    assert inbound("forward_legacy_hidden_user").message["forward"] == {
        "type": "hidden_user",
        "name": "Grace H.",
        "date": 1767218400000,
    }


@pytest.mark.parametrize(
    ("origin", "expected"),
    [
        (
            {"type": "user", "sender_user": {"id": 5, "first_name": "Kim"}, "date": 10},
            {"type": "user", "name": "Kim", "id": 5, "date": 10_000},
        ),
        (
            {"type": "hidden_user", "sender_user_name": "Anon", "date": 10},
            {"type": "hidden_user", "name": "Anon", "date": 10_000},
        ),
        (
            {
                "type": "chat",
                "sender_chat": {"id": -100, "title": "Team", "type": "supergroup"},
                "author_signature": "Boss",
                "date": 10,
            },
            {
                "type": "chat",
                "name": "Team",
                "id": -100,
                "date": 10_000,
                "author_signature": "Boss",
            },
        ),
        ({"type": "future_kind", "date": 10}, {"type": "future_kind", "date": 10_000}),
    ],
)
def test_every_forward_origin_type(origin: dict, expected: dict) -> None:
    assert forward_of({"forward_origin": origin}) == expected


def test_legacy_forward_from_a_group_chat() -> None:
    msg = {"forward_from_chat": {"id": -7, "title": "G", "type": "supergroup"}, "forward_date": 1}
    assert forward_of(msg) == {"type": "chat", "name": "G", "id": -7, "date": 1000}


def test_reply_keeps_the_replied_message_id_and_an_excerpt() -> None:
    reply_to = inbound("reply").message["reply_to"]
    assert reply_to["telegram_message_id"] == 9
    assert reply_to["type"] == "text"
    assert reply_to["excerpt"].startswith("Hello Ada! Thanks for writing")
    assert len(reply_to["excerpt"]) <= 120 and reply_to["excerpt"].endswith("…")


def test_excerpt_prefers_the_quoted_part() -> None:
    data = fixture("reply")
    data["message"]["quote"] = {"text": "your order number", "position": 52}
    assert parse_update(data).message["reply_to"]["excerpt"] == "your order number"


def test_excerpt_collapses_whitespace() -> None:
    assert excerpt("a\n\n b  c") == "a b c"


def test_media_group_items_share_their_group_id() -> None:
    first, second = inbound("media_group_1").message, inbound("media_group_2").message
    assert first["media_group_id"] == second["media_group_id"] == "13900000000000001"
    assert first["caption"] == "Both sides of the box" and "caption" not in second


def test_edited_message() -> None:
    update = parse_update(fixture("edited_message"))
    assert isinstance(update, MessageEdit)
    assert update.kind == "edited_message"
    assert update.message["telegram_message_id"] == 11
    assert update.message["text"] == "Hello! My order #A17 is two weeks late"
    assert update.edited_at == (1767225600 + 300) * 1000


def test_callback_query_is_a_message_with_its_data() -> None:
    data = fixture("callback_query")
    update = inbound("callback_query")
    assert update.kind == "callback_query"
    assert update.user.id == USER_ID and update.chat.type == "private"
    assert update.message == {
        "type": "callback_query",
        "callback_query": {"id": "3015742870214012345", "data": "csat:yes", "message_id": 30},
        "raw": data["callback_query"],
    }


@pytest.mark.parametrize(
    ("name", "blocked"), [("my_chat_member_kicked", True), ("my_chat_member_member", False)]
)
def test_block_and_unblock(name: str, blocked: bool) -> None:
    update = parse_update(fixture(name))
    assert isinstance(update, ChatMemberChange)
    assert update.blocked is blocked and update.user.id == USER_ID


@pytest.mark.parametrize(
    ("name", "counter"),
    [
        ("group_message", "group_message"),
        ("channel_post", "channel_post"),
        ("unknown_kind", "message_reaction"),
    ],
)
def test_ignored_kinds(name: str, counter: str) -> None:
    update = parse_update(fixture(name))
    assert update == Ignored(fixture(name)["update_id"], counter)


@pytest.mark.parametrize(
    ("update", "counter"),
    [
        ({"update_id": 1, "inline_query": {"id": "1", "query": "x"}}, "inline_query"),
        ({"update_id": 1, "edited_channel_post": {"message_id": 1}}, "edited_channel_post"),
        ({"update_id": 1, "business_message": {"message_id": 1}}, "business_message"),
        ({"update_id": 1}, "unknown"),
        ({"update_id": 1, "Weird-Kind!": {}}, "unknown"),
        ({"update_id": 1, "kind": {}}, "unknown"),
        ({"update_id": 1, "message": "not an object"}, "message"),
        ({"update_id": 1, "message": {"message_id": 1, "text": "no chat"}}, "chatless_message"),
        (
            {"update_id": 1, "edited_message": {"chat": {"id": -5, "type": "group"}, "date": 1}},
            "group_edited_message",
        ),
        (
            {"update_id": 1, "callback_query": {"id": "x", "inline_message_id": "AAA"}},
            "inline_callback_query",
        ),
    ],
)
def test_more_ignored_kinds(update: dict, counter: str) -> None:
    assert parse_update(update) == Ignored(1, counter)


def test_group_member_changes_are_ignored_but_the_bot_removed() -> None:
    data = fixture("my_chat_member_kicked")
    data["my_chat_member"]["chat"] = {"id": -5, "title": "G", "type": "group"}
    # the team chat (tgdesk.teamchat) unbinds a group the bot was removed from
    assert parse_update(data) == BotLeftGroup(data["update_id"], Chat(-5, "group"))
    data["my_chat_member"]["new_chat_member"]["status"] = "member"
    assert parse_update(data) == Ignored(data["update_id"], "group_my_chat_member")


@pytest.mark.parametrize(
    "body",
    [
        "",
        "not json",
        "[1, 2]",
        '"text"',
        "{}",
        '{"update_id": "12"}',
        '{"update_id": 1.5}',
        '{"update_id": true, "message": {}}',
        b"\xff\xfe\x00",
    ],
)
def test_invalid_bodies(body: str | bytes) -> None:
    with pytest.raises(InvalidUpdate):
        decode_update(body)


def test_unknown_fields_and_missing_optional_fields_are_tolerated() -> None:
    data = fixture("text_entities")
    data["message"]["some_future_field"] = {"nested": [1, 2]}
    data["new_top_level_thing"] = True
    del data["message"]["from"]["last_name"]
    del data["message"]["from"]["is_bot"]
    update = parse_update(data)
    assert isinstance(update, InboundMessage)
    assert update.user.last_name is None
    assert update.message["raw"]["some_future_field"] == {"nested": [1, 2]}


def test_unrecognised_message_content_is_other() -> None:
    data = fixture("text_entities")
    del data["message"]["text"], data["message"]["entities"]
    data["message"]["story"] = {"chat": {"id": 1, "type": "private"}, "id": 3}
    assert inbound_from(data).message["type"] == "other"


def inbound_from(data: dict) -> InboundMessage:
    update = parse_update(data)
    assert isinstance(update, InboundMessage)
    return update


@pytest.mark.parametrize("path", telegram_samples(), ids=lambda p: p.name)
def test_real_samples_parse(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    update = decode_update(path.read_bytes())
    assert update.update_id == data["update_id"]
    if isinstance(update, InboundMessage | MessageEdit):
        assert update.chat.type == "private"
        json.dumps(update.message)  # stays JSON-serialisable


@pytest.mark.parametrize("path", telegram_samples(), ids=lambda p: p.name)
def test_real_samples_are_stored_whole(path) -> None:
    update = decode_update(path.read_bytes())
    if isinstance(update, InboundMessage | MessageEdit):
        assert "cut" not in update.message
        assert "raw" in update.message


def test_fixtures_are_stored_whole() -> None:
    for name in fixture_names():
        update = parse_update(fixture(name))
        if isinstance(update, InboundMessage | MessageEdit):
            assert "cut" not in update.message, name


@pytest.mark.parametrize(
    "body",
    [
        '{"update_id": 1, "message": {"date": NaN}}',
        '{"update_id": 1, "message": {"date": -Infinity}}',
        '{"update_id": 1, "message": {"date": 1e999}}',
        '{"update_id": 1, "x": ' + "[" * 33 + "]" * 33 + "}",
        '{"update_id": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"update_id": 100000000000000000000}',
    ],
    ids=["nan", "infinity", "overflow", "deep", "very-deep", "update-id-beyond-64-bits"],
)
def test_bodies_no_stored_form_can_be_made_of(body: str) -> None:
    with pytest.raises(InvalidUpdate):
        decode_update(body)


def test_a_lone_surrogate_is_replaced_and_reported() -> None:
    data = fixture("text_entities")
    data["message"]["text"] = "a\ud83d b"
    update = decode_update(json.dumps(data))
    assert isinstance(update, InboundMessage)
    assert update.message["text"] == "a\ufffd b"
    assert update.message["raw"]["text"] == "a\ufffd b"
    assert update.message["cut"] == ["unicode"]


def test_a_paired_surrogate_escape_is_a_character_not_a_repair() -> None:
    data = fixture("text_entities")
    data["message"]["text"] = "ok 😟"
    update = decode_update(json.dumps(data))  # ASCII JSON: the emoji as a \\ud83d\\ude1f pair
    assert isinstance(update, InboundMessage)
    assert update.message["text"] == "ok 😟" and "cut" not in update.message
