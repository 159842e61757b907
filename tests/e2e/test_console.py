"""The agent console in a real Chromium against the local stack, started as a user starts it.

One stack for the module. Given agents Alice and Bob in the Sandbox project, with new
sessions routed only to Alice, and Carol (in no project), each test writes as its own
sandbox Telegram user and watches what the agents' browsers show, without reloading them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import NewPage, session_button, sign_in, submit_login
from tests.e2e.stack import Stack, eventually, sent_texts

pytestmark = pytest.mark.e2e

ALICE, BOB, CAROL = "alice", "bob", "carol"
PASSWORDS = {ALICE: "alice-e2e-password", BOB: "bob-e2e-password", CAROL: "carol-e2e-password"}


@dataclass(frozen=True)
class Team:
    project_id: str
    alice_id: str
    bob_id: str


@pytest.fixture(scope="module")
def team(stack: Stack) -> Team:
    project_id = stack.sandbox_project()
    alice_id = stack.create_agent(ALICE, PASSWORDS[ALICE], project_id)
    bob_id = stack.create_agent(BOB, PASSWORDS[BOB], project_id)
    stack.create_agent(CAROL, PASSWORDS[CAROL])
    stack.route_to(project_id, [alice_id])
    return Team(project_id=project_id, alice_id=alice_id, bob_id=bob_id)


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def signed_in(new_page: NewPage, stack: Stack, username: str) -> Page:
    page = new_page()
    sign_in(page, stack.base, username, PASSWORDS[username])
    # Anything that changes from here on must arrive without a reload.
    page.evaluate("window.loadedOnce = true")
    return page


def not_reloaded(page: Page) -> bool:
    return page.evaluate("window.loadedOnce === true")


def open_session(page: Page, stack: Stack, user_id: int, text: str, name: str) -> str:
    """The user writes; their new session appears in the agent's list and is opened."""
    stack.user_writes(user_id, text, first_name=name)
    session_id = stack.session_of(user_id)["session_id"]
    row = session_button(page, session_id)
    expect(row).to_contain_text(name)
    row.click()
    expect(page.locator(".message.in", has_text=text)).to_be_visible()
    return session_id


