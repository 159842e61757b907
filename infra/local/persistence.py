"""Snapshots of the local table and SSM parameters, since moto keeps nothing on disk.

The snapshot is DynamoDB JSON (typed attribute maps, binary values as base64) so that a
restore gives back exactly the stored types. Files are written atomically (temp + rename)
and readable only by their owner: they hold bot tokens and webhook secrets.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from infra.local.moto_service import DirtyFlag

log = logging.getLogger("tgdesk.local.persistence")

SNAPSHOT_FILE = "snapshot.json"
_BATCH = 25  # BatchWriteItem's limit


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temp file beside `path`, then rename it over `path` (mode 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _encode(value: dict[str, Any]) -> dict[str, Any]:
    """One attribute value -> JSON-safe (B and BS become base64 text)."""
    ((kind, inner),) = value.items()
    if kind == "B":
        return {"B": base64.b64encode(inner).decode()}
    if kind == "BS":
        return {"BS": [base64.b64encode(b).decode() for b in inner]}
    if kind == "M":
        return {"M": {k: _encode(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_encode(v) for v in inner]}
    return value


def _decode(value: dict[str, Any]) -> dict[str, Any]:
    ((kind, inner),) = value.items()
    if kind == "B":
        return {"B": base64.b64decode(inner)}
    if kind == "BS":
        return {"BS": [base64.b64decode(b) for b in inner]}
    if kind == "M":
        return {"M": {k: _decode(v) for k, v in inner.items()}}
    if kind == "L":
        return {"L": [_decode(v) for v in inner]}
    return value


def encode_item(item: dict[str, Any]) -> dict[str, Any]:
    return {name: _encode(value) for name, value in item.items()}


def decode_item(item: dict[str, Any]) -> dict[str, Any]:
    return {name: _decode(value) for name, value in item.items()}


class Snapshotter:
    """Dumps and restores the table's items and the SSM parameters under a prefix."""

    def __init__(
        self, dynamodb: Any, ssm: Any, table_name: str, ssm_prefix: str, data_dir: Path
    ) -> None:
        self._ddb = dynamodb
        self._ssm = ssm
        self._table = table_name
        self._prefix = ssm_prefix
        self.path = data_dir / SNAPSHOT_FILE
        self._lock = threading.Lock()

    def dump(self) -> dict[str, Any]:
        items: list[dict[str, Any]] = []
        for page in self._ddb.get_paginator("scan").paginate(
            TableName=self._table, ConsistentRead=True
        ):
            items.extend(encode_item(i) for i in page["Items"])
        parameters = []
        for page in self._ssm.get_paginator("get_parameters_by_path").paginate(
            Path=self._prefix, Recursive=True, WithDecryption=True
        ):
            for p in page["Parameters"]:
                parameters.append({"Name": p["Name"], "Type": p["Type"], "Value": p["Value"]})
        return {"version": 1, "table": self._table, "items": items, "parameters": parameters}

    def save(self) -> None:
        with self._lock:
            write_json_atomic(self.path, self.dump())

    def restore(self) -> tuple[int, int]:
        """Load the snapshot, if there is one. Returns (items, parameters) restored."""
        if not self.path.is_file():
            return 0, 0
        data = json.loads(self.path.read_text(encoding="utf-8"))
        items = [decode_item(i) for i in data.get("items", [])]
        for start in range(0, len(items), _BATCH):
            requests = [{"PutRequest": {"Item": i}} for i in items[start : start + _BATCH]]
            pending: dict[str, Any] = {self._table: requests}
            while pending:
                resp = self._ddb.batch_write_item(RequestItems=pending)
                pending = resp.get("UnprocessedItems") or {}
        parameters = data.get("parameters", [])
        for p in parameters:
            self._ssm.put_parameter(
                Name=p["Name"], Value=p["Value"], Type=p["Type"], Overwrite=True
            )
        return len(items), len(parameters)


class SnapshotLoop:
    """Saves a snapshot shortly after writes (debounced) and once more on stop.

    A snapshot reads the whole table, so under a steady stream of writes it is taken at most
    every `delay` seconds: that bounds both its cost and what a crash (not a Ctrl-C) loses.
    """

    def __init__(self, snapshotter: Snapshotter, dirty: DirtyFlag, delay: float = 2.0) -> None:
        self._snapshotter = snapshotter
        self._dirty = dirty
        self._delay = delay
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="snapshots", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._delay):
            if self._dirty.take():
                self._save()

    def _save(self) -> None:
        try:
            self._snapshotter.save()
        except Exception:
            log.exception("could not save the snapshot; will try again after the next write")
            self._dirty.mark()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self._dirty.take()
        self._save()
