"""The conformance CLI as a provider's CI runs it: against the reference receiver and the
real provider API (served over HTTP on the real broker and PostgreSQL), every check and
business flow passes on a tenant with its sandbox on, and the JUnit report says so; on a
tenant whose sandbox is off, the flows fail by name and say why."""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import uvicorn
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app

from .conftest import eventually, new_tenant

pytestmark = pytest.mark.integration
SECRET = "whsec_kit_on_provider_0123456789ab"


@pytest.fixture(scope="module")
async def provider_url(client) -> AsyncIterator[str]:
    """The module's provider app (already started) on a real port, in this event loop."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    app = client._transport.app  # the app the conftest started, with its workers
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))

    async def started() -> bool:
        return server.started

    await eventually(started, seconds=10)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    await task
    sock.close()


async def conform(*args: str) -> tuple[int, str]:
    """The CLI as a separate process; awaited, so this loop keeps serving the provider."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "samspil_provider_kit",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    return process.returncode or 0, out.decode()


def outcomes(junit: Path) -> dict[str, Any]:
    root = ET.parse(junit).getroot()  # noqa: S314 (the kit's own report)
    return {
        suite.get("name"): (suite.get("tests"), suite.get("failures"), suite.get("skipped"))
        for suite in root.iter("testsuite")
    }


async def test_every_check_and_flow_passes_on_a_sandbox_tenant(
    client, ops, provider_url, tmp_path
) -> None:
    # Given a tenant with its sandbox on, and its receiver (the reference one)
    tenant = await new_tenant(client, "Conformance Kit ApS")
    url = f"/admin/tenants/{tenant.tenant_id}/sandbox"
    assert (await client.put(url, json={"enabled": True}, headers=ops)).status_code == 204
    junit = tmp_path / "conformance.xml"
    with serving(create_app([SECRET])) as receiver:
        # When its CI runs the kit against the receiver and the provider API
        code, out = await conform(
            "--receiver-url",
            f"{receiver}/webhooks",
            "--secret",
            SECRET,
            "--report-url",
            f"{receiver}/webhooks/report",
            "--api-url",
            provider_url,
            "--api-key",
            tenant.headers["X-Api-Key"],
            "--junit-xml",
            str(junit),
        )
    # Then everything passes, and the report has each group
    assert code == 0, out
    assert outcomes(junit) == {
        "samspil-conformance.webhooks": ("10", "0", "0"),
        "samspil-conformance.api": ("2", "0", "0"),
        "samspil-conformance.flows": ("6", "0", "0"),
    }


async def test_without_the_sandbox_the_flows_fail_and_say_why(client, provider_url) -> None:
    tenant = await new_tenant(client, "No Sandbox ApS")
    key = tenant.headers["X-Api-Key"]

    code, out = await conform("--api-url", provider_url, "--api-key", key)

    assert code == 1
    assert "403 sandbox_not_enabled" in out
    assert "  - flow: accept an order" in out
