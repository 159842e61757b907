"""HTTP routes of the sandbox Telegram, all under /sandbox."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from infra.local.sandbox import buttons, groups
from infra.local.sandbox.bot import SandboxBot, make_fault
from infra.local.sandbox.delivery import Outcome, WebhookDelivery
from infra.local.sandbox.params import parse_params
from infra.local.sandbox.state import SandboxStore
from infra.local.sandbox.updates import RejectedUpdate, parse_update, remember_chats
from infra.local.sandbox.users import photo_update, text_update, upsert_user

STATIC = Path(__file__).with_name("static")
_LOOPBACK = ("127.0.0.1", "localhost")
_SHOWN_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def rebase_webhook(store: SandboxStore, public_url: str) -> None:
    """Point a loopback webhook at this run's port (the stack's port may change between runs)."""
    with store.lock:
        hook = store.data.webhook
        if not hook:
            return
        url, base = urlsplit(hook["url"]), urlsplit(public_url)
        if url.hostname in _LOOPBACK and url.netloc != base.netloc:
            hook["url"] = urlunsplit(url._replace(scheme=base.scheme, netloc=base.netloc))
            store.save()


def _group_id(raw: str) -> int:
    chat_id = int(raw)
    if chat_id >= 0:
        raise ValueError("a group's id is negative")
    return chat_id


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _delivered(update: dict[str, Any], outcome: Outcome, **extra: Any) -> JSONResponse:
    webhook: dict[str, Any] | None = None
    if outcome.status != -1:
        webhook = {"status": outcome.status, "body": outcome.body}
    return JSONResponse({"update": update, "webhook": webhook, **extra})


class SandboxRoutes:
    def __init__(self, bot: SandboxBot, delivery: WebhookDelivery) -> None:
        self.bot = bot
        self.delivery = delivery

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/sandbox", self.page, methods=["GET"]),
            Mount("/sandbox/static", app=StaticFiles(directory=STATIC), name="sandbox-static"),
            Route("/sandbox/bot{token}/{method}", self.bot_api, methods=["GET", "POST"]),
            Route("/sandbox/file/bot{token}/{file_path:path}", self.file, methods=["GET"]),
            Route("/sandbox/media/{file_id}", self.media, methods=["GET"]),
            Route("/sandbox/updates", self.raw_update, methods=["POST"]),
            Route("/sandbox/users", self.users, methods=["GET"]),
            Route("/sandbox/users/{user_id:int}/messages", self.messages, methods=["GET"]),
            Route("/sandbox/users/{user_id:int}/messages", self.write, methods=["POST"]),
            Route("/sandbox/users/{user_id:int}/photos", self.write_photo, methods=["POST"]),
            Route("/sandbox/users/{user_id:int}/presses", self.press, methods=["POST"]),
            Route("/sandbox/groups", self.groups, methods=["GET"]),
            Route("/sandbox/groups/{chat_id}/bot", self.group_bot, methods=["POST", "DELETE"]),
            Route("/sandbox/groups/{chat_id}/messages", self.group_messages, methods=["GET"]),
            Route("/sandbox/groups/{chat_id}/messages", self.group_write, methods=["POST"]),
            Route("/sandbox/sent", self.sent, methods=["GET"]),
            Route("/sandbox/faults", self.faults, methods=["POST", "DELETE"]),
        ]

    async def page(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html")

    async def bot_api(self, request: Request) -> Response:
        try:
            params, files = parse_params(
                request.url.query, request.headers.get("content-type", ""), await request.body()
            )
        except ValueError:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: invalid JSON"}
            return JSONResponse(body, status_code=400)
        token, method = request.path_params["token"], request.path_params["method"]
        answer = await anyio.to_thread.run_sync(self.bot.call, token, method, params, files)
        return JSONResponse(answer.body, status_code=answer.status, headers=answer.headers)

    async def file(self, request: Request) -> Response:
        if request.path_params["token"] != self.bot.store.data.token:
            return JSONResponse(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401
            )
        data = self.bot.store.file_bytes(request.path_params["file_path"])
        if data is None:
            return JSONResponse(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status_code=404
            )
        return Response(data, media_type="application/octet-stream")

    async def media(self, request: Request) -> Response:
        """A file of the chat for the page (a photo the bot sent, shown as one): images in
        place, anything else only as a download."""
        found = self.bot.store.file_by_id(request.path_params["file_id"])
        if found is None:
            return _error(404, "no such file")
        record, data = found
        mime = str(record.get("mime_type") or "")
        if record.get("width") and not mime.startswith("image/"):
            mime = "image/jpeg" if data[:2] == b"\xff\xd8" else "image/png"
        inline = mime in _SHOWN_TYPES
        headers = {
            "content-disposition": "inline" if inline else "attachment",
            "x-content-type-options": "nosniff",
        }
        return Response(
            data, media_type=mime if inline else "application/octet-stream", headers=headers
        )

    async def raw_update(self, request: Request) -> Response:
        try:
            update = parse_update(await request.body())
        except RejectedUpdate as err:
            return _error(err.status, str(err))
        remember_chats(self.bot.store, update)
        outcome = await self.delivery.deliver_now(update)
        if outcome.status == -1:
            return JSONResponse({"queued": True}, status_code=202)
        return Response(outcome.body, status_code=outcome.status or 502)

    async def users(self, request: Request) -> Response:
        with self.bot.store.lock:
            return JSONResponse({"items": list(self.bot.store.data.users.values())})

    async def messages(self, request: Request) -> Response:
        user_id = request.path_params["user_id"]
        with self.bot.store.lock:
            items = [m for m in self.bot.store.data.messages if m["chat"]["id"] == user_id]
        return JSONResponse({"items": items})

    async def write(self, request: Request) -> Response:
        user_id = request.path_params["user_id"]
        try:
            body = json.loads(await request.body() or b"{}")
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            upsert_user(self.bot.store, user_id, body.get("user") or {})
            update = text_update(self.bot.store, user_id, str(body.get("text") or ""))
        except LookupError as err:
            return _error(404, str(err))
        except ValueError as err:
            return _error(400, str(err))
        return _delivered(update, await self.delivery.submit(update))

    async def write_photo(self, request: Request) -> Response:
        user_id = request.path_params["user_id"]
        params, files = parse_params(
            "", request.headers.get("content-type", ""), await request.body()
        )
        upload = files.get("photo")
        if upload is None:
            return _error(400, "send the image as the multipart field `photo`")
        try:
            # A new user's first message may be a photo: their profile comes along as the
            # JSON field `user`, as with a text message.
            profile = json.loads(params.get("user") or "{}")
            if not isinstance(profile, dict):
                raise ValueError("the field `user` must be a JSON object")
            upsert_user(self.bot.store, user_id, profile)
            update = photo_update(self.bot.store, user_id, upload, params.get("caption"))
        except LookupError as err:
            return _error(404, str(err))
        except ValueError as err:
            return _error(400, str(err))
        return _delivered(update, await self.delivery.submit(update))

    async def press(self, request: Request) -> Response:
        """{message_id, data}: the user presses the inline button with that callback_data
        under the bot's message. The answer adds the bot's answerCallbackQuery, if any yet."""
        user_id = request.path_params["user_id"]
        try:
            body = json.loads(await request.body() or b"{}")
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            update = buttons.press_update(
                self.bot.store, user_id, int(body.get("message_id") or 0), str(body.get("data"))
            )
        except LookupError as err:
            return _error(404, str(err))
        except (ValueError, TypeError) as err:
            return _error(400, str(err))
        outcome = await self.delivery.submit(update)
        answer = buttons.answer_of(self.bot.store, update["callback_query"]["id"])
        return _delivered(update, outcome, answer=answer)

    # -- groups (the team chat): the bot added or removed, a user writing there --------------
    async def groups(self, request: Request) -> Response:
        with self.bot.store.lock:
            return JSONResponse({"items": list(self.bot.store.data.groups.values())})

    async def group_bot(self, request: Request) -> Response:
        """POST {user_id, title?}: that user adds the bot to the group (a supergroup when the
        id starts with -100); DELETE {user_id}: they remove it."""
        try:
            chat_id = _group_id(request.path_params["chat_id"])
            body = json.loads(await request.body() or b"{}")
            user_id = int(body.get("user_id") or 0)
            if request.method == "DELETE":
                update = groups.bot_removed(self.bot.store, chat_id, user_id)
            else:
                kind = "supergroup" if str(chat_id).startswith("-100") else "group"
                title = str(body.get("title") or groups.SANDBOX_GROUP["title"])
                chat = {"id": chat_id, "title": title, "type": kind}
                update = groups.bot_added(self.bot.store, chat, user_id)
        except LookupError as err:
            return _error(404, str(err))
        except (ValueError, TypeError, AttributeError) as err:
            return _error(400, str(err))
        return _delivered(update, await self.delivery.submit(update))

    async def group_messages(self, request: Request) -> Response:
        try:
            chat_id = _group_id(request.path_params["chat_id"])
        except ValueError as err:
            return _error(400, str(err))
        with self.bot.store.lock:
            items = [m for m in self.bot.store.data.messages if m["chat"]["id"] == chat_id]
        return JSONResponse({"items": items})

    async def group_write(self, request: Request) -> Response:
        """{user_id, text}: the user writes in the group (`/bind CODE`)."""
        try:
            chat_id = _group_id(request.path_params["chat_id"])
            body = json.loads(await request.body() or b"{}")
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            user_id = int(body.get("user_id") or 0)
            update = groups.group_text(
                self.bot.store, chat_id, user_id, str(body.get("text") or "")
            )
        except LookupError as err:
            return _error(404, str(err))
        except (ValueError, TypeError) as err:
            return _error(400, str(err))
        return _delivered(update, await self.delivery.submit(update))

    async def sent(self, request: Request) -> Response:
        raw = request.query_params.get("chat_id")
        try:
            chat_id = int(raw) if raw else None
        except ValueError:
            return _error(400, "chat_id must be an integer")
        return JSONResponse({"items": self.bot.sent(chat_id)})

    async def faults(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.bot.clear_faults()
            return Response(status_code=204)
        try:
            method, fault = make_fault(json.loads(await request.body()))
        except (ValueError, TypeError, AttributeError) as err:
            return _error(400, f"invalid fault: {err}")
        self.bot.add_fault(method, fault)
        return JSONResponse(
            {
                "method": method,
                "error_code": fault.error_code,
                "description": fault.description,
                "retry_after": fault.retry_after,
                "times": fault.times,
            },
            status_code=201,
        )
