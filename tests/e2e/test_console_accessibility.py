"""The console checked by axe-core, the accessibility rules engine, in a real Chromium against
the local stack: the login page, the console with a session open, the console with a dialog
open (transfer, escalate), a ticket's card opened, every admin tab, the Tickets page and the
Statistics page, in both languages and both themes. Any `serious` or `critical`
violation fails the test with a readable list.

Given agent Alice in the Sandbox project, holding a session with an amber tag on it, a message
from the user and a reply of hers, and a second session escalated to her as an L2 ticket, and
a tracked link of the project; the administrator signs in for the admin tabs, the Tickets page,
the Links page (with the link's QR code and funnel open) and the Statistics page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests
from playwright.sync_api import Page, expect

from infra.local.cfn import ROOT
from tests.e2e.browser import NewPage, session_button, sign_in
from tests.e2e.stack import ADMIN, PASSWORD, Stack, login

pytestmark = pytest.mark.e2e

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ALICE, ALICE_PASSWORD = "alice", "alice-e2e-password"
BOB, BOB_PASSWORD = "bob", "bob-e2e-password"
USER_ID = 5_400_000_001
USER_TEXT = "Is my refund on its way?"
TICKET_USER_ID, TICKET_TEXT = 5_400_000_002, "I was charged twice"
ALICE_REPLY = "Yes, it left this morning."
AMBER = "#f5a623"  # light enough that white text on it fails contrast
BLOCKING = ("serious", "critical")
ADMIN_TABS = (
    "agents",
    "projects",
    "tags",
    "quickReplies",
    "sla",
    "escalationTriggers",
    "surveys",
    "autoreplies",
    "shifts",
    "risk",
    "triggers",
    "exports",
)
LINK_CODE, LINK_NAME = "axe-link", "Autumn campaign"
PREFERENCES = [(lang, theme) for lang in ("en", "zh-CN") for theme in ("light", "dark")]


@dataclass(frozen=True)
class Desk:
    session_id: str
    ticket_session_id: str
    ticket_number: int


@pytest.fixture(scope="module")
def desk(stack: Stack) -> Desk:
    project_id = stack.sandbox_project()
    alice_id = stack.create_agent(ALICE, ALICE_PASSWORD, project_id)
    stack.route_to(project_id, [alice_id])
    tag = stack.api(
        "POST", f"/api/projects/{project_id}/tags", json={"name": "refund", "colour": AMBER}
    )
    stack.user_writes(USER_ID, USER_TEXT, first_name="Olga")
    session_id = stack.session_of(USER_ID)["session_id"]
    stack.api("PUT", f"/api/sessions/{session_id}/tags", json={"tag_ids": [tag["tag_id"]]})
    alice, _ = login(stack.base, ALICE, ALICE_PASSWORD)
    sent = requests.post(
        f"{stack.base}/api/sessions/{session_id}/messages",
        headers=alice,
        json={"text": ALICE_REPLY},
        timeout=10,
    )
    assert sent.status_code == 201, sent.text
    stack.api(
        "POST",
        "/api/links",
        json={"project_id": project_id, "code": LINK_CODE, "name": LINK_NAME, "channel": "x"},
    )
    ticket_session_id, number = escalated_to(stack, project_id, alice_id)
    return Desk(session_id=session_id, ticket_session_id=ticket_session_id, ticket_number=number)


def escalated_to(stack: Stack, project_id: str, alice_id: str) -> tuple[str, int]:
    """A session Bob held, escalated by the administrator to Alice as an L2 ticket; its id and
    ticket number. New sessions go to Alice again afterwards."""
    bob_id = stack.create_agent(BOB, BOB_PASSWORD, project_id)
    stack.route_to(project_id, [bob_id])
    stack.user_writes(TICKET_USER_ID, TICKET_TEXT, first_name="Ivan")
    session_id = stack.session_of(TICKET_USER_ID)["session_id"]
    stack.route_to(project_id, [alice_id, bob_id])
    ticket = stack.api(
        "POST",
        f"/api/sessions/{session_id}/escalations",
        json={
            "level": "l2",
            "to": {"agent_id": alice_id},
            "problem": TICKET_TEXT,
            "emotion": "dissatisfied",
            "priority": "high",
            "notify_user": False,
        },
    )
    stack.route_to(project_id, [alice_id])
    return session_id, int(ticket["number"])


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def prefer(page: Page, lang: str, theme: str) -> None:
    """Language and theme as the console keeps them (localStorage), applied by a reload; a
    signed-in console stays signed in (its token is in sessionStorage)."""
    page.evaluate(
        "([lang, theme]) => { localStorage.setItem('tgdesk.lang', lang);"
        " localStorage.setItem('tgdesk.theme', theme); }",
        [lang, theme],
    )
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", theme)


def blocking_violations(page: Page, where: str) -> list[str]:
    """axe-core's serious and critical violations on the page as it is, one line per rule
    with the offending elements. The engine goes in through the DevTools protocol rather than
    a <script> tag: the console's Content-Security-Policy refuses inline scripts."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ") + (n.failureSummary
                    ? " — " + n.failureSummary.split("\\n").slice(1).join(" ").trim() : "")),
            }));
        }"""
    )
    print(f"axe on {where}: {json.dumps([(v['id'], v['impact']) for v in found])}")
    return [
        f"{where}: {v['impact']} {v['id']} ({v['help']}): " + "; ".join(v["nodes"][:5])
        for v in found
        if v["impact"] in BLOCKING
    ]


def signed_in(
    new_page: NewPage, stack: Stack, username: str, password: str, lang: str, theme: str
) -> Page:
    page = new_page()
    sign_in(page, stack.base, username, password)
    prefer(page, lang, theme)
    expect(page.locator(".connection-live")).to_be_visible()
    return page


@pytest.mark.parametrize(("lang", "theme"), PREFERENCES)
def test_the_console_has_no_serious_accessibility_violations(
    stack: Stack, desk: Desk, new_page: NewPage, lang: str, theme: str
) -> None:
    problems: list[str] = []

    login_page = new_page()
    login_page.goto(f"{stack.base}/")
    prefer(login_page, lang, theme)
    expect(login_page.locator("form input[type=password]")).to_be_visible()
    problems += blocking_violations(login_page, "the login page")

    alice = signed_in(new_page, stack, ALICE, ALICE_PASSWORD, lang, theme)
    session_button(alice, desk.session_id).click()
    expect(alice.locator(".message.out", has_text=ALICE_REPLY)).to_be_visible()
    expect(alice.locator("aside.side .tag-chip.on")).to_have_count(1)
    problems += blocking_violations(alice, "the console with a session open")

    alice.locator(".chat-header button", has_text=_transfer(lang)).click()
    dialog = alice.get_by_role("dialog")
    expect(dialog).to_be_visible()
    problems += blocking_violations(alice, "the console with the transfer dialog open")
    dialog.locator("button[type=button]").first.click()  # cancel
    expect(dialog).to_have_count(0)
    alice.locator(".chat-header button[data-action=escalate]").click()
    expect(dialog).to_be_visible()
    problems += blocking_violations(alice, "the console with the escalate dialog open")
    dialog.locator("button[type=button]").first.click()
    expect(dialog).to_have_count(0)

    session_button(alice, desk.ticket_session_id).click()
    card = alice.locator(".ticket-card")
    card.locator("summary").click()
    expect(card.locator(".ticket-fields")).to_contain_text(TICKET_TEXT)
    problems += blocking_violations(alice, "the console with a ticket's card opened")

    admin = signed_in(new_page, stack, ADMIN, PASSWORD, lang, theme)
    admin.locator(".topbar nav button", has_text=_admin(lang)).click()
    for tab in ADMIN_TABS:
        admin.locator(f"#tab-{tab}").click()
        panel = admin.locator(f"#panel-{tab}")
        expect(panel).to_be_visible()
        expect(panel.locator(".loading")).to_have_count(0)
        problems += blocking_violations(admin, f"the admin tab {tab}")
    admin.locator(".topbar nav button", has_text=_tickets(lang)).click()
    expect(admin.locator(f'.tickets-table tr[data-ticket="{desk.ticket_number}"]')).to_be_visible()
    problems += blocking_violations(admin, "the Tickets page")
    admin.locator(".topbar nav button", has_text=_tasks(lang)).click()
    expect(admin.locator("main.tasks-page")).to_be_visible()
    expect(admin.locator("main.tasks-page .loading")).to_have_count(0)
    problems += blocking_violations(admin, "the To do page")
    admin.locator(".topbar nav button", has_text=_links(lang)).click()
    admin.locator(f'.links-table tr[data-code="{LINK_CODE}"] button[aria-expanded]').click()
    expect(admin.locator(".qr-code")).to_be_visible()
    expect(admin.locator(".funnel-table")).to_be_visible()
    problems += blocking_violations(admin, "the Links page with a link's funnel open")
    admin.locator(".topbar nav button", has_text=_stats(lang)).click()
    expect(admin.locator(".stats-headline")).to_be_visible()
    expect(admin.locator(".stats-agents")).to_be_visible()
    problems += blocking_violations(admin, "the Statistics page")
    # The browser's admin login replaced the fixture's (one device per agent).
    stack.admin = login(stack.base)[0]

    assert not problems, f"{lang}, {theme}:\n" + "\n".join(problems)


def _transfer(lang: str) -> str:
    return {"en": "Transfer", "zh-CN": "转接"}[lang]


def _admin(lang: str) -> str:
    return {"en": "Administration", "zh-CN": "管理"}[lang]


def _tasks(lang: str) -> str:
    return {"en": "To do", "zh-CN": "待办"}[lang]


def _tickets(lang: str) -> str:
    return {"en": "Tickets", "zh-CN": "工单"}[lang]


def _links(lang: str) -> str:
    return {"en": "Links", "zh-CN": "推广链接"}[lang]


def _stats(lang: str) -> str:
    return {"en": "Statistics", "zh-CN": "统计"}[lang]
