"""The console's API types, generated from the API itself (`make api-types`).

Writes the console API's OpenAPI document to frontend/src/api/openapi.json (sorted keys, so
a change to the API is a readable diff), then has openapi-typescript turn it into
frontend/src/api/schema.d.ts (frontend/scripts/api-types.mjs). tests/test_api_types.py and
frontend/src/api/schema.test.ts fail when either checked-in file no longer matches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = ROOT / "frontend"
OPENAPI_JSON = FRONTEND / "src" / "api" / "openapi.json"
GENERATOR = FRONTEND / "scripts" / "api-types.mjs"


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document, from functions/api/app.py loaded the way Lambda loads it.

    Building the app reads no AWS resource, so no credentials or table are needed.
    """
    from infra.local import cfn

    cfn.load_handler("ApiFunction")
    return sys.modules["tgdesk_fn_api_app"].app.openapi()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT / "layers" / "common"))
    # As in the tests: whatever the shell holds, nothing here may reach a real account.
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN"):
        os.environ.pop(name, None)
    os.environ.update(
        AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1"
    )
    OPENAPI_JSON.write_text(render(openapi_document()), encoding="utf-8")
    subprocess.run(["node", str(GENERATOR)], cwd=FRONTEND, check=True)
    print(f"wrote {OPENAPI_JSON.relative_to(ROOT)} and frontend/src/api/schema.d.ts")


if __name__ == "__main__":
    main()
