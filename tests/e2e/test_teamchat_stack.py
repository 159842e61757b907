"""The team's group bound against the local stack: an admin gets a bind code, the sandbox bot
is added to a sandbox group where a user sends `/bind@bot CODE`; the bot answers in the group,
the project shows the group, and removing the bot from the group unbinds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local.config import free_port
from tests.e2e.stack import eventually, login, running_stack, wait_ready

pytestmark = pytest.mark.e2e

USER = 5000000001  # a preset sandbox user
GROUP = -1001000000001


def test_a_sandbox_group_binds_with_a_code_and_unbinds_when_the_bot_leaves(
    tmp_path: Path,
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running_stack(tmp_path / "data", port, tmp_path / "stack.log"):
        project_id = wait_ready(base)
        auth, _ = login(base)
        team_chat = f"{base}/api/projects/{project_id}/team-chat"
        code = requests.post(f"{team_chat}/code", headers=auth, timeout=10).json()
        assert code["command"].startswith("/bind@tgdesk_sandbox_bot ")

        added = requests.post(
            f"{base}/sandbox/groups/{GROUP}/bot",
            json={"user_id": USER, "title": "Support team"},
            timeout=10,
        )
        assert added.json()["webhook"]["status"] == 200
        written = requests.post(
            f"{base}/sandbox/groups/{GROUP}/messages",
            json={"user_id": USER, "text": code["command"]},
            timeout=10,
        )
        assert written.json()["webhook"]["status"] == 200

        def answered() -> list[str]:
            items = requests.get(f"{base}/sandbox/groups/{GROUP}/messages", timeout=5).json()
            return [m["text"] for m in items["items"] if m["from"].get("is_bot")]

        [answer] = eventually(answered, what="the bot's answer in the group")
        assert "team chat" in answer
        shown: dict[str, Any] = requests.get(team_chat, headers=auth, timeout=10).json()
        assert (shown["bound"], shown["chat_id"], shown["title"]) == (True, GROUP, "Support team")

        requests.delete(f"{base}/sandbox/groups/{GROUP}/bot", json={"user_id": USER}, timeout=10)

        def unbound() -> bool:
            return requests.get(team_chat, headers=auth, timeout=10).json()["bound"] is False

        eventually(unbound, what="the group to be unbound")
