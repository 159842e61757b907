"""The whole of tgdesk on one machine, wired from infra/template.yaml.

Start order matters: the environment is set before any function is imported; the table
is created and the snapshot restored before anything reads it; the stream poller starts at
LATEST after the restore (restored items are not news); the HTTP server starts before the
first-start set-up, whose getMe and setWebhook reach the sandbox Telegram over HTTP. The
stack says it is ready (`GET /local/ready`, then the banner) only once that set-up is done.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import boto3
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from infra.local import cfn, lambdas
from infra.local.bootstrap import SANDBOX_PROJECT_NAME, BootstrapError, ensure_project_with_retries
from infra.local.config import (
    DEFAULT_ADMIN_PASSWORD,
    HOST,
    REGION,
    TABLE_NAME,
    UPLOADS_BUCKET,
    LocalConfig,
    free_port,
)
from infra.local.gateway import GatewayApp, cors, routes_from_template, server_config
from infra.local.home import home_routes
from infra.local.moto_service import MotoService
from infra.local.persistence import SnapshotLoop, Snapshotter
from infra.local.schedules import ScheduleTimer, schedules_from_template
from infra.local.security_headers import API_POLICY, WithHeaders, policy_headers
from infra.local.stream import STREAM_FAILURES_FILE, FailureFile, StreamPoller
from infra.local.uploads_bucket import ensure_uploads_bucket
from infra.local.websocket import WebSocketGateway, api_from_template

log = logging.getLogger("tgdesk.local")


def aws_environment(endpoint_url: str) -> dict[str, str]:
    """What the functions' boto3 clients need to reach moto and never AWS."""
    return {
        "AWS_ENDPOINT_URL": endpoint_url,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
    }


def _starlette_path(template_path: str) -> str:
    return template_path.replace("+}", ":path}")


