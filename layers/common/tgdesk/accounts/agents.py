"""Account administration: creating and changing agents, password resets, lifting the lock
that failed logins put on an account, the first administrator, and the public view of an
agent (never a password hash or a login's digest).

Administrators do all of this (agents cannot register themselves); every change is audited
in the transaction that makes it.
"""

from __future__ import annotations

import logging
from typing import Any

from tgdesk.accounts import passwords
from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Role, values
from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.core.settings import get_settings
from tgdesk.storage import accounts, logins
from tgdesk.storage import audit as audit_store
from tgdesk.storage.records.agent import Agent

log = logging.getLogger(__name__)

_PUBLIC_HIDDEN = frozenset({"password_hash", "kind", "token_digest", "token_since"})
# Presence and load change all day: an account's audit entries leave them out.
_VOLATILE = frozenset(
    {"heartbeat_at", "open_sessions", "last_assigned_at", "presence_at", "last_sign_in_at"}
)
# An agent without a sign-in for this long is flagged in the admin area (routing still
# counts them: their presence decides that).
NO_RECENT_SIGN_IN_MS = 7 * 86_400_000


def public_agent(agent: Agent) -> dict[str, Any]:
    """An agent as others may see it: never the password hash or the login's digest."""
    return {k: v for k, v in agent.items() if k not in _PUBLIC_HIDDEN}


def last_sign_in_at(agent: Agent) -> int | None:
    """When the agent last signed in. Logins record it; an agent who has not signed in since
    they did counts from the start of their current login (`token_since` while a login is
    current; without one it is when the logins were ended)."""
    if agent.get("last_sign_in_at") is not None:
        return int(agent["last_sign_in_at"])
    if agent.get("token_digest") and agent.get("token_since") is not None:
        return int(agent["token_since"])
    return None


def no_recent_sign_in(agent: Agent, now: int) -> bool:
    """An enabled agent who has not signed in for NO_RECENT_SIGN_IN_MS (one who never did:
    counted from the account's creation)."""
    since = last_sign_in_at(agent) or int(agent.get("created_at", 0))
    return not agent.get("disabled") and now - since >= NO_RECENT_SIGN_IN_MS


def _audited(agent: Agent) -> dict[str, Any]:
    """The fields of an agent worth a before/after: settings, not volatile presence."""
    return {k: v for k, v in public_agent(agent).items() if k not in _VOLATILE}


def _validate_role(role: str) -> None:
    if role not in values(Role):
        raise InvalidInput(
            f"role is one of {', '.join(values(Role))}", code="invalid_role", field="role"
        )


# -- reading ----------------------------------------------------------------------------
def list_agents() -> list[Agent]:
    """Every agent, by username."""
    return accounts.list_agents()


def get_agent(agent_id: str, *, field: str | None = None) -> Agent:
    """The agent, or NotFound (`agent_not_found`, about `field` when given)."""
    agent = accounts.get_agent(agent_id)
    if agent is None:
        raise NotFound("no such agent", code="agent_not_found", field=field)
    return agent


def find_by_username(username: str) -> Agent | None:
    return accounts.get_agent_by_username(username)


# -- creating and changing --------------------------------------------------------------
def new_agent(
    *, username: str, password: str | None, display_name: str | None, role: Role
) -> Agent:
    """A validated account, not yet stored. Without a password it has none: nobody can sign
    in as it until an invitation sets one."""
    passwords.validate_username(username)
    if password is not None:
        passwords.validate_password(password)
    _validate_role(role)
    agent = Agent(
        agent_id=ids.short_id(),
        username=username,
        display_name=(display_name or "").strip() or username,
        role=Role(role),
        disabled=False,
        created_at=now_ms(),
    )
    if password is not None:
        agent["password_hash"] = passwords.hash_password(password)
    return agent


