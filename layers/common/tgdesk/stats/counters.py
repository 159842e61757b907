"""The names of the statistics counters (one flat namespace) and of their dimensions.

Each (dimension, value, project-local day) keeps these as one item
(tgdesk.storage.stats); the API sums them over days and values. Durations are kept three
ways: log buckets (`{name}.b{NN}`, tgdesk.stats.buckets) for medians and percentiles, and
`{name}_count` with `{name}_sum_ms` for averages.
"""

from __future__ import annotations

from tgdesk.core import domain
from tgdesk.core.domain import Priority

# -- dimensions (a session's events count for each of its values and always for `project`)
PROJECT = "project"  # value: the project id
AGENT = "agent"  # the session's holder (presence: the agent, in each project they belong to)
GROUP = "group"  # the session's agent group, when it has one
PRIORITY = "priority"  # core.domain.Priority, all but DEFAULT_PRIORITY (derived on read)
TAG = "tag"  # each tag of the session, as sessions store it
LINK = "link"  # the tracked link's code that opened the session
CHANNEL = "channel"  # that link's channel
DIMENSIONS = (PROJECT, AGENT, GROUP, PRIORITY, TAG, LINK, CHANNEL)
# Almost every session has the default priority, so the stream keeps no item for it (one
# item fewer per counted record) and reads derive it, the project's counts less every other
# priority's (tgdesk.stats.default_priority).
DEFAULT_PRIORITY = domain.DEFAULT_PRIORITY
KEPT_PRIORITIES = tuple(p.value for p in Priority if p is not DEFAULT_PRIORITY)  # with items

# -- sessions
NEW = "new"
ASSIGNED = "assigned"  # a session got a holder (it had none)
HANDLED = "handled"  # the first agent reply
CLOSED = "closed"
REOPENED = "reopened"
TRANSFERRED = "transferred"  # from one holder to another
ESCALATED = "escalated"  # any move up a level, and per level reached:
ESCALATED_L2 = "escalated_l2"
ESCALATED_L3 = "escalated_l3"
RESOLVED_BY_BOT = "resolved_by_bot"  # closed by the bot's FAQ answer (`closed_by` "bot")
SESSIONS = (
    NEW,
    ASSIGNED,
    HANDLED,
    CLOSED,
    REOPENED,
    TRANSFERRED,
    ESCALATED,
    ESCALATED_L2,
    ESCALATED_L3,
    RESOLVED_BY_BOT,
)

# -- messages
MESSAGES_IN = "messages_in"
MESSAGES_OUT = "messages_out"  # agents' replies
MESSAGES_BOT = "messages_bot"  # the bot's own messages (the project only)
MESSAGES = (MESSAGES_IN, MESSAGES_OUT, MESSAGES_BOT)
PROJECT_ONLY = (MESSAGES_BOT,)  # counted for the project alone, never for a priority

# -- times (bucketed: `{name}.b{NN}`, plus `{name}_count` and `{name}_sum_ms`)
FIRST_RESPONSE = "first_response"  # first user message to first agent reply
RESOLUTION = "resolution"  # opening (or reopening) to close
BUCKETED = (FIRST_RESPONSE, RESOLUTION)
HANDLING = "handling"  # the holder's assignment to close (count and sum only)
ACTIVE = "active"  # first to last agent reply of a round (count and sum only)
TIMED = (FIRST_RESPONSE, RESOLUTION, HANDLING, ACTIVE)


def count_of(name: str) -> str:
    return f"{name}_count"


def sum_of(name: str) -> str:
    return f"{name}_sum_ms"


# -- service levels: sla_{clock}_{outcome}
SLA_CLOCKS = ("first", "next", "resolution")
SLA_OUTCOMES = ("met", "warned", "breached")


def sla(clock: str, outcome: str) -> str:
    """`sla_first_met`, `sla_next_breached`, ..."""
    assert clock in SLA_CLOCKS and outcome in SLA_OUTCOMES, (clock, outcome)
    return f"sla_{clock}_{outcome}"


SLA = tuple(sla(c, o) for c in SLA_CLOCKS for o in SLA_OUTCOMES)

# -- satisfaction
SURVEYED = "surveyed"
RATED = "rated"
RATING_SUM = "rating_sum"


def rating(score: int) -> str:
    """`rating_1` .. `rating_5`."""
    assert 1 <= score <= 5, score
    return f"rating_{score}"


SATISFACTION = (SURVEYED, RATED, RATING_SUM, *(rating(s) for s in range(1, 6)))

# -- presence (agent dimension only): ms spent in each state, per project-local day
ONLINE_MS = "online_ms"
BUSY_MS = "busy_ms"
OFFLINE_MS = "offline_ms"
PRESENCE = (ONLINE_MS, BUSY_MS, OFFLINE_MS)
PRESENCE_COUNTER = {"online": ONLINE_MS, "busy": BUSY_MS, "offline": OFFLINE_MS}

# Every plain counter (bucket counters come on top: `{name}.b{NN}` for BUCKETED).
PLAIN = (
    *SESSIONS,
    *MESSAGES,
    *(f(name) for name in TIMED for f in (count_of, sum_of)),
    *SLA,
    *SATISFACTION,
    *PRESENCE,
)
