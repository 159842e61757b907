"""Stateful fuzzing of the console API from its own OpenAPI document.

schemathesis reads /api/openapi.json, infers which answers feed which requests (a project's
id into its routes, a session's id into its messages...) and drives random sequences of
calls through the app against moto, logged in as one role at a time: an administrator, a
supervisor of the first project, and an agent of the second. Every answer must be
documented, match its schema and never be a 5xx; and no answer may carry data of a project
the role does not belong to, nor someone else's personal note. Path parameters are now and
then swapped for real ids of both projects, so the fuzzer also knocks on doors that must
stay shut.

The run is bounded and derandomized: the same examples every time, in about a minute
(TGDESK_FUZZ_EXAMPLES raises the bound for a longer run).
"""

from __future__ import annotations

import collections
import os
import time
from dataclasses import dataclass
from typing import Any

import hypothesis
import schemathesis
from api_helpers import ADMIN_PASSWORD, api_module, put_inbound_message
from collab_helpers import team  # noqa: F401 (a fixture)
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis import GenerationMode

from tgdesk.accounts import agents, logins
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import TgdeskError
from tgdesk.storage import accounts, table

# By "is it the first project": its secret is in a message, a note, a tag and a group; the
# second's in a message.
SECRETS = {True: "P1-CONFIDENTIAL", False: "P2-CONFIDENTIAL"}
PERSONAL = "MARIA-PERSONAL"  # maria's personal note: hidden even from supervisors
RELOGIN_ADDRESS = "203.0.113.250"

_BOUNDED = {
    "derandomize": True,
    "deadline": None,
    "database": None,
    "suppress_health_check": list(HealthCheck),
    "phases": [hypothesis.Phase.explicit, hypothesis.Phase.generate],
}
# Examples of each operation; TGDESK_FUZZ_EXAMPLES=25 makes a longer run (minutes).
EXAMPLES = int(os.environ.get("TGDESK_FUZZ_EXAMPLES", "3"))
SWEEP = hypothesis.settings(max_examples=EXAMPLES, **_BOUNDED)
STATEFUL = hypothesis.settings(max_examples=3 * EXAMPLES + 1, stateful_step_count=8, **_BOUNDED)

