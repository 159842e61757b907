"""The console's Links page in a real Chromium against the local stack.

A supervisor of the Sandbox project creates a tracked link, copies its short URL and sees
its QR code; a visitor's click on the short URL (a plain HTTP request, as a browser outside
the console makes it) shows up in the link's funnel, and the funnel downloads as a CSV that
a spreadsheet opens safely (UTF-8 with a BOM). The visitor then presses Start in the bot:
the funnel counts the start, and the conversation's side panel shows where they came from.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import NewPage, sign_in
from tests.e2e.stack import Stack, eventually

pytestmark = pytest.mark.e2e

SUPERVISOR, PASSWORD = "sofia", "sofia-e2e-password"
CODE, NAME, CHANNEL = "spring-e2e", "Spring sale", "google-ads"
VISITOR_ID = 5_400_000_077


@dataclass(frozen=True)
class Desk:
    project_id: str


@pytest.fixture(scope="module")
def desk(stack: Stack) -> Desk:
    project_id = stack.sandbox_project()
    agent_id = stack.create_agent(SUPERVISOR, PASSWORD, project_id)
    stack.api("PATCH", f"/api/agents/{agent_id}", json={"role": "supervisor"})
    return Desk(project_id=project_id)


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def open_links(page: Page) -> None:
    page.locator(".topbar nav button", has_text="Links").click()
    expect(page.get_by_role("heading", name="Links", level=1)).to_be_visible()


def funnel_count(page: Page, step: str) -> Locator:
    return page.locator(f".funnel-table tr[data-step={step}] td").first


def funnel_shows(page: Page, step: str, count: int) -> bool:
    """Whether the funnel, read again (another range, then today), shows `count` at `step`:
    the stream aggregates the counters a moment after the event."""
    page.get_by_label("30 days").check()
    page.get_by_label("Today").check()
    return funnel_count(page, step).inner_text(timeout=5_000) == str(count)


def test_a_supervisor_creates_a_link_and_follows_its_funnel(
    stack: Stack, desk: Desk, new_page: NewPage
) -> None:
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=stack.base)
    sign_in(page, stack.base, SUPERVISOR, PASSWORD)
    open_links(page)

    page.get_by_role("button", name="New link").click()
    dialog = page.get_by_role("dialog", name="New link")
    dialog.get_by_label("Code").fill(CODE)
    dialog.get_by_label("Name").fill(NAME)
    dialog.get_by_label("Channel").fill(CHANNEL)
    dialog.get_by_label("utm_source").fill("google")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_have_count(0)

    row = page.locator(f'.links-table tr[data-code="{CODE}"]')
    expect(row).to_contain_text(NAME)
    expect(row).to_contain_text(CHANNEL)
    short_url = row.locator(".short-url a").inner_text()
    assert short_url.endswith(f"/l/{CODE}"), short_url

    row.get_by_role("button", name=f"Copy the short URL of {NAME}").click()
    expect(row.get_by_role("status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == short_url

    row.get_by_role("button", name=f"Funnel and QR code of {NAME}").click()
    qr = page.get_by_role("img", name=f"QR code of {short_url}")
    expect(qr).to_be_visible()
    assert qr.locator("path").get_attribute("d")
    expect(funnel_count(page, "clicks")).to_have_text("0")

    # A visitor clicks: the redirect counts it and sends them to the bot.
    click_url = short_url if short_url.startswith(stack.base) else f"{stack.base}/l/{CODE}"
    visit = requests.get(
        f"{click_url}?utm_campaign=spring",
        headers={"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"},
        allow_redirects=False,
        timeout=10,
    )
    assert visit.status_code == 302, visit.text
    assert visit.headers["Location"].startswith("https://t.me/")

    eventually(lambda: funnel_shows(page, "clicks", 1), what="the click in the link's funnel")
    expect(funnel_count(page, "visitors")).to_have_text("1")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export the funnel (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"{CODE}-funnel-")
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["day", "clicks"]
    assert rows[-1][:2] == ["total", "1"]

    # The visitor lands in the bot and presses Start: Telegram sends the payload along.
    payload = parse_qs(urlparse(visit.headers["Location"]).query)["start"][0]
    stack.user_writes(VISITOR_ID, f"/start {payload}", first_name="Vera")
    eventually(lambda: funnel_shows(page, "starts", 1), what="the start in the link's funnel")

    session_id = eventually(
        lambda: next(
            (
                s["session_id"]
                for s in stack.api("GET", "/api/sessions")["items"]
                if s.get("tg_user_id") == VISITOR_ID
            ),
            None,
        ),
        what="the visitor's session",
    )
    page.goto(f"{stack.base}/#/sessions/{session_id}")
    source = page.locator("aside.side section.source")
    expect(source).to_contain_text(f"{NAME} ({CODE})")
    expect(source).to_contain_text(CHANNEL)
    expect(source).to_contain_text("utm_campaign")
    expect(source).to_contain_text("spring")
