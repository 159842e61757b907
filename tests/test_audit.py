"""`make audit` tells a vulnerability (fail) from an advisory service it could not reach (pass)."""

from __future__ import annotations

import json

from infra import audit


def _pip_report(*deps: dict[str, object]) -> str:
    return json.dumps({"dependencies": list(deps), "fixes": []})


def test_a_python_vulnerability_fails() -> None:
    result = audit.python_result(
        1,
        _pip_report(
            {"name": "requests", "version": "2.0.0", "vulns": [
                {"id": "PYSEC-1", "fix_versions": ["2.31.0"], "aliases": []}]},
            {"name": "boto3", "version": "1.0", "vulns": []},
        ),
        "",
    )  # fmt: skip
    assert result.unavailable is None
    assert result.found == ["requests 2.0.0: PYSEC-1 (fixed in 2.31.0)"]
    assert audit.report([result]) == 1


def test_clean_python_packages_pass() -> None:
    result = audit.python_result(0, _pip_report({"name": "boto3", "version": "1", "vulns": []}), "")
    assert (result.found, result.unavailable) == ([], None)
    assert audit.report([result]) == 0


def test_an_unreachable_python_service_is_reported_not_failed(capsys) -> None:  # type: ignore[no-untyped-def]
    stderr = "requests.exceptions.ConnectionError: Failed to resolve 'api.osv.dev'"
    result = audit.python_result(1, "", stderr)
    assert audit.report([result]) == 0
    assert "could not run" in capsys.readouterr().out


def test_a_service_that_knows_no_package_was_not_reached() -> None:
    skipped = {"name": "boto3", "version": "1", "skip_reason": "Dependency not found on PyPI"}
    assert audit.python_result(0, _pip_report(skipped), "").unavailable


def _npm_report(**vulnerabilities: dict[str, object]) -> str:
    return json.dumps(
        {"auditReportVersion": 2, "vulnerabilities": vulnerabilities,
         "metadata": {"vulnerabilities": {"high": 1, "total": 1}}}
    )  # fmt: skip


def _advisory(severity: str, ghsa: str = "GHSA-4x8q-9f3p-7m2c") -> dict[str, object]:
    via = [{"title": "bad", "url": f"https://github.com/advisories/{ghsa}", "severity": severity}]
    return {"severity": severity, "range": "<1.2.3", "via": via}


def test_a_high_npm_advisory_fails() -> None:
    result = audit.npm_result(_npm_report(vite=_advisory("high")))
    assert len(result.found) == 1 and result.found[0].startswith("vite <1.2.3 [high]")
    assert audit.report([result]) == 1


def test_a_moderate_npm_advisory_passes() -> None:
    assert audit.npm_result(_npm_report(vite=_advisory("moderate"))).found == []


def test_an_ignored_advisory_passes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(audit.IGNORED, "GHSA-aaaa-bbbb-cccc", "dev server only, not exposed")
    assert audit.npm_result(_npm_report(vite=_advisory("high", "GHSA-aaaa-bbbb-cccc"))).found == []


def test_an_npm_endpoint_error_is_reported_not_failed() -> None:
    body = json.dumps({"message": "405 Method Not Allowed", "error": {"summary": ""}})
    result = audit.npm_result(body)
    assert result.unavailable == "405 Method Not Allowed"
    assert audit.report([result]) == 0
