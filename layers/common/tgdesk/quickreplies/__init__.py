"""Quick replies: ready answers an agent inserts into the composer, then edits and sends.

- `catalog`: the libraries: a project's (its supervisors and the admins manage it, its
  members use it) and each agent's personal one (only its agent); titles, a text per
  language, checked placeholders, bounded sizes and counts
- `placeholders`: a reply's text in the user's language with `{first_name}`,
  `{agent_name}`, `{ticket}` and `{sla_first_response}` filled from the session
- `usage`: a reply inserted into a session's composer: filled, and counted as a use
"""
