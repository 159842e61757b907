"""Bot API request parameters, from a query string, JSON, a form or a multipart body."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from werkzeug.formparser import FormDataParser


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    data: bytes


def parse_params(
    query: str, content_type: str, body: bytes
) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Merge query-string and body parameters as the Bot API does; files come separately."""
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    files: dict[str, Upload] = {}
    mimetype = content_type.split(";")[0].strip().lower()
    if not body:
        return params, files
    if mimetype == "application/json":
        data = json.loads(body)
        if isinstance(data, dict):
            params.update(data)
    elif mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        options = _content_type_options(content_type)
        _, form, uploaded = FormDataParser().parse(io.BytesIO(body), mimetype, len(body), options)
        params.update(form.to_dict())
        for name, storage in uploaded.items():
            files[name] = Upload(
                storage.filename or name,
                storage.mimetype or "application/octet-stream",
                storage.read(),
            )
    return params, files


def _content_type_options(content_type: str) -> dict[str, str]:
    options = {}
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        options[key.lower()] = value.strip('"')
    return options


def int_param(params: dict[str, Any], name: str, default: int | None = None) -> int | None:
    value = params.get(name)
    if value in (None, ""):
        return default
    return int(value)


def json_param(params: dict[str, Any], name: str) -> Any:
    """Structured parameters arrive as JSON text in forms and as objects in JSON bodies."""
    value = params.get(name)
    if isinstance(value, str):
        return json.loads(value) if value else None
    return value
