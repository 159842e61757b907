"""The stack's own AWS calls handed to moto in-process instead of over a socket.

The local functions, the stream poller and the snapshotter run in the same process as
moto's server, yet every call of theirs went out through a TCP connection: werkzeug's server
closes each connection after one answer, so every call also opened a connection and started
a server thread. Under a burst that was a large part of a call's cost.

botocore asks its `before-send` handlers for an answer before it sends a request; this one
answers a request for moto's endpoint under the same lock as the server, with the same
patches and answers: a DynamoDB or DynamoDB Streams request goes straight to moto's handler
for it, as moto's own in-process mock calls it (no WSGI environ, no Flask request); any
other (S3, SSM) through the WSGI app the server runs. Other requests are left alone. The
port stays open for everything outside the process: the console's uploads, tests and a
developer's AWS CLI.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import Any, Protocol
from urllib.parse import SplitResult, urlsplit

import boto3
import botocore.handlers
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from moto.core.request import (
    PRESERVED_HEADER_NAMES_ENVIRON_KEY,
    Request,
    environ_key_for_header,
    normalize_request,
    should_preserve_original_header_name,
)
from moto.core.responses import BaseResponse
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler
from werkzeug.test import EnvironBuilder


class Serialised(Protocol):
    """moto's app as the local stack serves it (infra.local.moto_service.SerialisedApp)."""

    def answer(self, environ: dict[str, Any]) -> tuple[str, list[Any], bytes]: ...

    def dispatch(
        self, handler: type[BaseResponse], request: Request, target: str
    ) -> tuple[int, dict[str, Any], bytes]: ...


# The services of nearly every call (X-Amz-Target prefix -> moto's handler) are called
# directly; any other (S3, SSM) goes through the WSGI app, as over the port.
_HANDLERS: dict[str, type[BaseResponse]] = {
    "DynamoDB_20120810": DynamoHandler,
    "DynamoDBStreams_20120810": DynamoDBStreamsHandler,
}


class _Body(BytesIO):
    """The answer's body as botocore reads a raw response."""

    def stream(self, **_: Any) -> Iterator[bytes]:
        chunk = self.read()
        while chunk:
            yield chunk
            chunk = self.read()


def _request_body(request: AWSPreparedRequest) -> bytes:
    body = request.body
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytes | bytearray):
        return bytes(body)
    data = body.read()  # a file-like upload
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _text(header: str | bytes) -> str:
    """botocore keeps some header values as bytes; on the wire they are latin-1."""
    return header.decode("latin-1") if isinstance(header, bytes) else header


class InProcessCalls:
    """A botocore `before-send` handler answering requests for `endpoint_url` with `app`."""

    def __init__(self, app: Serialised, endpoint_url: str) -> None:
        self._app = app
        self._origin = endpoint_url.rstrip("/")

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse | None:
        url = urlsplit(request.url)
        if f"{url.scheme}://{url.netloc}" != self._origin:
            return None
        target = _text(request.headers.get("X-Amz-Target") or "")
        handler = _HANDLERS.get(target.split(".", 1)[0])
        if handler is not None:
            code, answered_headers, body = self._app.dispatch(
                handler, normalize_request(request), target
            )
            return AWSResponse(request.url, code, answered_headers, _Body(body))  # type: ignore[arg-type]
        return self._through_wsgi(request, url)

    def _through_wsgi(self, request: AWSPreparedRequest, url: SplitResult) -> AWSResponse:
        headers = [(name, _text(value)) for name, value in request.headers.items()]
        environ = EnvironBuilder(
            method=request.method,
            base_url=self._origin,
            path=url.path or "/",
            query_string=url.query,
            headers=headers,
            data=_request_body(request),
        ).get_environ()
        # As moto's request handler does: S3 metadata names keep their underscores.
        environ[PRESERVED_HEADER_NAMES_ENVIRON_KEY] = {
            environ_key_for_header(name): name
            for name, _value in headers
            if should_preserve_original_header_name(name)
        }
        status, answered_headers, body = self._app.answer(environ)
        code = int(status.split(" ", 1)[0])
        return AWSResponse(request.url, code, dict(answered_headers), _Body(body))  # type: ignore[arg-type]


def install(calls: InProcessCalls) -> None:
    """Every boto3 client of this process created from now on asks `calls` first."""
    botocore.handlers.BUILTIN_HANDLERS.append(("before-send", calls))
    boto3.setup_default_session()  # a default session made before would not have it


def uninstall(calls: InProcessCalls) -> None:
    handler = ("before-send", calls)
    if handler in botocore.handlers.BUILTIN_HANDLERS:
        botocore.handlers.BUILTIN_HANDLERS.remove(handler)
        boto3.setup_default_session()
