"""What the bot says on its own by default, per language, and which text a user gets."""

from __future__ import annotations

from collections.abc import Mapping

from tgdesk.surveys import wording as survey_wording

FALLBACK = survey_wording.FALLBACK
WELCOME: dict[str, str] = {
    "en": "Hello! Write your question here and our team will answer you in this chat.",
    "zh": "您好！请在这里写下您的问题，我们的团队会在此回复您。",
    "ru": "Здравствуйте! Напишите здесь свой вопрос, и наша команда ответит вам в этом чате.",
}
OFF_HOURS: dict[str, str] = {
    "en": "Thank you for your message. Our team is away now and back at {back}; "
    "we will answer you then.",
    "zh": "感谢您的留言。我们的团队目前不在线，将于 {back} 回来，届时会回复您。",
    "ru": "Спасибо за сообщение. Сейчас наша команда не на связи и вернётся {back}; "
    "тогда мы вам ответим.",
}
# The FAQ answer's buttons, and what a press is answered with.
BUTTONS: dict[str, dict[str, str]] = {
    "en": {
        "solved": "That solved it",
        "help": "I still need help",
        "solved_answer": "Glad we could help!",
        "help_answer": "An agent will answer you here.",
    },
    "zh": {
        "solved": "问题已解决",
        "help": "我仍需要帮助",
        "solved_answer": "很高兴能帮到您！",
        "help_answer": "客服人员会在这里回复您。",
    },
    "ru": {
        "solved": "Вопрос решён",
        "help": "Мне нужна помощь",
        "solved_answer": "Рады, что смогли помочь!",
        "help_answer": "Оператор ответит вам здесь.",
    },
}


def choose(texts: Mapping[str, str], language_code: str | None) -> str:
    """The text in the user's Telegram language (`zh-hans` -> `zh`), else English, else the
    first language the project wrote; "" when there is none."""
    if not texts:
        return ""
    language = survey_wording.language_of(language_code, texts)
    return texts.get(language) or next(iter(texts.values()))


def button(language: str | None, name: str) -> str:
    chosen = BUTTONS.get(survey_wording.language_of(language, BUTTONS), BUTTONS[FALLBACK])
    return chosen[name]


def language_of(language_code: str | None) -> str:
    """A user's Telegram language as a rule's language: `pt-br` -> `pt`; English if none."""
    code = (language_code or "").lower().split("-")[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else FALLBACK
