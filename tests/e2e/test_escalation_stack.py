"""Escalation and SLA end to end, against the local stack in a real Chromium.

Given agents Alice (L1) and Bob (L2, alone in the group "L2 support") in the Sandbox project,
whose SLA clocks run with targets an administrator set through the API before any message:
urgent 1 minute to a first response, high 45 minutes (neither is a default, so a response
time shown to a user can only come from this policy). The stack runs every schedule each
second (tests.e2e.stack), the scheduler's `sla` job included.

1. A Russian-speaking user writes; Alice escalates the session to L2 support from the
   console's Escalate dialog; the user is told the ticket number and "в течение 45 минут";
   Bob's console shows the session with its ticket card (number, level, priority) and
   Alice's no longer lists it.
2. The sandbox's team group is bound with `/bind CODE`; an urgent session nobody answers
   gets a warning and then a breach message in that group.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from playwright.sync_api import expect

from tests.e2e import two_agents
from tests.e2e.browser import NewPage, session_button
from tests.e2e.stack import Stack, eventually, sent_texts
from tests.e2e.two_agents import ALICE, BOB, Team, online

pytestmark = pytest.mark.e2e
team = two_agents.team  # the fixture, used by name

GROUP_CHAT = -1001000000001  # the sandbox's team group
GROUP_MEMBER = 5000000001  # a preset sandbox user, who adds the bot and writes /bind there
L2_GROUP = "L2 support"
HIGH_MINUTES = 45
BREACH_TIMEOUT_S = 150  # a 1-minute target, then the scheduler's next run and the delivery


@pytest.fixture(scope="module")
def tracked(stack: Stack) -> str:
    """The Sandbox project's SLA clocks turned on with short targets, before any message (the
    webhook reads a project's tracking with its other settings, cached for a while)."""
    project_id = stack.sandbox_project()
    stack.api(
        "PUT",
        f"/api/projects/{project_id}/sla",
        json={
            "enabled": True,
            "policies": {
                "urgent": {"first_response_minutes": 1, "resolution_minutes": 60},
                "high": {"first_response_minutes": HIGH_MINUTES},
            },
        },
    )
    return project_id


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def user_writes(stack: Stack, user_id: int, text: str, **profile: str) -> None:
    """A sandbox user (created with `profile` if new: first_name, language_code) writes."""
    resp = requests.post(
        f"{stack.base}/sandbox/users/{user_id}/messages",
        json={"text": text, "user": profile},
        timeout=10,
    )
    assert resp.ok, f"the sandbox refused the message: {resp.text}"


def session_id_of(stack: Stack, user_id: int) -> str:
    """The user's session as soon as it exists, held or not."""

    def opened() -> str | None:
        items = stack.api("GET", "/api/sessions")["items"]
        return next((s["session_id"] for s in items if s.get("tg_user_id") == user_id), None)

    return str(eventually(opened, what=f"user {user_id}'s session"))


