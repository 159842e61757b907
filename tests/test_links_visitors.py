"""What a click records of its visitor: user agents classified, the address per the
project's privacy mode, the coarse visitor key; and a click found again by its payload."""

from __future__ import annotations

import pytest
from link_support import follow, put_link

from tgdesk.core import clock
from tgdesk.links import lookup_click, payload, visitors
from tgdesk.storage import links as store

DAY = visitors.DAY_MS
NOW = 1_800_000_000_000


@pytest.mark.parametrize(
    ("user_agent", "device", "browser"),
    [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "mobile",
            "safari",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0.0.0 Mobile Safari/537.36",
            "mobile",
            "chrome",
        ),
        (
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
            "Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
            "tablet",
            "chrome",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
            "desktop",
            "edge",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0",
            "desktop",
            "opera",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "desktop",
            "firefox",
        ),
        ("SomethingElse/1.0", "other", "other"),
    ],
)
def test_people_by_device_and_browser(user_agent: str, device: str, browser: str) -> None:
    assert visitors.classify(user_agent) == visitors.Agent(False, device, browser)


@pytest.mark.parametrize(
    "user_agent",
    [
        "TelegramBot (like TwitterBot)",
        "WhatsApp/2.23.20.0 A",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_1) AppleWebKit/600.2.5 (KHTML, like "
        "Gecko) Version/8.0.2 Safari/600.2.5 (Applebot/0.1)",
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0.0.0",
        "   ",
    ],
)
def test_preview_fetchers_crawlers_and_scripts_are_bots(user_agent: str) -> None:
    agent = visitors.classify(user_agent)
    assert agent.is_bot and agent.device == "bot"


def test_a_hashed_address_rotates_daily_and_keeps_no_address() -> None:
    today = visitors.day_salt("salt", "p1", NOW)
    later_today = visitors.day_salt("salt", "p1", NOW - NOW % DAY + DAY - 1)
    tomorrow = visitors.day_salt("salt", "p1", NOW + DAY)
    other_project = visitors.day_salt("salt", "p2", NOW)

    hashed = visitors.recorded_address("hashed", "203.0.113.7", today)
    assert "203.0.113" not in hashed and len(hashed) == 32
    assert visitors.recorded_address("hashed", "203.0.113.7", later_today) == hashed
    assert visitors.recorded_address("hashed", "203.0.113.7", tomorrow) != hashed
    assert visitors.recorded_address("hashed", "203.0.113.7", other_project) != hashed


@pytest.mark.parametrize(
    ("address", "truncated"),
    [
        ("203.0.113.7", "203.0.113.0/24"),
        ("2001:db8:abcd:12::1", "2001:db8:abcd::/48"),
        ("::ffff:198.51.100.9", "198.51.100.0/24"),
        ("not an address", ""),
    ],
)
def test_truncated_addresses(address: str, truncated: str) -> None:
    assert visitors.recorded_address("truncated", address, b"salt") == truncated


def test_full_addresses_and_an_unknown_mode_hashes() -> None:
    assert visitors.recorded_address("full", "203.0.113.7", b"s") == "203.0.113.7"
    assert "203" not in visitors.recorded_address("exact", "203.0.113.7", b"s")
    assert visitors.recorded_address("full", "", b"s") == ""


def test_the_visitor_key_counts_a_visitor_once_a_day() -> None:
    salt = visitors.day_salt("salt", "p1", NOW)
    key = visitors.visitor_key("203.0.113.7", "UA", salt)
    assert key == visitors.visitor_key("203.0.113.7", "UA", salt)
    assert key != visitors.visitor_key("203.0.113.8", "UA", salt)
    assert key != visitors.visitor_key("203.0.113.7", "other UA", salt)
    tomorrow = visitors.day_salt("salt", "p1", NOW + DAY)
    assert key != visitors.visitor_key("203.0.113.7", "UA", tomorrow)


@pytest.mark.usefixtures("aws")
@pytest.mark.parametrize("mode", ["hashed", "truncated", "full"])
def test_each_privacy_mode_in_a_stored_click(mode: str) -> None:
    clock.set_now_for_tests(NOW)
    put_link(click_settings={"address_mode": mode, "retention_days": 7, "visitor_salt": "s"})
    follow("spring-promo", source_ip="198.51.100.23")
    follow("spring-promo", source_ip="198.51.100.23")

    clicks, _ = store.list_clicks("spring-promo", limit=10)
    assert len(clicks) == 2
    expected = {"hashed": None, "truncated": "198.51.100.0/24", "full": "198.51.100.23"}[mode]
    for click in clicks:
        assert click["address_mode"] == mode and click["ttl"] == NOW // 1000 + 7 * 86_400
        if expected is None:
            assert "198.51" not in click["address"]
        else:
            assert click["address"] == expected
    assert clicks[0]["visitor"] == clicks[1]["visitor"]  # one visitor, twice


def test_payloads_are_unguessable_start_parameters() -> None:
    made = {payload.new_payload() for _ in range(1000)}
    assert len(made) == 1000
    assert all(payload.is_payload(p) and len(p) == 24 for p in made)
    assert not payload.is_payload("a" * 65) and not payload.is_payload("has space")


@pytest.mark.usefixtures("aws")
def test_a_click_is_found_by_its_payload_until_it_expires() -> None:
    clock.set_now_for_tests(NOW)
    put_link(click_settings={"address_mode": "hashed", "retention_days": 1, "visitor_salt": "s"})
    location = follow("spring-promo")["headers"]["location"]
    start = location.rsplit("=", 1)[1]

    assert lookup_click(start) is not None
    assert lookup_click(start[:-1] + ("A" if start[-1] != "A" else "B")) is None  # forged
    assert lookup_click("") is None and lookup_click("x" * 65) is None
    assert lookup_click("../../etc") is None
    clock.set_now_for_tests(NOW + DAY + 1000)  # past retention, before DynamoDB's sweep
    assert lookup_click(start) is None
