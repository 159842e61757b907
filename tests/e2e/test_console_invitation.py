"""Inviting an agent, in a real Chromium against the local stack: the administrator creates the
agent without a password and gets an invitation link; the link, followed in a fresh browser,
greets the agent by name, lets them choose a password and lands them signed in; used again, it
says at once that it cannot be used and leads to sign-in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import NewPage, sign_in
from tests.e2e.stack import ADMIN, PASSWORD, Stack

pytestmark = pytest.mark.e2e

DANA = "dana"
DANA_PASSWORD = "dana-chose-this-password"


def set_password(page: Page, password: str) -> None:
    page.get_by_label("New password").fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Set the password and sign in").click()


def new_agent_form(page: Page, username: str) -> None:
    form = page.locator("form", has=page.get_by_role("heading", name="New agent"))
    form.get_by_label("Username").fill(username)
    form.get_by_label("Display name").fill(username.title())
    form.get_by_role("button", name="Create and get the invitation link").click()


def test_an_invitation_link_leads_a_new_agent_into_the_console(
    new_page: NewPage, stack: Stack
) -> None:
    admin = new_page()
    sign_in(admin, stack.base, ADMIN, PASSWORD)
    admin.get_by_role("button", name="Administration").click()
    expect(admin.get_by_role("tab", name="Agents")).to_have_attribute("aria-selected", "true")

    form = admin.locator("form", has=admin.get_by_role("heading", name="New agent"))
    expect(form.locator("input[type=password]")).to_have_count(0)
    new_agent_form(admin, DANA)
    expect(admin.locator(".invitation")).to_contain_text(f"Invitation link for {DANA}, valid until")
    link = admin.get_by_label("Invitation link").input_value()
    assert "/#/invitation/" in link
    dana_row = admin.get_by_role("row").filter(has_text=DANA)
    expect(dana_row).to_contain_text("Not in any project yet")
    # The administrator's own row offers neither Disable nor a role change.
    own_row = admin.get_by_role("row").filter(has_text="(you)")
    expect(own_row.get_by_role("button", name="Disable")).to_have_count(0)
    expect(own_row.get_by_role("combobox")).to_have_count(0)

    # The same username again: refused, and what was typed stays.
    new_agent_form(admin, DANA)
    expect(admin.get_by_role("alert")).to_have_text("This username is taken; choose another.")
    expect(form.get_by_label("Username")).to_have_value(DANA)

    # A fresh browser (no login) follows the link.
    agent = new_page()
    agent.goto(link)
    expect(agent.get_by_role("heading", name=f"Welcome, {DANA.title()}")).to_be_visible()
    expect(agent.get_by_label("Username")).to_have_count(0)
    expect(agent.get_by_text("12 to 256 characters.")).to_be_visible()
    set_password(agent, DANA_PASSWORD)
    expect(agent.locator("#session-search")).to_be_visible()
    expect(agent.locator(".connection-live")).to_be_visible()
    assert "/invitation/" not in agent.url  # the used link leaves the address bar

    # Used up: another browser is told so at once, and led back to sign-in, where Dana's
    # password works.
    again = new_page()
    again.goto(link)
    expect(again.get_by_role("heading", name="This invitation link cannot be used")).to_be_visible()
    expect(again.get_by_label("New password")).to_have_count(0)
    again.get_by_role("button", name="Go to sign-in").click()
    expect(again.get_by_role("heading", name="Sign in to tgdesk")).to_be_visible()
    sign_in(again, stack.base, DANA, DANA_PASSWORD)
