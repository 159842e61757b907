"""Risk groups: what an administrator configures, and each project's matcher built from it.

A group has a name, an action (`confirm`: the agent confirms a second time; `block`: the
message is not sent), entries (keywords, or the built-in address detectors), allowed
addresses that never trigger, and the projects it applies to (None: every project).
Administrators manage groups; supervisors read the groups that apply to their projects.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import csv_safe, ids
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Role
from tgdesk.core.errors import Forbidden, InvalidInput, NotFound
from tgdesk.core.names import clean_name
from tgdesk.risk import detectors, matcher, normalize
from tgdesk.storage import projects
from tgdesk.storage import risk as store

ACTIONS = ("confirm", "block")
KEYWORD = matcher.KEYWORD
DETECTORS = detectors.KINDS
DETECTOR_PREFIX = "detector:"
NAME_MAX_LENGTH = 80
ENTRY_MAX_LENGTH = 200
KEYWORD_MIN_LENGTH = 2  # after folding: one character would flag nearly every message
MAX_ALLOWED = 1000
ALLOWED_MAX_LENGTH = 128
AUDITED_ALLOWED = 20  # allowed addresses an audit entry of a group change names
CSV_COLUMNS = ("value", "kind")
EDITABLE = ("name", "action", "project_ids", "allowed", "entries")


@dataclass
class EntryCounts:
    """What a bulk paste or an import did: entries added, already there, and unusable."""

    added: int = 0
    duplicates: int = 0
    invalid: int = 0
    invalid_lines: list[int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "invalid": self.invalid,
            "invalid_lines": self.invalid_lines or [],
        }


# -- access -------------------------------------------------------------------------------
def _require_admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise Forbidden("only an administrator can do this", code="admin_only")


def _require_reader(scope: Scope) -> None:
    if not scope.is_admin and scope.agent["role"] != Role.SUPERVISOR:
        raise Forbidden(
            "only supervisors and administrators can see risk control", code="supervisor_only"
        )


def _visible(scope: Scope, group: Mapping[str, Any]) -> bool:
    """Admins see every group; supervisors those that apply to a project they supervise."""
    if scope.is_admin:
        return True
    applies = group.get("project_ids")
    supervised = [p for p in scope.project_ids() if scope.supervises(p)]
    return bool(supervised) and (applies is None or any(p in applies for p in supervised))


# -- entries ------------------------------------------------------------------------------
def entry_key(entry: Mapping[str, str]) -> tuple[str, str]:
    """What makes two entries the same: the kind, and a keyword's folded text."""
    kind = entry["kind"]
    return (kind, normalize.fold(entry["value"])[0] if kind == KEYWORD else kind)


def parse_entry(value: str, kind: str = KEYWORD) -> dict[str, str] | None:
    """An entry from one pasted line or CSV row, or None when it cannot be used. A detector
    is written `detector:trc20` (or given as the kind); its value is its name."""
    text = value.strip()
    kind = (kind or KEYWORD).strip().lower()
    if kind == KEYWORD and text.lower().startswith(DETECTOR_PREFIX):
        kind = text[len(DETECTOR_PREFIX) :].strip().lower()
    if kind in DETECTORS:
        return {"value": kind, "kind": kind}
    if kind != KEYWORD or len(text) > ENTRY_MAX_LENGTH:
        return None
    if len(normalize.fold(text)[0].strip()) < KEYWORD_MIN_LENGTH:
        return None
    return {"value": text, "kind": KEYWORD}


def _merge(
    existing: list[dict[str, str]], candidates: Iterable[tuple[int, dict[str, str] | None]]
) -> tuple[list[dict[str, str]], EntryCounts]:
    """`existing` plus the usable, new candidates (numbered for the report), in order."""
    merged = list(existing)
    seen = {entry_key(e) for e in existing}
    counts = EntryCounts(invalid_lines=[])
    for number, entry in candidates:
        if entry is None:
            counts.invalid += 1
            counts.invalid_lines.append(number)  # type: ignore[union-attr]
            continue
        key = entry_key(entry)
        if key in seen:
            counts.duplicates += 1
            continue
        seen.add(key)
        merged.append(entry)
        counts.added += 1
    return merged, counts


