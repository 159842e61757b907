"""Every route of the API, declared with what it needs, and called across projects.

ROUTES must name every route the app serves (a new route fails test_every_route_is_declared
until it is declared here). Then every route that takes a project, session, user, note, tag,
group or agent id is called by agents and supervisors who may not reach the first project's
data, with that data's real ids: the answer is 404 (or 403 where a role is missing), never
the data itself.
"""

from __future__ import annotations

import json
from typing import Any

import collab_helpers
import pytest
from api_helpers import api_module, put_inbound_message
from fastapi.testclient import TestClient

# The two-project team (collab_helpers): admin; p1 maria, ana, boss; p2 li, chief.
team = collab_helpers.team

PUBLIC = "public"  # no login
ANY_AGENT = "any agent"  # logged in; the answer is scoped to the caller
MEMBER = "member"  # a member of the project in the path
SUPERVISOR = "supervisor"  # a supervisor of the project (or an admin)
HOLDER = "holder"  # whoever may see the session or user: its assignee, the supervisors
AUTHOR = "author"  # the author of the note, on a session they may see
ADMIN = "admin"
LINK_MANAGER = "link manager"  # an admin, or a supervisor of the link's project; others: 404

SECRET = "P1-CONFIDENTIAL"  # in p1's note, tag and group: must never reach an outsider

