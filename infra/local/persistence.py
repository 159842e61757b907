"""Snapshots of the local table and SSM parameters, since moto keeps nothing on disk.

The snapshot is DynamoDB JSON (typed attribute maps, binary values as base64) so that a
restore gives back exactly the stored types. Files are written atomically (temp + rename)
and readable only by their owner: they hold bot tokens and webhook secrets.

One bad item never wedges either way: an item moto answers mangled (it stores a map key that
is the empty string, which DynamoDB refuses) is left out of the snapshot and logged, and an
item the table refuses on restore is skipped and logged, instead of failing every snapshot
or the start.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from infra.local.moto_service import DirtyFlag
from infra.local.raw_answers import RawAnswers, well_formed_item

log = logging.getLogger("tgdesk.local.persistence")

SNAPSHOT_FILE = "snapshot.json"
_BATCH = 25  # BatchWriteItem's limit


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temp file beside `path`, then rename it over `path` (mode 0600)."""
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` to a temp file beside `path`, then rename it over `path` (mode 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
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
    """Dumps and restores the table's items and the SSM parameters under a prefix.

    `read_items`, if given, reads every item at once as a Scan answers them (the local stack
    reads moto's table directly: MotoService.table_items); without it the table is scanned
    page by page."""

    def __init__(
        self,
        dynamodb: Any,
        ssm: Any,
        table_name: str,
        ssm_prefix: str,
        data_dir: Path,
        read_items: Callable[[], list[dict[str, Any]]] | None = None,
    ) -> None:
        self._read_items = read_items
        self._ddb = dynamodb
        self._ssm = ssm
        self._table = table_name
        self._prefix = ssm_prefix
        self.path = data_dir / SNAPSHOT_FILE
        self._lock = threading.Lock()
        self._raw = RawAnswers(dynamodb, "Scan")

    def dump(self) -> dict[str, Any]:
        items = _well_formed(self._read_items()) if self._read_items else self._scan()
        parameters = []
        for page in self._ssm.get_paginator("get_parameters_by_path").paginate(
            Path=self._prefix, Recursive=True, WithDecryption=True
        ):
            for p in page["Parameters"]:
                parameters.append({"Name": p["Name"], "Type": p["Type"], "Value": p["Value"]})
        return {"version": 1, "table": self._table, "items": items, "parameters": parameters}

    def _scan(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        request: dict[str, Any] = {"TableName": self._table, "ConsistentRead": True}
        while True:
            page, last_key = self._scan_page(request)
            items.extend(page)
            if not last_key:
                return items
            request["ExclusiveStartKey"] = last_key

    def _scan_page(self, request: dict[str, Any]) -> tuple[list[dict[str, Any]], Any]:
        """One page of items, encoded. A page boto3 cannot parse is taken from the raw
        answer (already in the snapshot's encoding), without its malformed items."""
        self._raw.forget()
        try:
            page = self._ddb.scan(**request)
        except Exception:
            answer = self._raw.last()
            if answer is None or not isinstance(answer.get("Items"), list):
                raise
            return _well_formed(answer["Items"]), answer.get("LastEvaluatedKey")
        return [encode_item(i) for i in page["Items"]], page.get("LastEvaluatedKey")

    def save(self) -> None:
        with self._lock:
            write_json_atomic(self.path, self.dump())

    def restore(self) -> tuple[int, int]:
        """Load the snapshot, if there is one. Returns (items, parameters) restored."""
        if not self.path.is_file():
            return 0, 0
        data = json.loads(self.path.read_text(encoding="utf-8"))
        items = [decode_item(i) for i in data.get("items", []) if well_formed_item(i)]
        restored = 0
        for start in range(0, len(items), _BATCH):
            restored += self._restore_batch(items[start : start + _BATCH])
        parameters = data.get("parameters", [])
        for p in parameters:
            self._ssm.put_parameter(
                Name=p["Name"], Value=p["Value"], Type=p["Type"], Overwrite=True
            )
        return restored, len(parameters)

    def _restore_batch(self, items: list[dict[str, Any]]) -> int:
        """Put a batch back; when the table refuses it, put its items one by one and skip
        (and log) those it refuses. Returns how many were put."""
        pending: dict[str, Any] = {self._table: [{"PutRequest": {"Item": i}} for i in items]}
        try:
            while pending:
                resp = self._ddb.batch_write_item(RequestItems=pending)
                pending = resp.get("UnprocessedItems") or {}
        except Exception:
            put = 0
            for item in items:
                try:
                    self._ddb.put_item(TableName=self._table, Item=item)
                    put += 1
                except Exception as err:
                    log.error("skipped an item the table refused: %s (%s)", _key_of(item), err)
            return put
        return len(items)


def _well_formed(items: list[Any]) -> list[dict[str, Any]]:
    """The items as they are, but for malformed ones, which are left out and logged."""
    for bad in items:
        if not well_formed_item(bad):
            log.error("left a malformed item out of the snapshot: %s", _key_of(bad))
    return [item for item in items if well_formed_item(item)]


def _key_of(item: dict[str, Any]) -> dict[str, Any]:
    return {name: item.get(name) for name in ("PK", "SK")}


class SnapshotLoop:
    """Saves a snapshot shortly after writes (debounced) and once more on stop.

    A snapshot reads the whole table, so under a steady stream of writes it is taken at most
    every `delay` seconds: that bounds both its cost and what a crash (not a Ctrl-C) loses.
    Reading a big table takes moto seconds (it serialises every attribute of every item), and
    meanwhile every other request waits, so the pause after a snapshot is also at least
    `IDLE_SHARE` times what it took: snapshots then take at most a sixth of moto's time.
    """

    IDLE_SHARE = 5

    def __init__(self, snapshotter: Snapshotter, dirty: DirtyFlag, delay: float = 2.0) -> None:
        self._snapshotter = snapshotter
        self._dirty = dirty
        self._delay = delay
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="snapshots", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        pause = self._delay
        while not self._stop.wait(pause):
            if self._dirty.take():
                started = time.monotonic()
                self._save()
                pause = max(self._delay, self.IDLE_SHARE * (time.monotonic() - started))

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
