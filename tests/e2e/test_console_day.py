"""An agent's working day in the console, in a real Chromium against the local stack: status
counts that stay equal to the server's, a note draft that stays with its session, the side panel
on a narrow screen, a session's own link, and replies resent once the network returns.

Given agents Alice and Bob in the Sandbox project, with new sessions routed only to Alice.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import two_agents
from tests.e2e.browser import NewPage, session_button
from tests.e2e.stack import Stack, eventually, sent_texts
from tests.e2e.two_agents import ALICE, BOB, Team, online

pytestmark = pytest.mark.e2e
team = two_agents.team  # the fixture, used by name

STATUSES = ("unread", "processing", "follow_up", "closed")


def new_session(page: Page, stack: Stack, user_id: int, text: str, name: str) -> str:
    """The user writes; their new session appears in the agent's list (not opened)."""
    stack.user_writes(user_id, text, first_name=name)
    session_id: str = stack.session_of(user_id)["session_id"]
    expect(session_button(page, session_id)).to_contain_text(name)
    return session_id


def open_session(page: Page, session_id: str, text: str) -> None:
    session_button(page, session_id).click()
    expect(page.locator(".message.in", has_text=text)).to_be_visible()


def shown_counts(page: Page) -> dict[str, int]:
    numbers = page.locator(".status-counts .count-number").all_inner_texts()
    return dict(zip(STATUSES, (int(n) for n in numbers), strict=True))


def server_counts(page: Page) -> dict[str, int]:
    """The counts GET /api/sessions answers this browser's agent (with its own login)."""
    counts: dict[str, Any] = page.evaluate(
        """async () => {
            const token = sessionStorage.getItem("tgdesk.token");
            const headers = { Authorization: `Bearer ${token}` };
            const r = await fetch("/api/sessions?limit=1", { headers });
            return (await r.json()).counts;
        }"""
    )
    return {status: int(counts.get(status) or 0) for status in STATUSES}


def reached_server(stack: Stack, session_id: str, status: str) -> None:
    eventually(
        lambda: stack.api("GET", f"/api/sessions/{session_id}")["status"] == status,
        what=f"session {session_id} to be {status} on the server",
    )


def counts_match(page: Page, what: str) -> dict[str, int]:
    """The counts shown once they equal the server's."""

    seen: list[tuple[dict[str, int], dict[str, int]]] = []

    def equal() -> dict[str, int] | None:
        shown, server = shown_counts(page), server_counts(page)
        seen.append((shown, server))
        return shown if shown == server else None

    try:
        return eventually(equal, timeout=15, what=f"the counts to equal the server's after {what}")
    except AssertionError as failure:
        raise AssertionError(f"{failure}; last shown and server's: {seen[-1:]}") from None


