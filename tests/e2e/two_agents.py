"""Agents Alice and Bob in the Sandbox project, with new sessions routed only to Alice: the
set-up of the console flows that need two agents and nothing else."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import NewPage, sign_in
from tests.e2e.stack import Stack

ALICE, BOB = "alice", "bob"
PASSWORDS = {ALICE: "alice-e2e-password", BOB: "bob-e2e-password"}


@dataclass(frozen=True)
class Team:
    project_id: str
    alice_id: str
    bob_id: str


@pytest.fixture(scope="module")
def team(stack: Stack) -> Team:
    project_id = stack.sandbox_project()
    alice_id = stack.create_agent(ALICE, PASSWORDS[ALICE], project_id)
    bob_id = stack.create_agent(BOB, PASSWORDS[BOB], project_id)
    stack.route_to(project_id, [alice_id])
    return Team(project_id=project_id, alice_id=alice_id, bob_id=bob_id)


def online(new_page: NewPage, stack: Stack, username: str) -> Page:
    page = new_page()
    sign_in(page, stack.base, username, PASSWORDS[username])
    page.get_by_label("Online").click()
    expect(page.get_by_label("Online")).to_be_checked()
    return page
