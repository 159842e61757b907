"""GET /l/{code}: a click on a tracked link is recorded in one write and redirected to the
bot; every other code gets a friendly 404 page."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import lambda_context
from link_support import BOT, EVENT, FIREFOX, event_for, follow, put_link

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.links import clicks as click_module
from tgdesk.links import lookup_click
from tgdesk.storage import table
from tgdesk.storage.expressions import Changes
from tgdesk.storage.records import link as link_record

pytestmark = pytest.mark.usefixtures("aws")
NOW = 1_800_000_000_000


@pytest.fixture(autouse=True)
def _frozen_clock() -> None:
    clock.set_now_for_tests(NOW)


def stored_clicks() -> list[dict[str, Any]]:
    items = table.client().scan(TableName=table.table_name())["Items"]
    return [c for c in (table.from_item(i) or {} for i in items) if c.get("kind") == "click"]


def payload_of(response: dict[str, Any]) -> str:
    location = response["headers"]["location"]
    prefix = f"https://t.me/{BOT}?start="
    assert location.startswith(prefix), location
    return location[len(prefix) :]


# -- the 404 page --------------------------------------------------------------------------
def test_an_unknown_code_gets_a_friendly_html_404() -> None:
    response = follow("spring-promo")

    assert response["statusCode"] == 404
    assert response["headers"]["content-type"] == "text/html; charset=utf-8"
    assert response["isBase64Encoded"] is False
    assert "This link does not exist or has expired." in response["body"]
    assert response["body"].lstrip().lower().startswith("<!doctype html>")
    assert stored_clicks() == []


def test_a_missing_link_is_not_cached_so_it_can_appear_later() -> None:
    assert follow("abc")["headers"]["cache-control"] == "no-store"
    put_link("abc")
    assert follow("abc")["statusCode"] == 302


@pytest.mark.parametrize(
    "fields",
    [{"enabled": False}, {"deleted_at": 5}, {"bot_username": None}, {"bot_username": "x/y"}],
)
def test_disabled_deleted_or_botless_links_get_the_404_page(fields: dict[str, Any]) -> None:
    put_link("gone", **fields)
    response = follow("gone")
    assert response["statusCode"] == 404
    assert "This link does not exist or has expired." in response["body"]
    assert stored_clicks() == []


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
    response = follow(code)

    assert code not in response["body"]
    assert "onerror" not in response["body"] and "<script" not in response["body"]
    assert response["headers"]["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response["headers"]["content-security-policy"]


def test_an_event_without_path_parameters_still_answers_404() -> None:
    event = copy.deepcopy(EVENT)
    del event["pathParameters"]
    response = cfn.load_handler("RedirectFunction")(event, lambda_context())
    assert response["statusCode"] == 404


# -- the click -------------------------------------------------------------------------------
def test_a_click_is_recorded_and_redirected_to_the_bot() -> None:
    put_link(utm={"utm_source": "default", "utm_medium": "cpc"})

    response = follow(
        "spring-promo",
        "utm_source=google&utm_campaign=spring&gclid=abc&utm_source=second",
        headers={"referer": "https://www.google.com/", "cloudfront-viewer-country": "de"},
    )

    assert response["statusCode"] == 302
    assert response["headers"]["cache-control"] == "no-store"
    assert response["headers"]["referrer-policy"] == "no-referrer"
    assert response["body"] == ""
    payload = payload_of(response)
    assert len(payload) == 24
    [click] = stored_clicks()
    assert click["payload"] == payload and click["code"] == "spring-promo"
    assert click["project_id"] == "p1" and click["channel"] == "google-ads"
    assert click["link_name"] == "Spring promo"  # what the agent is shown as the source
    assert click["at"] == NOW and click["ttl"] == NOW // 1000 + 90 * 86_400
    assert click["utm"] == {"utm_source": "google", "utm_medium": "cpc", "utm_campaign": "spring"}
    assert click["params"] == {"gclid": "abc"}
    assert click["referrer"] == "https://www.google.com/"
    assert click["user_agent"] == FIREFOX
    assert (click["device"], click["browser"], click["is_bot"]) == ("desktop", "firefox", False)
    assert click["country"] == "DE"
    assert click["address_mode"] == "hashed" and "203.0.113" not in click["address"]
    assert click["GSI1PK"].startswith("LINK#spring-promo#CLICKS#")
    # the webhook finds it by the payload the bot receives
    found = lookup_click(payload)
    assert found is not None and found["code"] == "spring-promo"


def test_each_click_gets_its_own_payload() -> None:
    put_link()
    payloads = {payload_of(follow("spring-promo")) for _ in range(5)}
    assert len(payloads) == 5 and len(stored_clicks()) == 5


def test_a_malformed_country_is_left_out() -> None:
    put_link()
    follow("spring-promo", headers={"cloudfront-viewer-country": "Germany"})
    assert "country" not in stored_clicks()[0]


@pytest.mark.parametrize(
    ("user_agent", "name"),
    [
        ("TelegramBot (like TwitterBot)", "telegram"),
        ("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "slack"),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "facebook"),
        ("Twitterbot/1.0", "x"),
        ("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "discord"),
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "google"),
        ("", "unknown"),
    ],
)
def test_preview_fetchers_and_bots_are_redirected_and_counted_apart(
    user_agent: str, name: str
) -> None:
    put_link()
    response = follow("spring-promo", headers={"user-agent": user_agent})

    assert response["statusCode"] == 302  # the preview shows the bot
    [click] = stored_clicks()
    assert click["is_bot"] is True and click["device"] == "bot" and click["browser"] == name


# -- what a click costs ----------------------------------------------------------------------
@pytest.fixture
def requests() -> Iterator[list[str]]:
    """Names of the DynamoDB operations sent from here on."""
    seen: list[str] = []

    def record(model: Any, **_: Any) -> None:
        seen.append(model.name)

    events = table.client().meta.events
    events.register("before-call.dynamodb", record)
    yield seen
    events.unregister("before-call.dynamodb", record)


def test_a_click_is_one_write(requests: list[str]) -> None:
    put_link()
    requests.clear()

    follow("spring-promo")  # a cold container: it reads the link
    assert requests == ["GetItem", "PutItem"]

    requests.clear()
    handler = cfn.load_handler("RedirectFunction")
    for _ in range(3):  # a warm one: the link is cached for a few seconds
        handler(event_for("spring-promo"), lambda_context())
    assert requests == ["PutItem"] * 3


def test_a_code_no_link_can_have_costs_no_read(requests: list[str]) -> None:
    follow("x")
    follow("a" * 33)
    follow("semi;colon")
    assert requests == []


def test_the_handler_imports_no_web_framework() -> None:
    code = (
        "import sys; sys.path[:0] = ['functions/redirect', 'layers/common']; import app; "
        "print(sorted(m for m in ('aws_lambda_powertools', 'pydantic', 'fastapi', 'starlette',"
        " 'tgdesk.accounts.access', 'tgdesk.team') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cfn.ROOT
    )
    assert done.stdout.strip() == "[]"


def test_a_link_read_is_reused_for_a_few_seconds_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A link disabled meanwhile still redirects from a warm container until its cached
    read is LINK_CACHE_SECONDS old."""
    put_link()
    handler = cfn.load_handler("RedirectFunction")
    seconds = [1000.0]
    monkeypatch.setattr(click_module.time, "monotonic", lambda: seconds[0])
    click_module.forget_cached_links()
    assert handler(event_for("spring-promo"), lambda_context())["statusCode"] == 302
    disable = Changes().set("enabled", False).request(*link_record.key("spring-promo"))
    table.client().update_item(**disable)

    seconds[0] += click_module.LINK_CACHE_SECONDS - 0.1
    assert handler(event_for("spring-promo"), lambda_context())["statusCode"] == 302
    seconds[0] += 0.2
    assert handler(event_for("spring-promo"), lambda_context())["statusCode"] == 404
