"""(e) The console: JavaScript shipped on first load, and how fast a message reaches it.

First load: the entry chunk and its static imports named by frontend/dist/index.html,
gzipped at level 9 as `npm run size` counts them (lazy chunks, such as the admin area,
excluded). A count budget: over 150 KB fails `python -m bench`.

Push latency (reported only): the local stack as a user starts it, one agent signed in
to the console in headless Chromium with its WebSocket live and a conversation open; a
sandbox user writes 20 messages one after another. Each sample is the time from just
before the sandbox is asked to send until the message's element is in the agent's page
(recorded in the page by a MutationObserver, so the driver's polling adds nothing).
Both clocks are this machine's. Skipped, with a note, when Chromium is not installed.
"""

from __future__ import annotations

import gzip
import re
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page

from bench.harness import Budget, heading, median, percentile
from infra.local.cfn import ROOT
from tests.e2e.browser import CHROMIUM, MISSING, launched_chromium, new_context, session_button
from tests.e2e.browser import sign_in as console_sign_in
from tests.e2e.stack import Stack, started_stack

DIST = ROOT / "frontend" / "dist"
FIRST_LOAD_BUDGET_KB = 150
MESSAGES = 20
USER = 5_300_000_001
AGENT, AGENT_PASSWORD = "bench-agent", "bench-agent-password"
_SCRIPT = re.compile(r'<(?:script|link)[^>]+(?:src|href)="/?(assets/[^"]+\.js)"')

# Records when each "probe #<n>#" message first shows in the page (epoch ms).
_WATCH_ARRIVALS = """() => {
  window.probeArrivals = {};
  new MutationObserver(() => {
    for (const element of document.querySelectorAll(".message.in")) {
      const found = /probe #(\\d+)#/.exec(element.textContent || "");
      if (found && !(found[1] in window.probeArrivals)) window.probeArrivals[found[1]] = Date.now();
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}"""


def first_load_bytes(dist: Path = DIST) -> dict[str, int]:
    """Gzipped size of each script the console's index.html loads up front."""
    index = dist / "index.html"
    if not index.is_file():
        raise FileNotFoundError(f"{index} is missing: build the console with `make console`")
    files = dict.fromkeys(_SCRIPT.findall(index.read_text()))
    return {name: len(gzip.compress((dist / name).read_bytes(), 9)) for name in files}


def run() -> list[Budget]:
    heading("console: first-load JavaScript (gzipped) and push latency to the browser")
    sizes = first_load_bytes()
    for name, size in sizes.items():
        print(f"  {name}: {size / 1024:.1f} KB gzipped")
    total_kb = sum(sizes.values()) / 1024
    print(f"  first load: {total_kb:.1f} KB gzipped")
    if CHROMIUM.exists():
        _push_latency()
    else:
        print(f"  push latency: skipped ({MISSING})")
    return [Budget("console first-load JS, KB gzipped", round(total_kb, 1), FIRST_LOAD_BUDGET_KB)]


def _push_latency() -> None:
    with (
        tempfile.TemporaryDirectory(prefix="tgdesk-bench-console-") as tmp,
        started_stack(Path(tmp)) as stack,
        launched_chromium() as browser,
    ):
        project_id = stack.sandbox_project()
        stack.route_to(project_id, [stack.create_agent(AGENT, AGENT_PASSWORD, project_id)])
        page = new_context(browser).new_page()
        console_sign_in(page, stack.base, AGENT, AGENT_PASSWORD)
        stack.user_writes(USER, "Hello, a few questions", first_name="Bench")
        session_button(page, stack.session_of(USER)["session_id"]).click()
        page.locator(".message.in", has_text="Hello, a few questions").wait_for()
        page.evaluate(_WATCH_ARRIVALS)
        samples = [_one_message(stack, page, n) for n in range(1, MESSAGES + 1)]
    print(
        f"  push latency over {MESSAGES} messages: median {median(samples):.0f} ms, "
        f"p90 {percentile(samples, 90):.0f} ms, max {max(samples):.0f} ms (not enforced)"
    )


def _one_message(stack: Stack, page: Page, n: int) -> float:
    written_at = time.time() * 1000
    stack.user_writes(USER, f"probe #{n}#")
    page.wait_for_function("n => String(n) in window.probeArrivals", arg=n, timeout=30_000)
    return float(page.evaluate("n => window.probeArrivals[String(n)]", n)) - written_at
