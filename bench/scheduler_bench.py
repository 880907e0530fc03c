"""Scheduler at scale: steady firing of 1,000 deadlines per second out of N pending, against a
raw ``SELECT ... FOR UPDATE SKIP LOCKED`` loop; and catch-up of overdue deadlines.

Both steady runs share one seeded database (see ``deadline_seed``): the scheduler fires the
window [T0, T0 + s), the raw loop the window [T1, T1 + s) later on, each with a clock
reading the window's start when it begins. Fire lag is ``fired_at - due_at`` as published.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta

from eventkit import TopicSpec, ensure_topics
from samspil_contracts import topics

from bench import raw_firing
from bench.core import Figure, Outcome, Sizes, percentile
from bench.deadline_seed import seed
from bench.infra import fresh_database, kafka
from bench.scheduler_rig import Seen, clock_at, running_scheduler

PER_SECOND = 1000.0
CATCHUP_GOAL = 60.0
SETTLE = 10.0  # seconds after the window for in-flight batches to reach the topic


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("scheduler")
    bootstrap = kafka()
    first_due = datetime.now(UTC) + timedelta(days=1)
    async with fresh_database("scheduler") as db:
        started = time.perf_counter()
        # Both windows (ours, then the raw loop's) must lie within the seeded range.
        count = max(sizes.deadlines, int(PER_SECOND * (2 * sizes.fire_seconds + SETTLE + 10)))
        await seed(db, count, first_due, PER_SECOND)
        outcome.notes.append(
            f"scheduler: seeded {count} deadlines in "
            f"{time.perf_counter() - started:.0f} s (template + COPY)"
        )
        engine = db.engine()
        try:
            prefix = await _prefix(bootstrap)
            async with running_scheduler(engine, bootstrap, prefix, clock_at(first_due)) as seen:
                await asyncio.sleep(sizes.fire_seconds + SETTLE)
            # after all the scheduler could fire while it ran (window + settle)
            later = first_due + timedelta(seconds=sizes.fire_seconds + SETTLE + 5)
            raw = await raw_firing.run(engine, bootstrap, later, sizes.fire_seconds)
        finally:
            await engine.dispose()
    outcome.figures += _steady(seen, raw, sizes)
    outcome.figures.append(await _catchup(bootstrap, sizes.catchup_deadlines))
    return outcome


def _steady(seen: Seen, raw: raw_firing.RawResult, sizes: Sizes) -> list[Figure]:
    ours = percentile(seen.fire_lags, 99)
    due = int(sizes.fire_seconds * PER_SECOND)
    fired_rate = len(seen.fire_lags) / (sizes.fire_seconds + SETTLE)
    return [
        Figure(
            "scheduler",
            "fire lag p99 (fired_at - due_at)",
            ours,
            "s",
            raw.lag_p99,
            "raw SKIP LOCKED + aiokafka loop p99",
            ours / raw.lag_p99 if raw.lag_p99 else None,
            "<= 1 s (assumed)",
            ours <= 1.0,
            f"{len(seen.fire_lags)} of ~{due} due fired; of {sizes.deadlines} pending",
        ),
        Figure(
            "scheduler",
            "delivery lag p99 (on topic - due_at)",
            percentile(seen.delivery_lags, 99),
            "s",
            note="info: includes the relay",
        ),
        Figure(
            "scheduler",
            "fired per second",
            fired_rate,
            "/s",
            raw.rate,
            "raw loop rows/s",
            fired_rate / raw.rate if raw.rate else None,
            f">= {PER_SECOND:g}/s due",
            len(seen.fire_lags) >= due * 0.99,
        ),
        Figure(
            "scheduler",
            "process RSS during firing (max)",
            max(seen.rss, default=0.0),
            "MiB",
            note="whole bench process",
        ),
    ]


async def _catchup(bootstrap: str, count: int) -> Figure:
    """``count`` deadlines overdue by up to an hour: time until each fired exactly once."""
    now = datetime.now(UTC)
    async with fresh_database("catchup") as db:
        await seed(db, count, now - timedelta(hours=1), count / 3600)
        engine = db.engine()
        try:
            prefix = await _prefix(bootstrap)
            started = time.perf_counter()
            limit = started + 3 * CATCHUP_GOAL
            async with running_scheduler(
                engine, bootstrap, prefix, clock_at(datetime.now(UTC))
            ) as seen:
                # Polls a counter another task fills.
                while len(seen.by_id) < count and time.perf_counter() < limit:  # noqa: ASYNC110
                    await asyncio.sleep(0.2)
                took = time.perf_counter() - started
                await asyncio.sleep(2)  # let late duplicates show up
        finally:
            await engine.dispose()
    fired, dupes = len(seen.by_id), sum(n - 1 for n in seen.by_id.values())
    goal_rate = 100_000 / CATCHUP_GOAL  # judged by rate so a quick run is judged fairly
    return Figure(
        "scheduler",
        f"catch-up of {count} overdue",
        took,
        "s",
        goal=f"100k in < {CATCHUP_GOAL:g} s (>= {goal_rate:,.0f}/s), each once",
        passed=fired / took >= goal_rate and fired == count and dupes == 0,
        note=f"{fired} fired, {dupes} duplicates, {fired / took:.0f}/s"
        + ("" if fired == count else f"; stopped at {3 * CATCHUP_GOAL:g} s"),
    )


async def _prefix(bootstrap: str) -> str:
    prefix = f"bench{uuid.uuid4().hex[:8]}."
    await ensure_topics(bootstrap, [TopicSpec(prefix + topics.SCHEDULER_DEADLINES, partitions=3)])
    return prefix
