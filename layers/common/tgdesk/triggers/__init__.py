"""Escalation triggers a project turns on: they tag a session, suggest to its agent to
escalate it (with the reason), and, when an admin asks for it, escalate it on their own.

- `settings`: which triggers are on, their thresholds, phrases and keywords (admins edit,
  supervisors read), cached per container for the stream
- `phrases`: the default phrases and keywords, and matching them on normalised text
- `firing`: a trigger fires once per session: the suggestion, the tag, the audit entry in
  one write, then the automatic escalation
- `stream`: the stream's part: a session's opening sets its unresolved timer, a user's
  message is counted and matched
- `jobs`: the scheduler's part: due unresolved timers
- `suggestions`: a session's suggestions as the console shows them
"""
