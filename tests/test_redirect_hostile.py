"""The redirect under hostile input: whatever the code, the query, the headers or their
encodings, the answer is the 404 page or a 302 to `https://t.me/<the stored bot>?start=<a
payload made here>`, and a recorded click stays bounded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import boto3
import hypothesis
import pytest
from conftest import TABLE, lambda_context
from hypothesis import HealthCheck
from hypothesis import strategies as st
from link_support import BOT, event_for, put_link
from moto import mock_aws

from infra.local import cfn
from tgdesk.core.item_size import item_size
from tgdesk.links import clicks
from tgdesk.storage import table

LOCATION = re.compile(rf"https://t\.me/{BOT}\?start=[A-Za-z0-9_-]{{24}}")
CODES = ("promo", "Sp_r-1")
SETTINGS = hypothesis.settings(
    max_examples=100,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(
        [
            "https://evil.example/",
            "//evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            "\r\nLocation: https://evil.example/",
            "%0d%0aLocation:%20https://evil.example/",
            "t.me@evil.example",
            "\ud800",
            "\x00",
            "%00%ff%fe",
            "a" * 5000,
            "&" * 400,
            "=",
        ]
    ),
)
query_pairs = st.lists(st.tuples(hostile_text, hostile_text), max_size=30)


@pytest.fixture(scope="module")
def stack() -> Iterator[None]:
    """One moto table for the module (hypothesis calls each test many times), with links
    "promo" and "Sp_r-1" and a disabled one."""
    with pytest.MonkeyPatch.context() as env, mock_aws():
        for name, value in {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "TGDESK_TABLE": TABLE,
        }.items():
            env.setenv(name, value)
        cfn.create_table(boto3.client("dynamodb", region_name="us-east-1"), TABLE)
        table.reset()
        for code in CODES:
            put_link(code)
        put_link("off", enabled=False)
        yield


def redirect(event: dict[str, Any]) -> dict[str, Any]:
    clicks.forget_cached_links()
    return cfn.load_handler("RedirectFunction")(event, lambda_context())


def assert_safe(response: dict[str, Any]) -> None:
    if response["statusCode"] == 302:
        assert LOCATION.fullmatch(response["headers"]["location"]), response["headers"]
        assert response["headers"]["cache-control"] == "no-store"
        assert response["headers"]["referrer-policy"] == "no-referrer"
    else:
        assert response["statusCode"] == 404
        assert "location" not in response["headers"]
        assert "This link does not exist or has expired." in response["body"]


@pytest.mark.usefixtures("stack")
@SETTINGS
@hypothesis.given(code=st.one_of(hostile_text, st.sampled_from([*CODES, "off"])), raw=hostile_text)
def test_any_code_and_raw_query_redirects_only_to_telegram(code: str, raw: str) -> None:
    event = event_for("promo", raw)
    event["pathParameters"] = {"code": code}
    response = redirect(event)
    assert_safe(response)
    if code not in CODES:
        assert response["statusCode"] == 404


@pytest.mark.usefixtures("stack")
@SETTINGS
@hypothesis.given(
    code=st.sampled_from(CODES),
    pairs=query_pairs,
    encode=st.booleans(),
    referrer=hostile_text,
    user_agent=hostile_text,
    country=hostile_text,
    forwarded=hostile_text,
)
def test_any_query_and_headers_on_a_real_link_are_recorded_bounded(
    code: str,
    pairs: list[tuple[str, str]],
    encode: bool,
    referrer: str,
    user_agent: str,
    country: str,
    forwarded: str,
) -> None:
    def pair(key: str, value: str) -> str:
        if not encode:
            return f"{key}={value}"
        raw = (key.encode("utf-8", "surrogatepass"), value.encode("utf-8", "surrogatepass"))
        return f"{quote(raw[0])}={quote(raw[1])}"  # lone surrogates too, as %ED%A0%80

    headers = {
        "referer": referrer,
        "user-agent": user_agent,
        "cloudfront-viewer-country": country,
        "cloudfront-viewer-address": forwarded,
        "x-forwarded-host": forwarded,
        "host": forwarded,
    }
    event = event_for(code, "&".join(pair(k, v) for k, v in pairs), headers=headers)
    event["requestContext"]["http"]["sourceIp"] = forwarded
    response = redirect(event)

    assert response["statusCode"] == 302
    assert_safe(response)
    start = response["headers"]["location"].rsplit("=", 1)[1]
    stored = table.get(f"CLICK#{start}", "CLICK")
    assert stored is not None and stored["code"] == code
    assert item_size(stored) < 12_000
    assert len(stored["params"]) <= clicks.MAX_PARAMS
    assert set(stored["utm"]) <= set(clicks.UTM_KEYS)
    assert re.fullmatch("[A-Z]{2}", stored.get("country", "DE"))
