"""The satisfaction survey end to end, against the local stack in a real Chromium.

Given agents Alice and Bob in the Sandbox project (new sessions routed only to Alice), whose
administrator turned surveys on through the API before any message: a user writes, Alice
opens the session in the console and closes it; on the sandbox Telegram's page the user sees
the rating message with its 1-5 inline keyboard and presses 4; the press is answered at once
(answerCallbackQuery in the webhook's response), the rating message is edited to thank the
user with the score and loses its keyboard, and Alice's side panel shows the rating 4.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from playwright.sync_api import expect

from tests.e2e import two_agents
from tests.e2e.browser import NewPage, session_button
from tests.e2e.stack import Stack, eventually
from tests.e2e.two_agents import ALICE, Team, online

pytestmark = pytest.mark.e2e
team = two_agents.team  # the fixture, used by name

USER_ID = 5_600_000_101
THANKS = "Thank you! You rated us 4 of 5."


@pytest.fixture(scope="module")
def surveyed(stack: Stack) -> str:
    """Surveys on for the Sandbox project, every resolved session, at any hour."""
    project_id = stack.sandbox_project()
    stack.api("PUT", f"/api/projects/{project_id}/survey-settings", json={"enabled": True})
    return project_id


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def chat(stack: Stack, user_id: int) -> list[dict[str, Any]]:
    """The bot's messages in the user's sandbox chat as they are now (edits applied)."""
    resp = requests.get(f"{stack.base}/sandbox/sent", params={"chat_id": user_id}, timeout=5)
    resp.raise_for_status()
    items: list[dict[str, Any]] = resp.json()["items"]
    return items


def buttons_of(message: dict[str, Any]) -> dict[str, str]:
    """A message's inline buttons: their text -> their callback data."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def test_a_closed_session_s_user_rates_4_and_the_agent_sees_it(
    stack: Stack, surveyed: str, team: Team, new_page: NewPage
) -> None:
    alice = online(new_page, stack, ALICE)
    stack.user_writes(USER_ID, "My order arrived broken", first_name="Nadia")
    session_id: str = stack.session_of(USER_ID)["session_id"]
    session_button(alice, session_id).click()
    expect(alice.locator(".message.in", has_text="My order arrived broken")).to_be_visible()
    alice.locator('[data-action="close"]').click()

    def survey_shown() -> dict[str, Any] | None:
        return next((m for m in chat(stack, USER_ID) if buttons_of(m)), None)

    survey = eventually(survey_shown, what="the rating message with its keyboard")
    assert survey["text"].startswith("How satisfied are you with our help?"), survey
    assert list(buttons_of(survey)) == ["1", "2", "3", "4", "5"]

    user = new_page()
    user.goto(f"{stack.base}/sandbox")
    user.get_by_role("button", name="Nadia").click()
    rating = user.locator("#messages li", has_text="How satisfied are you")
    expect(rating.get_by_role("button")).to_have_text(["1", "2", "3", "4", "5"])
    rating.get_by_role("button", name="4").click()
    # The webhook's response answered the press (answerCallbackQuery), shown as Telegram would.
    expect(user.get_by_role("status")).to_contain_text(f"The bot answered: {THANKS}")

    def thanked() -> dict[str, Any] | None:
        message = next(m for m in chat(stack, USER_ID) if m["message_id"] == survey["message_id"])
        return message if message["text"].startswith(THANKS) else None

    edited = eventually(thanked, what="the rating message edited to thank the user")
    assert "edit_date" in edited and not buttons_of(edited), edited
    thanks = user.locator("#messages li", has_text=THANKS)
    expect(thanks).to_contain_text("edited")
    expect(thanks.get_by_role("button")).to_have_count(0)

    expect(alice.get_by_label("Rated 4 of 5")).to_be_visible()
    expect(alice.get_by_role("region", name="Satisfaction")).to_contain_text("4 of 5")
    rating = stack.api("GET", f"/api/sessions/{session_id}")["rating"]
    assert (rating["score"], rating["agent_id"]) == (4, team.alice_id), rating
