"""The baseline firing loop: claim due index rows with ``FOR UPDATE SKIP LOCKED``, mark them
done, produce one record per row with aiokafka (acks=all, idempotent) and commit, in
batches of 200 (the scheduler's batch size), sleeping 0.5 s when nothing is due.

It does what the index alone allows (no aggregate load, no event append, no outbox), so it
is the floor a scheduler on PostgreSQL + Kafka could reach on this machine.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from aiokafka import AIOKafkaProducer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.core import percentile
from bench.infra import new_topic
from bench.scheduler_rig import FIRE_INTERVAL, clock_at

BATCH = 200
_CLAIM = text(
    "select deadline_id, phase, fire_at from deadline_phases where status = 'pending'"
    " and fire_at >= :start and fire_at <= :now order by fire_at limit :limit"
    " for update skip locked"
)
_DONE = text(
    "update deadline_phases set status = 'done' where deadline_id = any(:ids) and phase = 'due'"
)


@dataclass(frozen=True)
class RawResult:
    lag_p99: float
    rate: float


async def run(engine: AsyncEngine, bootstrap: str, start: datetime, seconds: float) -> RawResult:
    """Fire the window [start, start + seconds) as it comes due; lag p99 and rows/s."""
    topic = await new_topic(bootstrap, "rawfire", partitions=3)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    clock, lags = clock_at(start), []
    end = time.perf_counter() + seconds
    try:
        while time.perf_counter() < end:
            batch = await _fire_batch(engine, producer, topic, start, clock.now())
            lags += batch
            if not batch:
                await asyncio.sleep(FIRE_INTERVAL)
    finally:
        await producer.stop()
    return RawResult(percentile(lags, 99), len(lags) / seconds)


async def _fire_batch(
    engine: AsyncEngine, producer: AIOKafkaProducer, topic: str, start: datetime, now: datetime
) -> list[float]:
    async with engine.begin() as conn:
        rows = (await conn.execute(_CLAIM, {"start": start, "now": now, "limit": BATCH})).all()
        if not rows:
            return []
        await conn.execute(_DONE, {"ids": [row.deadline_id for row in rows]})
        sends = [
            await producer.send(
                topic,
                key=row.deadline_id.bytes,
                value=json.dumps(
                    {"deadline_id": str(row.deadline_id), "fired_at": now.isoformat()}
                ).encode(),
            )
            for row in rows
        ]
        await asyncio.gather(*sends)
    return [(now - row.fire_at) / timedelta(seconds=1) for row in rows]
