"""Follow-up tasks: to-dos about a session (a promise made to the user, a CSAT follow-up, a
return visit, a handover item), each with a due time, an owner, a note and a state; and the
user's local time, which tells agents (and the bot's own messages) when it is night for them.

- `service`: open, change, finish and delete tasks (`open_task` for other features too)
- `owners`: who owns a task now (a task without a named owner follows the session's holder)
- `listing`: the caller's tasks, or a supervisor's projects', filtered by state and due time
- `reminders`: the scheduler's part: at a task's due time its owner is told once
- `following`: the stream's part: a transfer moves the holder's tasks to the new holder
- `local_time`: a user's time zone, their local time and quiet hours (`is_quiet_time`)
"""
