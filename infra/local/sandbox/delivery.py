"""Delivery of updates to the registered webhook, the way Telegram does it.

One chat at a time and in order; any non-2xx answer (or none) is retried with growing
waits (a Retry-After header on the answer is honoured), a bounded number of times. With
no webhook set, updates wait for getUpdates. A 2xx answer whose JSON body names a Bot API
`method` is that call, made as the bot (Telegram's "reply to the webhook"): its result is
not returned to anyone.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any

import httpx

from infra.local.sandbox.bot import SandboxBot
from infra.local.sandbox.users import chat_id_of

log = logging.getLogger("tgdesk.local.sandbox")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class Outcome:
    status: int  # 0: no answer (connection refused, timeout); -1: queued for getUpdates
    body: str
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 or self.status == -1


class WebhookDelivery:
    def __init__(
        self,
        bot: SandboxBot,
        *,
        max_attempts: int = 6,
        first_wait: float = 1.0,
        max_wait: float = 16.0,
        timeout: float = 60.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._bot = bot
        self._max_attempts = max_attempts
        self._first_wait = first_wait
        self._max_wait = max_wait
        self._timeout = timeout
        self._locks: dict[int, asyncio.Lock] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._client = client

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._client is not None:
            await self._client.aclose()

    def _lock(self, chat_id: int) -> asyncio.Lock:
        return self._locks.setdefault(chat_id, asyncio.Lock())

    async def deliver_now(self, update: dict[str, Any]) -> Outcome:
        """One attempt, in the chat's order; no retry."""
        async with self._lock(chat_id_of(update)):
            return await self._attempt(update)

    async def submit(self, update: dict[str, Any]) -> Outcome:
        """Deliver with retries in the background; returns the first attempt's outcome."""
        first: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(self._deliver(update, first))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return await first

    async def _deliver(self, update: dict[str, Any], first: asyncio.Future[Outcome]) -> None:
        try:
            async with self._lock(chat_id_of(update)):
                await self._deliver_with_retries(update, first)
        finally:
            if not first.done():
                first.set_result(Outcome(0, ""))

    async def _deliver_with_retries(
        self, update: dict[str, Any], first: asyncio.Future[Outcome]
    ) -> None:
        wait = self._first_wait
        for attempt in range(1, self._max_attempts + 1):
            outcome = await self._attempt(update)
            if not first.done():
                first.set_result(outcome)
            if outcome.ok:
                return
            if attempt < self._max_attempts:
                await asyncio.sleep(outcome.retry_after or wait)
                wait = min(wait * 2, self._max_wait)
        log.error(
            "gave up delivering update %s after %d attempts",
            update.get("update_id"),
            self._max_attempts,
        )

    async def _call_answered_method(self, body: str) -> None:
        try:
            answer = json.loads(body)
        except ValueError:
            return
        if not isinstance(answer, dict) or not isinstance(answer.get("method"), str):
            return
        params = {k: v for k, v in answer.items() if k != "method"}
        token = self._bot.store.data.token
        outcome = await asyncio.to_thread(self._bot.call, token, answer["method"], params, {})
        if outcome.status != 200:
            log.warning("the webhook's answer %s failed: %s", answer["method"], outcome.body)

    async def _attempt(self, update: dict[str, Any]) -> Outcome:
        hook = self._bot.store.data.webhook
        if not hook:
            with self._bot.store.lock:
                self._bot.store.data.pending_updates.append(update)
                self._bot.store.save()
            return Outcome(-1, "")
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)
        headers = {"Content-Type": "application/json"}
        if hook.get("secret_token"):
            headers[SECRET_HEADER] = hook["secret_token"]
        try:
            resp = await self._client.post(hook["url"], json=update, headers=headers)
        except Exception as err:  # no answer at all, whatever the cause
            log.warning("webhook call failed: %s", type(err).__name__)
            self._bot.record_webhook_error(f"Connection failed: {type(err).__name__}")
            return Outcome(0, "")
        if 200 <= resp.status_code < 300:
            self._bot.record_webhook_error(None)
            await self._call_answered_method(resp.text)
            return Outcome(resp.status_code, resp.text)
        self._bot.record_webhook_error(f"Wrong response from the webhook: {resp.status_code}")
        retry_after = resp.headers.get("retry-after")
        return Outcome(
            resp.status_code,
            resp.text,
            float(retry_after) if retry_after and retry_after.isdigit() else None,
        )
