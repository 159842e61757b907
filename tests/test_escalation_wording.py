"""The message that tells a user their issue was escalated: language, placeholders, response
times in words (pure)."""

from __future__ import annotations

import pytest

from tgdesk.escalation import wording

MINUTE = 60_000


@pytest.mark.parametrize(
    ("minutes", "language", "said"),
    [
        (30, "en", "within 30 minutes"),
        (1, "en", "within 1 minute"),
        (60, "en", "within 1 hour"),
        (120, "en", "within 2 hours"),
        (90, "en", "within 90 minutes"),
        (2880, "en", "within 2 days"),
        (15, "zh", "15 分钟内"),
        (240, "zh", "4 小时内"),
        (1, "ru", "в течение 1 минуты"),
        (21, "ru", "в течение 21 минуты"),
        (11, "ru", "в течение 11 минут"),
        (30, "ru", "в течение 30 минут"),
        (120, "ru", "в течение 2 часов"),
        (60, "ru", "в течение 1 часа"),
        (1440, "ru", "в течение 1 дня"),
    ],
)
def test_response_times_in_words(minutes: int, language: str, said: str) -> None:
    assert wording.response_time(minutes * MINUTE, language) == said


@pytest.mark.parametrize(
    ("code", "language"),
    [("en", "en"), ("zh-hans", "zh"), ("zh_TW", "zh"), ("RU", "ru"), ("de", "en"), (None, "en")],
)
def test_the_users_language_or_english(code: str | None, language: str) -> None:
    assert wording.language_of(code) == language


def test_defaults_name_the_ticket_and_the_time_never_as_soon_as_possible() -> None:
    for language in wording.LANGUAGES:
        text = wording.render(
            {}, language_code=language, number=1234, response_ms=30 * MINUTE, first_name="Li"
        )
        assert "#1234" in text and "Li" in text
        assert "{" not in text and "as soon as possible" not in text.lower()


def test_a_projects_template_wins_and_a_missing_name_reads_naturally() -> None:
    templates = {"en": "Hi {first_name}: {ticket}, {response_time}. {unknown}"}
    text = wording.render(
        templates, language_code="en", number=7, response_ms=15 * MINUTE, first_name=" "
    )
    assert text == "Hi there: #7, within 15 minutes. {unknown}"
    russian = wording.render({}, language_code="ru", number=7, response_ms=MINUTE, first_name=None)
    assert russian.startswith("Здравствуйте, уважаемый клиент!")
