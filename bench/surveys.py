"""`python -m bench surveys`: DynamoDB requests per close with the satisfaction survey on.

A user writes, the bench agent holds the session and closes it from the console; then the
stream's part of the close (tgdesk.surveys.stream: the cached settings, the user's profile,
the survey and its message in one transaction, the send recorded), the user's press through
the webhook (the rating, its marker, the agent's counters and the thanks in one transaction)
and the stream sending the thanks. The close itself costs what it costs with surveys off: the
survey adds nothing to the console's request. The counts are budgets.
"""

from __future__ import annotations

import json
from typing import Any

from bench import inbound, outbound
from bench.harness import Budget, heading, mocked_table, text_update
from bench.meter import DynamoMeter

USER_ID = 500_000_005
STREAM_BUDGET = 5  # settings cached: profile read, transaction, message ref, sent, + spare
# A low press: the session, the project's supervisors (members, agents, and the admins when
# it has no supervisor) for the follow-up, then one transaction.
PRESS_BUDGET = 12
THANKS_BUDGET = 5  # message read, claim, message ref, sent, + spare


def _turn_on(project_id: str) -> None:
    from tgdesk.audit import entries as audit
    from tgdesk.storage import surveys as store
    from tgdesk.surveys import settings

    saved = settings.validated(project_id, {"enabled": True})
    saved["updated_at"] = 1
    entry = audit.entry("surveys.settings", actor_id=audit.SYSTEM, project_id=project_id)
    assert store.save_settings(saved, read_updated_at=None, entry=entry)
    settings.forget()
    settings.current(project_id)  # the stream's container has read them once


def _session(session_id: str) -> dict[str, Any]:
    from tgdesk.storage import sessions

    found = sessions.get(session_id)
    if found is None:
        raise RuntimeError("the bench session is gone")
    return found


def _press(session: dict[str, Any], telegram_message_id: int, score: int) -> dict[str, Any]:
    from tgdesk.surveys import callback_data

    token = session["survey"]["token"]
    user = {"id": USER_ID, "is_bot": False, "first_name": "Bench"}
    return {
        "update_id": 90_000 + score,
        "callback_query": {
            "id": f"bench-press-{score}",
            "from": user,
            "message": {
                "message_id": telegram_message_id,
                "chat": {"id": USER_ID, "type": "private"},
                "date": inbound.FIRST_DATE,
                "text": "How satisfied are you?",
            },
            "chat_instance": "1",
            "data": callback_data.encode(session["session_id"], token, score),
        },
    }


def run() -> list[Budget]:
    heading("Satisfaction surveys: DynamoDB requests per close with the survey on")
    from tgdesk.storage import keys, table
    from tgdesk.surveys import stream

    with mocked_table(), inbound.webhook() as call, outbound.stub_telegram() as methods:
        call(text_update(1, USER_ID, "hello", date=inbound.FIRST_DATE))
        session_id = outbound.open_session_id(inbound.PROJECT_ID, USER_ID)
        console = outbound.console_holding(session_id)
        _turn_on(inbound.PROJECT_ID)
        headers = {"authorization": f"Bearer {console.token}"}
        with DynamoMeter() as meter:
            outbound.call_api(
                console.handler, "POST", f"/api/sessions/{session_id}/close", {}, headers=headers
            )
            close = meter.take()
            before = {k: v for k, v in _session(session_id).items() if k != "closed_at"}
            before["status"] = "processing"
            meter.take()
            stream.on_change("MODIFY", before, _session(session_id))
            survey = meter.take()
            session = _session(session_id)
            key = keys.message(
                inbound.PROJECT_ID,
                USER_ID,
                session["survey"]["message_created_at"],
                session["survey"]["message_id"],
            )
            message = table.get(*key) or {}
            meter.take()
            call(_press(session, int(message["delivery"]["telegram_message_id"]), 2))
            press = meter.take()
            thanks_item = [
                i
                for i in table.query_all(pk=key[0], sk_prefix="MSG#")
                if i.get("edits_telegram_message_id") is not None
            ]
            meter.take()
            stream.on_change("INSERT", {}, thanks_item[0])
            thanks = meter.take()
    if "editMessageText" not in methods or session.get("survey") is None:
        raise RuntimeError(f"the survey did not go round: {json.dumps(methods)}")
    print(f"  the close (console):           {close.total_requests} requests")
    print(f"  the survey (stream):           {survey.total_requests} requests")
    print(f"  a press of 2 (webhook):        {press.total_requests} requests (follow-up included)")
    print(f"  the thanks (stream):           {thanks.total_requests} requests")
    return [
        Budget("requests the stream adds per surveyed close", survey.total_requests, STREAM_BUDGET),
        Budget("requests per low rating press (webhook)", press.total_requests, PRESS_BUDGET),
        Budget("requests to send the thanks", thanks.total_requests, THANKS_BUDGET),
    ]
