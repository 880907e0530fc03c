"""``uv run python -m bench [--quick] [--only NAME ...]``: every benchmark, one table."""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace

from rich.console import Console

from bench import (
    append,
    e2e_orders,
    kafka_latency,
    rebuild,
    replay,
    scheduler_bench,
    warm_start,
)
from bench.core import FULL, QUICK, Outcome, Sizes
from bench.report import show, write_json

BENCHMARKS: dict[str, Callable[[Sizes], Awaitable[Outcome]]] = {
    "append": append.run,
    "replay": replay.run,
    "rebuild": rebuild.run,
    "kafka": kafka_latency.run,
    "scheduler": scheduler_bench.run,
    "e2e": e2e_orders.run,
    "start": warm_start.run,
}


async def run_all(names: list[str], sizes: Sizes, console: Console) -> list[Outcome]:
    outcomes = []
    for name in names:
        console.print(f"[bold]{name}[/bold] ({sizes.label}) ...")
        started = time.perf_counter()
        outcome = await BENCHMARKS[name](sizes)
        outcome.seconds = time.perf_counter() - started
        outcomes.append(outcome)
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, about 2-4 minutes")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="repeatable")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    console = Console(width=None if sys.stdout.isatty() else 180)
    outcomes = asyncio.run(run_all(args.only or list(BENCHMARKS), sizes, console))
    show(outcomes, sizes.label, console)
    console.print(f"results: {write_json(_finite(outcomes), sizes.label)}")
    return 0


def _finite(outcomes: list[Outcome]) -> list[Outcome]:
    """JSON has no NaN or infinity: such figures (nothing measured) are written as -1."""

    def fix(value: float) -> float:
        return value if math.isfinite(value) else -1.0

    for outcome in outcomes:
        outcome.figures = [
            replace(f, value=fix(f.value), ratio=None if f.ratio is None else fix(f.ratio))
            for f in outcome.figures
        ]
    return outcomes


if __name__ == "__main__":
    raise SystemExit(main())
