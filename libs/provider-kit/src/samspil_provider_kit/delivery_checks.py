"""At-least-once and unordered delivery: a receiver must answer 2xx to a redelivery and to
a late, older message, and apply neither (read from its report, see ``report.py``)."""

from __future__ import annotations

import uuid

from samspil_provider_kit.envelope import order_body
from samspil_provider_kit.report import ReceiverReport, read_report
from samspil_provider_kit.results import CheckResult, skipped
from samspil_provider_kit.scenarios import Target, accepted, post, result

APPLIED_ONCE = "duplicate delivery applied once (receiver report)"
NEWEST_KEPT = "older version arriving late not applied (receiver report)"


async def duplicate_checks(target: Target) -> list[CheckResult]:
    # A retry re-signs (new timestamp) but keeps the delivery id and the body.
    body, delivery_id = order_body(), str(uuid.uuid4())
    statuses = [await post(target, [target.secrets[0]], body, delivery_id) for _ in range(2)]
    answered = result(
        "same delivery twice accepted (2xx, 2xx)", all(map(accepted, statuses)), statuses
    )
    report = await _report(target, APPLIED_ONCE)
    if isinstance(report, CheckResult):
        return [answered, report]
    times = report.applied.get(delivery_id, 0)
    return [answered, CheckResult(APPLIED_ONCE, times == 1, f"applied {times} time(s)")]


async def out_of_order_checks(target: Target) -> list[CheckResult]:
    order_id = str(uuid.uuid4())
    newer = order_body(order_id, version=3, kind="order.changed")
    older = order_body(order_id, version=1)
    statuses = [await post(target, [target.secrets[0]], body) for body in (newer, older)]
    answered = result(
        "out-of-order deliveries accepted (2xx, 2xx)", all(map(accepted, statuses)), statuses
    )
    report = await _report(target, NEWEST_KEPT)
    if isinstance(report, CheckResult):
        return [answered, report]
    held = report.versions.get(order_id)
    return [answered, CheckResult(NEWEST_KEPT, held == 3, f"version held: {held} (sent 3, 1)")]


async def _report(target: Target, name: str) -> ReceiverReport | CheckResult:
    if target.report_url is None:
        return skipped(name, "no --report-url given")
    try:
        return await read_report(target.client, target.report_url)
    except ValueError as exc:
        return CheckResult(name, False, str(exc))
