"""A customer waiting for an answer, in a real Chromium against the local stack: the list marks
the session with since when the user waits, an agent's reply clears it, and the marker and the
unread badge survive a reload (the server keeps both).

Given agent Dana in the Sandbox project, with new sessions routed to her.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import NewPage, session_button, sign_in
from tests.e2e.stack import Stack, eventually

pytestmark = pytest.mark.e2e

DANA, PASSWORD = "dana", "dana-e2e-password"


def waiting_since(stack: Stack, session_id: str) -> int | None:
    since: int | None = stack.api("GET", f"/api/sessions/{session_id}").get("waiting_since")
    return since


def marker(page: Page, session_id: str) -> Locator:
    return session_button(page, session_id).locator(".waiting-chip")


def test_the_waiting_marker_and_the_unread_badge_survive_a_reload(
    stack: Stack, new_page: NewPage
) -> None:
    project_id = stack.sandbox_project()
    dana_id = stack.create_agent(DANA, PASSWORD, project_id)
    stack.route_to(project_id, [dana_id])
    page = new_page()
    sign_in(page, stack.base, DANA, PASSWORD)
    page.get_by_label("Online").click()
    expect(page.get_by_label("Online")).to_be_checked()

    stack.user_writes(5_300_000_071, "Where is my parcel?", first_name="Vera")
    waiting = stack.session_of(5_300_000_071)["session_id"]
    expect(marker(page, waiting)).to_contain_text("Waiting since")

    # Dana answers: nobody waits any more.
    session_button(page, waiting).click()
    expect(page.locator(".message.in", has_text="Where is my parcel?")).to_be_visible()
    composer = page.locator("#composer")
    composer.fill("It left the warehouse today.")
    composer.press("Enter")
    expect(marker(page, waiting)).to_have_count(0)

    # She moves on to another customer; Vera writes again and waits.
    stack.user_writes(5_300_000_072, "Do you ship abroad?", first_name="Wim")
    other = stack.session_of(5_300_000_072)["session_id"]
    session_button(page, other).click()
    expect(page.locator(".message.in", has_text="Do you ship abroad?")).to_be_visible()
    stack.user_writes(5_300_000_071, "Thanks, and the tracking number?", first_name="Vera")
    since = eventually(
        lambda: waiting_since(stack, waiting), what="the server to know Vera waits again"
    )
    expect(marker(page, waiting)).to_have_attribute("data-waiting-since", str(since))

    page.reload()

    expect(marker(page, waiting)).to_have_attribute("data-waiting-since", str(since))
    expect(session_button(page, waiting).locator(".badge")).to_be_visible()
