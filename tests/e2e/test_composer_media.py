"""Files from the agent in a real Chromium against the local stack.

The agent Mina pastes a screenshot into the reply box, writes a caption and presses Enter: the
browser uploads the image straight to the local S3 (moto) through the API's presigned form,
the API sends it with sendPhoto, and the sandbox user receives a photo with the caption, which
the console shows in the conversation as the user's photos are shown.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from playwright.sync_api import expect

from tests.attachments_support import png
from tests.e2e.browser import NewPage, session_button, sign_in
from tests.e2e.stack import Stack, eventually

pytestmark = pytest.mark.e2e

AGENT, PASSWORD = "mina", "mina-e2e-password"
USER = 5_500_000_001
CAPTION = "This is where the button is"

PASTE = """([data, name]) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const files = new DataTransfer();
  files.items.add(new File([bytes], name, { type: "image/png" }));
  const paste = new ClipboardEvent("paste", {
    clipboardData: files, bubbles: true, cancelable: true,
  });
  document.getElementById("composer").dispatchEvent(paste);
}"""


@pytest.fixture(scope="module")
def agent(stack: Stack) -> str:
    project_id = stack.sandbox_project()
    agent_id = stack.create_agent(AGENT, PASSWORD, project_id)
    stack.route_to(project_id, [agent_id])
    return agent_id


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def photos_sent(base: str, chat_id: int) -> list[dict[str, Any]]:
    items = requests.get(f"{base}/sandbox/sent", params={"chat_id": chat_id}, timeout=5).json()
    return [m for m in items["items"] if m.get("photo")]


def test_a_pasted_screenshot_reaches_the_sandbox_user_as_a_photo(
    stack: Stack, agent: str, new_page: NewPage
) -> None:
    page = new_page()
    sign_in(page, stack.base, AGENT, PASSWORD)
    stack.user_writes(USER, "Where do I click?", first_name="Sam")
    session = stack.session_of(USER)
    session_button(page, session["session_id"]).click()
    expect(page.locator(".message.in", has_text="Where do I click?")).to_be_visible()

    image = png(40, 30)
    page.evaluate(PASTE, [base64.b64encode(image).decode(), "image.png"])
    files = page.get_by_role("list", name="Files to send")
    expect(files.get_by_role("listitem")).to_have_attribute("data-status", "ready")
    composer = page.locator("#composer")
    composer.fill(CAPTION)
    composer.press("Enter")

    [photo] = eventually(lambda: photos_sent(stack.base, USER), what="the photo in the sandbox")
    assert photo["caption"] == CAPTION
    assert (photo["photo"][-1]["width"], photo["photo"][-1]["height"]) == (40, 30)
    shown = requests.get(f"{stack.base}/sandbox/media/{photo['photo'][-1]['file_id']}", timeout=5)
    assert shown.content == image
    # The agent sees their own photo as a user's: a thumbnail with the caption under it.
    sent = page.locator(".message.out", has_text=CAPTION)
    expect(sent).to_have_attribute("data-delivery", "sent")
    expect(sent.locator("img")).to_be_visible()
    expect(files).to_have_count(0)
    expect(composer).to_have_value("")