def creation_entry(
    agent: Agent,
    *,
    actor_id: str,
    source_ip: str | None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The audit entry of a new account (`agent.create`)."""
    return audit.entry(
        "agent.create",
        actor_id=actor_id,
        target_type="agent",
        target_id=agent["agent_id"],
        after=public_agent(agent),
        details=details,
        source_ip=source_ip,
    )


def create_agent(
    *,
    username: str,
    password: str,
    display_name: str | None = None,
    role: Role = Role.AGENT,
    actor_id: str = audit.SYSTEM,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Create an agent account with a password (an admin does this; agents cannot register
    themselves). tgdesk.accounts.invitations creates one invited, without a password."""
    agent = new_agent(username=username, password=password, display_name=display_name, role=role)
    accounts.create_agent(agent, creation_entry(agent, actor_id=actor_id, source_ip=source_ip))
    log.info("agent created", extra={"agent_id": agent["agent_id"], "role": role})
    return public_agent(agent)


def _account_changes(
    *,
    display_name: str | None,
    role: Role | None,
    disabled: bool | None,
    password: str | None,
    max_open_sessions: int | None,
    clear_capacity: bool,
) -> tuple[dict[str, Any], list[str]]:
    """The attributes update_agent sets and removes, each validated."""
    changes: dict[str, Any] = {}
    remove: list[str] = []
    if display_name is not None and display_name.strip():
        changes["display_name"] = display_name.strip()
    if role is not None:
        _validate_role(role)
        changes["role"] = role
    if disabled is not None:
        changes["disabled"] = disabled
    if password is not None:
        passwords.validate_password(password)
        changes["password_hash"] = passwords.hash_password(password)
    if max_open_sessions is not None:
        if max_open_sessions < 1:
            raise InvalidInput(
                "max_open_sessions is at least 1 (or null for no limit)",
                field="max_open_sessions",
            )
        changes["max_open_sessions"] = max_open_sessions
    elif clear_capacity:
        remove.append("max_open_sessions")
    if not changes and not remove:
        raise InvalidInput("nothing to change", code="nothing_to_change")
    return changes, remove


def update_agent(
    agent_id: str,
    *,
    actor_id: str,
    display_name: str | None = None,
    role: Role | None = None,
    disabled: bool | None = None,
    password: str | None = None,
    max_open_sessions: int | None = None,
    clear_capacity: bool = False,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Change an account. A new password or disabling it ends the agent's login."""
    changes, remove = _account_changes(
        display_name=display_name,
        role=role,
        disabled=disabled,
        password=password,
        max_open_sessions=max_open_sessions,
        clear_capacity=clear_capacity,
    )
    if password is not None or disabled:
        changes["token_since"] = now_ms()
        remove.append("token_digest")

    def along_with(before: Agent, after: Agent) -> list[dict[str, Any]]:
        entry = audit.entry(
            "agent.update",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            before=_audited(before),
            after=_audited(after),
            details={"password_changed": True} if password is not None else None,
            source_ip=source_ip,
        )
        # A password an administrator sets lifts the account's lock, as a reset does.
        lifted = [_clear_failures(before)] if password is not None else []
        return [audit_store.put_operation(entry), *lifted]

    _, after = accounts.update_agent(agent_id, changes, remove, along_with=along_with)
    return public_agent(after)


def reset_password(
    agent_id: str, *, actor_id: str, password: str | None, source_ip: str | None = None
) -> dict[str, Any]:
    """An administrator sets a new password, or (None) voids the old one; either way every
    login of the agent ends, and the account's failed logins and lock are forgotten (what
    the lock's message tells the user to ask for), in one transaction. Returns the agent."""
    now = now_ms()
    changes: dict[str, Any] = {"token_since": now}
    remove = ["token_digest"]
    if password is not None:
        passwords.validate_password(password)
        changes["password_hash"] = passwords.hash_password(password)
    else:
        remove.append("password_hash")

    def along_with(before: Agent, _: Agent) -> list[dict[str, Any]]:
        entry = audit.entry(
            "agent.password_reset",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            details={
                "new_password_set": password is not None,
                "logins_ended_at": now,
                "failed_logins_cleared": True,
            },
            source_ip=source_ip,
        )
        return [audit_store.put_operation(entry), _clear_failures(before)]

    _, after = accounts.update_agent(agent_id, changes, remove, along_with=along_with)
    return public_agent(after)


# -- account locks ----------------------------------------------------------------------
def _account_subject(agent: Agent) -> tuple[str, str]:
    """The failed-login counter of an account (tgdesk.accounts.logins counts them)."""
    return logins.ACCOUNT, str(agent["username"]).lower()


def _clear_failures(agent: Agent) -> dict[str, Any]:
    return logins.clear_operation(*_account_subject(agent))


def locks(agents: list[Agent]) -> dict[str, int]:
    """{agent_id: locked_until} of the accounts locked now by failed logins."""
    subjects = {_account_subject(a): a["agent_id"] for a in agents}
    counters = logins.get_counters(list(subjects))
    now = now_ms()
    return {
        subjects[subject]: int(counter["locked_until"])
        for subject, counter in counters.items()
        if int(counter.get("locked_until", 0)) > now
    }


def unlock(agent_id: str, *, actor_id: str, source_ip: str | None = None) -> dict[str, Any]:
    """An administrator lifts an account's lock and forgets its failed logins (a lock on the
    user's address stays until it expires). Audited when there was something to forget;
    returns the agent."""
    for _ in range(3):
        agent = accounts.get_agent(agent_id, consistent=True)
        if agent is None:
            raise NotFound("no such agent", code="agent_not_found")
        subject = _account_subject(agent)
        counter = logins.get_counters([subject]).get(subject)
        if counter is None:
            return public_agent(agent)
        state = {
            "failures": int(counter["failures"]),
            "locked_until": int(counter["locked_until"]) if "locked_until" in counter else None,
        }
        entry = audit.entry(
            "agent.unlock",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            before=state,
            after={"failures": 0, "locked_until": None},
            source_ip=source_ip,
        )
        if logins.clear(*subject, seen=counter, audit_entry=entry):
            log.info("account unlocked", extra={"agent_id": agent_id})
            return public_agent(agent)
        # A failure was counted since the read: read again.
    raise Conflict("failed logins keep being counted for this account; try again")


# -- the first administrator ------------------------------------------------------------
def bootstrap_admin() -> bool:
    """Create the administrator named in the settings unless that username exists.

    Idempotent and race-safe (the username claim is a conditional write). Returns True
    when this call created the account.
    """
    settings = get_settings()
    if not settings.admin_username or not settings.admin_password:
        log.warning("no administrator configured (TGDESK_ADMIN_USERNAME/TGDESK_ADMIN_PASSWORD)")
        return False
    if accounts.get_agent_by_username(settings.admin_username):
        return False
    try:
        create_agent(
            username=settings.admin_username,
            password=settings.admin_password,
            display_name="Administrator",
            role=Role.ADMIN,
        )
    except Conflict:
        return False
    log.info("administrator created", extra={"username": settings.admin_username})
    return True
