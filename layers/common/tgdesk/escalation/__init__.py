"""Escalation: a session goes up a support level (l1 → l2 → l3) as a numbered ticket.

- `move`: the escalation itself, a transfer that writes the ticket (number, hops), the
  session's level and priority, and the message to the user in one transaction
- `tickets`: a session's ticket, its edits, a project's ticket list for its supervisors
- `content`: what a ticket holds (the user, the problem, what was tried, key messages)
- `wording`: the message to the user, in their language, per project editable
- `response_time`: the first-response target the user is promised, by priority
- `targets`: an escalation's own targets, never looser than the policy's
- `sla`: a tracked session's clocks looked at again after an escalation or a new priority
"""
