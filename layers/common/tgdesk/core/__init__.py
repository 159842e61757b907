"""What every layer stands on; imports nothing else of tgdesk.

- `clock`, `ids`, `errors`, `settings`: time in UTC milliseconds, identifiers, domain errors,
  configuration
- `secrets`: bot tokens and webhook secrets in SSM
- `metrics`, `correlation`: CloudWatch embedded metrics, the id that follows an update in logs
- `domain`: the enums of the domain (status, priority, role, presence, routing mode)
- `claims`: the pure shapes of a routing claim, shared by routing and storage
- `logs`: every handler's structured logger, `tgdesk.*` library lines included
- `names`: names people give things (tags, groups), cleaned and bounded
- `item_size`, `csv_safe`: DynamoDB's item limits, spreadsheet-safe CSV cells
"""
