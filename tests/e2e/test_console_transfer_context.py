"""A transferred session in a real Chromium against the local stack: the agent who receives it
is told who sent it and why as it arrives, sees the same line in its timeline, and can tell
whose reply and whose note was whose.

Given agents Alice and Bob in the Sandbox project, with new sessions routed only to Alice.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e import two_agents
from tests.e2e.browser import NewPage, session_button
from tests.e2e.stack import Stack
from tests.e2e.two_agents import ALICE, BOB, Team, online

pytestmark = pytest.mark.e2e
team = two_agents.team  # the fixture, used by name


def test_the_receiver_sees_who_sent_the_session_and_why_and_whose_words_are_whose(
    stack: Stack, team: Team, new_page: NewPage
) -> None:
    bob = online(new_page, stack, BOB)
    alice = online(new_page, stack, ALICE)
    stack.user_writes(5_400_000_001, "My invoice is wrong", first_name="Olga")
    session_id: str = stack.session_of(5_400_000_001)["session_id"]
    session_button(alice, session_id).click()
    expect(alice.locator(".message.in", has_text="My invoice is wrong")).to_be_visible()

    alice.get_by_label("Reply").fill("Let me look at it")
    alice.get_by_label("Reply").press("Enter")
    expect(alice.locator(".message.out", has_text="Let me look at it")).to_be_visible()
    alice.get_by_placeholder("Add an internal note (never sent to the user)").fill("Charged twice")
    alice.get_by_role("button", name="Add note").click()
    expect(alice.locator(".note", has_text="Charged twice")).to_be_visible()

    stack.route_to(team.project_id, [team.alice_id, team.bob_id])  # Bob may take it
    alice.get_by_role("button", name="Transfer").click()
    dialog = alice.get_by_role("dialog")
    dialog.locator("select").select_option(team.bob_id)
    dialog.get_by_label("Reason").fill("billing question")
    dialog.get_by_role("button", name="Transfer").click()
    expect(dialog).to_have_count(0)

    # As it arrives: who sent it, and why.
    expect(bob.locator(".notice")).to_contain_text("Alice transferred a conversation to you")
    expect(bob.locator(".notice")).to_contain_text("billing question")
    session_button(bob, session_id).click()
    line = bob.locator(".assignment-line", has_text="Transferred to Bob from Alice")
    expect(line).to_be_visible()
    expect(line).to_contain_text("Reason: billing question")
    # Whose words were whose.
    reply = bob.locator(".message.out", has_text="Let me look at it")
    expect(reply.locator(".message-author")).to_have_text("Alice")
    note = bob.locator(".note", has_text="Charged twice")
    expect(note.locator(".note-author")).to_have_text("Alice")
