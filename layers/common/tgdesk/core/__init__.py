"""What every layer stands on; imports nothing else of tgdesk.

- `clock`, `ids`, `errors`, `settings`: time in UTC milliseconds, identifiers, domain errors,
  configuration
- `secrets`: bot tokens and webhook secrets in SSM
- `metrics`, `correlation`: CloudWatch embedded metrics, the id that follows an update in logs
- `item_size`, `csv_safe`: DynamoDB's item limits, spreadsheet-safe CSV cells
"""
