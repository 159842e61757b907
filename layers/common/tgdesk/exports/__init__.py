"""Exports and retention: a session's transcript, a project's sessions as a file, and how
long a project's conversations are kept.

- `transcript`: one session as Markdown, CSV or JSON (agents with the `export` permission
  who may see it, and admins; audited `session.export`; bounded under Lambda's response size)
- `walk`: a bounded step over a project's sessions and their messages, from a cursor
- `project_export`: admins export a project's sessions of a date range as JSON Lines into S3
  in the background (progress counts, a time-limited download link)
- `retention`: a project's `retention_days`; changing it starts a backfill of `ttl`
- `jobs`: the scheduler's `exports` job, which advances exports and backfills
"""