def test_an_escalated_user_is_told_the_ticket_and_the_policy_s_time_in_russian_and_l2_holds_it(
    stack: Stack, tracked: str, team: Team, new_page: NewPage
) -> None:
    group = stack.api(
        "POST",
        f"/api/projects/{tracked}/groups",
        json={"name": L2_GROUP, "agent_ids": [team.bob_id]},
    )
    bob = online(new_page, stack, BOB)
    alice = online(new_page, stack, ALICE)
    user_id = 5_400_000_101
    user_writes(stack, user_id, "Не могу войти в аккаунт", first_name="Ольга", language_code="ru")
    session_id: str = stack.session_of(user_id)["session_id"]
    stack.route_to(tracked, [team.alice_id, team.bob_id])  # Bob may take it

    session_button(alice, session_id).click()
    expect(alice.locator(".message.in", has_text="Не могу войти в аккаунт")).to_be_visible()
    alice.locator(".chat-header button[data-action=escalate]").click()
    dialog = alice.get_by_role("dialog")
    dialog.get_by_role("combobox", name="To level").select_option("l2")
    dialog.get_by_role("combobox", name="A group").select_option(group["group_id"])
    dialog.get_by_label("Problem").fill("Cannot sign in since the password reset")
    dialog.get_by_role("combobox", name="Priority").select_option("high")
    dialog.get_by_role("button", name="Escalate").click()
    expect(dialog).to_have_count(0)

    ticket: dict[str, Any] = stack.api("GET", f"/api/sessions/{session_id}/ticket")
    label = f"#{ticket['number']}"
    assert (ticket["level"], ticket["priority"]) == ("l2", "high")

    def told() -> str | None:
        return next((t for t in sent_texts(stack.base, user_id) if t and label in t), None)

    message = eventually(told, what="the user to be told the ticket number")
    assert "Ольга" in message and "номер заявки" in message, message
    assert f"в течение {HIGH_MINUTES} минут" in message, message
    assert "as soon as possible" not in message and "как можно скорее" not in message

    # The L2 agent holds it, ticket on top; the L1 agent no longer has it.
    session_button(bob, session_id).click()
    card = bob.locator(".ticket-card")
    expect(card).to_have_attribute("data-ticket", str(ticket["number"]))
    expect(card.locator("summary")).to_contain_text(f"{label} · L2 · High")
    expect(bob.locator(".message.in", has_text="Не могу войти в аккаунт")).to_be_visible()
    expect(session_button(alice, session_id)).to_have_count(0)
    assert stack.api("GET", f"/api/sessions/{session_id}")["assignee_id"] == team.bob_id


def test_an_unanswered_urgent_session_breaches_and_the_bound_team_group_is_told(
    stack: Stack, tracked: str, team: Team
) -> None:
    bind_team_group(stack, tracked)
    user_id = 5_400_000_102
    user_writes(stack, user_id, "The site is down for all of us", first_name="Chen")
    session_id = session_id_of(stack, user_id)
    stack.api("PATCH", f"/api/sessions/{session_id}", json={"priority": "urgent"})

    def breach_posted() -> list[str]:
        return [t for t in group_texts(stack) if t.startswith("SLA breach")]

    breaches = eventually(breach_posted, timeout=BREACH_TIMEOUT_S, what="the breach message")
    assert breaches == ["SLA breach: first response of Chen's session (urgent) is overdue."]
    texts = group_texts(stack)
    warning = "SLA warning: first response of Chen's session (urgent) is about to run out."
    assert warning in texts and texts.index(warning) < texts.index(breaches[0]), texts
    sla = stack.api("GET", f"/api/sessions/{session_id}")["sla"]
    assert sla["breaches"] >= 1 and sla["events"][-1]["stage"] == "breach", sla


def bind_team_group(stack: Stack, project_id: str) -> None:
    """A preset sandbox user adds the bot to the sandbox group and sends the admin's bind
    command there, as on the sandbox page; the bot answers in the group."""
    code = stack.api("POST", f"/api/projects/{project_id}/team-chat/code")
    group = f"{stack.base}/sandbox/groups/{GROUP_CHAT}"
    added = requests.post(f"{group}/bot", json={"user_id": GROUP_MEMBER}, timeout=10)
    assert added.ok, added.text
    sent = requests.post(
        f"{group}/messages",
        json={"user_id": GROUP_MEMBER, "text": code["command"]},
        timeout=10,
    )
    assert sent.ok, sent.text
    eventually(
        lambda: any("This group is now the team chat" in t for t in group_texts(stack)),
        what="the bot's answer to /bind in the group",
    )
    assert stack.api("GET", f"/api/projects/{project_id}/team-chat")["bound"] is True


def group_texts(stack: Stack) -> list[str]:
    """What the bot posted in the sandbox's team group, oldest first, without the console
    link an event's message may carry on its last line."""
    return [t.splitlines()[0] for t in sent_texts(stack.base, GROUP_CHAT) if t]
