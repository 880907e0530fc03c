"""The standard scenarios a provider's webhook receiver must pass.

Each scenario sends real, signed (or deliberately mis-signed) webhooks to the receiver and
judges only the HTTP status it answers: 2xx accepted, 4xx refused. A receiver that answers
5xx to a forged request fails too: that would make Samspil retry a forgery.
"""

from __future__ import annotations

import secrets as random_tokens
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import httpx

from provider.adapters.webhooks import (
    DEFAULT_TOLERANCE,
    WebhookEventType,
    signed_headers,
    webhook_body,
)


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    passed: bool
    detail: str


@dataclass(frozen=True, slots=True)
class Target:
    client: httpx.AsyncClient
    url: str
    secrets: tuple[str, ...]  # the receiver's secrets; the first is the current one


Scenario = Callable[[Target], Awaitable[CheckResult]]


def sample_body() -> str:
    """An ``order.placed`` webhook with invented data (no personal data)."""
    data = {"order_id": uuid.uuid4(), "measure": "family_treatment", "start": date(2025, 1, 6)}
    return webhook_body(
        uuid.uuid4(), WebhookEventType.ORDER_PLACED, "conformance", datetime.now(UTC), data
    )


async def _post(
    target: Target,
    signing: list[str],
    body: str | None = None,
    delivery_id: str | None = None,
    skew: int = 0,
    sent_body: str | None = None,
) -> int | str:
    """POST one webhook; the status code, or the name of the transport error."""
    body = body or sample_body()
    timestamp = int(time.time()) + skew
    headers = signed_headers(signing, delivery_id or str(uuid.uuid4()), timestamp, body)
    try:
        response = await target.client.post(target.url, content=sent_body or body, headers=headers)
    except httpx.HTTPError as exc:
        return type(exc).__name__
    return response.status_code


def _accepted(status: int | str) -> bool:
    return isinstance(status, int) and 200 <= status < 300


def _refused(status: int | str) -> bool:
    return isinstance(status, int) and 400 <= status < 500


def _result(name: str, passed: bool, statuses: list[int | str]) -> CheckResult:
    return CheckResult(name, passed, "answers: " + ", ".join(map(str, statuses)))


async def signed_webhook_accepted(target: Target) -> CheckResult:
    status = await _post(target, [target.secrets[0]])
    return _result("signed order.placed accepted (2xx)", _accepted(status), [status])


async def bad_signature_refused(target: Target) -> CheckResult:
    wrong_secret = await _post(target, [random_tokens.token_urlsafe(32)])
    tampered = await _post(target, [target.secrets[0]], sent_body=sample_body())
    statuses = [wrong_secret, tampered]
    return _result("bad signature refused (4xx)", all(map(_refused, statuses)), statuses)


async def stale_timestamp_refused(target: Target) -> CheckResult:
    outside = DEFAULT_TOLERANCE + 60
    old = await _post(target, [target.secrets[0]], skew=-outside)
    future = await _post(target, [target.secrets[0]], skew=outside)
    statuses = [old, future]
    return _result("stale timestamp refused (4xx)", all(map(_refused, statuses)), statuses)


async def duplicate_accepted(target: Target) -> CheckResult:
    # A retry re-signs (new timestamp) but keeps the delivery id and the body.
    body, delivery_id = sample_body(), str(uuid.uuid4())
    statuses = [await _post(target, [target.secrets[0]], body, delivery_id) for _ in range(2)]
    return _result(
        "same delivery twice accepted (2xx, 2xx)", all(map(_accepted, statuses)), statuses
    )


async def rotation_accepted(target: Target) -> CheckResult:
    # Samspil rotating: a signature under a secret the receiver does not know yet comes first.
    statuses = [await _post(target, [random_tokens.token_urlsafe(32), target.secrets[0]])]
    # The receiver rotating: each of its secrets alone must do.
    statuses += [await _post(target, [secret]) for secret in target.secrets[1:]]
    return _result("secret rotation accepted (2xx)", all(map(_accepted, statuses)), statuses)


WEBHOOK_SCENARIOS: tuple[Scenario, ...] = (
    signed_webhook_accepted,
    bad_signature_refused,
    stale_timestamp_refused,
    duplicate_accepted,
    rotation_accepted,
)
