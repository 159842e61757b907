"""How the local stack reads the template: functions' environment, contexts, schedules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from infra.local import cfn
from infra.local.config import LocalConfig
from infra.local.lambdas import LambdaContext, environment, local_functions
from infra.local.schedules import scheduled_event, schedules_from_template

CONFIG = LocalConfig(
    port=8123,
    data_dir=Path("/tmp/x"),
    admin_username="root",
    admin_password="a-long-password",
    schedule_every=None,
    telegram_token=None,
)


def test_environment_resolves_refs_and_subs() -> None:
    env = environment(CONFIG)
    assert env["TGDESK_TABLE"] == "tgdesk"
    assert env["TGDESK_SECRETS_PREFIX"] == "/tgdesk/local"
    assert env["TGDESK_PUBLIC_URL"] == "http://127.0.0.1:8123"
    assert env["TGDESK_ADMIN_USERNAME"] == "root"
    assert env["TGDESK_ADMIN_PASSWORD"] == "a-long-password"
    assert all(isinstance(v, str) for v in env.values())


def test_functions_take_memory_and_timeout_from_the_template() -> None:
    functions = local_functions()
    assert set(functions) == set(cfn.functions())
    api = functions["ApiFunction"]
    assert (api.memory_mb, api.timeout_s) == (1024, 29)
    context = LambdaContext(api.name, api.memory_mb, api.timeout_s)
    assert context.invoked_function_arn.endswith(":function:local-ApiFunction")
    assert 28_000 < context.get_remaining_time_in_millis() <= 29_000


def test_schedules_and_their_override() -> None:
    declared = schedules_from_template(None)
    assert declared and all(s.every_s >= 60 for s in declared)
    assert all(s.every_s == 1 for s in schedules_from_template(1))
    names = [s.rule_name for s in declared]
    assert len(set(names)) == len(names)  # each job of the scheduler is its own rule
    assert "SchedulerFunction-queues-every-60s" in names


def test_scheduled_event_is_the_input_or_the_eventbridge_envelope() -> None:
    assert scheduled_event("r", {"job": "deliveries"}) == {"job": "deliveries"}
    envelope = scheduled_event("rule-1", {})
    assert envelope["detail-type"] == "Scheduled Event"
    assert envelope["source"] == "aws.events"
    assert envelope["resources"] == ["arn:aws:events:us-east-1:123456789012:rule/rule-1"]


def test_first_start_set_up_never_logs_in_and_finds_its_project_again(
    client: Any, telegram: Any
) -> None:
    """The local stack's set-up runs POST /api/projects' code in-process: the admin's
    console stays signed in, and a restart finds the project instead of making another."""
    from api_helpers import BOT_TOKEN, login

    from infra.local import bootstrap

    console = login(client)
    made = bootstrap.ensure_project(
        bot_id=7000001, name="Sandbox", bot_token=BOT_TOKEN, public_url="http://127.0.0.1:8123"
    )
    again = bootstrap.ensure_project(
        bot_id=7000001, name="Sandbox", bot_token=BOT_TOKEN, public_url="http://127.0.0.1:8123"
    )
    assert again["project_id"] == made["project_id"]
    assert made["webhook_url"] == f"http://127.0.0.1:8123/telegram/{made['project_id']}"
    assert [c.method for c in telegram.calls] == ["getMe", "setWebhook"]
    assert client.get("/api/me", headers=console).status_code == 200
    projects = client.get("/api/projects", headers=console).json()["items"]
    assert [p["project_id"] for p in projects] == [made["project_id"]]
    members = client.get(f"/api/projects/{made['project_id']}/members", headers=console)
    admin_id = client.get("/api/me", headers=console).json()["agent_id"]
    assert [m["agent_id"] for m in members.json()["items"]] == [admin_id]
