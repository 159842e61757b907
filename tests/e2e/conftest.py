"""Fixtures of the end-to-end tests: the browser ones, and the outcome of each test's call
phase on its item (`rep_call`) so that fixtures can keep evidence of a failure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.browser import chromium, new_page

__all__ = ["chromium", "new_page"]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    return report
