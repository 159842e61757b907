"""One-time bind codes: an admin asks for one, someone sends `/bind <code>` in the team's group.

A code is 8 characters of an alphabet without look-alikes (I, O, 0, 1), random, valid for
CODE_TTL_MS and for one bind; the table keeps its SHA-256 only, as for invitations.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.storage import teamchat as store
from tgdesk.storage.records.team_chat import BindCode

CODE_TTL_MS = 15 * 60 * 1000
CODE_LENGTH = 8
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def issue(
    project_id: str, *, actor_id: str, bot_username: str | None, source_ip: str | None = None
) -> dict[str, Any]:
    """A new code for the project, stored with its audit entry: {code, command, expires_at};
    `command` is what to send in the group."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    created_at = now_ms()
    record = BindCode(
        code_hash=digest(code),
        project_id=project_id,
        created_by=actor_id,
        created_at=created_at,
        expires_at=created_at + CODE_TTL_MS,
    )
    entry = audit.entry(
        "team_chat.code_created",
        actor_id=actor_id,
        project_id=project_id,
        target_type="project",
        target_id=project_id,
        details={"expires_at": record["expires_at"]},
        source_ip=source_ip,
    )
    store.put_code(record, entry)
    command = f"/bind@{bot_username} {code}" if bot_username else f"/bind {code}"
    return {"code": code, "command": command, "expires_at": record["expires_at"]}


def digest(code: str) -> str:
    """What the table keeps of a code; a code as typed (lower case, spaces) is the same code."""
    return hashlib.sha256(normalize(code).encode()).hexdigest()


def normalize(code: str) -> str:
    return "".join(code.split()).upper()


def usable(code: BindCode | None, project_id: str, now: int) -> bool:
    """The code exists, is this project's and has not expired."""
    return code is not None and code["project_id"] == project_id and code["expires_at"] > now