# (method, path) -> (what it needs, body sent in the cross-project calls)
ROUTES: dict[tuple[str, str], tuple[str, Any]] = {
    ("GET", "/api/openapi.json"): (PUBLIC, None),
    ("GET", "/api/docs"): (PUBLIC, None),
    ("GET", "/docs/oauth2-redirect"): (PUBLIC, None),
    ("GET", "/api/health"): (PUBLIC, None),
    ("POST", "/api/auth/login"): (PUBLIC, None),
    ("GET", "/api/auth/invitations/{token}"): (PUBLIC, None),
    ("POST", "/api/auth/invitations/{token}"): (PUBLIC, None),
    ("POST", "/api/auth/logout"): (ANY_AGENT, None),
    ("GET", "/api/me"): (ANY_AGENT, None),
    ("PUT", "/api/me/presence"): (ANY_AGENT, None),
    ("POST", "/api/me/heartbeat"): (ANY_AGENT, None),
    ("POST", "/api/realtime/ticket"): (ANY_AGENT, None),
    ("GET", "/api/sessions"): (ANY_AGENT, None),
    ("GET", "/api/projects"): (ANY_AGENT, None),
    ("GET", "/api/audit"): (SUPERVISOR, None),
    # administrators only
    ("POST", "/api/agents"): (ADMIN, None),
    ("GET", "/api/agents"): (ADMIN, None),
    ("PATCH", "/api/agents/{agent_id}"): (ADMIN, {"display_name": "x"}),
    ("POST", "/api/agents/{agent_id}/password-reset"): (ADMIN, {}),
    ("POST", "/api/agents/{agent_id}/unlock"): (ADMIN, None),
    ("POST", "/api/agents/{agent_id}/invitations"): (ADMIN, None),
    ("POST", "/api/projects"): (ADMIN, None),
    ("POST", "/api/projects/{project_id}/members"): (ADMIN, {"agent_id": "{agent_id}"}),
    ("PUT", "/api/projects/{project_id}/bot-token"): (ADMIN, {"bot_token": "7000002:AAGq3sW"}),
    ("POST", "/api/projects/{project_id}/team-chat/code"): (ADMIN, None),
    ("GET", "/api/projects/{project_id}/team-chat"): (ADMIN, None),
    ("DELETE", "/api/projects/{project_id}/team-chat"): (ADMIN, None),
    ("GET", "/api/dead-letters"): (ADMIN, None),
    ("GET", "/api/projects/{project_id}/ignored-updates"): (ADMIN, None),
    # projects and their team
    ("GET", "/api/projects/{project_id}"): (MEMBER, None),
    ("PATCH", "/api/projects/{project_id}"): (SUPERVISOR, {"name": "Taken over"}),
    ("GET", "/api/projects/{project_id}/members"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/members/{agent_id}"): (SUPERVISOR, {"permissions": []}),
    ("GET", "/api/projects/{project_id}/agents"): (MEMBER, None),
    ("POST", "/api/projects/{project_id}/groups"): (SUPERVISOR, {"name": "Intruders"}),
    ("GET", "/api/projects/{project_id}/groups"): (MEMBER, None),
    ("GET", "/api/projects/{project_id}/groups/{group_id}"): (MEMBER, None),
    ("PATCH", "/api/projects/{project_id}/groups/{group_id}"): (SUPERVISOR, {"name": "Mine"}),
    ("DELETE", "/api/projects/{project_id}/groups/{group_id}"): (SUPERVISOR, None),
    # tags
    ("POST", "/api/projects/{project_id}/tags"): (
        SUPERVISOR,
        {"name": "intruder", "colour": "#000000"},
    ),
    ("GET", "/api/projects/{project_id}/tags"): (MEMBER, None),
    ("PATCH", "/api/projects/{project_id}/tags/{tag_id}"): (SUPERVISOR, {"name": "renamed"}),
    ("DELETE", "/api/projects/{project_id}/tags/{tag_id}"): (SUPERVISOR, None),
    # users of the project
    ("GET", "/api/projects/{project_id}/users/{tg_user_id}"): (HOLDER, None),
    ("GET", "/api/projects/{project_id}/users/{tg_user_id}/messages"): (HOLDER, None),
    ("PUT", "/api/projects/{project_id}/users/{tg_user_id}/tags"): (
        HOLDER,
        {"tag_ids": ["{tag_id}"]},
    ),
    ("GET", "/api/projects/{project_id}/users/{tg_user_id}/export"): (ADMIN, None),
    ("POST", "/api/projects/{project_id}/users/{tg_user_id}/erase"): (
        ADMIN,
        {"confirm_tg_user_id": "{tg_user_id}"},
    ),
    # sessions
    ("GET", "/api/sessions/{session_id}"): (HOLDER, None),
    ("PATCH", "/api/sessions/{session_id}"): (HOLDER, {"priority": "urgent"}),
    ("POST", "/api/sessions/{session_id}/close"): (HOLDER, None),
    ("POST", "/api/sessions/{session_id}/reopen"): (HOLDER, None),
    ("GET", "/api/sessions/{session_id}/messages"): (HOLDER, None),
    ("GET", "/api/sessions/{session_id}/messages/{message_id}/media"): (HOLDER, None),
    ("POST", "/api/sessions/{session_id}/messages"): (HOLDER, {"text": "hello from outside"}),
    ("PUT", "/api/sessions/{session_id}/tags"): (HOLDER, {"tag_ids": ["{tag_id}"]}),
    ("POST", "/api/sessions/{session_id}/notes"): (HOLDER, {"text": "planted", "personal": False}),
    ("GET", "/api/sessions/{session_id}/notes"): (HOLDER, None),
    ("GET", "/api/sessions/{session_id}/assignments"): (HOLDER, None),
    ("PATCH", "/api/sessions/{session_id}/notes/{note_id}"): (AUTHOR, {"text": "rewritten"}),
    ("POST", "/api/sessions/{session_id}/transfer"): (
        HOLDER,
        {"to": {"any_online": True}, "reason": "intrusion"},
    ),
    ("POST", "/api/sessions/{session_id}/take-over"): (HOLDER, None),
    ("GET", "/api/notices"): (ANY_AGENT, None),
    ("POST", "/api/sessions/{session_id}/risk-cancel"): (HOLDER, {"text": "pay T9yD"}),
    # escalations and tickets
    ("POST", "/api/sessions/{session_id}/escalations"): (
        HOLDER,
        {"level": "l3", "to": {"supervisors": True}, "reason": "intrusion"},
    ),
    ("GET", "/api/sessions/{session_id}/ticket"): (HOLDER, None),
    ("PATCH", "/api/sessions/{session_id}/ticket"): (HOLDER, {"emotion": "angry"}),
    ("GET", "/api/tickets"): (SUPERVISOR, None),
    ("GET", "/api/projects/{project_id}/escalation-wording"): (MEMBER, None),
    ("PUT", "/api/projects/{project_id}/escalation-wording"): (
        SUPERVISOR,
        {"templates": {"en": "Taken over {ticket} {response_time}"}},
    ),
    # risk control: administrators manage it, supervisors read it
    ("GET", "/api/risk/groups"): (SUPERVISOR, None),
    ("POST", "/api/risk/groups"): (ADMIN, {"name": "Intruders", "action": "block"}),
    ("GET", "/api/risk/groups/{gid}"): (SUPERVISOR, None),
    ("PATCH", "/api/risk/groups/{gid}"): (ADMIN, {"name": "Mine"}),
    ("DELETE", "/api/risk/groups/{gid}"): (ADMIN, None),
    ("POST", "/api/risk/groups/{gid}/entries:bulk"): (ADMIN, {"text": "T9yD"}),
    ("GET", "/api/risk/groups/{gid}/entries.csv"): (SUPERVISOR, None),
    ("PUT", "/api/risk/groups/{gid}/entries.csv"): (ADMIN, None),
    ("GET", "/api/risk/triggers"): (SUPERVISOR, None),
    ("GET", "/api/risk/triggers.csv"): (SUPERVISOR, None),
    # tracked links
    ("POST", "/api/links"): (LINK_MANAGER, {"project_id": "{project_id}", "name": "Intruder"}),
    ("GET", "/api/links"): (LINK_MANAGER, None),
    ("GET", "/api/links/{code}"): (LINK_MANAGER, None),
    ("PATCH", "/api/links/{code}"): (LINK_MANAGER, {"name": "Mine"}),
    ("DELETE", "/api/links/{code}"): (LINK_MANAGER, None),
    ("GET", "/api/links/{code}/clicks"): (LINK_MANAGER, None),
    ("GET", "/api/links/{code}/funnel"): (LINK_MANAGER, None),
    ("GET", "/api/projects/{project_id}/link-settings"): (LINK_MANAGER, None),
    ("PUT", "/api/projects/{project_id}/link-settings"): (LINK_MANAGER, {"address_mode": "full"}),
    # collaborators on a session
    ("GET", "/api/sessions/{session_id}/collaborators"): (HOLDER, None),
    ("POST", "/api/sessions/{session_id}/collaborators"): (HOLDER, {"agent_id": "{agent_id}"}),
    ("DELETE", "/api/sessions/{session_id}/collaborators/{agent_id}"): (HOLDER, None),
    ("POST", "/api/sessions/{session_id}/collaborators/{agent_id}/hand-over"): (HOLDER, {}),
    ("GET", "/api/projects/{project_id}/sla"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/sla"): (ADMIN, {"enabled": False}),
    # escalation triggers
    ("GET", "/api/projects/{project_id}/escalation-triggers"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/escalation-triggers"): (ADMIN, {}),
    ("GET", "/api/sessions/{session_id}/escalation-suggestions"): (HOLDER, None),
    # satisfaction surveys
    ("GET", "/api/projects/{project_id}/survey-settings"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/survey-settings"): (ADMIN, {}),
    # the bot's own answers
    ("GET", "/api/projects/{project_id}/autoreply-settings"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/autoreply-settings"): (SUPERVISOR, {}),
    ("POST", "/api/projects/{project_id}/faq-rules"): (
        HOLDER,  # an agent proposes from their own answer; a supervisor's rule is live
        {"session_id": "{session_id}", "message_id": "none"},
    ),
    # attachments
    ("POST", "/api/sessions/{session_id}/uploads"): (
        HOLDER,
        {"file_name": "a.png", "content_type": "image/png", "size": 10},
    ),
    ("POST", "/api/sessions/{session_id}/media-messages"): (HOLDER, {"uploads": ["x"]}),
    ("GET", "/api/projects/{project_id}/attachment-settings"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/attachment-settings"): (ADMIN, {"kinds": ["photo"]}),
    # translation
    ("GET", "/api/projects/{project_id}/translation-settings"): (SUPERVISOR, None),
    ("PUT", "/api/projects/{project_id}/translation-settings"): (ADMIN, {}),
    ("POST", "/api/sessions/{session_id}/translation-preview"): (HOLDER, {"text": "hello"}),
    # follow-up tasks and the user's time zone
    ("GET", "/api/tasks"): (ANY_AGENT, None),
    ("GET", "/api/sessions/{session_id}/tasks"): (HOLDER, None),
    ("POST", "/api/sessions/{session_id}/tasks"): (HOLDER, {"due_at": 4102444800000}),
    ("PATCH", "/api/sessions/{session_id}/tasks/{task_id}"): (HOLDER, {"version": 1}),
    ("DELETE", "/api/sessions/{session_id}/tasks/{task_id}"): (HOLDER, None),
    ("GET", "/api/projects/{project_id}/task-settings"): (MEMBER, None),
    ("PUT", "/api/projects/{project_id}/task-settings"): (
        ADMIN,
        {"team_chat_reminders": True, "night_start": "22:00", "night_end": "08:00"},
    ),
    ("PATCH", "/api/projects/{project_id}/users/{tg_user_id}"): (
        HOLDER,
        {"time_zone": "Europe/Berlin"},
    ),
    # shifts and handovers
    ("GET", "/api/projects/{project_id}/shifts"): (MEMBER, None),
    ("GET", "/api/projects/{project_id}/shifts/on-now"): (MEMBER, None),
    ("POST", "/api/projects/{project_id}/shifts"): (SUPERVISOR, {"name": "x"}),
    ("PUT", "/api/projects/{project_id}/shifts/{shift_id}"): (SUPERVISOR, {}),
    ("DELETE", "/api/projects/{project_id}/shifts/{shift_id}"): (SUPERVISOR, None),
    ("GET", "/api/projects/{project_id}/shifts/{shift_id}/handover-preview"): (SUPERVISOR, None),
    ("GET", "/api/projects/{project_id}/handovers"): (MEMBER, None),
    # a handover is a member's to read, but this world has none: declared like a session,
    # so an id nobody may see (here: every id) answers 404 to members and outsiders alike
    ("GET", "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}"): (HOLDER, None),
    ("GET", "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}/csv"): (HOLDER, None),
    ("GET", "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}/markdown"): (
        HOLDER,
        None,
    ),
    ("POST", "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}/acknowledge"): (
        HOLDER,
        None,
    ),
    # quick replies
    ("GET", "/api/projects/{project_id}/quick-replies"): (MEMBER, None),
    ("POST", "/api/projects/{project_id}/quick-replies"): (
        SUPERVISOR,
        {"title": "x", "texts": {"en": "x"}},
    ),
    ("PUT", "/api/projects/{project_id}/quick-replies/{reply_id}"): (
        SUPERVISOR,
        {"title": "x", "texts": {"en": "x"}, "version": 1},
    ),
    ("DELETE", "/api/projects/{project_id}/quick-replies/{reply_id}"): (SUPERVISOR, None),
    ("GET", "/api/me/quick-replies"): (ANY_AGENT, None),
    ("POST", "/api/me/quick-replies"): (ANY_AGENT, None),
    ("PUT", "/api/me/quick-replies/{reply_id}"): (ANY_AGENT, None),
    ("DELETE", "/api/me/quick-replies/{reply_id}"): (ANY_AGENT, None),
    ("GET", "/api/sessions/{session_id}/quick-replies"): (HOLDER, None),
    ("POST", "/api/sessions/{session_id}/quick-replies/{reply_id}/filled"): (HOLDER, None),
    # statistics: an agent of the project gets their own figures
    ("GET", "/api/stats"): (MEMBER, None),
    # exports and retention
    ("GET", "/api/sessions/{session_id}/transcript"): (HOLDER, None),
    ("POST", "/api/projects/{project_id}/exports"): (ADMIN, {"from_at": 0, "to_at": 1}),
    ("GET", "/api/projects/{project_id}/exports"): (ADMIN, None),
    ("GET", "/api/projects/{project_id}/exports/{job_id}"): (ADMIN, None),
    ("GET", "/api/projects/{project_id}/retention"): (ADMIN, None),
    ("PUT", "/api/projects/{project_id}/retention"): (ADMIN, {"retention_days": None}),
}

ID_PARAMS = (
    "project_id",
    "session_id",
    "tg_user_id",
    "note_id",
    "tag_id",
    "group_id",
    "agent_id",
    "code",
)
# Routes that take a project id in the query rather than the path.
QUERY_SCOPED = {
    ("GET", "/api/sessions"),
    ("GET", "/api/audit"),
    ("GET", "/api/risk/triggers"),
    ("GET", "/api/risk/triggers.csv"),
    ("GET", "/api/links"),
    ("POST", "/api/links"),  # in its body
    ("GET", "/api/tickets"),
    ("GET", "/api/tasks"),
    ("GET", "/api/stats"),
}


def served_routes() -> set[tuple[str, str]]:
    app = api_module().app
    served = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
    # Documentation routes are plain Starlette routes, outside the OpenAPI document.
    for route in app.routes:
        path, methods = getattr(route, "path", None), getattr(route, "methods", None)
        if path and methods:
            served |= {(m, path) for m in methods if m != "HEAD"}
    return served


def test_every_route_is_declared() -> None:
    served = served_routes()
    undeclared = sorted(served - set(ROUTES))
    assert not undeclared, f"declare these routes in ROUTES with what they need: {undeclared}"
    gone = sorted(set(ROUTES) - served)
    assert not gone, f"these declared routes no longer exist: {gone}"


@pytest.fixture
def world(client: TestClient, team: dict[str, Any]) -> dict[str, Any]:
    """p1's real ids: maria's session and user, her note, a tag and a group."""
    p1, session = team["p1"], team["sessions"]["maria"]
    note = client.post(
        f"/api/sessions/{session['session_id']}/notes",
        json={"text": f"{SECRET} note", "personal": False},
        headers=team["maria"],
    )
    tag = client.post(
        f"/api/projects/{p1}/tags",
        json={"name": f"{SECRET} tag", "colour": "#e5484d"},
        headers=team["boss"],
    )
    group = client.post(
        f"/api/projects/{p1}/groups",
        json={"name": f"{SECRET} group", "agent_ids": [team["ids"]["maria"]]},
        headers=team["boss"],
    )
    link = client.post(
        "/api/links", json={"project_id": p1, "name": f"{SECRET} link"}, headers=team["boss"]
    )
    for made in (note, tag, group, link):
        assert made.status_code == 201, made.text
    message = put_inbound_message(session, f"{SECRET} message", at=session["opened_at"])
    ids = {
        "project_id": p1,
        "session_id": session["session_id"],
        "tg_user_id": str(session["tg_user_id"]),
        "note_id": note.json()["note_id"],
        "message_id": message["message_id"],
        "tag_id": tag.json()["tag_id"],
        "group_id": group.json()["group_id"],
        "agent_id": team["ids"]["maria"],
        "code": link.json()["code"],
        "token": "x" * 43,
    }
    return {**team, "real": ids}


def fill(template: Any, ids: dict[str, str]) -> Any:
    text = json.dumps(template)
    for name, value in ids.items():
        text = text.replace("{" + name + "}", value)
    return json.loads(text)


def call(
    client: TestClient, method: str, path: str, body: Any, ids: dict[str, str], headers: Any
) -> Any:
    query = {"project_id": ids["project_id"]} if (method, path) in QUERY_SCOPED else None
    return client.request(
        method,
        fill(path, ids),
        json=fill(body, ids) if body is not None else None,
        params=query,
        headers=headers,
    )


def leaks(response: Any, ids: dict[str, str]) -> list[str]:
    """p1's data found in an answer (its ids echoed in a path do not count: none is echoed)."""
    private = [SECRET, ids["session_id"], ids["note_id"], ids["tag_id"], ids["group_id"]]
    return [value for value in private if value in response.text]


def expected_for_outsider(needs: str) -> int:
    return 403 if needs == ADMIN else 404


@pytest.mark.parametrize("caller", ["li", "chief"])
def test_other_projects_never_reach_the_first_projects_data(
    client: TestClient, world: dict[str, Any], caller: str
) -> None:
    ids, failures, checked = world["real"], [], 0
    for (method, path), (needs, body) in ROUTES.items():
        takes_ids = any("{" + p + "}" in path for p in ID_PARAMS)
        if needs == PUBLIC or not (takes_ids or (method, path) in QUERY_SCOPED):
            continue
        if needs == ADMIN and path.startswith("/api/agents"):
            continue  # covered below: agent ids are global, not project data
        response = call(client, method, path, body, ids, world[caller])
        checked += 1
        if (method, path) in QUERY_SCOPED:
            ok = response.status_code in (403, 404) or (
                response.status_code == 200 and not leaks(response, ids)
            )
        else:
            ok = response.status_code == expected_for_outsider(needs) and not leaks(response, ids)
        if not ok:
            failures.append((method, path, response.status_code, response.text[:200]))
    assert failures == []
    assert checked >= 30, checked  # the loop really called the routes


@pytest.mark.parametrize("caller", ["li", "chief", "maria", "boss"])
def test_only_admins_manage_agents(client: TestClient, world: dict[str, Any], caller: str) -> None:
    for (method, path), (needs, body) in ROUTES.items():
        if needs != ADMIN:
            continue
        response = call(client, method, path, body, world["real"], world[caller])
        assert response.status_code == 403, (method, path, response.text)
        assert response.json()["code"] == "admin_only"


def test_inside_the_project_roles_still_apply(client: TestClient, world: dict[str, Any]) -> None:
    """ana, an agent of p1, sees the project but not maria's session, user or note, and
    none of the supervisor's routes."""
    ids, failures = world["real"], []
    for (method, path), (needs, body) in ROUTES.items():
        if needs not in (SUPERVISOR, HOLDER, AUTHOR, LINK_MANAGER):
            continue
        if (method, path) in QUERY_SCOPED:
            continue
        expected = 403 if needs == SUPERVISOR else 404
        response = call(client, method, path, body, ids, world["ana"])
        if response.status_code != expected or leaks(response, ids):
            failures.append((method, path, response.status_code, response.text[:200]))
    assert failures == []
    for (method, path), (needs, _) in ROUTES.items():
        if needs == MEMBER and method == "GET":
            response = call(client, method, path, None, ids, world["ana"])
            assert response.status_code == 200, (path, response.text)


def test_anonymous_callers_get_401_everywhere_but_public_routes(
    client: TestClient, world: dict[str, Any]
) -> None:
    for (method, path), (needs, body) in ROUTES.items():
        if needs == PUBLIC:
            continue
        response = call(client, method, path, body, world["real"], None)
        assert response.status_code == 401, (method, path, response.text)
        assert response.json()["code"] == "unauthorized"
