"""Every function's `tgdesk.*` log lines come out as its structured Powertools JSON.

Each function is imported in a fresh interpreter, as Lambda does, with its own service name
and level (whatever other tests loaded in this process, the chaos suite's CRITICAL among
them, changes nothing here). A library logger created after the import then writes one line,
which must be the function's JSON with the keys the function appended.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from infra.local import cfn

# The redirect function imports only the standard library and runs no tgdesk code
# (tests/test_redirect.py): it has no library lines to structure.
LOGGING_FUNCTIONS = (
    "WebhookFunction",
    "ApiFunction",
    "AssignFunction",
    "SchedulerFunction",
    "RealtimeFunction",
)

_PROBE = """
import logging, sys
sys.path[:0] = [sys.argv[1], 'layers/common']
import app
app.logger.append_keys(probe_key='from the function')
logging.getLogger('tgdesk.probe.module').info('library line', extra={'detail': 7})
logging.getLogger('tgdesk.probe.module').debug('below the level')
"""


@pytest.mark.parametrize("logical_id", LOGGING_FUNCTIONS)
def test_a_library_line_is_the_functions_structured_json(logical_id: str) -> None:
    code_dir = cfn.functions()[logical_id].code_dir
    env = {
        **os.environ,
        "POWERTOOLS_SERVICE_NAME": "tgdesk-probe",
        "POWERTOOLS_LOG_LEVEL": "INFO",
        "POWERTOOLS_METRICS_NAMESPACE": "tgdesk-probe",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(code_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=cfn.ROOT,
        env=env,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, done.stdout + done.stderr
    (line,) = lines
    assert line["message"] == "library line"
    assert line["level"] == "INFO"
    assert line["service"] == "tgdesk-probe"
    assert line["name"] == "tgdesk.probe.module"
    assert (line["detail"], line["probe_key"]) == (7, "from the function")


def test_a_service_named_after_the_package_still_structures_its_lines() -> None:
    # In the deployed stack the service is `tgdesk` (infra/template.yaml), the library's own
    # top logger: its module loggers reach the function's handler as they are.
    env = {**os.environ, "POWERTOOLS_SERVICE_NAME": "tgdesk", "POWERTOOLS_LOG_LEVEL": "INFO"}
    code_dir = cfn.functions()["WebhookFunction"].code_dir
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(code_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=cfn.ROOT,
        env=env,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [(line["message"], line["probe_key"]) for line in lines] == [
        ("library line", "from the function")
    ]
