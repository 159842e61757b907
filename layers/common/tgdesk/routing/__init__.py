"""Routing sessions to agents.

- `policy`: the rules (round robin, online first, balanced), pure
- `service`: the read-decide-claim loop against the table
- `jobs`: scheduled routing work: due return timers, queue drains
- `notices`: what agents are told about their sessions' routing
- `history`: a session's moves from agent to agent (who, from whom, how, why)
"""
