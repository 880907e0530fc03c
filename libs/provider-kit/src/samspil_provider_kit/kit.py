"""Runs the checks (receiver scenarios, delivery checks, API and sandbox flows) and renders
the pass/fail table as plain text."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TextIO

import httpx

from samspil_provider_kit.api_checks import orders_with_key, orders_without_key
from samspil_provider_kit.delivery_checks import duplicate_checks, out_of_order_checks
from samspil_provider_kit.flows import run_flows
from samspil_provider_kit.results import CheckResult, Verdict
from samspil_provider_kit.scenarios import WEBHOOK_SCENARIOS, Target


@dataclass(frozen=True, slots=True)
class KitOptions:
    receiver_url: str | None
    secrets: tuple[str, ...]
    api_url: str | None = None
    api_key: str | None = None
    timeout: float = 10.0
    report_url: str | None = None
    flows: bool = True


async def _timed(check: Callable[[], Awaitable[list[CheckResult]]]) -> list[CheckResult]:
    started = time.monotonic()
    found = await check()
    share = (time.monotonic() - started) / max(len(found), 1)
    return [replace(result, seconds=share) for result in found]


async def run_checks(options: KitOptions) -> list[CheckResult]:
    results: list[CheckResult] = []
    async with httpx.AsyncClient(timeout=options.timeout) as client:
        if options.receiver_url:
            target = Target(client, options.receiver_url, options.secrets, options.report_url)
            for scenario in WEBHOOK_SCENARIOS:
                results += await _timed(lambda s=scenario: _one(s(target)))  # type: ignore[misc]
            results += await _timed(lambda: duplicate_checks(target))
            results += await _timed(lambda: out_of_order_checks(target))
        if options.api_url:
            api, key = options.api_url, options.api_key or ""
            results += await _timed(lambda: _one(orders_with_key(client, api, key)))
            results += await _timed(lambda: _one(orders_without_key(client, api)))
            if options.flows:
                results += await _timed(lambda: run_flows(api, key, options.timeout))
    return results


async def _one(check: Awaitable[CheckResult]) -> list[CheckResult]:
    return [await check]


MARK = {Verdict.PASSED: "PASS", Verdict.FAILED: "FAIL", Verdict.SKIPPED: "SKIP"}


def render(results: list[CheckResult], out: TextIO) -> None:
    """One line per check, then a summary naming every failure on a line of its own."""
    out.write("Samspil conformance\n")
    width = max((len(result.name) for result in results), default=0)
    for number, result in enumerate(results, start=1):
        mark = MARK[result.verdict]
        out.write(f"{number:>3} {mark} {result.name:<{width}}  {result.detail}\n")
    failed = [result.name for result in results if result.verdict is Verdict.FAILED]
    skipped = sum(result.verdict is Verdict.SKIPPED for result in results)
    if failed:
        out.write(f"{len(failed)} failed:\n")
        out.writelines(f"  - {name}\n" for name in failed)
    else:
        passed = len(results) - skipped
        out.write(f"all {passed} checks passed" + (f", {skipped} skipped" if skipped else ""))
        out.write("\n")