def _clean_entries(entries: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    parsed = [
        (i, parse_entry(e.get("value", ""), e.get("kind", KEYWORD))) for i, e in enumerate(entries)
    ]
    merged, counts = _merge([], parsed)
    if counts.invalid:
        raise InvalidInput(
            f"{counts.invalid} entries cannot be used (empty, too long, a single character, "
            "or an unknown detector).",
            code="invalid_entry",
            field="entries",
        )
    return merged


def _clean_name(name: str) -> str:
    return clean_name(name, kind="group", max_length=NAME_MAX_LENGTH, code="invalid_risk_group")


def _clean_action(action: str) -> str:
    if action not in ACTIONS:
        raise InvalidInput(
            "The action is `confirm` or `block`.", code="invalid_risk_group", field="action"
        )
    return action


def _clean_projects(project_ids: list[str] | None) -> list[str] | None:
    if project_ids is None:
        return None
    unique = list(dict.fromkeys(project_ids))
    unknown = [p for p in unique if projects.get_project(p) is None]
    if unknown or not unique:
        raise InvalidInput(
            "Name existing projects, or leave `project_ids` null for every project.",
            code="invalid_risk_group",
            field="project_ids",
        )
    return unique


def _clean_allowed(allowed: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(a.strip() for a in allowed if a.strip()))
    if len(cleaned) > MAX_ALLOWED or any(len(a) > ALLOWED_MAX_LENGTH for a in cleaned):
        raise InvalidInput(
            f"At most {MAX_ALLOWED} allowed addresses of up to {ALLOWED_MAX_LENGTH} characters.",
            code="invalid_risk_group",
            field="allowed",
        )
    return cleaned


_CLEANERS: dict[str, Any] = {
    "name": _clean_name,
    "action": _clean_action,
    "project_ids": _clean_projects,
    "allowed": _clean_allowed,
    "entries": _clean_entries,
}


# -- reading ------------------------------------------------------------------------------
def summary(group: Mapping[str, Any]) -> dict[str, Any]:
    """A group without its entries (lists, audit entries): their count instead."""
    out = {k: v for k, v in group.items() if k != "entries"}
    out["entry_count"] = len(group.get("entries", []))
    return out


def list_groups(scope: Scope) -> list[dict[str, Any]]:
    _require_reader(scope)
    return [summary(g) for g in store.list_groups() if _visible(scope, g)]


def get_group(scope: Scope, group_id: str) -> dict[str, Any]:
    _require_reader(scope)
    group = store.get_group(group_id)
    if group is None or not _visible(scope, group):
        raise NotFound("no such risk group", code="risk_group_not_found")
    return group


# -- changes ------------------------------------------------------------------------------
def _entry(
    action: str,
    scope: Scope,
    group_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    source_ip: str | None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    def audited(group: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if group is None:
            return None
        kept = summary(group)
        audited = {k: kept.get(k) for k in ("name", "action", "project_ids", "entry_count")}
        # Up to MAX_ALLOWED addresses of 128 characters, before and after, would make an
        # entry of some 260 KB: the first few and their count keep it small.
        allowed = kept.get("allowed") or []
        audited["allowed"], audited["allowed_count"] = allowed[:AUDITED_ALLOWED], len(allowed)
        return audited

    return audit.entry(
        action,
        actor_id=scope.agent_id,
        target_type="risk_group",
        target_id=group_id,
        before=audited(before),
        after=audited(after),
        details=details,
        source_ip=source_ip,
    )


def create_group(
    scope: Scope,
    *,
    name: str,
    action: str,
    project_ids: list[str] | None = None,
    allowed: list[str] | None = None,
    entries: list[Mapping[str, str]] | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    _require_admin(scope)
    now, version = now_ms(), ids.sortable_id()
    group: dict[str, Any] = {
        "group_id": ids.short_id(),
        "name": _clean_name(name),
        "action": _clean_action(action),
        "project_ids": _clean_projects(project_ids),
        "allowed": _clean_allowed(allowed or []),
        "entries": _clean_entries(entries or []),
        "created_at": now,
        "created_by": scope.agent_id,
        "updated_at": now,
        "version": version,
    }
    entry = _entry("risk.group.create", scope, group["group_id"], None, group, source_ip)
    store.create_group(group, entry)
    return group


def update_group(
    scope: Scope,
    group_id: str,
    changes: Mapping[str, Any],
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Apply `changes` (any of name, action, project_ids, allowed, entries): only the keys
    given change; `project_ids` None means every project."""
    _require_admin(scope)
    before = get_group(scope, group_id)
    after = dict(before)
    for name in EDITABLE:
        if name in changes:
            after[name] = _CLEANERS[name](changes[name])
    return _save(scope, before, after, "risk.group.update", source_ip)


def _save(
    scope: Scope,
    before: dict[str, Any],
    after: dict[str, Any],
    action: str,
    source_ip: str | None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    if all(after.get(k) == before.get(k) for k in EDITABLE):
        return before
    after["updated_at"], after["version"] = now_ms(), ids.sortable_id()
    entry = _entry(action, scope, before["group_id"], before, after, source_ip, details)
    store.replace_group(after, seen_version=before["version"], entry=entry)
    return after


def delete_group(scope: Scope, group_id: str, *, source_ip: str | None = None) -> None:
    _require_admin(scope)
    group = get_group(scope, group_id)
    entry = _entry("risk.group.delete", scope, group_id, group, None, source_ip)
    store.delete_group(
        group_id,
        seen_version=group["version"],
        version=ids.sortable_id(),
        at=now_ms(),
        entry=entry,
    )


def add_entries(
    scope: Scope, group_id: str, text: str, *, source_ip: str | None = None
) -> EntryCounts:
    """Add one entry per line of `text` (blank lines are skipped; `detector:trc20` adds a
    detector). Entries the group has already count as duplicates."""
    _require_admin(scope)
    group = get_group(scope, group_id)
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    merged, counts = _merge(group.get("entries", []), ((n, parse_entry(v)) for n, v in lines))
    if counts.added:
        details = {"added": counts.added, "duplicates": counts.duplicates}
        _save(scope, group, {**group, "entries": merged}, "risk.entries.add", source_ip, details)
    return counts


def export_entries_csv(scope: Scope, group_id: str) -> str:
    """The group's entries as CSV with the columns value,kind; a value a spreadsheet would
    run as a formula is quoted (tgdesk.core.csv_safe), and the import takes the quote off."""
    group = get_group(scope, group_id)
    rows = ((e["value"], e["kind"]) for e in group.get("entries", []))
    return csv_safe.document(CSV_COLUMNS, rows)


def import_entries_csv(
    scope: Scope, group_id: str, text: str, *, source_ip: str | None = None
) -> EntryCounts:
    """Replace the group's entries with those of a CSV (header value,kind; kind defaults
    to keyword). Rows are numbered from 2, the header being row 1. A value our export quoted
    (tgdesk.core.csv_safe) is read back as it was."""
    _require_admin(scope)
    group = get_group(scope, group_id)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or "value" not in reader.fieldnames:
        raise InvalidInput(
            "The CSV starts with the header `value,kind`.", code="invalid_csv", field="body"
        )
    rows = (
        (n, parse_entry(csv_safe.uncell(row.get("value") or ""), row.get("kind") or KEYWORD))
        for n, row in enumerate(reader, start=2)
        if (row.get("value") or "").strip() or (row.get("kind") or "").strip()
    )
    merged, counts = _merge([], rows)
    details = {"imported": counts.added, "duplicates": counts.duplicates}
    _save(scope, group, {**group, "entries": merged}, "risk.entries.import", source_ip, details)
    return counts


# -- the matcher -----------------------------------------------------------------------------
def _as_matcher_group(group: Mapping[str, Any]) -> matcher.Group:
    return matcher.Group(
        group_id=group["group_id"],
        name=group["name"],
        action=group["action"],
        entries=[matcher.Entry(e["value"], e["kind"]) for e in group.get("entries", [])],
        allowed=list(group.get("allowed", [])),
        project_ids=group.get("project_ids"),
    )


def groups_for_project(project_id: str) -> list[matcher.Group]:
    """The groups in force in a project, as the matcher takes them."""
    return [
        _as_matcher_group(g)
        for g in store.list_groups()
        if g.get("project_ids") is None or project_id in g["project_ids"]
    ]


def matcher_for(project_id: str) -> matcher.Matcher:
    """The project's matcher, rebuilt only after a change of the groups (whose version a
    container reads at most every storage.risk.VERSION_FRESH_SECONDS)."""
    return matcher.cached(
        project_id, store.current_version(), lambda: groups_for_project(project_id)
    )
