"""The local API Gateway: template routes, payload format 2.0 events, responses."""

from __future__ import annotations

import base64
import json

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from infra.local import home
from infra.local.gateway import Route, build_event, find_route, http_response, routes_from_template
from infra.local.security_headers import (
    API_POLICY,
    CONSOLE_POLICY,
    WithHeaders,
    policy_headers,
    security_config,
)


def test_routes_come_from_the_template() -> None:
    keys = {r.route_key: r.function for r in routes_from_template()}
    assert keys == {
        "POST /telegram/{project_id}": "WebhookFunction",
        "GET /l/{code}": "RedirectFunction",
        "ANY /api/{proxy+}": "ApiFunction",
    }


@pytest.mark.parametrize(
    ("method", "path", "function", "params"),
    [
        ("POST", "/telegram/p1", "WebhookFunction", {"project_id": "p1"}),
        ("GET", "/l/abc", "RedirectFunction", {"code": "abc"}),
        ("DELETE", "/api/sessions/s1/tags", "ApiFunction", {"proxy": "sessions/s1/tags"}),
    ],
)
def test_find_route(method: str, path: str, function: str, params: dict[str, str]) -> None:
    route, found = find_route(routes_from_template(), method, path)
    assert (route.function, found) == (function, params)


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/telegram/p1"), ("GET", "/api"), ("GET", "/x")]
)
def test_unknown_routes(method: str, path: str) -> None:
    with pytest.raises(LookupError):
        find_route(routes_from_template(), method, path)


def test_event_has_the_v2_shape() -> None:
    event = build_event(
        route=Route("ANY", "/api/{proxy+}", "ApiFunction"),
        path_parameters={"proxy": "sessions"},
        method="GET",
        raw_path="/api/sessions",
        raw_query="status=open&tag=a&tag=b",
        headers=[
            ("Host", "127.0.0.1:8000"),
            ("User-Agent", "pytest"),
            ("Authorization", "Bearer t"),
            ("X-Multi", "1"),
            ("X-Multi", "2"),
            ("Cookie", "a=1; b=2"),
        ],
        body=b"",
        source_ip="127.0.0.1",
        now_ms=1_700_000_000_123,
        request_id="req",
    )
    assert event == {
        "version": "2.0",
        "routeKey": "ANY /api/{proxy+}",
        "rawPath": "/api/sessions",
        "rawQueryString": "status=open&tag=a&tag=b",
        "cookies": ["a=1", "b=2"],
        "headers": {
            "host": "127.0.0.1:8000",
            "user-agent": "pytest",
            "authorization": "Bearer t",
            "x-multi": "1,2",
        },
        "queryStringParameters": {"status": "open", "tag": "a,b"},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "local",
            "domainName": "127.0.0.1:8000",
            "domainPrefix": "127",
            "http": {
                "method": "GET",
                "path": "/api/sessions",
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": "pytest",
            },
            "requestId": "req",
            "routeKey": "ANY /api/{proxy+}",
            "stage": "$default",
            "time": "14/Nov/2023:22:13:20 +0000",
            "timeEpoch": 1_700_000_000_123,
        },
        "pathParameters": {"proxy": "sessions"},
        "isBase64Encoded": False,
    }


def _post(body: bytes, content_type: str) -> dict:
    return build_event(
        route=Route("POST", "/telegram/{project_id}", "WebhookFunction"),
        path_parameters={"project_id": "p"},
        method="POST",
        raw_path="/telegram/p",
        raw_query="",
        headers=[("content-type", content_type)],
        body=body,
        source_ip="127.0.0.1",
    )


def test_text_bodies_stay_text_and_binary_bodies_are_base64() -> None:
    text = _post('{"update_id": 1, "t": "Привет"}'.encode(), "application/json")
    assert (text["body"], text["isBase64Encoded"]) == ('{"update_id": 1, "t": "Привет"}', False)
    assert "queryStringParameters" not in text and "cookies" not in text
    png = b"\x89PNG\r\n\x1a\n\x00\x01"
    binary = _post(png, "image/png")
    assert binary["isBase64Encoded"] is True
    assert base64.b64decode(binary["body"]) == png


