"""`python -m bench sla`: what SLA clocks add to an inbound message and to a reply.

The same conversation (a user's message, then the agent's reply, over and over) is measured
through the real webhook and API handlers with the project's SLA tracking off, then on. The
clocks ride the transactions those writes already make (tgdesk.storage.sla): the requests
added are a budget of none; the write units added (an upsert of the response timer in the
message's transaction, its delete in the reply's, and the index entry it puts or takes) are
printed.
"""

from __future__ import annotations

from bench import inbound, outbound
from bench.harness import Budget, fmt, heading, mocked_table, text_update
from bench.meter import DynamoMeter, Usage

ROUNDS = 10
USER_ID = 500_000_002
ADDED_REQUESTS_BUDGET = 0


def _track(project_id: str) -> None:
    from tgdesk.audit import entries as audit
    from tgdesk.inbound import ingest
    from tgdesk.sla import policies
    from tgdesk.storage import sla

    settings = policies.validated(project_id, {"enabled": True})
    settings["updated_at"] = 1
    entry = audit.entry("sla.settings", actor_id=audit.SYSTEM, project_id=project_id)
    assert sla.save_settings(settings, read_updated_at=None, entry=entry)
    ingest.clear_project_cache()


def _conversation(tracked: bool, rounds: int) -> tuple[list[Usage], list[Usage]]:
    """Per-message and per-reply usage of `rounds` exchanges in a warm session."""
    from tgdesk.sla import jobs

    with mocked_table(), inbound.webhook() as call, outbound.stub_telegram():
        if tracked:
            _track(inbound.PROJECT_ID)
        date = inbound.FIRST_DATE
        call(text_update(1, USER_ID, "hello", date=date))
        session_id = outbound.open_session_id(inbound.PROJECT_ID, USER_ID)
        api = outbound.console_holding(session_id)
        api.reply(session_id, "warm-up")
        jobs.run_due_clocks()  # the clocks' first look: the session's snapshot exists
        messages: list[Usage] = []
        replies: list[Usage] = []
        with DynamoMeter() as meter:
            for n in range(rounds):
                date += 60
                call(text_update(n + 2, USER_ID, f"message {n}", date=date))
                messages.append(meter.take())
                api.reply(session_id, f"reply {n}")
                replies.append(meter.take())
    return messages, replies


def _mean(samples: list[Usage], what: str) -> float:
    return sum(getattr(s, what) for s in samples) / len(samples)


def run(rounds: int = ROUNDS) -> list[Budget]:
    heading(f"SLA clocks: DynamoDB added per inbound message and per reply ({rounds} of each)")
    off_in, off_out = _conversation(False, rounds)
    on_in, on_out = _conversation(True, rounds)
    budgets = []
    for label, off, on in (("inbound message", off_in, on_in), ("reply", off_out, on_out)):
        added_requests = max(s.total_requests for s in on) - max(s.total_requests for s in off)
        added_wcu = _mean(on, "estimated_wcu") - _mean(off, "estimated_wcu")
        print(
            f"  per {label:<16} requests {max(s.total_requests for s in off)} ->"
            f" {max(s.total_requests for s in on)} (+{added_requests}),"
            f" write units {fmt(_mean(off, 'estimated_wcu'))} ->"
            f" {fmt(_mean(on, 'estimated_wcu'))} (+{fmt(added_wcu)})"
        )
        budgets.append(
            Budget(f"requests added per {label} by SLA", added_requests, ADDED_REQUESTS_BUDGET)
        )
    return budgets
