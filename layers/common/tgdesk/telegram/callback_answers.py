"""The answer to a button press (answerCallbackQuery) as a webhook's response body: Telegram
makes the call with the response, so the webhook calls no other service and the button stops
spinning at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_TEXT = 200  # Telegram shows at most 200 characters


def in_response(query: Mapping[str, Any], text: str | None) -> dict[str, Any] | None:
    """answerCallbackQuery for `query` (a callback_query object), with `text` if any; None
    when the query has no id."""
    if not query.get("id"):
        return None
    answer: dict[str, Any] = {"method": "answerCallbackQuery", "callback_query_id": query["id"]}
    if text:
        answer["text"] = text[:MAX_TEXT]
    return answer
