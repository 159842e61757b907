"""A quick reply's text for one session: in the user's language, its placeholders filled.

- `{first_name}`: the user's first name (a polite word in their language without one)
- `{agent_name}`: the inserting agent's display name
- `{ticket}`: the session's escalation ticket (`#12`); a session without one leaves the
  placeholder as written, and says so in `unfilled`, for the agent to edit before sending
- `{sla_first_response}`: the first-response target the user is promised ("within 30
  minutes"): the ticket's own target when it set one, else the project's SLA policy for the
  session's priority (as the escalation message says it)

The language, the name's stand-in and the wording of a duration are the escalation
message's (tgdesk.escalation.wording), so the user reads the team the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from tgdesk.core.domain import DEFAULT_PRIORITY, Priority
from tgdesk.escalation import response_time, targets, wording
from tgdesk.storage.records.quick_reply import QuickReply
from tgdesk.storage.records.session import Session

PLACEHOLDERS = ("{first_name}", "{agent_name}", "{ticket}", "{sla_first_response}")


class Filled(TypedDict):
    reply_id: str
    title: str
    language: str  # the language of the text chosen
    text: str
    unfilled: list[str]  # placeholders the session has no value for, left as written


def text_for(reply: QuickReply, language: str) -> tuple[str, str]:
    """The reply's text in `language`, else in English, else its first: (language, text)."""
    texts = reply["texts"]
    for candidate in (language, wording.FALLBACK_LANGUAGE):
        if texts.get(candidate):
            return candidate, texts[candidate]
    first = next(iter(texts))
    return first, texts[first]


def fill(reply: QuickReply, session: Session, agent: Mapping[str, Any]) -> Filled:
    user = session.get("user") or {}
    wanted = wording.language_of(user.get("language_code"))
    language, template = text_for(reply, wanted)
    values = {
        "{first_name}": wording.addressee(user.get("first_name"), language),
        "{agent_name}": str(agent.get("display_name") or agent.get("username") or ""),
    }
    ticket = session.get("ticket")
    if ticket:
        values["{ticket}"] = wording.ticket_label(ticket["number"])
    if "{sla_first_response}" in template:  # reads the project's policy only when needed
        values["{sla_first_response}"] = wording.response_time(
            _first_response_ms(session), language
        )
    unfilled = [p for p in PLACEHOLDERS if p in template and p not in values]
    return Filled(
        reply_id=reply["reply_id"],
        title=reply["title"],
        language=language,
        text=wording.fill(template, values),
        unfilled=unfilled,
    )


def _first_response_ms(session: Session) -> int:
    ticket = session.get("ticket")
    own = targets.first_response_ms(ticket.get("targets") if ticket else None)
    priority = Priority(session.get("priority") or DEFAULT_PRIORITY)
    return own or response_time.first_response_ms(session["project_id"], priority)
