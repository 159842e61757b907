"""Tracked links for tests: a link put straight into the table, and clicks through the
redirect function as API Gateway invokes it (HTTP API, payload format 2.0)."""

from __future__ import annotations

import copy
from typing import Any

from conftest import lambda_context

from infra.local import cfn
from tgdesk.links import clicks
from tgdesk.storage import links as store
from tgdesk.storage.records.link import Link

BOT = "tgdesk_test_bot"
SALT = "test-visitor-salt"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

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
        "user-agent": FIREFOX,
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
            "userAgent": FIREFOX,
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


def put_link(code: str = "spring-promo", **fields: Any) -> Link:
    """A live link of project p1 (no audit entry: the catalog's tests cover that)."""
    link: Link = {
        "code": code,
        "project_id": "p1",
        "name": "Spring promo",
        "channel": "google-ads",
        "enabled": True,
        "created_by": "a1",
        "created_at": 1,
        "updated_at": 1,
        "bot_username": BOT,
        "click_settings": {"address_mode": "hashed", "retention_days": 90, "visitor_salt": SALT},
        **fields,  # type: ignore[typeddict-item]
    }
    store.create_link(link, {"entry_id": f"e-{code}", "at": 1, "action": "t", "actor_id": "a1"})
    return link


def event_for(
    code: str,
    query: str = "",
    *,
    headers: dict[str, str] | None = None,
    source_ip: str = "203.0.113.7",
) -> dict[str, Any]:
    event = copy.deepcopy(EVENT)
    event["rawPath"] = event["requestContext"]["http"]["path"] = f"/l/{code}"
    event["pathParameters"] = {"code": code}
    event["rawQueryString"] = query
    event["queryStringParameters"] = None
    event["headers"].update(headers or {})
    event["requestContext"]["http"]["sourceIp"] = source_ip
    return event


def follow(code: str, query: str = "", **kwargs: Any) -> dict[str, Any]:
    """One request to the redirect, with a cold link cache."""
    clicks.forget_cached_links()
    return cfn.load_handler("RedirectFunction")(event_for(code, query, **kwargs), lambda_context())
