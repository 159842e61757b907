"""Tracked links: short links (`/l/{code}`) that count each click and bring the visitor to
the project's bot with the click's payload as the start parameter.

- `lookup`: a link by code, a click by payload (`get_link`, `lookup_click`, re-exported here)
- `payload`: the click's payload (its id, and the t.me start parameter)
- `catalog`: creating, listing, editing and deleting a project's links (audited)
- `settings`: a project's click privacy settings (address mode, retention)
- `visitors`: what a click records of the visitor: user agent classes, the address per mode
- `clicks`: recording a click (one write) and where it redirects; a link's clicks for export
"""

from tgdesk.links.lookup import get_link, lookup_click

__all__ = ["get_link", "lookup_click"]
