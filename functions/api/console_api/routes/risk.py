"""Risk control: groups of risky entries (administrators manage them, supervisors read
them), the trigger log, and the console's report of a send the agent cancelled."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody, Items, Page
from console_api.models_risk import (
    EntriesPaste,
    EntryCounts,
    RiskCancel,
    RiskGroupCreate,
    RiskGroupPublic,
    RiskGroupSummary,
    RiskGroupUpdate,
    TriggerPublic,
)
from tgdesk.core.errors import InvalidInput
from tgdesk.risk import checks as risk_checks
from tgdesk.risk import groups as risk_groups
from tgdesk.risk import log as risk_log

router = APIRouter(tags=["risk"])

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
Moment = Annotated[int | None, Query(ge=0, description="Epoch milliseconds, inclusive")]
_CSV_RESPONSE = {200: {"content": {"text/csv": {}}, "description": "CSV, UTF-8"}}
_CHANGED = {409: {"model": ErrorBody, "description": "Changed meanwhile: reload and retry"}}


def _csv(text: str, filename: str) -> Response:
    return Response(
        content=text,
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def csv_body(request: Request) -> str:
    """The request body as UTF-8 text (a CSV upload)."""
    try:
        return (await request.body()).decode("utf-8")
    except UnicodeDecodeError as err:
        raise InvalidInput("The CSV must be UTF-8 text.", code="invalid_csv", field="body") from err


CsvBody = Annotated[str, Depends(csv_body)]


# -- groups ---------------------------------------------------------------------------------
@router.get("/risk/groups")
def list_groups(scope: CurrentScope) -> Items[RiskGroupSummary]:
    """Groups by name, without their entries. Supervisors see those of their projects."""
    groups = risk_groups.list_groups(scope)
    return Items[RiskGroupSummary](items=[RiskGroupSummary(**g) for g in groups])


@router.post("/risk/groups", status_code=201)
def create_group(
    body: RiskGroupCreate, scope: CurrentScope, source_ip: SourceIp
) -> RiskGroupPublic:
    """A new group (administrators). A group holds at most about 300 KB of entries
    (`group_too_large`)."""
    group = risk_groups.create_group(
        scope,
        name=body.name,
        action=body.action,
        project_ids=body.project_ids,
        allowed=body.allowed,
        entries=[e.model_dump() for e in body.entries],
        source_ip=source_ip,
    )
    return RiskGroupPublic(**risk_groups.summary(group), entries=group["entries"])


@router.get("/risk/groups/{gid}")
def get_group(gid: str, scope: CurrentScope) -> RiskGroupPublic:
    group = risk_groups.get_group(scope, gid)
    return RiskGroupPublic(**risk_groups.summary(group), entries=group.get("entries", []))


@router.patch("/risk/groups/{gid}", responses=_CHANGED)
def update_group(
    gid: str, body: RiskGroupUpdate, scope: CurrentScope, source_ip: SourceIp
) -> RiskGroupPublic:
    """Change what is sent; `entries` replaces every entry (administrators)."""
    changes = body.model_dump(exclude_unset=True)
    group = risk_groups.update_group(scope, gid, changes, source_ip=source_ip)
    return RiskGroupPublic(**risk_groups.summary(group), entries=group.get("entries", []))


@router.delete("/risk/groups/{gid}", status_code=204, responses=_CHANGED)
def delete_group(gid: str, scope: CurrentScope, source_ip: SourceIp) -> Response:
    risk_groups.delete_group(scope, gid, source_ip=source_ip)
    return Response(status_code=204)


@router.post("/risk/groups/{gid}/entries:bulk", responses=_CHANGED)
def add_entries(
    gid: str, body: EntriesPaste, scope: CurrentScope, source_ip: SourceIp
) -> EntryCounts:
    """Add pasted entries, one per line; entries already there count as duplicates."""
    counts = risk_groups.add_entries(scope, gid, body.text, source_ip=source_ip)
    return EntryCounts(**counts.as_dict())


@router.get("/risk/groups/{gid}/entries.csv", responses=_CSV_RESPONSE)
def export_entries(gid: str, scope: CurrentScope) -> Response:
    """The group's entries as CSV (columns value,kind)."""
    return _csv(risk_groups.export_entries_csv(scope, gid), f"risk-entries-{gid}.csv")


@router.put(
    "/risk/groups/{gid}/entries.csv",
    responses=_CHANGED,
    openapi_extra={
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}}
    },
)
def import_entries(
    gid: str, text: CsvBody, scope: CurrentScope, source_ip: SourceIp
) -> EntryCounts:
    """Replace the group's entries with a CSV's (header value,kind; kind defaults to
    keyword; detectors are rows with the kind trc20, erc20 or btc)."""
    counts = risk_groups.import_entries_csv(scope, gid, text, source_ip=source_ip)
    return EntryCounts(**counts.as_dict())


# -- the trigger log ------------------------------------------------------------------------
def trigger_filters(
    project_id: str | None = None,
    agent_id: Annotated[str | None, Query(max_length=64)] = None,
    group_id: Annotated[str | None, Query(max_length=64, description="A risk group id")] = None,
    since: Moment = None,
    until: Moment = None,
) -> risk_log.Filters:
    return risk_log.Filters(
        project_id=project_id, agent_id=agent_id, group_id=group_id, since=since, until=until
    )


Filters = Annotated[risk_log.Filters, Depends(trigger_filters)]


@router.get("/risk/triggers")
def list_triggers(
    scope: CurrentScope,
    filters: Filters,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[TriggerPublic]:
    """Every trigger of risk control (audit entries `risk.trigger`), newest first: outbound
    outcomes `blocked`, `confirmation_required`, `confirmed_sent`, `cancelled`; inbound
    `flagged`. A page may hold fewer than `limit` items and still carry a `next_cursor`."""
    items, next_cursor = risk_log.read(scope, filters, limit=limit, cursor=cursor)
    return Page[TriggerPublic](items=[TriggerPublic(**i) for i in items], next_cursor=next_cursor)


@router.get("/risk/triggers.csv", responses=_CSV_RESPONSE)
def export_triggers(scope: CurrentScope, filters: Filters) -> Response:
    """The trigger log as CSV, newest first (at most 10,000 rows)."""
    return _csv(risk_log.export_csv(scope, filters), "risk-triggers.csv")


# -- the console's answer to a confirmation -------------------------------------------------
@router.post(
    "/sessions/{session_id}/risk-cancel",
    status_code=204,
    responses={422: {"model": ErrorBody, "description": "`no_risk_match`, or invalid input"}},
)
def cancel_send(
    session_id: str, body: RiskCancel, scope: CurrentScope, source_ip: SourceIp
) -> Response:
    """The agent chose not to send a message risk control asked to confirm: recorded in
    the audit log with the outcome `cancelled` and the matches the server finds in `text`.
    A text that would not have asked for a confirmation answers 422 `no_risk_match`."""
    risk_checks.record_cancelled(scope, session_id, body.text, source_ip=source_ip)
    return Response(status_code=204)