def reply(page: Page, text: str) -> None:
    composer = page.locator("#composer")
    composer.fill(text)
    composer.press("Enter")
    expect(composer).to_have_value("")


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A solid-colour PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + bytes(rgb) * width  # filter type 0 per scanline
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def test_an_agent_signs_in_after_a_wrong_password(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    page = new_page()
    page.goto(f"{stack.base}/")
    submit_login(page, ALICE, "not-alice-password")
    problem = page.locator(".login-problem")
    expect(problem).to_have_attribute("data-code", "invalid_credentials")
    expect(problem).to_have_text("Wrong username or password.")

    submit_login(page, ALICE, PASSWORDS[ALICE])
    expect(page.locator("#session-search")).to_be_visible()
    expect(page.locator(".topbar .me")).to_have_text("Alice")
    expect(problem).to_have_count(0)


def test_a_new_message_appears_without_a_reload(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    page = signed_in(new_page, stack, ALICE)
    open_session(page, stack, 5_200_000_002, "My order has not arrived", "Nadia")
    stack.user_writes(5_200_000_002, "It was due on Monday")
    expect(page.locator(".message.in", has_text="It was due on Monday")).to_be_visible()
    assert not_reloaded(page)


def test_a_reply_from_the_composer_reaches_the_user(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    user = 5_200_000_003
    page = signed_in(new_page, stack, ALICE)
    open_session(page, stack, user, "Is anyone there?", "Olga")
    reply(page, "Yes, I am here to help")
    eventually(
        lambda: "Yes, I am here to help" in sent_texts(stack.base, user),
        what="the reply to reach the sandbox user",
    )
    sent = page.locator(".message.out", has_text="Yes, I am here to help")
    expect(sent).to_have_attribute("data-delivery", "sent")
    assert not_reloaded(page)


def test_a_photo_shows_as_a_thumbnail_fetched_through_the_api(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    user = 5_200_000_004
    page = signed_in(new_page, stack, ALICE)
    open_session(page, stack, user, "I will send a screenshot", "Pita")
    stack.user_sends_photo(user, png(640, 400, (30, 120, 200)), caption="The error screen")
    message = page.locator(".message.in", has_text="The error screen")
    image = message.locator("img").first
    expect(image).to_be_visible()
    page.wait_for_function(
        "image => image.complete && image.naturalWidth > 0", arg=image.element_handle()
    )
    # The Bot API's file URL carries the bot token: the browser only ever sees the API's URL.
    source = image.get_attribute("src") or ""
    assert "/file/bot" not in source and "/sandbox/" not in source, source


def test_a_transfer_moves_the_session_between_browsers(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    bob = signed_in(new_page, stack, BOB)
    bob.get_by_label("Online").click()
    expect(bob.get_by_label("Online")).to_be_checked()
    alice = signed_in(new_page, stack, ALICE)
    alice.get_by_label("Online").click()
    expect(alice.get_by_label("Online")).to_be_checked()
    session_id = open_session(alice, stack, 5_200_000_005, "A question about my bill", "Omar")
    expect(session_button(bob, session_id)).to_have_count(0)

    stack.route_to(team.project_id, [team.alice_id, team.bob_id])  # Bob may take it now
    try:
        alice.get_by_role("button", name="Transfer").click()
        dialog = alice.get_by_role("dialog")
        dialog.locator("select").select_option(team.bob_id)
        dialog.get_by_label("Reason").fill("Billing is Bob's")
        dialog.get_by_role("button", name="Transfer").click()
        expect(dialog).to_have_count(0)

        expect(session_button(bob, session_id)).to_be_visible()
        expect(session_button(alice, session_id)).to_have_count(0)
        assert stack.api("GET", f"/api/sessions/{session_id}")["assignee_id"] == team.bob_id
        assert not_reloaded(alice) and not_reloaded(bob)
    finally:
        stack.route_to(team.project_id, [team.alice_id])


def test_signing_in_elsewhere_signs_the_first_browser_out(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    first = signed_in(new_page, stack, CAROL)
    second = signed_in(new_page, stack, CAROL)
    first.get_by_label("Busy").click()  # the first browser's next call to the API
    problem = first.locator(".login-problem")
    expect(problem).to_have_attribute("data-code", "signed_in_elsewhere")
    expect(problem).to_contain_text("You signed in on another device")
    expect(first.get_by_label("Password")).to_be_visible()
    expect(second.locator("#session-search")).to_be_visible()
    expect(second.locator(".login-problem")).to_have_count(0)


def test_telegram_text_is_shown_as_text_never_as_html(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    page = signed_in(new_page, stack, ALICE)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = "<img src=x onerror=alert(1)>"
    open_session(page, stack, 5_200_000_007, payload, "<b>Mallory</b>")
    message = page.locator(".message.in", has_text=payload)
    expect(message).to_be_visible()
    expect(message.locator("img")).to_have_count(0)
    expect(page.locator('img[src="x"]')).to_have_count(0)
    expect(page.locator(".chat-header h2")).to_have_text("<b>Mallory</b>")
    assert dialogs == []


def test_a_failed_reply_shows_the_reason_and_a_retry_button(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    user = 5_200_000_008
    page = signed_in(new_page, stack, ALICE)
    open_session(page, stack, user, "Please write back later", "Pavel")
    stack.fault("sendMessage", 403)  # "Forbidden: bot was blocked by the user"
    reply(page, "Are you still there?")
    message = page.locator(".message.out", has_text="Are you still there?")
    expect(message).to_have_attribute("data-delivery", "failed")
    expect(message.locator(".delivery-failure")).to_contain_text("The user has blocked the bot.")
    expect(message.get_by_role("button", name="Retry")).to_be_visible()
    assert "Are you still there?" not in sent_texts(stack.base, user)
