"""The shape of a benchmark's outcome, its sizes, and the small statistics they share."""

from __future__ import annotations

import math
import resource
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Sizes:
    """How big each benchmark runs: ``FULL`` is the goal size, ``QUICK`` a smoke run."""

    label: str
    append_events: int  # per writer configuration (single, and 8 concurrent together)
    replay_events: int
    rebuild_events: int
    kafka_seconds: float
    kafka_rate: int  # messages per second
    deadlines: int  # pending deadlines seeded for the steady-state firing run
    fire_seconds: float
    catchup_deadlines: int
    e2e_seconds: float = 60.0  # orders placed by HTTP at e2e_rate, end to end
    e2e_rate: int = 100


FULL = Sizes("full", 20_000, 200_000, 1_000_000, 60.0, 100, 1_000_000, 30.0, 100_000)
QUICK = Sizes("quick", 2_000, 20_000, 50_000, 10.0, 100, 50_000, 10.0, 10_000, 10.0)


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure beside its same-run baseline, and the goal it is judged by.

    ``ratio`` is figure / baseline unless the benchmark says otherwise (for latencies the
    ratio is ours over theirs, so lower is better). ``passed`` is None when the figure is
    reported for information only.
    """

    bench: str
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    ratio: float | None = None
    goal: str = ""
    passed: bool | None = None
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Outcome:
    """What one benchmark produced: its figures and free-text notes for the report."""

    bench: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline else math.inf


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation): a p99 is a latency that really happened."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def rss_mb() -> float:
    """Current resident set size of this process in MiB (the peak is process-wide and
    would carry earlier benchmarks' memory into later ones)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stopwatch:
    """``with Stopwatch() as sw: ...`` then ``sw.seconds``."""

    def __enter__(self) -> Stopwatch:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self._start
