"""The console's REST API on Lambda: FastAPI behind Mangum (API Gateway HTTP API v2)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# Lambda puts this directory on sys.path; the local stack and the tests load this file by
# path, so make the `console_api` package beside it importable the same way.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from console_api.main import create_app  # noqa: E402
from mangum import Mangum  # noqa: E402

from tgdesk.core import metrics  # noqa: E402
from tgdesk.core.logs import function_logger  # noqa: E402

logger = function_logger("console_api")

app = create_app()
_asgi = Mangum(app, lifespan="off")
_admin_ready = False


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    global _admin_ready
    if not _admin_ready:
        # Once per container: create the configured administrator if it does not exist.
        # Imported here, like the routes, so that a cold start does not import storage.
        from tgdesk.accounts import agents

        agents.bootstrap_admin()
        _admin_ready = True
    return _asgi(event, context)
