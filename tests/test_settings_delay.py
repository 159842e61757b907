"""The console says when saved project settings apply: within the webhook's project cache."""

import re
from pathlib import Path

from tgdesk.inbound import ingest

FRONTEND = Path(__file__).resolve().parent.parent / "frontend" / "src"


def test_console_delay_is_the_webhook_cache_lifetime():
    source = (FRONTEND / "admin" / "settingsDelay.ts").read_text()
    seconds = re.search(r"PROJECT_SETTINGS_DELAY_SECONDS = (\d+);", source)
    assert seconds and float(seconds.group(1)) == ingest.PROJECT_CACHE_SECONDS


def test_both_catalogues_state_the_delay():
    for catalogue in ("en.ts", "zh-CN.ts"):
        text = (FRONTEND / "i18n" / catalogue).read_text()
        message = re.search(r'"admin\.projectSettingsSaved": "([^"]*)"', text)
        assert message and "{seconds}" in message.group(1), catalogue
