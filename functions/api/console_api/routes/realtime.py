"""Real-time: the single-use ticket with which the console opens its WebSocket."""

from __future__ import annotations

from fastapi import APIRouter, Request

from console_api.deps import BearerToken, CurrentAgent
from console_api.models import Public
from tgdesk.realtime import connections as websocket

router = APIRouter(tags=["realtime"])


class RealtimeTicket(Public):
    ticket: str
    url: str
    expires_at: int


def _same_origin_websocket(request: Request) -> str:
    """This API's own host as a WebSocket URL, when none is configured."""
    scheme = "wss" if request.url.scheme == "https" else "ws"
    return f"{scheme}://{request.url.netloc}/ws"


@router.post("/realtime/ticket")
def issue_ticket(request: Request, agent: CurrentAgent, token: BearerToken) -> RealtimeTicket:
    """A ticket for one WebSocket connection: open `{url}?ticket={ticket}` within 60 s.

    Single use: reconnecting takes a new ticket. The connection then receives the changes
    this agent may see (sessions, messages, notes) as JSON frames."""
    ticket = websocket.issue_ticket(
        agent["agent_id"], token, fallback_url=_same_origin_websocket(request)
    )
    return RealtimeTicket(ticket=ticket.ticket, url=ticket.url, expires_at=ticket.expires_at)
