"""The team around a project.

- `projects`: reading projects (one by id, or every one)
- `settings`: a project's team and routing settings, their defaults, and changing them
- `members`: joining a project, members' permissions, the team list of its agents
- `groups`: agent groups of a project
- `presence`: what an agent set, whether their console is still there; setting it and
  the console's heartbeat
- `project_setup`: connecting a bot: its project, secrets and webhook
"""
