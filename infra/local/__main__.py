"""`python -m infra.local` (`make run`): the whole of tgdesk on http://127.0.0.1:8000.

Environment: TGDESK_PORT, TGDESK_DATA_DIR, TGDESK_ADMIN_USERNAME, TGDESK_ADMIN_PASSWORD,
TGDESK_SCHEDULE_EVERY (seconds, overrides every schedule's rate) and TGDESK_TELEGRAM_TOKEN
(a real bot instead of the sandbox Telegram).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

from infra.local.cfn import ROOT

# The shared layer, where Lambda puts it on the path (/opt/python).
sys.path.insert(0, str(ROOT / "layers" / "common"))


def main() -> int:
    from infra.local.config import LocalConfig
    from infra.local.stack import LocalStack

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    logging.getLogger("botocore").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)

    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())

    stack = LocalStack(LocalConfig.from_env())
    try:
        stack.start()
        print(stack.banner(), flush=True)
        while not stop.wait(1.0):
            pass
        print("stopping...", flush=True)
    finally:
        stack.stop()
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
