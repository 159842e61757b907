"""A shift's handover in a real Chromium against the local stack.

A supervisor's shift ends (set to end a minute or two from now, in UTC); the local
scheduler's timers job stores its handover; the supervisor opens To do, sees the summary,
downloads it as CSV (UTF-8 with a BOM, every cell safe for a spreadsheet) and acknowledges it.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import NewPage, sign_in
from tests.e2e.stack import Stack, eventually

pytestmark = pytest.mark.e2e

SUPERVISOR, PASSWORD = "hana", "hana-e2e-password"
EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def hhmm(epoch_seconds: float) -> str:
    return datetime.fromtimestamp(epoch_seconds, UTC).strftime("%H:%M")


def test_a_shift_ends_and_its_handover_downloads_as_csv(stack: Stack, new_page: NewPage) -> None:
    project_id = stack.sandbox_project()
    agent_id = stack.create_agent(SUPERVISOR, PASSWORD, project_id)
    stack.api("PATCH", f"/api/agents/{agent_id}", json={"role": "supervisor"})
    now = time.time()
    ends = (int(now // 60) + 2) * 60  # a whole minute, at least a minute from now
    made = stack.api(
        "POST",
        f"/api/projects/{project_id}/shifts",
        json={
            "name": "Early",
            "days": EVERY_DAY,
            "start": hhmm(ends - 3 * 3600),
            "end": hhmm(ends),
            "time_zone": "UTC",
            "agent_ids": [agent_id],
            "reminder_minutes": [1],
            "post_summary": False,
        },
    )
    shift_id = made["shift_id"]

    def stored() -> bool:
        return bool(stack.api("GET", f"/api/projects/{project_id}/handovers")["items"])

    eventually(stored, timeout=240, what="the handover stored at the shift's end")

    page = new_page()
    sign_in(page, stack.base, SUPERVISOR, PASSWORD)
    page.locator(".topbar nav button", has_text="To do").click()
    expect(page.get_by_role("heading", name="Handovers")).to_be_visible()
    expect(page.get_by_role("rowheader", name=SUPERVISOR.title())).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == f"handover-{ends * 1000}.csv"
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["section", "agent", "session"]
    assert ["agent", agent_id, "", "", "", "", "handled", "0"] in rows

    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("status").filter(has_text="Acknowledged")).to_be_visible()
    shown = stack.api("GET", f"/api/projects/{project_id}/handovers/{shift_id}/{ends * 1000}")
    assert shown["acknowledged_by"] == agent_id
