"""Is the end-to-end goal within the architecture's reach on this machine? Same-run pairs.

``uv run python -m bench.bare_pairs [PAIRS [SECONDS [RATE]]]`` (defaults 8, 60, 100) runs
PAIRS turns of: the raw aiokafka round trip at RATE for SECONDS, then the bare pipeline
(``bench.bare_pipeline``: the order path's fixed architecture with no framework) at the same
rate for as long. Each turn's ratio is the bare p99 over that turn's raw p99, so both sides of
a ratio saw the same moment of a noisy machine. The goal (p99 ≤ 5x raw) is within the
architecture's reach here only if the bare pipeline meets it in most turns: code added on
top of the bare path can only add latency to it.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, replace

from bench.bare_pipeline import bare_runs
from bench.core import FULL, percentile
from bench.infra import kafka
from bench.kafka_latency import GOAL_RATIO, raw_round_trip


@dataclass(frozen=True)
class Turn:
    """One raw run and the bare run right after it (latencies in ms)."""

    raw_p99: float
    bare_p50: float
    bare_p99: float
    lost: int  # orders the bare pipeline's observer never saw

    @property
    def ratio(self) -> float:
        return self.bare_p99 / self.raw_p99


def verdict(turns: list[Turn], goal: float = GOAL_RATIO) -> str:
    """One line: the ratios, their median, and whether most turns meet ``goal``."""
    ratios = sorted(t.ratio for t in turns)
    within = sum(r <= goal for r in ratios)
    reach = "within" if within * 2 > len(ratios) else "beyond"
    return (
        f"bare p99 / raw p99 over {len(ratios)} turns: "
        + ", ".join(f"{r:.1f}x" for r in ratios)
        + f"; median {statistics.median(ratios):.1f}x; {within} of {len(ratios)} within "
        + f"{goal:g}x: the goal is {reach} the architecture's reach on this machine"
    )


async def turn(rate: int, seconds: float) -> Turn:
    raw = await raw_round_trip(kafka(), replace(FULL, kafka_rate=rate, kafka_seconds=seconds))
    (run,) = await bare_runs(kafka(), [(int(rate * seconds), rate)])
    lat = [s * 1000 for s in run.latencies()]
    return Turn(raw[1] * 1000, percentile(lat, 50), percentile(lat, 99), len(run.placed) - len(lat))


async def _main() -> None:
    pairs, seconds, rate = 8, 60.0, 100
    if len(sys.argv) > 1:
        pairs = int(sys.argv[1])
    if len(sys.argv) > 2:
        seconds = float(sys.argv[2])
    if len(sys.argv) > 3:
        rate = int(sys.argv[3])
    turns = []
    for _ in range(pairs):
        turns.append(await turn(rate, seconds))
        print(time.strftime("%H:%M:%S"), json.dumps(asdict(turns[-1])), flush=True)
    print(verdict(turns))


if __name__ == "__main__":
    asyncio.run(_main())
