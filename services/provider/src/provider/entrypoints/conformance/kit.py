"""Runs the scenarios and renders the pass/fail table."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from rich.console import Console
from rich.table import Table

from provider.entrypoints.conformance.api_checks import orders_with_key, orders_without_key
from provider.entrypoints.conformance.scenarios import WEBHOOK_SCENARIOS, CheckResult, Target


@dataclass(frozen=True, slots=True)
class KitOptions:
    receiver_url: str
    secrets: tuple[str, ...]
    api_url: str | None = None
    api_key: str | None = None
    timeout: float = 10.0


async def run_checks(options: KitOptions) -> list[CheckResult]:
    async with httpx.AsyncClient(timeout=options.timeout) as client:
        target = Target(client, options.receiver_url, options.secrets)
        results = [await scenario(target) for scenario in WEBHOOK_SCENARIOS]
        if options.api_url:
            results.append(await orders_with_key(client, options.api_url, options.api_key or ""))
            results.append(await orders_without_key(client, options.api_url))
    return results


def render(results: list[CheckResult], console: Console) -> None:
    table = Table(title="Samspil webhook conformance")
    table.add_column("#", justify="right")
    table.add_column("scenario")
    table.add_column("result")
    table.add_column("detail")
    for number, result in enumerate(results, start=1):
        verdict = "[green]PASS[/green]" if result.passed else "[bold red]FAIL[/bold red]"
        table.add_row(str(number), result.name, verdict, result.detail)
    console.print(table)
    failed = [result.name for result in results if not result.passed]
    if failed:
        console.print(f"[bold red]{len(failed)} failed:[/bold red]")
        for name in failed:  # one per line: long names must not wrap into each other
            console.print(f"  - {name}", soft_wrap=True)
    else:
        console.print(f"[green]all {len(results)} checks passed[/green]")
