"""The audit log: who did what, when, to what.

- `entries`: building an entry, written beside the change it records
- `log`: who may read which part of the log, and reading it
"""
