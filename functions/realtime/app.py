"""The console's WebSocket API (API Gateway WebSocket): $connect, $disconnect, $default.

- $connect redeems the single-use ticket in the query string (browsers cannot send headers
  on a WebSocket handshake); any answer but 2xx makes API Gateway refuse the connection.
- $default takes the console's frames; `{"action": "heartbeat"}` keeps the connection and
  the agent's presence alive. A connection that is unknown or whose login has ended is
  closed from here, so the console reconnects (or signs in again) and catches up.
- $disconnect forgets the connection.

Frames to the console are pushed by the functions that see changes (tgdesk.realtime.fanout).
"""

from __future__ import annotations

import json
from typing import Any

from tgdesk.core.errors import Unauthorized
from tgdesk.core.logs import function_logger
from tgdesk.realtime import connections as websocket

logger = function_logger()

HEARTBEAT = "heartbeat"


@logger.inject_lambda_context(log_event=False, clear_state=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    request = event.get("requestContext") or {}
    route, connection_id = request.get("routeKey"), request.get("connectionId", "")
    logger.append_keys(connection_id=connection_id, route=route)
    if route == "$connect":
        return _connect(event, connection_id)
    if route == "$disconnect":
        websocket.disconnect(connection_id)
        logger.info("disconnected", extra={"reason": request.get("disconnectReason")})
        return _status(200)
    return _message(event, connection_id)


def _connect(event: dict[str, Any], connection_id: str) -> dict[str, Any]:
    ticket = (event.get("queryStringParameters") or {}).get("ticket")
    source_ip = (event.get("requestContext") or {}).get("identity", {}).get("sourceIp")
    try:
        connection = websocket.connect(connection_id, ticket, source_ip=source_ip)
    except Unauthorized as err:
        logger.warning("connection refused", extra={"code": err.code})
        return _status(401)
    logger.info("connected", extra={"agent_id": connection["agent_id"]})
    return _status(200)


def _message(event: dict[str, Any], connection_id: str) -> dict[str, Any]:
    try:
        action = json.loads(event.get("body") or "{}").get("action")
    except (ValueError, AttributeError):
        action = None
    if action != HEARTBEAT:
        logger.info("frame ignored", extra={"action": str(action)[:40]})
        return _status(400)
    if not websocket.heartbeat(connection_id):
        logger.info("closing a connection that is unknown or whose login ended")
        websocket.close(connection_id)
        return _status(410)
    return _status(200)


def _status(code: int) -> dict[str, Any]:
    return {"statusCode": code}
