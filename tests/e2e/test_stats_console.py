"""The console's Statistics page in a real Chromium against the local stack.

Agent Tina of the Sandbox project answers a user; once the table's stream has counted it, a
supervisor of the project opens Statistics: the page shows the project's figures for the last
7 days (the headline figures and the charts), its table of the agents compared says what
`GET /api/stats` says for each agent, and that table downloads as a CSV a spreadsheet opens
safely (UTF-8 with a BOM) with the API's own figures.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlparse

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.e2e.browser import NewPage, sign_in
from tests.e2e.stack import Stack, eventually, login

pytestmark = pytest.mark.e2e

SUPERVISOR, PASSWORD = "stella", "stella-e2e-password"
AGENT, AGENT_PASSWORD = "tina", "tina-e2e-password"
USER_ID = 5_400_000_141
# Count columns of the agents compared: (the CSV's and the table's column, the API's figure).
COUNTS = {
    "assigned": ("sessions", "assigned"),
    "handled": ("sessions", "handled"),
    "closed": ("sessions", "closed"),
    "messages_out": ("messages", "out"),
}


@dataclass(frozen=True)
class Desk:
    project_id: str
    agent_id: str


@pytest.fixture(scope="module")
def desk(stack: Stack) -> Desk:
    """Tina answers a user of the Sandbox project; Stella supervises the project."""
    project_id = stack.sandbox_project()
    supervisor_id = stack.create_agent(SUPERVISOR, PASSWORD, project_id)
    stack.api("PATCH", f"/api/agents/{supervisor_id}", json={"role": "supervisor"})
    agent_id = stack.create_agent(AGENT, AGENT_PASSWORD, project_id)
    stack.route_to(project_id, [agent_id])
    stack.user_writes(USER_ID, "Where is my parcel?", first_name="Wang")
    session_id = stack.session_of(USER_ID)["session_id"]
    tina, _ = login(stack.base, AGENT, AGENT_PASSWORD)
    sent = requests.post(
        f"{stack.base}/api/sessions/{session_id}/messages",
        headers=tina,
        json={"text": "It left the warehouse today."},
        timeout=10,
    )
    assert sent.status_code == 201, sent.text
    return Desk(project_id=project_id, agent_id=agent_id)


@pytest.fixture(autouse=True)
def stack_log_on_failure(stack: Stack, request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- the stack's log (end of {stack.log}) ---\n{stack.log_tail()}")


def agent_rows(stack: Stack, query: dict[str, str]) -> dict[str, dict[str, Any]]:
    """GET /api/stats's rows by agent for the query, by agent id (as the administrator)."""
    report = stack.api("GET", "/api/stats", params={**query, "by": "agent"})
    return {row["key"]: row for row in report["rows"]}


def figure(row: dict[str, Any], column: str) -> int:
    part, name = COUNTS[column]
    return int(row["figures"][part][name])


def open_statistics(page: Page) -> dict[str, str]:
    """Opens the Statistics page; the query of its request for the agents compared."""
    with page.expect_response(
        lambda r: "/api/stats" in r.url and "by=agent" in r.url and r.ok
    ) as answer:
        page.locator(".topbar nav button", has_text="Statistics").click()
    expect(page.get_by_role("heading", name="Statistics", level=1)).to_be_visible()
    query = dict(parse_qsl(urlparse(answer.value.url).query))
    query.pop("by")
    return query


def test_a_supervisor_reads_the_agents_figures_as_the_api_gives_them(
    stack: Stack, desk: Desk, new_page: NewPage
) -> None:
    # The stream counts the reply a moment after it is stored.
    eventually(
        lambda: (
            figure(
                agent_rows(stack, {"project_id": desk.project_id}).get(desk.agent_id)
                or {"figures": {"sessions": {"handled": 0}}},
                "handled",
            )
            >= 1
        ),
        what="Tina's handled session in the statistics",
    )
    page = new_page()
    sign_in(page, stack.base, SUPERVISOR, PASSWORD)
    query = open_statistics(page)
    assert query["project_id"] == desk.project_id
    assert set(query) == {"project_id", "from", "to"}

    totals = stack.api("GET", "/api/stats", params={**query, "by": "day"})["totals"]
    new = page.locator('.stats-headline li[data-metric="new"] .stats-figure')
    expect(new).to_have_text(str(totals["sessions"]["new"]))
    expect(page.get_by_role("img", name=re.compile(r"^Sessions per day: "))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"^SLA attainment: "))).to_be_visible()

    expected = agent_rows(stack, query)
    assert desk.agent_id in expected
    table = page.locator("table.stats-agent-table")
    expect(table.locator("tbody tr")).to_have_count(len(expected))
    for agent_id, row in expected.items():
        line = table.locator(f'tbody tr[data-key="{agent_id}"]')
        expect(line.locator("th")).to_have_text(row["label"])
        for column in COUNTS:
            expect(line.locator(f'td[data-column="{column}"]')).to_have_text(
                str(figure(row, column))
            )

    # Sorted by a column, the same rows.
    table.get_by_role("button", name="Handled").click()
    expect(table.locator("th[aria-sort=descending]")).to_have_count(1)
    expect(table.locator("tbody tr")).to_have_count(len(expected))

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export Agents compared (CSV)").click()
    download = download_info.value
    assert download.suggested_filename == f"stats-agents-{query['from']}-{query['to']}.csv"
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {line["agent_id"] for line in lines} == set(expected)
    for line in lines:
        row = expected[line["agent_id"]]
        assert line["agent"] == row["label"]
        for column in COUNTS:
            assert int(line[column]) == figure(row, column), (column, line)
        median = row["figures"]["first_response_ms"]["median"]
        assert line["first_response_median"] == ("" if median is None else str(median))
