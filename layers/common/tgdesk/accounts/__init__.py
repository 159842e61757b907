"""Agents' accounts and who may see what.

- `auth`: password hashing, logins and their throttling, invitations, account administration
- `access`: `Scope`, the one rule for what a caller may see and do ("hidden is 404")
- `client_address`: the address behind an API request, for throttling per address
"""
