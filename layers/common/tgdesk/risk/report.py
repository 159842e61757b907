"""What is kept of a scan's matches wherever they leave the matcher: an audit entry, a flagged
message, an API refusal, a push. A text can match thousands of times (4,096 characters of a
two-letter keyword, times every group that holds it), while a DynamoDB item holds 400 KB and
a WebSocket frame 128 KB: a report keeps at most MAX_REPORTED_MATCHES matches, each string
cut to MATCHED_MAX_LENGTH characters, and says how many there were in all.

The matches kept are chosen so that nothing a reader acts on disappears: the first hit of
every group, then the first hit of every entry, then the earliest of the rest, in order of
position. `group_ids` always names every group matched.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TRIGGER_ACTION = "risk.trigger"  # the audit action that records each trigger and its report
MAX_REPORTED_MATCHES = 50
MATCHED_MAX_LENGTH = 200  # an entry holds at most 200 characters, a group name 80
MATCH_KEYS = ("group_id", "group_name", "action", "entry", "kind", "start", "end", "matched")
FIELD_KEY = "field"  # on a user's message: `text` or `caption`
BLOCK = "block"
CONFIRM = "confirm"
_CUT = "…"


@dataclass(frozen=True)
class Report:
    """At most MAX_REPORTED_MATCHES matches of `count`, with every group matched."""

    matches: list[dict[str, Any]]
    count: int
    group_ids: list[str]
    action: str  # the strongest action of the groups matched: `block` over `confirm`


def strongest_action(matches: Sequence[Mapping[str, Any]]) -> str:
    return BLOCK if any(m.get("action") == BLOCK for m in matches) else CONFIRM


def report(matches: Sequence[Mapping[str, Any]], *, count: int | None = None) -> Report:
    """The report of `matches` (in order of position). `count` is the number of matches in
    all when `matches` is already a part of them (an entry written before reports existed)."""
    kept = [_bounded(matches[i]) for i in sorted(_chosen(matches))]
    return Report(
        matches=kept,
        count=max(count or 0, len(matches)),
        group_ids=sorted({str(m.get("group_id")) for m in matches if m.get("group_id")}),
        action=strongest_action(matches),
    )


def _chosen(matches: Sequence[Mapping[str, Any]]) -> dict[int, None]:
    """Indexes of the matches to keep: first hits of each group, of each entry, then the rest."""
    if len(matches) <= MAX_REPORTED_MATCHES:
        return dict.fromkeys(range(len(matches)))
    picked: dict[int, None] = {}
    firsts: list[Callable[[Mapping[str, Any]], Hashable]] = [
        lambda m: m.get("group_id"),
        lambda m: (m.get("group_id"), m.get("kind"), m.get("entry")),
    ]
    for key in firsts:
        seen: set[Hashable] = set()
        for index, match in enumerate(matches):
            k = key(match)
            if k not in seen:
                seen.add(k)
                picked.setdefault(index)
                if len(picked) == MAX_REPORTED_MATCHES:
                    return picked
    for index in range(len(matches)):  # the earliest of the rest fill what room is left
        picked.setdefault(index)
        if len(picked) == MAX_REPORTED_MATCHES:
            break
    return picked


def _bounded(match: Mapping[str, Any]) -> dict[str, Any]:
    kept = {k: match[k] for k in (*MATCH_KEYS, FIELD_KEY) if k in match}
    for name, value in kept.items():
        if isinstance(value, str) and len(value) > MATCHED_MAX_LENGTH:
            kept[name] = value[: MATCHED_MAX_LENGTH - len(_CUT)] + _CUT
    return kept


def bounded_details(details: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A trigger's audit details as readers get them: an entry written before reports
    existed may carry any number of matches; it is read as a report."""
    if not details or not isinstance(details.get("matches"), list):
        return dict(details) if details is not None else None
    matches = [m for m in details["matches"] if isinstance(m, Mapping)]
    made = report(matches, count=_int(details.get("match_count")))
    return {**details, "matches": made.matches, "match_count": made.count}


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
