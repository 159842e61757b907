"""Shifts and shift handover: who is on shift, reminders before a shift ends, the sessions
it leaves to the next shift, and a handover summary the next shift acknowledges.

- `schedule`: a shift's occurrences and events in the project's time zone (pure; DST-aware)
- `catalog`: a project's shifts (members read, supervisors and admins change), who is on now
- `summary`: the handover's figures and lists from what was read (pure)
- `handover`: the end of a shift (sessions to follow-up, the summary stored and posted),
  the summary on demand, the next shift's acknowledgement
- `export`: the summary as CSV and Markdown
- `jobs`: the scheduler's part: reminders, ends and unacknowledged handovers, each once
"""
