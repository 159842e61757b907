"""A handover summary as CSV (a spreadsheet opens it as text: every cell through
tgdesk.core.csv_safe, UTF-8 with a BOM so Excel reads Chinese and Cyrillic names) and as
Markdown (text cells escaped so a user's name cannot make a table or a link)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from tgdesk.core import csv_safe
from tgdesk.storage.records.shift import Handover

HEADER = ("section", "agent", "session", "status", "priority", "tags", "detail", "figure")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def when(ms: int | None) -> str:
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


def minutes(ms: int | None) -> str:
    return "" if ms is None else f"{ms / 60_000:.1f}"


def rows(handover: Handover) -> list[list[Any]]:
    """One row per figure, open session, event and promise (a stored summary has no
    attribute for a figure without data: the table keeps no nulls)."""
    found: list[list[Any]] = []
    for agent in handover["agents"]:
        found.append(["agent", agent["agent_id"], "", "", "", "", "handled", agent["handled"]])
        found.append(["agent", agent["agent_id"], "", "", "", "", "closed", agent["closed"]])
        found.append(
            [
                "agent",
                agent["agent_id"],
                "",
                "",
                "",
                "",
                "median first response (min)",
                minutes(agent.get("median_first_response_ms")),
            ]
        )
        found.append(
            [
                "agent",
                agent["agent_id"],
                "",
                "",
                "",
                "",
                "average handling (min)",
                minutes(agent.get("average_handling_ms")),
            ]
        )
    for item in handover["open_sessions"]:
        detail = " / ".join(
            p for p in (item.get("user"), item.get("last_note"), item.get("next_step")) if p
        )
        found.append(
            [
                "open",
                item.get("agent_id"),
                item.get("session_id"),
                item.get("status"),
                item.get("priority"),
                ", ".join(item.get("tags") or []),
                detail,
                "moved to follow-up" if item.get("moved_to_follow_up") else "",
            ]
        )
    for event in handover["events"]:
        found.append(
            ["event", "", event["session_id"], "", "", "", event["event"], event["detail"]]
        )
    for promise in handover["promises"]:
        found.append(
            [
                "promise",
                "",
                promise["session_id"],
                "",
                "",
                "",
                promise["note"],
                when(promise["due_at"]),
            ]
        )
    return found


def to_csv(handover: Handover) -> str:
    return csv_safe.spreadsheet(HEADER, rows(handover))


def text(value: Any) -> str:
    """A Markdown-safe single line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value or "").replace("\n", " "))


def to_markdown(handover: Handover) -> str:
    lines = [
        f"# Handover: {text(handover['shift_name'])}",
        "",
        f"{when(handover['started_at'])} to {when(handover['ended_at'])}",
        "",
        "## Agents",
        "",
        "| Agent | Handled | Closed | Median first response (min) | Average handling (min) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for agent in handover["agents"]:
        lines.append(
            f"| {text(agent['agent_id'])} | {agent['handled']} | {agent['closed']} | "
            f"{minutes(agent.get('median_first_response_ms'))} | "
            f"{minutes(agent.get('average_handling_ms'))} |"
        )
    lines += ["", "## Open sessions", ""]
    for item in handover["open_sessions"]:
        moved = " (moved to follow-up)" if item.get("moved_to_follow_up") else ""
        lines.append(
            f"- {text(item.get('user'))}: {text(item.get('status'))}{moved}, "
            f"{text(item.get('priority'))}, tags: {text(', '.join(item.get('tags') or []))}; "
            f"last note: {text(item.get('last_note'))}; next step: {text(item.get('next_step'))}"
        )
    lines += ["", "## Special events", ""]
    lines += [
        f"- {text(e['event'])}: {text(e['detail'])} ({text(e['session_id'])})"
        for e in handover["events"]
    ]
    lines += ["", "## Promises due in the next shift", ""]
    lines += [f"- {when(p['due_at'])}: {text(p['note'])}" for p in handover["promises"]]
    if handover.get("truncated"):
        lines += ["", "_More than a summary keeps; the session list has the rest._"]
    return "\n".join(lines) + "\n"
