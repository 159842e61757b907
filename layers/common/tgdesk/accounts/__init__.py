"""Agents' accounts and who may see what.

- `passwords`: username and password rules, scrypt hashing, the digest of random tokens
- `logins`: logging in and out, throttling and locking failed logins, bearer tokens,
  idle expiry
- `agents`: account administration (create, change, reset a password, unlock), the first
  administrator, the public view of an agent
- `invitations`: one-time links with which an agent sets their password
- `access`: `Scope`, the one rule for what a caller may see and do ("hidden is 404")
- `client_address`: the address behind an API request, for throttling per address
"""
