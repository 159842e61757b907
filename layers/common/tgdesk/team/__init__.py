"""The team around a project.

- `members`: project settings with their defaults, members' permissions, agent groups,
  presence updates
- `presence`: what an agent set, and whether their console is still there
- `project_setup`: connecting a bot: its project, secrets and webhook
"""
