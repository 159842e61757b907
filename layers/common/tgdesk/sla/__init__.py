"""Service levels: promised response and resolution times, and the clocks that act on them.

Modules: `calendar` (business-hours arithmetic in a project's time zone, pure),
`policies` (a project's settings: time zone, business hours, targets per priority, the
warning threshold and the breach action; pure), `clocks` (a session's running clocks,
derived from what the session holds; pure), `jobs` (the scheduler's evaluation of due
clocks: warn, then breach, each exactly once), `actions` (what a breach does), `settings`
(reading and saving a project's SLA settings) and `views` (the clocks the console shows).
"""
