"""`python -m bench triggers`: what escalation triggers add to the stream's work per inbound
message (tgdesk.triggers.stream, called by the assign function for each record).

A user's messages go through the stream step with no trigger on, then with every trigger on
and messages that match nothing: the project's settings come from the container's cache, so
both are a budget of no request. A message that matches (a keyword, or a manager phrase
below its count) reads the session and its trigger item and writes once; the one that fires
also reads the project's tag catalogue (the tag exists after the first) and writes the tag
and the audit entry in the same transaction. Those counts are printed.
"""

from __future__ import annotations

from typing import Any

from bench import inbound, outbound
from bench.harness import Budget, heading, mocked_table, text_update
from bench.meter import DynamoMeter, Usage

ROUNDS = 10
USER_ID = 500_000_003
NONE_BUDGET = 0


def _turn_on(project_id: str) -> None:
    from tgdesk.audit import entries as audit
    from tgdesk.storage import triggers as store
    from tgdesk.triggers import settings

    wanted = {
        "unresolved": {"enabled": True},
        "manager": {"enabled": True},
        "keyword": {"enabled": True},
    }
    saved = settings.validated(project_id, wanted)
    saved["updated_at"] = 1
    entry = audit.entry("triggers.settings", actor_id=audit.SYSTEM, project_id=project_id)
    assert store.save_settings(saved, read_updated_at=None, entry=entry)
    settings.forget()


def _image(session_id: str, n: int, text: str) -> dict[str, Any]:
    from tgdesk.storage import keys

    at = inbound.FIRST_DATE * 1000 + 60_000 * (n + 1)
    _, sk = keys.message(inbound.PROJECT_ID, USER_ID, at, f"bench-{n:04d}")
    return {
        "kind": "message",
        "direction": "in",
        "SK": sk,
        "message_id": f"bench-{n:04d}",
        "project_id": inbound.PROJECT_ID,
        "session_id": session_id,
        "created_at": at,
        "text": text,
    }


def _per_message(turned_on: bool, texts: list[str]) -> list[Usage]:
    from tgdesk.triggers import settings, stream

    with mocked_table(), inbound.webhook() as call:
        call(text_update(1, USER_ID, "hello", date=inbound.FIRST_DATE))
        session_id = outbound.open_session_id(inbound.PROJECT_ID, USER_ID)
        settings.forget()
        if turned_on:
            _turn_on(inbound.PROJECT_ID)
        stream.on_change("INSERT", {}, _image(session_id, 0, "warm-up"))  # the settings' read
        usage: list[Usage] = []
        with DynamoMeter() as meter:
            for n, text in enumerate(texts, start=1):
                stream.on_change("INSERT", {}, _image(session_id, n, text))
                usage.append(meter.take())
    return usage


def run(rounds: int = ROUNDS) -> list[Budget]:
    heading(
        f"Escalation triggers: DynamoDB requests the stream adds per inbound message ({rounds})"
    )
    plain = [f"where is my parcel {n}?" for n in range(rounds)]
    off = _per_message(False, plain)
    quiet = _per_message(True, plain)
    asked = _per_message(True, ["I want a refund", "get me a manager", "a manager, please"])
    worst = {
        label: max(u.total_requests for u in samples)
        for label, samples in (("off", off), ("on", quiet))
    }
    print(f"  no trigger on:                 {worst['off']} requests per message")
    print(f"  triggers on, nothing matches:  {worst['on']} requests per message")
    for label, usage in zip(
        ("keyword fires", "manager counted", "manager fires"), asked, strict=True
    ):
        print(f"  {label:<30} {usage.total_requests} requests")
    return [
        Budget("requests per message with no trigger on", worst["off"], NONE_BUDGET),
        Budget("requests per message matching no trigger", worst["on"], NONE_BUDGET),
    ]
