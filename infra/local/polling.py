"""A real bot on a laptop: long-poll Telegram and feed the updates to the local webhook.

Each update goes through the same local gateway as Telegram's webhook calls would, with the
project's webhook secret; the offset advances only after the webhook answered 2xx, so an
update the webhook failed is fetched again.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import requests

log = logging.getLogger("tgdesk.local.polling")

POLL_TIMEOUT_S = 25
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramPoller:
    def __init__(self, bot: Any, webhook_url: str, webhook_secret: str) -> None:
        """`bot` is a tgdesk.telegram.client.BotApi for the real token."""
        self._bot = bot
        self._url = webhook_url
        self._secret = webhook_secret
        self._offset: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="telegram-poller", daemon=True)
        self._session = requests.Session()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stops after the current long poll (at most POLL_TIMEOUT_S); does not wait for it."""
        self._stop.set()

    def _run(self) -> None:
        from tgdesk.telegram.client import TelegramError

        wait = 1.0
        while not self._stop.is_set():
            try:
                updates = self._bot.get_updates(self._offset, POLL_TIMEOUT_S)
                wait = 1.0
            except TelegramError as err:
                log.warning("getUpdates failed: %s", err)
                self._stop.wait(getattr(err, "retry_after", None) or wait)
                wait = min(wait * 2, 60.0)
                continue
            for update in updates:
                if self._stop.is_set() or not self.forward(update):
                    break

    def forward(self, update: dict[str, Any]) -> bool:
        """POST one update to the local webhook; True (and the offset advanced) on 2xx."""
        try:
            resp = self._session.post(
                self._url, json=update, headers={SECRET_HEADER: self._secret}, timeout=60
            )
        except requests.RequestException as err:
            log.warning("local webhook unreachable: %s", err)
            self._stop.wait(2.0)
            return False
        if not 200 <= resp.status_code < 300:
            log.warning(
                "local webhook answered %s to update %s", resp.status_code, update["update_id"]
            )
            self._stop.wait(2.0)
            return False
        self._offset = int(update["update_id"]) + 1
        self._call_answered_method(resp)
        return True

    def _call_answered_method(self, resp: requests.Response) -> None:
        """A webhook answer that names a Bot API `method` is that call, as Telegram makes it
        for a webhook (an answer in a group to `/bind`)."""
        try:
            answer = resp.json()
        except ValueError:
            return
        if not isinstance(answer, dict) or not isinstance(answer.get("method"), str):
            return
        from tgdesk.telegram.client import TelegramError

        params = {k: v for k, v in answer.items() if k != "method"}
        try:
            self._bot.call(answer["method"], params)
        except TelegramError as err:
            log.warning("the webhook's answer %s failed: %s", answer["method"], err)
