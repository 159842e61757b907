"""Satisfaction surveys: a project's settings, and what a session keeps of its survey.

SurveySettings: PK `PROJECT#{project_id}`, SK `SURVEYS` (absent: surveys off).
A session's `survey` (sent or held back, with the token its buttons carry) and `rating`
(the user's score, its comment, who it counts for) are attributes of the session item,
bounded by MAX_COMMENT_CHARS. An agent's ratings per project are one counter item.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "project_surveys"
RATINGS_KIND = "agent_ratings"
MAX_COMMENT_CHARS = 2000


class Wording(TypedDict, total=False):
    """What the bot says in one language."""

    question: str  # above the 1-5 buttons
    thanks: str  # the rating message edited after a press; `{score}` is replaced
    comment_invite: str  # added to the thanks: the next message is a comment
    review_invite: str  # added for a 4 or 5 when the project has a review link; `{url}`
    return_visit: str  # the check-in a set time after an escalated session closed


class QuietHours(TypedDict, total=False):
    start_minute: int  # minutes after midnight, the user's local time (22:00 -> 1320)
    end_minute: int


class SurveySettings(TypedDict, total=False):
    project_id: str
    enabled: bool
    sessions: Literal["all", "escalated"]
    auto_closed: bool  # sessions closed for the user's silence are surveyed too
    wording: dict[str, Wording]  # per language: en, zh, ru, ...
    review_url: str  # invited to after a 4 or 5 ("" or absent: no invitation)
    once_per_days: int  # no survey to the same user again within this many days
    comment_minutes: int  # the user's next message within this is the rating's comment
    quiet_hours: QuietHours  # in the user's local time, when their profile has a time zone
    return_visit_hours: int  # 0: off; else 24-48, after an escalated session closed
    updated_at: int
    updated_by: str


class Survey(TypedDict, total=False):
    """The session's survey: one per session, sent after its first surveyed close."""

    token: str  # carried by its buttons; a press must show it
    closed_at: int  # the close it asks about
    agent_id: str  # the agent who resolved the session (its holder at the close)
    ticket_number: int  # the session's escalation ticket, if it had one
    language: str
    due_at: int  # when it is (or was) sent; later than the close during quiet hours
    sent_at: int
    message_id: str  # the bot's rating message (an outbound message of the session)
    message_created_at: int


class Rating(TypedDict, total=False):
    score: int  # 1-5
    at: int
    agent_id: str
    ticket_number: int
    comment: str
    comment_at: int


def key(project_id: str) -> tuple[str, str]:
    return keys.project_surveys(project_id)


def to_item(settings: SurveySettings) -> dict[str, Any]:
    pk, sk = key(settings["project_id"])
    return {"PK": pk, "SK": sk, "kind": KIND, **settings}


def from_item(item: dict[str, Any]) -> SurveySettings:
    return cast(SurveySettings, table.strip_keys(item))
