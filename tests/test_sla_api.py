"""The SLA routes (a project's settings: supervisors read, administrators change) and the
clocks in the session payload and the session list's "due soonest" order."""

from __future__ import annotations

from typing import Any

import lifecycle_fixtures
from api_helpers import scheduler_handler
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID
from lifecycle_support import T0, at, audit_actions, open_session_id, user_writes

from tgdesk.core import secrets
from tgdesk.inbound import ingest
from tgdesk.storage import audit_feed, projects

aws, desk = lifecycle_fixtures.aws, lifecycle_fixtures.desk
MINUTE = 60_000
URL = f"/api/projects/{PROJECT_ID}/sla"


def test_supervisors_read_the_defaults(client: TestClient, desk: dict[str, Any]) -> None:
    response = client.get(URL, headers=desk["as_boss"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["enabled"] is False
    assert body["time_zone"] == "UTC"
    assert body["warn_percent"] == 80
    assert body["policies"]["urgent"]["first_response_minutes"] == 15
    assert body["policies"]["urgent"]["next_response_minutes"] == 15
    assert body["policies"]["low"]["resolution_minutes"] == 48 * 60
    assert client.get(URL, headers=desk["as_maria"]).status_code == 403
    assert client.get(URL, headers=desk["as_li"]).status_code == 404


def test_admins_change_them_audited(client: TestClient, desk: dict[str, Any]) -> None:
    wanted = {
        "enabled": True,
        "time_zone": "Europe/Berlin",
        "business_hours": {"mon": [["09:00", "17:00"]], "fri": [["09:00", "13:00"]]},
        "holidays": ["2026-12-25"],
        "policies": {"urgent": {"first_response_minutes": 5, "business_hours": True}},
    }
    response = client.put(URL, json=wanted, headers=desk["admin"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["policies"]["urgent"]["next_response_minutes"] == 5
    assert body["policies"]["urgent"]["resolution_minutes"] == 120
    assert body["business_hours"]["fri"] == [["09:00", "13:00"]]
    assert projects.get_project(PROJECT_ID)["sla_tracked"] is True
    assert client.get(URL, headers=desk["as_boss"]).json()["time_zone"] == "Europe/Berlin"
    assert client.put(URL, json=wanted, headers=desk["as_boss"]).status_code == 403
    entries, _ = audit_feed.entries([PROJECT_ID], limit=50)
    assert "sla.settings" in [e["action"] for e in entries]


def test_refusals_name_their_field(client: TestClient, desk: dict[str, Any]) -> None:
    for wanted, field in (
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"business_hours": {"mon": [["17:00", "09:00"]]}}, "business_hours"),
        ({"holidays": ["2026-02-30"]}, "holidays"),
        ({"warn_percent": 100}, "warn_percent"),
        ({"policies": {"high": {"resolution_minutes": 0}}}, "policies.high.resolution_minutes"),
    ):
        response = client.put(URL, json=wanted, headers=desk["admin"])
        assert response.status_code == 422, (wanted, response.text)
        assert response.json().get("field") == field or field in response.text, response.text


def test_the_payload_shows_the_clocks_and_the_list_sorts_by_due(
    client: TestClient, desk: dict[str, Any]
) -> None:
    short = {"policies": {"medium": {"first_response_minutes": 10}}}
    client.put(URL, json={"enabled": True, **short}, headers=desk["admin"]).raise_for_status()
    ingest.clear_project_cache()
    user_writes("first")
    first = open_session_id()
    at(T0 + MINUTE)
    user_writes("second", user=700100201)
    secrets.reset()
    scheduler_handler()({"job": "sla"}, lambda_context())
    view = client.get(f"/api/sessions/{first}", headers=desk["as_boss"]).json()
    clocks = {c["clock"]: c for c in view["sla"]["clocks"]}
    assert clocks["first_response"]["due_at"] == T0 + 10 * MINUTE
    assert clocks["resolution"]["due_at"] == T0 + 24 * 60 * MINUTE
    assert view["sla"]["due_at"] == T0 + 10 * MINUTE
    listed = client.get("/api/sessions", params={"order": "due"}, headers=desk["as_boss"])
    assert listed.status_code == 200, listed.text
    order = [s["session_id"] for s in listed.json()["items"]]
    assert order[0] == first  # due first, though the other was active later
    assert "sla.warning" not in [e["action"] for e in audit_actions(first)]
