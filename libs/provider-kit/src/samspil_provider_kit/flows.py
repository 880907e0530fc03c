"""The business flows, played against the tenant's sandbox with the typed provider client
(``samspil_provider_client``, generated from the API's OpenAPI document).

The sandbox answers the business routes under the API's paths prefixed ``/sandbox``, on
invented orders and contracts that never reach an authority: a sandbox order is accepted
or declined, its contract countersigned, a status report and a claim submitted. Each step
is one check; a step whose predecessor failed fails as "needs: …".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from samspil_provider_client import AuthenticatedClient

from samspil_provider_kit.flow_steps import (
    accept,
    claim,
    countersign,
    decline,
    status_report,
    trigger_event,
)
from samspil_provider_kit.results import CheckResult
from samspil_provider_kit.sandbox_session import FlowFailed, Sandbox

SUITE = "flows"
Step = Callable[[Sandbox], Awaitable[str]]


FLOWS: tuple[tuple[str, Step], ...] = (
    ("sandbox event triggered (flagged sandbox)", trigger_event),
    ("flow: accept an order", accept),
    ("flow: decline an order", decline),
    ("flow: countersign the contract", countersign),
    ("flow: submit a status report", status_report),
    ("flow: submit a claim", claim),
)


async def run_flows(
    api_url: str,
    api_key: str,
    seconds: float = 10.0,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[CheckResult]:
    extra = {} if transport is None else {"transport": transport}
    api = AuthenticatedClient(
        base_url=api_url.rstrip("/"),
        token=api_key,
        prefix="",
        auth_header_name="X-Api-Key",
        timeout=httpx.Timeout(seconds),
        httpx_args=extra,
    )
    sandbox, results = Sandbox(api), []
    async with api:
        for name, step in FLOWS:
            try:
                detail, passed = await step(sandbox), True
            except FlowFailed as exc:
                detail, passed = str(exc), False
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                detail, passed = f"{type(exc).__name__}: {exc}", False
            results.append(CheckResult(name, passed, detail, suite=SUITE))
    return results