def test_status_counts_equal_the_servers_after_open_close_transfer_and_take_over(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    online(new_page, stack, BOB)
    alice = online(new_page, stack, ALICE)

    first = new_session(alice, stack, 5_300_000_001, "Where is my parcel?", "Ines")
    before = counts_match(alice, "a new session")
    open_session(alice, first, "Where is my parcel?")
    reached_server(stack, first, "processing")
    opened = counts_match(alice, "opening it")
    assert opened != before, (before, opened)

    alice.locator('[data-action="close"]').click()
    reached_server(stack, first, "closed")
    counts_match(alice, "closing it")

    second = new_session(alice, stack, 5_300_000_002, "Can I pay later?", "Jonas")
    open_session(alice, second, "Can I pay later?")
    counts_match(alice, "opening another")
    stack.route_to(team.project_id, [team.alice_id, team.bob_id])
    try:
        alice.get_by_role("button", name="Transfer").click()
        dialog = alice.get_by_role("dialog")
        dialog.locator("select").select_option(team.bob_id)
        dialog.get_by_role("button", name="Transfer").click()
        expect(dialog).to_have_count(0)
        expect(alice.locator(".notice")).to_contain_text("Transferred to Bob")
    finally:
        stack.route_to(team.project_id, [team.alice_id])
    expect(session_button(alice, second)).to_have_count(0)
    counts_match(alice, "transferring it away")

    third = new_session(alice, stack, 5_300_000_003, "Is the shop open today?", "Kemal")
    open_session(alice, third, "Is the shop open today?")
    counts_match(alice, "opening a third")
    stack.api("POST", f"/api/sessions/{third}/take-over", json={"reason": "I know this one"})
    expect(session_button(alice, third)).to_have_count(0)
    counts_match(alice, "being taken over")


def test_a_note_draft_stays_with_its_session(stack: Stack, team: Team, new_page: NewPage) -> None:
    alice = online(new_page, stack, ALICE)
    first = new_session(alice, stack, 5_300_000_011, "My card was charged twice", "Lena")
    second = new_session(alice, stack, 5_300_000_012, "Do you ship to Norway?", "Mads")
    note_box = alice.get_by_placeholder("Add an internal note (never sent to the user)")

    open_session(alice, first, "My card was charged twice")
    note_box.fill("Refund the second charge")
    alice.get_by_label("Only for me").check()
    open_session(alice, second, "Do you ship to Norway?")
    expect(note_box).to_have_value("")
    expect(alice.get_by_label("Only for me")).not_to_be_checked()
    open_session(alice, first, "My card was charged twice")
    expect(note_box).to_have_value("Refund the second charge")

    alice.get_by_role("button", name="Add note").click()
    expect(alice.locator(".note", has_text="Refund the second charge")).to_be_visible()
    expect(note_box).to_have_value("")
    expect(alice.get_by_label("Only for me")).not_to_be_checked()


def test_the_side_panel_opens_at_800_px_and_nothing_wraps_at_1024_or_1440_px(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    alice = online(new_page, stack, ALICE)
    session_id = new_session(alice, stack, 5_300_000_021, "I forgot my password", "Nora")
    open_session(alice, session_id, "I forgot my password")

    alice.set_viewport_size({"width": 800, "height": 800})
    profile = alice.get_by_role("heading", name="Profile")
    expect(profile).to_be_hidden()
    alice.get_by_role("button", name="Details").click()
    expect(profile).to_be_visible()
    expect(alice.get_by_role("heading", name="Notes")).to_be_visible()
    expect(alice.get_by_role("heading", name="Earlier conversations")).to_be_visible()
    alice.keyboard.press("Escape")
    expect(profile).to_be_hidden()

    for width in (1024, 1440):  # a small laptop screen, and a common one
        alice.set_viewport_size({"width": width, "height": 800})
        expect(alice.get_by_role("button", name="Details")).to_be_hidden()
        expect(profile).to_be_visible()
        for bar in (".topbar", ".chat-actions"):
            tops = alice.locator(f"{bar} > *").evaluate_all(
                "els => els.filter(e => e.offsetParent !== null)"
                ".map(e => Math.round(e.getBoundingClientRect().top))"
            )
            height = alice.locator(bar).evaluate("e => e.getBoundingClientRect().height")
            assert height < 60, f"{bar} wraps at {width} px: {height}px high"
            assert max(tops) - min(tops) < 16, f"{bar} wraps at {width} px: rows at {tops}"


def test_a_session_has_a_link_and_a_reload_reopens_it(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    alice = online(new_page, stack, ALICE)
    session_id = new_session(alice, stack, 5_300_000_031, "Which size should I take?", "Olga")
    open_session(alice, session_id, "Which size should I take?")
    expect(alice).to_have_url(f"{stack.base}/#/sessions/{session_id}")
    alice.reload()
    expect(alice.locator(".message.in", has_text="Which size should I take?")).to_be_visible()
    expect(alice.locator("#chat-title")).to_have_text("Olga")

    # Following a link in the open console opens that session.
    later = new_session(alice, stack, 5_300_000_032, "And the colour?", "Pia")
    open_session(alice, later, "And the colour?")
    alice.goto(f"{stack.base}/#/sessions/{session_id}")
    expect(alice.locator("#chat-title")).to_have_text("Olga")
    expect(alice.locator(".message.in", has_text="Which size should I take?")).to_be_visible()


def test_a_reply_that_failed_offline_is_sent_when_the_network_returns(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    alice = online(new_page, stack, ALICE)
    user_id = 5_300_000_041
    session_id = new_session(alice, stack, user_id, "Are you there?", "Pavel")
    open_session(alice, session_id, "Are you there?")

    alice.context.set_offline(True)
    composer = alice.locator("#composer")
    composer.fill("Yes, one moment please")
    composer.press("Enter")
    failed = alice.locator(".message.out", has_text="Yes, one moment please")
    expect(failed).to_have_attribute("data-delivery", "failed")
    expect(alice.locator(".connection")).not_to_have_text("Live")

    alice.context.set_offline(False)
    expect(failed).not_to_have_attribute("data-delivery", "failed", timeout=30_000)
    expect(alice.locator(".connection-live")).to_be_visible(timeout=60_000)
    eventually(
        lambda: "Yes, one moment please" in sent_texts(stack.base, user_id),
        what="the reply to reach the user",
    )
    assert sent_texts(stack.base, user_id).count("Yes, one moment please") == 1
