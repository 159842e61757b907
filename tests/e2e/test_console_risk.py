"""Risk control's confirm dialog in a real Chromium against the local stack.

One stack for the module. An administrator's risk group asks for a confirmation when a reply
holds the fragment `T9yD`; the agent Rosa (the only one new sessions go to) writes it with
separators inserted, as people do to slip past filters. The console shows the reply with the
match marked; nothing reaches the Telegram user until she chooses "Send anyway", and either
choice is in the trigger log.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import NewPage, session_button, sign_in
from tests.e2e.stack import Stack, eventually, sent_texts

pytestmark = pytest.mark.e2e

AGENT, PASSWORD = "rosa", "rosa-e2e-password"
GROUP = "Wallet address monitoring"
FRAGMENT = "T9yD"
DISGUISED = "t 9-y.D"  # the fragment, case changed and separators inserted


@dataclass(frozen=True)
class Desk:
    project_id: str
    agent_id: str
    group_id: str


@pytest.fixture(scope="module")
def desk(stack: Stack) -> Desk:
    project_id = stack.sandbox_project()
    agent_id = stack.create_agent(AGENT, PASSWORD, project_id)
    stack.route_to(project_id, [agent_id])
    group = stack.api(
        "POST",
        "/api/risk/groups",
        json={
            "name": GROUP,
            "action": "confirm",
            "project_ids": None,
            "entries": [{"value": FRAGMENT, "kind": "keyword"}],
        },
    )
    return Desk(project_id=project_id, agent_id=agent_id, group_id=group["group_id"])


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def open_session(new_page: NewPage, stack: Stack, user_id: int, name: str) -> tuple[Page, str]:
    """Rosa signed in, with the new session of a user who just wrote open."""
    page = new_page()
    sign_in(page, stack.base, AGENT, PASSWORD)
    stack.user_writes(user_id, "Where do I send the payment?", first_name=name)
    session_id = stack.session_of(user_id)["session_id"]
    session_button(page, session_id).click()
    expect(page.locator(".message.in", has_text="Where do I send the payment?")).to_be_visible()
    return page, session_id


def send_risky(page: Page, text: str) -> Locator:
    """Sends `text` from the composer; returns the confirm dialog that opens instead."""
    composer = page.locator("#composer")
    composer.fill(text)
    composer.press("Enter")
    dialog = page.get_by_role("dialog", name="Send this message?")
    expect(dialog).to_be_visible()
    return dialog


def outcomes(stack: Stack, desk: Desk, session_id: str) -> list[str]:
    """The outcomes of the session's triggers in the log, oldest first."""
    items = stack.api(
        "GET",
        "/api/risk/triggers",
        params={"agent_id": desk.agent_id, "group_id": desk.group_id},
    )["items"]
    return [i["details"]["outcome"] for i in reversed(items) if i["target_id"] == session_id]


def test_send_anyway_sends_the_reply_after_the_agent_confirms(
    stack: Stack, desk: Desk, new_page: NewPage
) -> None:
    user = 5_300_000_001
    page, session_id = open_session(new_page, stack, user, "Ines")
    text = f"Our address starts with {DISGUISED}, please check it"

    dialog = send_risky(page, text)
    expect(dialog.locator(".risk-text")).to_have_text(text)
    expect(dialog.locator("mark")).to_have_text([DISGUISED])
    expect(dialog.locator(".risk-matches")).to_contain_text(f"{GROUP}: {FRAGMENT}")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    assert text not in sent_texts(stack.base, user)
    expect(page.locator(".message.out", has_text=text)).to_have_count(0)

    dialog.get_by_role("button", name="Send anyway").click()
    expect(dialog).to_have_count(0)
    expect(page.locator(".message.out", has_text=text)).to_have_attribute("data-delivery", "sent")
    eventually(lambda: text in sent_texts(stack.base, user), what="the confirmed reply")
    assert sent_texts(stack.base, user).count(text) == 1
    assert outcomes(stack, desk, session_id) == ["confirmation_required", "confirmed_sent"]


def test_cancel_keeps_the_reply_unsent_and_back_in_the_composer(
    stack: Stack, desk: Desk, new_page: NewPage
) -> None:
    user = 5_300_000_002
    page, session_id = open_session(new_page, stack, user, "Jonas")
    text = f"Send it to {DISGUISED.upper()} now"

    dialog = send_risky(page, text)
    expect(dialog.locator("mark")).to_have_text([DISGUISED.upper()])
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(page.locator("#composer")).to_have_value(text)
    expect(page.locator("#composer")).to_be_focused()
    expect(page.locator(".message.out", has_text=text)).to_have_count(0)
    eventually(
        lambda: outcomes(stack, desk, session_id) == ["confirmation_required", "cancelled"],
        what="the cancel in the trigger log",
    )
    assert text not in sent_texts(stack.base, user)
