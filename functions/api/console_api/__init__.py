"""The console's REST API: FastAPI routes over the tgdesk domain."""

from console_api.fastapi_import import import_fastapi

import_fastapi()  # before any module of the package imports FastAPI
