"""Who translates: one small interface, `Translator.translate(text, source, target)` ->
(translated text, detected source).

- `AmazonTranslate`: Amazon Translate's TranslateText through boto3 (billed per character),
  the source detected by the service (`auto`) unless given; its client made on first use.
- `StandIn`: deterministic and offline, for the local stack and the tests: it marks its
  output (`[en] ...`) and detects the source by script (CJK, Cyrillic, Latin).

TGDESK_TRANSLATION_PROVIDER names the one in use (`amazon` or `stand-in`; unset: the
stand-in, so that nothing local ever calls AWS). Another provider is one more class and one
more entry in PROVIDERS.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol

ENV = "TGDESK_TRANSLATION_PROVIDER"
AMAZON = "amazon"
STAND_IN = "stand-in"
# TranslateText takes at most 10,000 bytes of UTF-8 text per request.
MAX_REQUEST_BYTES = 10_000


class ProviderError(Exception):
    """The provider could not translate now (throttled, unavailable, unsupported language)."""


class Translator(Protocol):
    name: str

    def translate(self, text: str, source: str | None, target: str) -> tuple[str, str]:
        """`text` in `target`, and the language it was in (`source`, or detected when None).
        ProviderError when the provider fails."""
        ...


def fitted(text: str, limit: int = MAX_REQUEST_BYTES) -> str:
    """The text cut (at a character) to at most `limit` bytes of UTF-8."""
    encoded = text.encode()
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode(errors="ignore")


class AmazonTranslate:
    name = AMAZON

    def __init__(self, client: Any = None) -> None:
        self._client = client

    def _translate_client(self) -> Any:
        if self._client is None:
            import boto3  # only a function that translates pays for the client

            self._client = boto3.client("translate")
        return self._client

    def translate(self, text: str, source: str | None, target: str) -> tuple[str, str]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer = self._translate_client().translate_text(
                Text=fitted(text),
                SourceLanguageCode=source or "auto",
                TargetLanguageCode=target,
            )
        except (ClientError, BotoCoreError) as err:
            raise ProviderError(str(err)) from err
        return str(answer["TranslatedText"]), str(answer["SourceLanguageCode"])


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script_language(text: str) -> str | None:
    """The language a text's script stands for: ja (kana), ko (hangul), zh (han), ru
    (Cyrillic), en (Latin); None without letters."""
    for pattern, language in (
        (_KANA, "ja"),
        (_HANGUL, "ko"),
        (_HAN, "zh"),
        (_CYRILLIC, "ru"),
        (_LATIN, "en"),
    ):
        if pattern.search(text):
            return language
    return None


class StandIn:
    """No network: `[target] text`, so a reader sees that it is a stand-in's."""

    name = STAND_IN

    def translate(self, text: str, source: str | None, target: str) -> tuple[str, str]:
        detected = source or script_language(text) or target
        if _base(detected) == _base(target):
            return text, detected
        return f"[{target}] {text}", detected


def _base(language: str) -> str:
    return language.lower().split("-")[0]


PROVIDERS: dict[str, Callable[[], Translator]] = {AMAZON: AmazonTranslate, STAND_IN: StandIn}


@lru_cache(maxsize=1)
def configured() -> Translator:
    """The provider TGDESK_TRANSLATION_PROVIDER names (made once per container)."""
    name = os.environ.get(ENV, "").strip() or STAND_IN
    if name not in PROVIDERS:
        raise ValueError(f"{ENV} is one of {', '.join(PROVIDERS)}, not {name!r}")
    return PROVIDERS[name]()


def same_language(one: str, other: str) -> bool:
    """`zh-TW` and `zh` are one language for whether to translate."""
    return _base(one) == _base(other)
