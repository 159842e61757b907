"""The console's REST API: FastAPI routes over the tgdesk domain."""
