"""Debian's Chromium driven by Playwright: pytest fixtures, and the console actions that
tests and benchmarks share.

Playwright's own browser downloads are never used: the browser is /usr/bin/chromium. Each
launch gets a fresh temporary profile, and each context is as isolated as a new profile
(its own cookies and sessionStorage), so two contexts are two agents on two machines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    expect,
    sync_playwright,
)
from playwright.sync_api import (
    Error as PlaywrightError,
)

CHROMIUM = Path("/usr/bin/chromium")
MISSING = "install Debian's chromium to run the console's browser tests"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
UI_TIMEOUT_MS = 20_000  # a stack under a full test run answers slower than one alone

NewPage = Callable[[], Page]

expect.set_options(timeout=UI_TIMEOUT_MS)


@contextmanager
def launched_chromium() -> Iterator[Browser]:
    """Headless Debian Chromium (check `CHROMIUM.exists()` first)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    context.set_default_timeout(UI_TIMEOUT_MS)
    return context


def submit_login(page: Page, username: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    """Log in through the console's login page; wait for the workbench and its live push."""
    page.goto(f"{base}/")
    submit_login(page, username, password)
    expect(page.locator("#session-search")).to_be_visible()
    expect(page.locator(".connection-live")).to_be_visible()


def session_button(page: Page, session_id: str) -> Locator:
    return page.locator(f'.session-button[data-session-id="{session_id}"]')


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in the
# main thread while it is started, and the tests after the browser's module call Lambda
# handlers (Mangum) that need to run a loop of their own there.
@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: {MISSING}")
        pytest.skip(MISSING)
    with launched_chromium() as browser:
        yield browser


@pytest.fixture
def new_page(
    chromium: Browser, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[NewPage]:
    """Opens a page in a fresh context (a separate browser profile) per call. When the test
    fails, every page is screenshotted into the test's tmp dir. Any Content-Security-Policy
    violation a page reports fails the test: the console runs under the deployed policy."""
    contexts: list[BrowserContext] = []
    violations: list[str] = []

    def open_page() -> Page:
        context = new_context(chromium)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: _note_violation(message.text, violations))
        return page

    yield open_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        for n, context in enumerate(contexts):
            for m, page in enumerate(context.pages):
                shot = tmp_path / f"failure-{n}-{m}.png"
                with suppress(PlaywrightError):  # a crashed page has nothing to show
                    page.screenshot(path=str(shot), full_page=True)
                    print(f"screenshot: {shot}")
    for context in contexts:
        context.close()
    assert not violations, f"Content-Security-Policy violations: {violations}"


def _note_violation(text: str, violations: list[str]) -> None:
    # Chromium reports a refused script, style, image or connection on the console.
    if "Content Security Policy" in text:
        violations.append(text)
