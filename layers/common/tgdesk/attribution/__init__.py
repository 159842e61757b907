"""Attribution of conversations to tracked links, and the links' funnel.

- `touch`: a `/start <payload>` attributes the user (profile `source`) and their new session
  (`link`) to the click; written with the message (`touch_of`, `attributed`)
- `targets`: the routing target of a session's link (a group, or some agents)
- `funnel`: the stream's per-link, per-day counters (clicks ... resolved), exactly once
- `report`: a link's funnel over a range of days, as the console's API answers it
"""

from tgdesk.attribution.touch import Attributed, attributed, is_start_command, touch_of
from tgdesk.storage.records.link_touch import LinkTouch, Source

__all__ = ["Attributed", "LinkTouch", "Source", "attributed", "is_start_command", "touch_of"]
