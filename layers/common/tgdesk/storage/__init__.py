"""The storage layer: the only code that knows key layouts and DynamoDB expressions."""
