"""Quick replies in a real Chromium against the local stack.

The project's library holds a refund answer in English and Chinese with the user's first name
in it. The agent Quinn types `/refund` in the reply box and presses Enter: the answer is in the
reply box in the user's language with their first name, nothing reached the user, and the
reply counts one use. She edits it and sends it herself.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import NewPage, session_button, sign_in
from tests.e2e.stack import Stack, eventually, sent_texts

pytestmark = pytest.mark.e2e

AGENT, PASSWORD = "quinn", "quinn-e2e-password"
USER, FIRST_NAME = 5_400_000_001, "Ines"
ANSWER = "Hello {first_name}, your refund is on its way: it takes 5 working days."
FILLED = ANSWER.replace("{first_name}", FIRST_NAME)


@pytest.fixture(scope="module")
def reply_id(stack: Stack) -> str:
    project_id = stack.sandbox_project()
    agent_id = stack.create_agent(AGENT, PASSWORD, project_id)
    stack.route_to(project_id, [agent_id])
    made = stack.api(
        "POST",
        f"/api/projects/{project_id}/quick-replies",
        json={
            "title": "Refund status",
            "texts": {"en": ANSWER, "zh": "{first_name}，退款已在处理中。"},
        },
    )
    stack.api(
        "POST",
        f"/api/projects/{project_id}/quick-replies",
        json={"title": "Greeting", "texts": {"en": "Hi {first_name}!"}},
    )
    return made["reply_id"]


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def test_slash_refund_then_enter_puts_the_filled_reply_in_the_composer(
    stack: Stack, reply_id: str, new_page: NewPage
) -> None:
    page = new_page()
    sign_in(page, stack.base, AGENT, PASSWORD)
    stack.user_writes(USER, "Where is my money?", first_name=FIRST_NAME)
    session = stack.session_of(USER)
    session_button(page, session["session_id"]).click()
    expect(page.locator(".message.in", has_text="Where is my money?")).to_be_visible()

    composer = page.locator("#composer")
    composer.click()
    composer.press_sequentially("/refund")
    options = page.get_by_role("listbox", name="Quick replies").get_by_role("option")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("Refund status")
    composer.press("Enter")

    expect(composer).to_have_value(FILLED)
    expect(composer).to_be_focused()
    expect(page.get_by_role("listbox")).to_have_count(0)
    expect(page.locator(".message.out")).to_have_count(0)
    assert FILLED not in sent_texts(stack.base, USER)
    used = stack.api("GET", f"/api/projects/{session['project_id']}/quick-replies")["items"]
    assert {r["title"]: r["uses"] for r in used} == {"Greeting": 0, "Refund status": 1}

    # The agent edits it and sends it as any reply.
    composer.press("End")
    composer.press_sequentially(" Thank you for waiting.")
    composer.press("Enter")
    sent = f"{FILLED} Thank you for waiting."
    expect(page.locator(".message.out", has_text=sent)).to_have_attribute("data-delivery", "sent")
    eventually(lambda: sent in sent_texts(stack.base, USER), what="the edited reply")
