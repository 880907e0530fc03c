"""The conformance CLI, run as a real process against real receivers on 127.0.0.1: the
reference receiver passes, and each flawed receiver fails by the name of its flaw."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SECRET = "whsec_conformance_0123456789abcdef"
NEXT_SECRET = "whsec_conformance_next_0123456789"
API_KEY = "key-for-tenant-a"


def run_kit(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "samspil_provider_kit", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def failures(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "failed:\n" in result.stdout, result.stdout
    return [line[4:] for line in result.stdout.split("failed:\n")[1].splitlines()]


def provider_api() -> Starlette:
    async def orders(request: Request) -> Response:
        if request.headers.get("x-api-key") != API_KEY:
            return Response(status_code=401)
        return Response(content="[]", media_type="application/json")

    return Starlette(routes=[Route("/orders", orders)])


@pytest.fixture
def reference() -> Iterator[str]:
    with serving(create_app([SECRET, NEXT_SECRET])) as base_url:
        yield base_url


def test_the_reference_receiver_passes_every_check(reference: str, tmp_path) -> None:
    # Given the reference receiver and its report
    report = tmp_path / "junit.xml"
    # When the kit runs against it
    result = run_kit(
        "--receiver-url", f"{reference}/webhooks", "--secret", SECRET, "--secret", NEXT_SECRET,
        "--report-url", f"{reference}/webhooks/report", "--junit-xml", str(report),
    )  # fmt: skip
    # Then every check passed, none skipped, and the JUnit report says so
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all 10 checks passed\n" in result.stdout
    suite = ET.parse(report).getroot().find("testsuite")  # noqa: S314 (the kit's own report)
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("10", "0", "0")


def test_without_a_report_the_applied_checks_are_skipped_not_passed(reference: str) -> None:
    result = run_kit("--receiver-url", f"{reference}/webhooks", "--secret", SECRET)

    assert result.returncode == 0, result.stdout
    assert "all 8 checks passed, 2 skipped" in result.stdout
    assert "SKIP duplicate delivery applied once" in result.stdout


@pytest.mark.parametrize(
    ("flaw", "caught"),
    [
        (
            "no_signature_check",
            ["unsigned request refused", "bad signature refused", "stale timestamp refused"],
        ),
        ("unsigned_accepted", ["unsigned request refused"]),
        ("no_timestamp_window", ["stale timestamp refused"]),
        ("first_signature_only", ["secret rotation accepted"]),
        ("reserialised_json", ["raw body verified, not re-serialised JSON"]),
        ("no_dedupe", ["duplicate delivery applied once"]),
        ("refuses_repeats", ["same delivery twice accepted"]),
        ("last_write_wins", ["older version arriving late not applied"]),
    ],
)
def test_each_flawed_receiver_fails_by_the_name_of_its_flaw(
    flaw: str, caught: list[str], flawed: Any
) -> None:
    # Given a receiver with exactly one flaw
    with serving(flawed(flaw, [SECRET])) as base_url:
        # When the kit checks it (with its report)
        result = run_kit(
            "--receiver-url", f"{base_url}/webhooks", "--secret", SECRET,
            "--report-url", f"{base_url}/report",
        )  # fmt: skip
    # Then it fails, and exactly the checks of that flaw
    assert result.returncode == 1, result.stdout
    assert [name.split(" (")[0] for name in failures(result)] == caught


def test_a_wrong_secret_fails_the_signed_scenarios(reference: str) -> None:
    result = run_kit("--receiver-url", f"{reference}/webhooks", "--secret", "whsec_not_it_at_all")

    assert result.returncode == 1
    assert "signed order.placed accepted (2xx)" in failures(result)


def test_the_provider_api_is_checked_with_and_without_the_key(reference: str) -> None:
    with serving(provider_api()) as api_url:
        good = run_kit("--api-url", api_url, "--api-key", API_KEY, "--no-flows")
        bad = run_kit("--api-url", api_url, "--api-key", "someone-elses-key", "--no-flows")

    assert good.returncode == 0, good.stdout
    assert "all 2 checks passed" in good.stdout
    assert bad.returncode == 1
    assert failures(bad) == ["GET /orders with the API key (200, JSON list)"]


def test_without_a_sandbox_every_flow_fails_and_says_why() -> None:
    with serving(provider_api()) as api_url:
        result = run_kit("--api-url", api_url, "--api-key", API_KEY)

    assert result.returncode == 1
    assert "sandbox event triggered (flagged sandbox)" in failures(result)
    assert "needs: accept" in result.stdout


def test_an_unreachable_receiver_fails_and_says_why() -> None:
    result = run_kit("--receiver-url", "http://127.0.0.1:9/webhooks", "--secret", SECRET)

    assert result.returncode == 1
    assert "ConnectError" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--receiver-url", "http://127.0.0.1:9/w", "--api-url", "x", "--secret", "s"],
            "needs --api-key",
        ),
        (["--receiver-url", "http://127.0.0.1:9/w"], "--receiver-url needs --secret"),
        ([], "give --receiver-url, --api-url or both"),
    ],
)
def test_usage_errors(args: list[str], says: str) -> None:
    result = run_kit(*args)

    assert result.returncode == 2
    assert says in result.stderr