class LocalStack:
    def __init__(self, config: LocalConfig) -> None:
        self.config = config
        self.moto = MotoService(free_port())
        self.functions = lambdas.local_functions()
        self._stoppers: list[Any] = []
        self._server: uvicorn.Server | None = None
        self._server_thread: threading.Thread | None = None
        self.sandbox: Any = None  # the SandboxBot, without a real token
        self.project: dict[str, Any] | None = None
        self.ready = threading.Event()  # set once start() has done everything

    # -- start --------------------------------------------------------------------------
    def start(self) -> None:
        self.config.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.moto.start()
        self._stoppers.append(self.moto.stop)
        os.environ.update(aws_environment(self.moto.endpoint_url))
        os.environ.update(lambdas.environment(self.config))
        os.environ["TGDESK_TELEGRAM_API_URL"] = self.config.telegram_api_url
        if self.config.telegram_token:
            os.environ["TGDESK_TELEGRAM_MODE"] = "polling"

        ddb = boto3.client("dynamodb")
        cfn.create_table(ddb, TABLE_NAME)
        boto3.client("s3").create_bucket(Bucket=lambdas.EXPORTS_BUCKET)  # lost at a restart
        ensure_uploads_bucket(boto3.client("s3"), UPLOADS_BUCKET, self.config.public_url)
        snapshotter = Snapshotter(
            ddb,
            boto3.client("ssm"),
            TABLE_NAME,
            self.config.secrets_prefix,
            self.config.data_dir,
            read_items=lambda: self.moto.table_items(TABLE_NAME, REGION),
        )
        items, parameters = snapshotter.restore()
        if items or parameters:
            log.info("restored %d items and %d parameters", items, parameters)
        snapshots = SnapshotLoop(snapshotter, self.moto.dirty)
        snapshots.start()
        self._stoppers.insert(0, snapshots.stop)

        self._start_stream_poller(ddb)
        timer = ScheduleTimer(schedules_from_template(self.config.schedule_every), self.functions)
        timer.start()
        self._stoppers.insert(0, timer.stop)

        self._start_http()
        self.project = self._bootstrap()
        if self.config.telegram_token and self.project:
            self._start_telegram_poller(self.project)
        if self.project is not None:
            log.info("the bot's project %s is set up", self.project["project_id"])
        self.ready.set()

    async def _ready(self, request: Request) -> JSONResponse:
        """What scripts and tests wait for: 503 until the first-start set-up is done."""
        if not self.ready.is_set():
            return JSONResponse({"ready": False}, status_code=503)
        project_id = self.project["project_id"] if self.project else None
        return JSONResponse({"ready": True, "project_id": project_id})

    def _start_stream_poller(self, ddb: Any) -> None:
        for fn in cfn.functions().values():
            if not fn.stream:
                continue
            stream_arn = ddb.describe_table(TableName=TABLE_NAME)["Table"]["LatestStreamArn"]
            poller = StreamPoller(
                boto3.client("dynamodbstreams"),
                stream_arn,
                self.functions[fn.logical_id],
                batch_size=int(fn.stream.get("BatchSize", 100)),
                max_retries=int(fn.stream.get("MaximumRetryAttempts", 10)),
                region=REGION,
                on_failure=FailureFile(self.config.data_dir / STREAM_FAILURES_FILE),
            )
            poller.start()
            self._stoppers.insert(0, poller.stop)

    def _routes(self) -> tuple[list[BaseRoute], Any]:
        gateway = GatewayApp(self.functions, routes_from_template())
        routes: list[BaseRoute] = [Route("/local/ready", self._ready, methods=["GET"])]
        delivery = None
        if not self.config.telegram_token:
            from infra.local.sandbox.bot import SandboxBot
            from infra.local.sandbox.delivery import WebhookDelivery
            from infra.local.sandbox.routes import SandboxRoutes, rebase_webhook
            from infra.local.sandbox.state import SandboxStore

            store = SandboxStore(self.config.data_dir / "sandbox")
            self._stoppers.append(store.close)  # after the HTTP server that changes it
            rebase_webhook(store, self.config.public_url)
            self.sandbox = SandboxBot(store)
            delivery = WebhookDelivery(self.sandbox)
            routes.extend(SandboxRoutes(self.sandbox, delivery).routes())
        # CloudFront's /api/* behaviour adds its response-headers policy; other routes are
        # API Gateway's own URLs (the webhook, short links), reached without CloudFront.
        api = WithHeaders(gateway, policy_headers(API_POLICY, self.config.websocket_url))
        for route in routes_from_template():
            app = api if route.path.startswith("/api/") else gateway
            routes.append(Route(_starlette_path(route.path), app))
        websocket_api = api_from_template()
        if websocket_api is not None:
            routes.extend(WebSocketGateway(websocket_api, self.functions).routes())
        routes.extend(home_routes(self.config.websocket_url))
        return routes, delivery

    def _start_http(self) -> None:
        routes, delivery = self._routes()

        @asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            yield
            if delivery is not None:
                await delivery.aclose()

        app = cors(Starlette(routes=routes, lifespan=lifespan))
        config = server_config(app, HOST, self.config.port)
        self._server = uvicorn.Server(config)
        self._server_thread = threading.Thread(target=self._server.run, name="http", daemon=True)
        self._server_thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if not self._server_thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the HTTP server did not start on port {self.config.port}")
            time.sleep(0.05)
        self._stoppers.insert(0, self._stop_http)

    def _stop_http(self) -> None:
        if self._server is not None and self._server_thread is not None:
            self._server.should_exit = True
            self._server_thread.join(timeout=10)

    def _bootstrap(self) -> dict[str, Any] | None:
        if self.config.telegram_token:
            token = self.config.telegram_token
            bot_id = int(token.split(":", 1)[0])
            name = "Telegram bot"
        else:
            token = self.sandbox.store.data.token
            bot_id = self.sandbox.store.bot_id
            name = SANDBOX_PROJECT_NAME
        try:
            return ensure_project_with_retries(
                bot_id=bot_id, name=name, bot_token=token, public_url=self.config.public_url
            )
        except BootstrapError as err:
            log.error("could not set up the bot's project: %s", err)
            return None

    def _start_telegram_poller(self, project: dict[str, Any]) -> None:
        from infra.local.polling import TelegramPoller
        from tgdesk.core import secrets
        from tgdesk.telegram.client import BotApi

        project_id = project["project_id"]
        poller = TelegramPoller(
            BotApi(self.config.telegram_token or ""),
            f"{self.config.public_url}/telegram/{project_id}",
            secrets.get_webhook_secret(project_id),
        )
        poller.start()
        self._stoppers.insert(0, poller.stop)

    # -- stop ---------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop in reverse order: HTTP, pollers and timers, then the last snapshot, then moto."""
        for stop in self._stoppers:
            try:
                stop()
            except Exception:
                log.exception("error while stopping")
        self._stoppers.clear()

    def _shown_password(self) -> str:
        if self.config.admin_password == DEFAULT_ADMIN_PASSWORD:
            return self.config.admin_password
        return "(the password in TGDESK_ADMIN_PASSWORD)"

    def banner(self) -> str:
        url = self.config.public_url
        lines = [
            "",
            f"tgdesk is running on {url}",
            f"  sandbox Telegram   {url}/sandbox"
            if self.sandbox
            else "  Telegram           the real Bot API, by long polling",
            f"  API docs           {url}/api/docs",
            f"  admin login        {self.config.admin_username} / {self._shown_password()}",
            f"  data               {self.config.data_dir}",
        ]
        if self.project is None:
            lines.append("  (the bot's project is not set up yet: see the errors above)")
        lines.append("Press Ctrl-C to stop.")
        return "\n".join(lines)
