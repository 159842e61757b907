"""(b) DynamoDB requests and write capacity per routed session and per transfer.

A project of three agents (two online) on moto. New sessions are opened by the webhook and
routed as the assign function routes them (`routing_service.route_session`); transfers are
`routing_service.transfer`, what the API calls (authentication is left out: it is the same
for every route). Both are reported; the request counts are budgets.
"""

from __future__ import annotations

from typing import Any

from bench import inbound
from bench.costs import report
from bench.harness import Budget, heading, mocked_table, text_update
from bench.meter import DynamoMeter

SESSIONS = 12
NEW_SESSION_REQUEST_BUDGET = 4  # Query members, BatchGetItem, GetItem (sticky), transaction
TRANSFER_REQUEST_BUDGET = 8
FIRST_USER = 700_000_001


def _team() -> list[dict[str, Any]]:
    from tgdesk.accounts.agents import create_agent
    from tgdesk.core.domain import Presence
    from tgdesk.storage import projects
    from tgdesk.team import presence

    agents = []
    for name in ("alice", "bob", "carol"):
        agent = create_agent(username=f"bench-{name}", password="bench-password-not-secret")
        projects.add_member(inbound.PROJECT_ID, agent["agent_id"])
        agents.append(agent)
    for agent in (agents[0], agents[2]):
        presence.set_presence(agent["agent_id"], Presence.ONLINE)
    return agents


def run(sessions: int = SESSIONS) -> list[Budget]:
    from tgdesk.accounts import access
    from tgdesk.routing import service as routing_service
    from tgdesk.routing.policy import SessionToRoute
    from tgdesk.storage import accounts

    heading(f"DynamoDB per routed session and per transfer ({sessions} of each)")
    with mocked_table(), inbound.webhook() as call:
        agents = _team()
        new_samples, transfer_samples = [], []
        with DynamoMeter() as meter:
            for n in range(sessions):
                user = FIRST_USER + n
                call(text_update(n + 1, user, "hello", date=inbound.FIRST_DATE + n))
                session_id = _open_session_id(user)
                meter.take()
                routed = routing_service.route_session(
                    SessionToRoute(session_id, inbound.PROJECT_ID, tg_user_id=user)
                )
                new_samples.append(meter.take())
                holder = accounts.get_agent(str(routed.agent_id))
                assert holder is not None
                target = next(a for a in agents if a["agent_id"] != holder["agent_id"])
                routing_service.transfer(
                    access.Scope(holder), session_id, agent_id=target["agent_id"]
                )
                transfer_samples.append(meter.take())
    report(new_samples, "new session")
    report(transfer_samples, "transfer")
    return [
        Budget(
            "requests per routed new session",
            max(s.total_requests for s in new_samples),
            NEW_SESSION_REQUEST_BUDGET,
        ),
        Budget(
            "requests per transfer",
            max(s.total_requests for s in transfer_samples),
            TRANSFER_REQUEST_BUDGET,
        ),
    ]


def _open_session_id(user: int) -> str:
    from bench.outbound import open_session_id

    return open_session_id(inbound.PROJECT_ID, user)
