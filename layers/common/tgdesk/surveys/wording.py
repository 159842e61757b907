"""What the bot says about a survey, per language (en, zh, ru by default; a project may
replace any text in any language), and which language a user gets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.storage.records.survey import Wording

FALLBACK = "en"
DEFAULTS: dict[str, Wording] = {
    "en": {
        "question": "How satisfied are you with our help? Tap 1 (poor) to 5 (excellent).",
        "thanks": "Thank you! You rated us {score} of 5.",
        "comment_invite": "If you want to tell us more, just write it in your next message.",
        "review_invite": "We would love a review: {url}",
        "return_visit": "Hello again! A day ago we solved your issue. Is everything still OK? "
        "Just reply if you need anything.",
    },
    "zh": {
        "question": "您对我们的服务满意吗？请点击 1（很差）到 5（很好）。",
        "thanks": "谢谢！您的评分是 {score}/5。",
        "comment_invite": "如果还想补充，请直接发送下一条消息。",
        "review_invite": "欢迎留下评价：{url}",
        "return_visit": "您好！我们之前处理了您的问题，现在一切正常吗？如需帮助请直接回复。",
    },
    "ru": {
        "question": "Насколько вы довольны нашей помощью? Нажмите от 1 (плохо) до 5 (отлично).",
        "thanks": "Спасибо! Ваша оценка: {score} из 5.",
        "comment_invite": "Если хотите что-то добавить, просто напишите следующим сообщением.",
        "review_invite": "Будем рады вашему отзыву: {url}",
        "return_visit": "Здравствуйте! Недавно мы решили ваш вопрос. Всё ли в порядке? "
        "Если нужна помощь, просто ответьте.",
    },
}


def language_of(language_code: str | None, available: Mapping[str, Any]) -> str:
    """The user's Telegram language (`zh-hans` -> `zh`) when the project has wording in it,
    else English."""
    code = (language_code or "").lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in available:
            return candidate
    return FALLBACK


def text(wording: Mapping[str, Wording], language: str, name: str, **values: Any) -> str:
    """One text in `language` from the project's wording (tgdesk.surveys.settings.wording_of),
    else in English, with `values` filled in (`{score}`, `{url}`)."""
    chosen: Mapping[str, Any] = wording.get(language) or {}
    fallback: Mapping[str, Any] = wording.get(FALLBACK) or DEFAULTS[FALLBACK]
    out = str(chosen.get(name) or fallback.get(name) or "")
    for key, value in values.items():
        out = out.replace("{" + key + "}", str(value))
    return out
