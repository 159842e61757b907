"""moto's server in-process, on a loopback port, with every request serialised.

moto's backends are not thread-safe, so one lock wraps the whole WSGI call (including
reading the response body). Requests that change state mark the store dirty, which the
snapshotter watches. The process's own boto3 clients reach the same app without the socket
(infra/local/moto_inprocess.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from typing import Any

from moto.core.exceptions import HTTPException
from moto.core.request import Request
from moto.core.responses import BaseResponse
from moto.server import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server

from infra.local import (
    moto_index,
    moto_inprocess,
    moto_items,
    moto_json,
    moto_transactions,
    moto_updates,
)
from infra.local.config import HOST

# X-Amz-Target operations that only read; anything else may have written.
_READ_PREFIXES = (
    "Get",
    "BatchGet",
    "Query",
    "Scan",
    "Describe",
    "List",
    "TransactGet",
)


def is_write(target: str | None) -> bool:
    """True unless the `X-Amz-Target` header names a read-only operation."""
    if not target:
        return False
    operation = target.rsplit(".", 1)[-1]
    return not operation.startswith(_READ_PREFIXES)


class DirtyFlag:
    """Set by writes, taken (read and cleared) by the snapshotter."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def mark(self) -> None:
        self._event.set()

    def take(self) -> bool:
        was = self._event.is_set()
        self._event.clear()
        return was


class SerialisedApp:
    """WSGI middleware: one request at a time, the body read inside the lock."""

    def __init__(self, app: Callable[..., Iterable[bytes]], dirty: DirtyFlag) -> None:
        self._app = app
        self._dirty = dirty
        self.lock = threading.Lock()  # held by every request, and by direct reads of moto

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        status, headers, body = self.answer(environ)
        start_response(status, headers)
        return [body]

    def answer(self, environ: dict[str, Any]) -> tuple[str, list[Any], bytes]:
        """One request's status, headers and whole body, made under the lock (the server's
        requests and the process's own: infra/local/moto_inprocess.py)."""
        captured: list[Any] = []

        def capture(status: str, headers: list[Any], exc_info: Any = None) -> Callable[..., Any]:
            captured[:] = [status, headers]
            return lambda _data: None

        with self.lock:
            result = self._app(environ, capture)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close:
                    close()
            if is_write(environ.get("HTTP_X_AMZ_TARGET")):
                self._dirty.mark()
        status, headers = captured
        return status, headers, body

    def dispatch(
        self, handler: type[BaseResponse], request: Request, target: str
    ) -> tuple[int, dict[str, Any], bytes]:
        """A request straight to moto's handler for its service, as moto's own in-process
        mock calls it (no WSGI environ, no Flask request), under the same lock."""
        with self.lock:
            try:
                status, headers, body = handler.dispatch(request, request.raw_url, request.headers)
            except HTTPException as err:
                status, headers, body = err.code, dict(err.get_headers()), err.get_body()
            if is_write(target):
                self._dirty.mark()
        return int(status), dict(headers), body.encode("utf-8") if isinstance(body, str) else body


class CachedDispatcher(DomainDispatcherApplication):
    """moto's dispatcher, remembering which backend serves each host name: moto lists its
    package directory and tries every service's URL patterns on every request."""

    def __init__(self, create_app: Callable[..., Any]) -> None:
        super().__init__(create_app)
        self._backends: dict[str | None, Any] = {}

    def get_backend_for_host(self, host: str | None) -> Any:
        if host not in self._backends:
            self._backends[host] = super().get_backend_for_host(host)
        return self._backends[host]


class MotoService:
    """moto's DynamoDB, DynamoDB Streams and SSM on http://127.0.0.1:{port}."""

    def __init__(self, port: int) -> None:
        self.dirty = DirtyFlag()
        self._port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._in_process: moto_inprocess.InProcessCalls | None = None
        self._app: SerialisedApp | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://{HOST}:{self._port}"

    def start(self) -> None:
        moto_updates.install()  # first: moto_index and moto_items wrap its update_item
        moto_transactions.install()
        moto_index.install()
        moto_items.install()
        moto_json.install()
        app = self._app = SerialisedApp(CachedDispatcher(create_backend_app), self.dirty)
        self._in_process = moto_inprocess.InProcessCalls(app, self.endpoint_url)
        moto_inprocess.install(self._in_process)
        self._server = make_server(
            HOST, self._port, app, threaded=True, request_handler=MotoRequestHandler
        )
        self._thread = threading.Thread(target=self._server.serve_forever, name="moto", daemon=True)
        self._thread.start()

    def table_items(self, table_name: str, region: str) -> list[dict[str, Any]]:
        """Every item of the table as a Scan answers them, read in one go between two
        requests (moto_json.table_json)."""
        assert self._app is not None, "moto is not started"
        with self._app.lock:
            text = moto_json.table_json(table_name, region)
        return list(json.loads(text))

    def stop(self) -> None:
        """Stop serving and give moto back its own code: the patches rely on this service's
        lock, and a process that goes on using moto (a bench's later sections) has none."""
        if self._in_process is not None:
            moto_inprocess.uninstall(self._in_process)
        moto_json.uninstall()
        moto_items.uninstall()
        moto_index.uninstall()
        moto_transactions.uninstall()
        moto_updates.uninstall()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