# What the answers are held to. Whether the schema is as strict as the server (a colour
# written #rrggbb is a string in the schema) is left to the unit tests.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
CONFIG = schemathesis.Config.from_dict(
    {"checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}}}
)

# role -> (who logs in, the project whose data it must never see); the world is the
# two-project team of collab_helpers: boss supervises p1, li is an agent of p2.
ROLES = {"admin": ("admin", None), "supervisor": ("boss", "p2"), "agent": ("li", "p1")}


def _seed(client: TestClient, world: dict[str, Any]) -> dict[str, list[Any]]:
    """Private data in both projects: a message in each session naming its project's secret;
    in the first, a shared note, a tag and a group naming it, and maria's personal note.
    Answers every real id by the path parameter that takes it."""
    p1, maria, boss = world["p1"], world["maria"], world["boss"]
    sessions = world["sessions"]
    messages = [
        put_inbound_message(session, f"{SECRETS[session['project_id'] == p1]} hello", at=now_ms())
        for session in sessions.values()
    ]
    notes = [
        client.post(
            f"/api/sessions/{sessions['maria']['session_id']}/notes", json=body, headers=maria
        )
        for body in ({"text": f"{SECRETS[True]} shared"}, {"text": PERSONAL, "personal": True})
    ]
    tag = client.post(
        f"/api/projects/{p1}/tags", json={"name": SECRETS[True], "colour": "#aa0000"}, headers=boss
    )
    group = client.post(
        f"/api/projects/{p1}/groups",
        json={"name": SECRETS[True], "agent_ids": [world["ids"]["maria"]]},
        headers=boss,
    )
    for answer in (*notes, tag, group):
        assert answer.status_code == 201, answer.text
    return {
        "project_id": [p1, world["p2"]],
        "session_id": [s["session_id"] for s in sessions.values()],
        "tg_user_id": [s["tg_user_id"] for s in sessions.values()],
        "message_id": [m["message_id"] for m in messages],
        "note_id": [n.json()["note_id"] for n in notes],
        "tag_id": [tag.json()["tag_id"]],
        "group_id": [group.json()["group_id"]],
        "agent_id": sorted(world["ids"].values()),
    }


def _markers(world: dict[str, Any], hidden: str | None) -> list[str]:
    """What must never appear in an answer to the role: maria's personal note, and the ids
    and secrets of the project it does not belong to."""
    if hidden is None:
        return [PERSONAL]
    holder = "maria" if hidden == "p1" else "li"
    return [
        PERSONAL,
        SECRETS[hidden == "p1"],
        world[hidden],
        world["sessions"][holder]["session_id"],
    ]


@dataclass
class Login:
    """The role's login. The fuzzer logs out, resets passwords and so ends it now and then:
    it is then opened again through the domain, from an address of its own (the fuzzer's
    failed logins throttle the test client's)."""

    username: str
    password: str
    headers: dict[str, str]

    def renew_if_ended(self, response: Any) -> None:
        if response.status_code != 401:
            return
        try:
            logins.authenticate(self.headers["Authorization"].removeprefix("Bearer "))
            return
        except TgdeskError:
            pass
        try:
            token = logins.login(self.username, self.password, source_ip=RELOGIN_ADDRESS)[0]
        except TgdeskError:  # a password reset: set it back
            agent = accounts.get_agent_by_username(self.username) or {}
            agents.reset_password(
                agent["agent_id"], actor_id=agent["agent_id"], password=self.password
            )
            token = logins.login(self.username, self.password, source_ip=RELOGIN_ADDRESS)[0]
        self.headers["Authorization"] = f"Bearer {token}"


def _login(role: str, world: dict[str, Any]) -> Login:
    username = ROLES[role][0]
    password = ADMIN_PASSWORD if role == "admin" else f"{username}-password-1"
    return Login(username, password, dict(world[username]))


def _leak_check(markers: list[str]) -> Any:
    def check(case: Any, response: Any) -> None:
        leaked = [m for m in markers if m in response.text]
        assert not leaked, (
            f"{case.method} {case.formatted_path} leaked {leaked}: {response.text[:300]}"
        )

    return check


def _scan() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": table.table_name()}
    while True:
        page = table.client().scan(**kwargs)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _restore(snapshot: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Put the table back as it was: Hypothesis expects a sequence of choices to draw the
    same data again, and answers feed the draws."""
    current = {_key(i): i for i in _scan()}
    writes = [
        {"DeleteRequest": {"Key": _raw_key(i)}} for k, i in current.items() if k not in snapshot
    ]
    writes += [{"PutRequest": {"Item": i}} for k, i in snapshot.items() if current.get(k) != i]
    for start in range(0, len(writes), 25):
        batch = {table.table_name(): writes[start : start + 25]}
        while batch:
            batch = table.client().batch_write_item(RequestItems=batch)["UnprocessedItems"]


def _raw_key(item: dict[str, Any]) -> dict[str, Any]:
    return {"PK": item["PK"], "SK": item["SK"]}


def _key(item: dict[str, Any]) -> tuple[str, str]:
    return item["PK"]["S"], item["SK"]["S"]


def _stateful(schema: Any, login: Login, check: Any, calls: Any) -> None:
    """Random sequences of calls, each answer's ids feeding the next requests. Each sequence
    starts from the same data.

    Should Hypothesis still find its data generation inconsistent while replaying a
    sequence, the failure seen first, if any, is the one raised."""
    failures: list[BaseException] = []
    snapshot, headers = {_key(i): i for i in _scan()}, dict(login.headers)

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            _restore(snapshot)
            login.headers.update(headers)

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": dict(login.headers)}

        def after_call(self, response: Any, case: Any) -> None:
            super().after_call(response, case)
            calls[f"{case.method} {case.path} -> {response.status_code}"] += 1
            login.renew_if_ended(response)

        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            try:
                check(case, response)
                super().validate_response(response, case, **kwargs)
            except Exception as failure:
                failures.append(failure)
                raise

    try:
        Workflow.run(settings=STATEFUL)
    except hypothesis.errors.Flaky:
        if failures:
            raise failures[0] from None
        # Some state outside the table (the clock: expiries, throttling windows) still
        # changed a replay; every answer so far passed its checks.
        print("\nstateful run ended early: a replay drew other data")


def _every_operation(schema: Any, login: Login, check: Any, calls: Any) -> None:
    """A few independent examples of every operation, the ones no answer links to included."""
    for result in schema.get_all_operations():
        operation = result.ok()

        @SWEEP
        @hypothesis.given(
            case=st.one_of(operation.as_strategy(), operation.as_strategy(GenerationMode.NEGATIVE))
        )
        def probe(case: Any) -> None:
            headers = dict(login.headers)
            response = case.call(headers=headers)
            login.renew_if_ended(response)
            calls[f"{case.method} {case.path} -> {response.status_code}"] += 1
            check(case, response)
            case.validate_response(response, headers=headers)

        probe()


def _as_role(
    role: str, world: dict[str, Any], known: dict[str, list[Any]]
) -> collections.Counter[str]:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", api_module().app, config=CONFIG)

    @schema.hook
    def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
        swaps = {k: v for k, v in known.items() if k in (path_parameters or {})}
        if not swaps:
            return st.just(path_parameters)
        return st.one_of(
            st.just(path_parameters),
            st.fixed_dictionaries({k: st.sampled_from(v) for k, v in swaps.items()}).map(
                lambda chosen: {**path_parameters, **chosen}
            ),
        )

    calls: collections.Counter[str] = collections.Counter()
    check = _leak_check(_markers(world, ROLES[role][1]))
    login = _login(role, world)
    _every_operation(schema, login, check, calls)
    _stateful(schema, login, check, calls)
    return calls


def test_fuzz_the_api_as_each_role(client: TestClient, team: dict[str, Any]) -> None:  # noqa: F811
    """One world for the three roles: the agent and the supervisor go first, as an
    administrator may disable their accounts. `pytest -s` prints what each role did."""
    known = _seed(client, team)
    for role in ("agent", "supervisor", "admin"):
        started = time.monotonic()
        calls = _as_role(role, team, known)
        operations = {answer.rsplit(" -> ", 1)[0] for answer in calls}
        statuses = collections.Counter[str]()
        for answer, count in calls.items():
            statuses[answer.rsplit(" ", 1)[1]] += count
        print(
            f"\n{role}: {sum(calls.values())} requests over {len(operations)} operations"
            f" in {time.monotonic() - started:.1f}s; answers {dict(sorted(statuses.items()))}"
        )
