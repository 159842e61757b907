"""The console's API types are generated from the API: the checked-in OpenAPI document
(frontend/src/api/openapi.json) must be the one the app produces now. Its TypeScript
counterpart is checked by frontend/src/api/schema.test.ts."""

from __future__ import annotations

from infra import api_types


def test_the_checked_in_openapi_document_is_the_api_s() -> None:
    checked_in = api_types.OPENAPI_JSON.read_text(encoding="utf-8")
    current = api_types.render(api_types.openapi_document())
    assert checked_in == current, (
        "frontend/src/api/openapi.json no longer matches the API: run `make api-types`"
    )
