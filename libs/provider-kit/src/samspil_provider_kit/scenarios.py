"""The scenarios a provider's webhook receiver must pass.

Each scenario sends real, signed (or deliberately mis-signed) webhooks to the receiver and
judges the HTTP status it answers: 2xx accepted, 4xx refused. A receiver that answers 5xx
to a forged request fails too: that would make Samspil retry a forgery. Whether a receiver
*applied* a duplicate twice, or an older version over a newer one, only the receiver knows:
those checks read its report (``--report-url``, see ``report.py``).
"""

from __future__ import annotations

import secrets as random_tokens
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from samspil_provider_kit.envelope import order_body, unusual_body
from samspil_provider_kit.results import CheckResult
from samspil_provider_kit.signing import DEFAULT_TOLERANCE, signed_headers


@dataclass(frozen=True, slots=True)
class Target:
    client: httpx.AsyncClient
    url: str
    secrets: tuple[str, ...]  # the receiver's secrets; the first is the current one
    report_url: str | None = None


Scenario = Callable[[Target], Awaitable[CheckResult]]
Status = int | str  # the status code, or the name of the transport error


async def post(
    target: Target,
    signing: list[str],
    body: str | None = None,
    delivery_id: str | None = None,
    skew: int = 0,
    sent_body: str | None = None,
) -> Status:
    """POST one webhook signed with ``signing`` (no secrets: no signature header at all)."""
    body = body or order_body()
    timestamp = int(time.time()) + skew
    headers = signed_headers(signing, delivery_id or str(uuid.uuid4()), timestamp, body)
    if not signing:
        del headers["Samspil-Signature"]
    return await send(target, sent_body or body, headers)


async def send(target: Target, body: str, headers: dict[str, str]) -> Status:
    try:
        response = await target.client.post(target.url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return type(exc).__name__
    return response.status_code


def accepted(status: Status) -> bool:
    return isinstance(status, int) and 200 <= status < 300


def refused(status: Status) -> bool:
    return isinstance(status, int) and 400 <= status < 500


def result(name: str, passed: bool, statuses: list[Status]) -> CheckResult:
    return CheckResult(name, passed, "answers: " + ", ".join(map(str, statuses)))


async def signed_webhook_accepted(target: Target) -> CheckResult:
    status = await post(target, [target.secrets[0]])
    return result("signed order.placed accepted (2xx)", accepted(status), [status])


async def unsigned_refused(target: Target) -> CheckResult:
    no_signature = await post(target, [])
    bare = await send(target, order_body(), {"Content-Type": "application/json"})
    statuses = [no_signature, bare]
    return result("unsigned request refused (4xx)", all(map(refused, statuses)), statuses)


async def bad_signature_refused(target: Target) -> CheckResult:
    wrong_secret = await post(target, [random_tokens.token_urlsafe(32)])
    tampered = await post(target, [target.secrets[0]], sent_body=order_body())
    statuses = [wrong_secret, tampered]
    return result("bad signature refused (4xx)", all(map(refused, statuses)), statuses)


async def stale_timestamp_refused(target: Target) -> CheckResult:
    outside = DEFAULT_TOLERANCE + 60
    old = await post(target, [target.secrets[0]], skew=-outside)
    future = await post(target, [target.secrets[0]], skew=outside)
    statuses = [old, future]
    return result("stale timestamp refused (4xx)", all(map(refused, statuses)), statuses)


async def rotation_accepted(target: Target) -> CheckResult:
    # Samspil rotating: a signature under a secret the receiver does not know yet comes first.
    statuses = [await post(target, [random_tokens.token_urlsafe(32), target.secrets[0]])]
    # The receiver rotating: each of its secrets alone must do.
    statuses += [await post(target, [secret]) for secret in target.secrets[1:]]
    return result("secret rotation accepted (2xx)", all(map(accepted, statuses)), statuses)


async def raw_body_verified(target: Target) -> CheckResult:
    status = await post(target, [target.secrets[0]], unusual_body())
    name = "raw body verified, not re-serialised JSON (2xx)"
    return result(name, accepted(status), [status])


WEBHOOK_SCENARIOS: tuple[Scenario, ...] = (
    signed_webhook_accepted,
    unsigned_refused,
    bad_signature_refused,
    stale_timestamp_refused,
    rotation_accepted,
    raw_body_verified,
)
