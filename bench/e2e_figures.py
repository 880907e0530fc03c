"""The end-to-end run's record (``Run``) and the figures made from it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bench import e2e_stages
from bench.core import Figure, percentile
from bench.e2e_rig import Stack

GOAL_RATIO = 5.0  # issue #10: p99 within 5x the raw round trip's p99
FLOOR_RATE = 20  # orders/s: a rate the stack carries with room to spare, for the latency floor


@dataclass
class Run:
    placed: dict[str, float] = field(default_factory=dict)  # order id -> perf_counter at POST
    seen: dict[str, float] = field(default_factory=dict)  # order id -> first poll that found it
    pending: set[str] = field(default_factory=set)  # placed, not yet seen
    http: list[float] = field(default_factory=list)  # POST /orders response times
    failed: int = 0  # POSTs answered with anything but 201
    started: float = 0.0
    sent_all: float = 0.0
    wall: float = field(default_factory=lambda: time.time() - time.perf_counter())

    def latencies(self) -> list[float]:
        return [self.seen[o] - t for o, t in self.placed.items() if o in self.seen]

    def on_wall_clock(self, marks: dict[str, float]) -> dict[str, float]:
        return {order: at + self.wall for order, at in marks.items()}


def figures(r: Run, raw: tuple[float, float, int], confirmed: int, count: int) -> list[Figure]:
    lat = r.latencies()
    ms = {p: percentile(lat, p) * 1000 for p in (50, 95, 99, 100)}
    raw_ms = (raw[0] * 1000, raw[1] * 1000)
    span = max(r.seen.values(), default=r.started) - r.started
    lost = count - confirmed
    e2e = "e2e"
    return [
        Figure(
            e2e,
            "order HTTP->provider inbox p50",
            ms[50],
            "ms",
            raw_ms[0],
            "raw p50",
            ms[50] / raw_ms[0],
            note="info",
        ),
        Figure(e2e, "order HTTP->provider inbox p95", ms[95], "ms", note="info"),
        Figure(
            e2e,
            "order HTTP->provider inbox p99",
            ms[99],
            "ms",
            raw_ms[1],
            "raw p99",
            ms[99] / raw_ms[1],
            f"<= {GOAL_RATIO:g}x raw p99",
            ms[99] / raw_ms[1] <= GOAL_RATIO,
        ),
        Figure(e2e, "order HTTP->provider inbox max", ms[100], "ms", note="info"),
        Figure(
            e2e,
            "POST /orders response p50 / p99",
            percentile(r.http, 50) * 1000,
            "ms",
            note=f"p99 {percentile(r.http, 99) * 1000:.0f} ms",
        ),
        Figure(
            e2e,
            "orders visible per second",
            len(r.seen) / span if span else 0.0,
            "/s",
            note=f"sent {len(r.placed) / (r.sent_all - r.started):.1f}/s",
        ),
        Figure(
            e2e,
            "orders lost",
            float(lost),
            "orders",
            goal="0",
            passed=lost == 0,
            note=f"{r.failed} POSTs refused; {count - len(r.seen)} never seen in the table; "
            f"raw lost {raw[2]}",
        ),
    ]


def floor_figures(r: Run, raw: tuple[float, float, int]) -> list[Figure]:
    lat = r.latencies()
    p50, p99 = (percentile(lat, p) * 1000 for p in (50, 99))
    return [
        Figure(
            "e2e",
            f"at {FLOOR_RATE}/s: order HTTP->provider inbox p99",
            p99,
            "ms",
            raw[1] * 1000,
            "raw p99",
            p99 / (raw[1] * 1000),
            note=f"p50 {p50:.1f} ms; {len(r.seen)} of {len(r.placed)} seen",
        )
    ]


def bare_figures(bare: Run, stack: Run, raw: tuple[float, float, int], rate: int) -> list[Figure]:
    """The bare pipeline (``bench.bare_pipeline``) against the raw hop, and the stack against it."""
    lat = bare.latencies()
    p50, p99 = (percentile(lat, p) * 1000 for p in (50, 99))
    stack_p99, raw_p99 = percentile(stack.latencies(), 99) * 1000, raw[1] * 1000
    reach = "within" if p99 <= GOAL_RATIO * raw_p99 else "beyond"
    return [
        Figure(
            "e2e",
            f"at {rate}/s: bare pipeline p99",
            p99,
            "ms",
            raw_p99,
            "raw p99",
            p99 / raw_p99,
            note=f"p50 {p50:.1f} ms; {len(bare.seen)} of {len(bare.placed)} seen; in this run "
            f"the goal is {reach} the architecture's own reach",
        ),
        Figure(
            "e2e",
            f"at {rate}/s: stack p99 / bare pipeline p99",
            stack_p99,
            "ms",
            p99,
            "bare p99",
            stack_p99 / p99,
            note="what Samspil's own code adds to the architecture",
        ),
    ]


async def stage_figures(stack: Stack, run: Run, label: str) -> list[Figure]:
    found = await e2e_stages.marks(
        stack, run.on_wall_clock(run.placed), run.on_wall_clock(run.seen)
    )
    return e2e_stages.figures(found, label)
