"""Fixtures of the end-to-end tests: the local stack, the browser, and the outcome of each
test's call phase on its item (`rep_call`) so that fixtures can keep evidence of a failure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.browser import chromium, new_page
from tests.e2e.stack import CONSOLE_INDEX, Stack, started_stack

__all__ = ["chromium", "new_page"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One local stack per test module, started as a user starts it, serving the console."""
    if not CONSOLE_INDEX.is_file():
        pytest.fail("the console is not built (frontend/dist): run `make console` first")
    with started_stack(tmp_path_factory.mktemp("stack")) as started:
        yield started


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    return report
