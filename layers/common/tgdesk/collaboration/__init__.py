"""Collaboration on a hard case: agents invited to a session beside its holder.

Collaborators (a technical expert, finance) see the session in their list, read all of it,
write notes and are pushed its new messages (tgdesk.accounts.access and tgdesk.realtime.fanout
read the session's `collaborator_ids`); only the holder replies.

- `invitations`: invite, remove (or leave), list a session's collaborators
- `hand_over`: the holder gives the reply to a collaborator, the others keep collaborating
- `listing`: the sessions an agent collaborates on, for their session list
"""
