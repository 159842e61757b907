"""What Telegram users send.

- `ingest`: the webhook's work on one request: authenticate, parse, store once
- `media`: a message's file, fetched from Telegram for the console
- `unserved`: what the webhook took in without serving it: dead letters, ignored counts
- `users`: Telegram users as the console sees them: profile, sessions, history, search
"""