def test_get_without_body_has_no_body_key() -> None:
    event = build_event(
        route=Route("GET", "/l/{code}", "RedirectFunction"),
        path_parameters={"code": "x"},
        method="GET",
        raw_path="/l/x",
        raw_query="",
        headers=[],
        body=b"",
        source_ip="127.0.0.1",
    )
    assert "body" not in event


def test_response_with_status_headers_cookies_and_base64_body() -> None:
    result = http_response(
        {
            "statusCode": 302,
            "headers": {"Location": "https://t.me/bot?start=x"},
            "cookies": ["a=1; Path=/", "b=2"],
            "body": base64.b64encode(b"\x00\x01").decode(),
            "isBase64Encoded": True,
        }
    )
    assert result.status == 302
    assert result.headers == [
        ("location", "https://t.me/bot?start=x"),
        ("set-cookie", "a=1; Path=/"),
        ("set-cookie", "b=2"),
    ]
    assert result.body == b"\x00\x01"


def test_result_without_status_code_is_json_200() -> None:
    result = http_response({"ok": True})
    assert (result.status, result.headers) == (200, [("content-type", "application/json")])
    assert json.loads(result.body) == {"ok": True}


# -- the template's security headers, locally ---------------------------------------------------
WEBSOCKET_URL = "ws://127.0.0.1:8123/ws"


def _template_headers(policy: str) -> dict[str, str]:
    """What CloudFront adds under the template's `policy`, read straight from the YAML."""
    config = security_config(policy)
    expected = {
        "x-content-type-options": "nosniff",
        "x-frame-options": config["FrameOptions"]["FrameOption"],
        "referrer-policy": config["ReferrerPolicy"]["ReferrerPolicy"],
    }
    if "ContentSecurityPolicy" in config:
        text, _ = config["ContentSecurityPolicy"]["ContentSecurityPolicy"]["Fn::Sub"]
        local = text.replace("${RealtimeOrigin}", "ws://127.0.0.1:8123")
        local = local.replace("${UploadsOrigin}", "")  # no local S3 in these tests
        expected["content-security-policy"] = " ".join(local.split())
    return expected


def _directives(csp: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in csp.split(";") if d.strip())}


def test_the_local_console_is_served_with_the_templates_headers(tmp_path, monkeypatch) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>console</title>")
    monkeypatch.setattr(home, "CONSOLE_DIST", tmp_path)
    client = TestClient(Starlette(routes=home.home_routes(WEBSOCKET_URL)))
    response = client.get("/")
    assert response.status_code == 200
    expected = _template_headers(CONSOLE_POLICY)
    assert {name: response.headers.get(name) for name in expected} == expected
    directives = _directives(response.headers["content-security-policy"])
    assert directives["connect-src"] == ["'self'", "ws://127.0.0.1:8123"]
    assert directives["script-src"] == ["'self'"] and directives["frame-ancestors"] == ["'none'"]
    # Over plain http a browser ignores it; see security_headers.policy_headers.
    assert "strict-transport-security" not in response.headers


def test_the_local_api_gets_the_api_policys_headers_over_its_own() -> None:
    async def api(scope, receive, send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"x-frame-options", b"SAMEORIGIN"),
                    (b"content-type", b"application/json"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b"{}"})

    app = WithHeaders(api, policy_headers(API_POLICY, WEBSOCKET_URL))
    response = TestClient(app).get("/api/me")
    expected = _template_headers(API_POLICY)
    assert {name: response.headers.get(name) for name in expected} == expected
    assert response.headers.get_list("x-frame-options") == ["DENY"]
    assert response.headers["content-type"] == "application/json"
    assert "content-security-policy" not in response.headers
