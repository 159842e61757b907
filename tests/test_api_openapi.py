"""The OpenAPI document tells every error an operation can answer, and a wrong method is
answered with the methods that are right (RFC 9110: a 405 carries `Allow`)."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import api_module
from fastapi.testclient import TestClient

ERROR_BODY = {"$ref": "#/components/schemas/ErrorBody"}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    schema = api_module().app.openapi()
    return [
        (method.upper(), path, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]


def _error_schema(operation: dict[str, Any], status: int) -> Any:
    answer = operation["responses"].get(str(status))
    return answer and answer.get("content", {}).get("application/json", {}).get("schema")


def test_every_operation_declares_the_errors_it_can_answer(client: TestClient) -> None:
    missing = []
    for method, path, operation in _operations():
        parameters = operation.get("parameters", [])
        expected = set()
        if operation.get("security"):
            expected |= {401, 403}
            if method not in ("GET", "HEAD") and not path.startswith(
                ("/api/auth/", "/api/me", "/api/realtime/")
            ):
                expected.add(409)
        if any(p["in"] == "path" for p in parameters):
            expected.add(404)
        if parameters or operation.get("requestBody"):
            expected.add(422)
        missing += [
            f"{method} {path} {status}"
            for status in sorted(expected)
            if _error_schema(operation, status) != ERROR_BODY
        ]
    assert not missing


def test_an_operation_that_takes_nothing_declares_no_invalid_input(client: TestClient) -> None:
    operations = {(m, p): o for m, p, o in _operations()}
    assert "422" not in operations[("GET", "/api/me")]["responses"]
    assert "422" not in operations[("GET", "/api/health")]["responses"]
    assert "401" not in operations[("GET", "/api/health")]["responses"]


def test_a_route_s_own_description_of_an_error_is_kept(client: TestClient) -> None:
    operations = {(m, p): o for m, p, o in _operations()}
    reply = operations[("POST", "/api/sessions/{session_id}/messages")]["responses"]
    assert "risk_confirmation_required" in reply["409"]["description"]
    assert _error_schema(operations[("POST", "/api/auth/login")], 401) == ERROR_BODY
    assert _error_schema(operations[("POST", "/api/projects")], 502) == ERROR_BODY


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/api/sessions/s1", "GET, PATCH"),
        ("POST", "/api/me", "GET"),
        ("PUT", "/api/health", "GET"),
        ("GET", "/api/auth/login", "POST"),
        ("POST", "/api/projects/p1/tags/t1", "DELETE, PATCH"),
    ],
)
def test_a_wrong_method_is_answered_405_with_the_allowed_methods(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    answer = client.request(method, path)
    assert answer.status_code == 405
    assert answer.headers["Allow"] == allowed
    assert answer.json()["code"] == "method_not_allowed"


def test_a_body_that_is_not_utf8_is_answered_400_as_documented(client: TestClient) -> None:
    answer = client.post(
        "/api/auth/login",
        content=b'{"username": "\xe9"}',
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 400
    assert answer.json()["code"] == "unreadable_body"
    operations = {(m, p): o for m, p, o in _operations()}
    assert _error_schema(operations[("POST", "/api/auth/login")], 400) == ERROR_BODY
