"""The conformance CLI, run as a real process against real receivers on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from fastapi import FastAPI, Header, Response
from provider.entrypoints.conformance.local_server import serving
from provider.entrypoints.conformance.reference_receiver import create_app

SECRET = "whsec_conformance_0123456789abcdef"
NEXT_SECRET = "whsec_conformance_next_0123456789"
API_KEY = "key-for-tenant-a"


def run_kit(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "provider.entrypoints.conformance", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def accept_everything() -> FastAPI:
    """A broken receiver: it skips the signature check."""
    app = FastAPI()

    @app.post("/webhooks")
    async def receive() -> Response:
        return Response(status_code=204)

    return app


def refuse_repeats() -> FastAPI:
    """A broken receiver: it verifies, but answers a redelivery with 409."""
    app = create_app([SECRET])
    seen: set[str] = set()

    @app.middleware("http")
    async def conflict_on_repeat(request, call_next):  # type: ignore[no-untyped-def]
        delivery_id = request.headers.get("samspil-webhook-id", "")
        if delivery_id in seen:
            return Response(status_code=409)
        seen.add(delivery_id)
        return await call_next(request)

    return app


def provider_api() -> FastAPI:
    app = FastAPI()

    @app.get("/orders")
    async def orders(authorization: str = Header(default="")) -> Response:
        if authorization != f"Bearer {API_KEY}":
            return Response(status_code=401)
        return Response(content="[]", media_type="application/json")

    return app


@pytest.fixture
def reference_url() -> Iterator[str]:
    with serving(create_app([SECRET, NEXT_SECRET])) as base_url:
        yield f"{base_url}/webhooks"


def test_the_reference_receiver_passes_every_scenario(reference_url: str) -> None:
    result = run_kit("--receiver-url", reference_url, "--secret", SECRET, "--secret", NEXT_SECRET)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "all 5 checks passed" in result.stdout
    assert "FAIL" not in result.stdout


def test_a_receiver_that_skips_signature_checks_fails_by_name() -> None:
    with serving(accept_everything()) as base_url:
        result = run_kit("--receiver-url", f"{base_url}/webhooks", "--secret", SECRET)

    assert result.returncode == 1
    failed = result.stdout.split("failed:")[1]
    assert "bad signature refused" in failed
    assert "stale timestamp refused" in failed
    assert "signed order.placed accepted" not in failed


def test_a_receiver_refusing_redeliveries_fails_the_idempotency_scenario() -> None:
    with serving(refuse_repeats()) as base_url:
        result = run_kit("--receiver-url", f"{base_url}/webhooks", "--secret", SECRET)

    assert result.returncode == 1
    assert "1 failed:\n  - same delivery twice accepted" in result.stdout


def test_a_wrong_secret_fails_the_signed_scenarios(reference_url: str) -> None:
    result = run_kit("--receiver-url", reference_url, "--secret", "whsec_not_the_receivers_secret")

    assert result.returncode == 1
    assert "signed order.placed accepted" in result.stdout.split("failed:")[1]


def test_the_provider_api_is_checked_with_and_without_the_key(reference_url: str) -> None:
    with serving(provider_api()) as api_url:
        good = run_kit(
            "--receiver-url",
            reference_url,
            "--secret",
            SECRET,
            "--api-url",
            api_url,
            "--api-key",
            API_KEY,
        )
        bad = run_kit(
            "--receiver-url",
            reference_url,
            "--secret",
            SECRET,
            "--api-url",
            api_url,
            "--api-key",
            "someone-elses-key",
        )

    assert good.returncode == 0, good.stdout
    assert "all 7 checks passed" in good.stdout
    assert bad.returncode == 1
    assert "1 failed:\n  - GET /orders with the API key" in bad.stdout


def test_an_unreachable_receiver_fails_and_says_why() -> None:
    result = run_kit("--receiver-url", "http://127.0.0.1:9/webhooks", "--secret", SECRET)

    assert result.returncode == 1
    assert "ConnectError" in result.stdout


def test_api_url_without_a_key_is_a_usage_error() -> None:
    result = run_kit("--receiver-url", "http://127.0.0.1:9/w", "--secret", SECRET, "--api-url", "x")

    assert result.returncode == 2
    assert "--api-url needs --api-key" in result.stderr
