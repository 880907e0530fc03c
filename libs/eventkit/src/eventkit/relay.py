"""The outbox relay: moves committed outbox rows to Kafka, at least once, in id order.

Each batch is one transaction: claim unsent rows, send them all, wait until Kafka has
acknowledged every one (idempotent producer, acks=all), then mark them sent and commit. A
crash before the commit leaves the rows unsent, so they are sent again after a restart:
consumers see a duplicate (and drop it by event id in their inbox), never a gap.

A row Kafka refuses for what it is (too large, an invalid topic) would be refused on every
retry and hold up every row after it, other tenants' included: it is set aside into
``outbox_dead_letters`` in the batch's transaction (see ``eventkit.outbox_dead_letters``)
and the rest go on. Any other failure (broker down, timeouts) leaves the rows from the
first failed one on unsent, to be retried after a pause.

Several relays may run (one per service replica). On PostgreSQL a transaction-scoped
advisory lock lets one of them send at a time, because two relays sending neighbouring
batches concurrently could reorder messages of one key; the row claim still uses
``FOR UPDATE SKIP LOCKED`` so a claimed row is never waited on or sent twice at once.

Between batches ``run`` sleeps until a commit that enqueued rows notifies it (see
``eventkit.wakeup``), polling every ``idle_interval`` meanwhile; without notifications
(SQLite, listener down) it polls every ``poll_interval``.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import structlog
from aiokafka import AIOKafkaProducer
from sqlalchemy import Row, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from eventkit import outbox_dead_letters
from eventkit._relay_batch import send_batch
from eventkit._sql import as_utc, is_postgres, utcnow
from eventkit.metrics import OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE, RELAY_SENT
from eventkit.producer import started_producer
from eventkit.schema import outbox
from eventkit.wakeup import Wakeup

log = structlog.get_logger(__name__)

_RELAY_LOCK = 0x6576656E746B6974  # "eventkit": the advisory lock key of the sending relay
_CLAIM = """
SELECT id, topic, key, value, headers FROM outbox
WHERE sent_at IS NULL AND (SELECT pg_try_advisory_xact_lock($1))
ORDER BY id LIMIT $2
FOR UPDATE SKIP LOCKED
"""
_MARK_SENT = "UPDATE outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = ANY($2::bigint[])"
_BACKLOG_EVERY = 1.0  # seconds between backlog metric refreshes in ``run``


class OutboxRelay:
    def __init__(
        self,
        engine: AsyncEngine,
        bootstrap_servers: str,
        batch_size: int = 500,
        poll_interval: float = 0.05,
        idle_interval: float = 1.0,
    ) -> None:
        self._engine = engine
        self._bootstrap_servers = bootstrap_servers
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.idle_interval = idle_interval
        self._producer: AIOKafkaProducer | None = None

    async def start(self) -> None:
        if self._producer is None:
            self._producer = await started_producer(
                bootstrap_servers=self._bootstrap_servers,
                enable_idempotence=True,
                acks="all",
                # 16 KiB (the default) splits a 500-row turn into ~10 sequential round trips.
                max_batch_size=512 * 1024,
            )

    async def stop(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()

    async def run_once(self) -> int:
        """Send one batch; the number of rows done with (delivered and marked sent, or set
        aside). A failure to retry is raised after the rows before it are marked sent."""
        await self.start()
        assert self._producer is not None
        rows: list[Row[Any]] = []
        try:
            async with self._engine.begin() as conn:
                rows = await self._claim(conn)
                if not rows:
                    return 0
                turn = await send_batch(self._producer, rows)
                await outbox_dead_letters.set_aside(conn, turn.refused)
                if turn.sent:
                    await self._mark_sent(conn, [row.id for row in turn.sent])
        except Exception:
            await self._count_failed_attempt([row.id for row in rows])
            raise
        for row in turn.sent:
            RELAY_SENT.labels(topic=row.topic).inc()
        if turn.failure is not None:
            await self._count_failed_attempt([row.id for row in turn.unsent])
            raise turn.failure
        return len(turn.sent) + len(turn.refused)

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until ``stop`` is set; a failing batch is retried after a pause."""
        await self.start()
        wakeup, refreshed = Wakeup(self._engine), 0.0
        try:
            while not stop.is_set():
                listening = await wakeup.listen()  # before the batch: no commit slips between
                sent = await self._run_once_logging_failures()
                if time.monotonic() - refreshed > _BACKLOG_EVERY:
                    await self._backlog_logging_failures()
                    refreshed = time.monotonic()
                if sent < self.batch_size:
                    pause = self.idle_interval if listening else self.poll_interval
                    await wakeup.wait(stop, pause)
        finally:
            await wakeup.close()
            await self.stop()

    async def backlog(self) -> tuple[int, float]:
        """(unsent messages, age in seconds of the oldest one); also updates the gauges."""
        query = select(func.count(), func.min(outbox.c.created_at))
        async with self._engine.connect() as conn:
            count, oldest = (await conn.execute(query.where(outbox.c.sent_at.is_(None)))).one()
            await outbox_dead_letters.count(conn)  # refreshes its gauge
        age = 0.0 if oldest is None else (utcnow() - as_utc(oldest)).total_seconds()
        OUTBOX_BACKLOG.set(count)
        OUTBOX_OLDEST_AGE.set(age)
        return int(count), age

    async def _backlog_logging_failures(self) -> None:
        try:
            await self.backlog()
        except Exception:
            log.warning("outbox_backlog_unavailable")

    async def _run_once_logging_failures(self) -> int:
        try:
            return await self.run_once()
        except Exception:
            log.exception("outbox_relay_batch_failed")
            await asyncio.sleep(max(self.poll_interval, 1.0))
            return 0

    async def _claim(self, conn: AsyncConnection) -> list[Row[Any]]:
        """The next unsent rows, locked; none unless this relay holds the sending turn.

        On PostgreSQL the turn (the advisory lock) is taken by the same statement, as a
        one-time filter evaluated before any row is read: one round trip, not two.
        """
        if is_postgres(conn):  # fixed text: a batch is often one message, SQL per call shows
            return list(await conn.exec_driver_sql(_CLAIM, (_RELAY_LOCK, self.batch_size)))
        # SQLite stores serve one process (tests, demos): one relay, no turn to take
        query = (
            select(outbox.c.id, outbox.c.topic, outbox.c.key, outbox.c.value, outbox.c.headers)
            .where(outbox.c.sent_at.is_(None))
            .order_by(outbox.c.id)
            .limit(self.batch_size)
        )
        return list(await conn.execute(query))

    async def _count_failed_attempt(self, ids: list[int]) -> None:
        # After the batch transaction rolled back (and released its row locks).
        if ids:
            async with self._engine.begin() as conn:
                stmt = update(outbox).where(outbox.c.id.in_(ids))
                await conn.execute(stmt.values(attempts=outbox.c.attempts + 1))

    async def _mark_sent(self, conn: AsyncConnection, ids: list[int]) -> None:
        if is_postgres(conn):
            await conn.exec_driver_sql(_MARK_SENT, (utcnow(), ids))
            return
        stmt = update(outbox).where(outbox.c.id.in_(ids))
        await conn.execute(stmt.values(sent_at=utcnow(), attempts=outbox.c.attempts + 1))
