"""GET /l/{code}: no tracked links exist yet, so every code gets a friendly 404 page."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

import pytest
from conftest import lambda_context

from infra.local import cfn

# An HTTP API (payload format 2.0) event as API Gateway sends it for GET /l/{code}.
EVENT: dict[str, Any] = {
    "version": "2.0",
    "routeKey": "GET /l/{code}",
    "rawPath": "/l/spring-promo",
    "rawQueryString": "utm_source=telegram",
    "headers": {
        "accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "accept-encoding": "gzip, deflate, br",
        "accept-language": "en-GB,en;q=0.9",
        "content-length": "0",
        "host": "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "x-amzn-trace-id": "Root=1-66670bd0-0d7c1a2b3c4d5e6f7a8b9c0d",
        "x-forwarded-for": "203.0.113.7",
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
    },
    "queryStringParameters": {"utm_source": "telegram"},
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "a1b2c3d4e5",
        "domainName": "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
        "domainPrefix": "a1b2c3d4e5",
        "http": {
            "method": "GET",
            "path": "/l/spring-promo",
            "protocol": "HTTP/1.1",
            "sourceIp": "203.0.113.7",
            "userAgent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        },
        "requestId": "ZkFvTjJ9IAMEVQg=",
        "routeKey": "GET /l/{code}",
        "stage": "$default",
        "time": "10/Jun/2024:06:13:20 +0000",
        "timeEpoch": 1718000000000,
    },
    "pathParameters": {"code": "spring-promo"},
    "isBase64Encoded": False,
}


def get_link(code: str) -> dict[str, Any]:
    event = copy.deepcopy(EVENT)
    event["rawPath"] = event["requestContext"]["http"]["path"] = f"/l/{code}"
    event["pathParameters"] = {"code": code}
    return cfn.load_handler("RedirectFunction")(event, lambda_context())


def test_an_unknown_code_gets_a_friendly_html_404() -> None:
    response = get_link("spring-promo")

    assert response["statusCode"] == 404
    assert response["headers"]["content-type"] == "text/html; charset=utf-8"
    assert response["isBase64Encoded"] is False
    assert "This link does not exist or has expired." in response["body"]
    assert response["body"].lstrip().lower().startswith("<!doctype html>")


def test_a_missing_link_is_not_cached_so_it_can_appear_later() -> None:
    assert get_link("abc")["headers"]["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "code",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "&lt;b&gt;",
    ],
)
def test_the_code_never_reaches_the_page(code: str) -> None:
    response = get_link(code)

    assert code not in response["body"]
    assert "onerror" not in response["body"] and "<script" not in response["body"]
    assert response["headers"]["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response["headers"]["content-security-policy"]


def test_an_event_without_path_parameters_still_answers_404() -> None:
    event = copy.deepcopy(EVENT)
    del event["pathParameters"]
    response = cfn.load_handler("RedirectFunction")(event, lambda_context())
    assert response["statusCode"] == 404


def test_the_handler_imports_only_the_standard_library() -> None:
    code = (
        "import sys; sys.path[:0] = ['functions/redirect', 'layers/common']; import app; "
        "print(sorted(m for m in ('boto3', 'botocore', 'aws_lambda_powertools', 'pydantic')"
        " if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cfn.ROOT
    )
    assert done.stdout.strip() == "[]"
