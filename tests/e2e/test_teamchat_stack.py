"""The team's group bound against the local stack, on the sandbox page: an admin gets a bind
code; a sandbox user adds the bot to the sandbox group and sends `/bind@bot CODE` there; the
bot answers in the group, the project shows the group, and removing the bot unbinds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from playwright.sync_api import expect

from infra.local.config import free_port
from tests.e2e.browser import NewPage
from tests.e2e.stack import eventually, login, running_stack, wait_ready

pytestmark = pytest.mark.e2e

GROUP = -1001000000001


def test_a_sandbox_group_binds_with_a_code_and_unbinds_when_the_bot_leaves(
    tmp_path: Path, new_page: NewPage
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running_stack(tmp_path / "data", port, tmp_path / "stack.log"):
        project_id = wait_ready(base)
        auth, _ = login(base)
        team_chat = f"{base}/api/projects/{project_id}/team-chat"
        code = requests.post(f"{team_chat}/code", headers=auth, timeout=10).json()
        assert code["command"].startswith("/bind@tgdesk_sandbox_bot ")

        page = new_page()
        page.goto(f"{base}/sandbox")
        expect(page.get_by_role("button", name="Alice Martin (en)")).to_have_attribute(
            "aria-pressed", "true"
        )
        page.get_by_role("button", name="Add the bot to the group").click()
        expect(page.locator("#chat-title")).to_have_text("Sandbox team (writing as Alice Martin)")
        page.get_by_placeholder("Message").fill(code["command"])
        page.get_by_role("button", name="Send").click()

        expect(page.locator("#messages")).to_contain_text("This group is now the team chat")
        shown: dict[str, Any] = requests.get(team_chat, headers=auth, timeout=10).json()
        assert (shown["bound"], shown["chat_id"], shown["title"]) == (True, GROUP, "Sandbox team")

        page.get_by_role("button", name="Remove the bot from the group").click()

        def unbound() -> bool:
            return requests.get(team_chat, headers=auth, timeout=10).json()["bound"] is False

        eventually(unbound, what="the group to be unbound")
