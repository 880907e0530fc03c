"""Printing the results as a rich table and keeping them as JSON under ``var/bench``."""

from __future__ import annotations

import json
import math
import platform
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.core import Outcome

OUT_DIR = Path("var/bench")


def _num(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _verdict(passed: bool | None) -> str:
    return {True: "[green]PASS", False: "[red]MISS", None: "info"}[passed]


def table(outcomes: list[Outcome], label: str) -> Table:
    grid = Table(title=f"Samspil benchmarks ({label})", show_lines=False)
    for column in (
        "bench",
        "figure",
        "value",
        "unit",
        "baseline",
        "ratio",
        "goal",
        "verdict",
        "note",
    ):
        grid.add_column(column, overflow="fold")
    for outcome in outcomes:
        for f in outcome.figures:
            base = f"{_num(f.baseline)} ({f.baseline_name})" if f.baseline is not None else "-"
            grid.add_row(
                f.bench,
                f.name,
                _num(f.value),
                f.unit,
                base,
                _num(f.ratio),
                f.goal,
                _verdict(f.passed),
                f.note,
            )
    return grid


def show(outcomes: list[Outcome], label: str, console: Console) -> None:
    console.print(table(outcomes, label))
    for outcome in outcomes:
        for note in outcome.notes:
            console.print(f"- {note}")
        console.print(f"- {outcome.bench}: {outcome.seconds:.0f} s wall")


def write_json(outcomes: list[Outcome], label: str) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = OUT_DIR / f"results-{stamp}.json"
    document = {
        "run": label,
        "at": stamp,
        "machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version()},
        "figures": [f.as_json() for o in outcomes for f in o.figures],
        "notes": [n for o in outcomes for n in o.notes],
        "seconds": {o.bench: round(o.seconds, 1) for o in outcomes},
    }
    path.write_text(json.dumps(document, indent=2, allow_nan=False, default=str))
    return path
