"""Waking the outbox relay when new rows commit, so latency is not a poll interval.

Whoever enqueues outbox rows calls :func:`notify_outbox` in the same transaction. PostgreSQL
delivers a ``NOTIFY`` only when that transaction commits (and drops it on rollback), so a
wake-up never announces a row the relay cannot yet see. The relay ``LISTEN``\\s on a
connection of its own; notifications are hints only: the relay still polls, more slowly,
so a missed one (listener reconnecting, a writer that does not notify) costs latency, never
a message. On SQLite, or a driver without ``LISTEN``, nothing listens and the relay polls.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import structlog
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from eventkit._sql import is_postgres

log = structlog.get_logger(__name__)
OUTBOX_CHANNEL = "eventkit_outbox"
_NOTIFIED = "eventkit_outbox_notified"  # conn.info: the transaction that notified


async def notify_outbox(conn: AsyncConnection) -> None:
    """Wake listening relays when the caller's transaction commits.

    Once per transaction: PostgreSQL folds equal notifications of one transaction anyway,
    and each further call would cost a round trip (a batch of consumed records enqueues
    many times in one transaction).
    """
    if not is_postgres(conn):
        return
    transaction = conn.sync_connection.get_transaction() if conn.sync_connection else None
    if transaction is not None and conn.info.get(_NOTIFIED) is transaction:
        return
    await conn.execute(select(func.pg_notify(OUTBOX_CHANNEL, "")))
    if transaction is not None:
        conn.info[_NOTIFIED] = transaction


class Wakeup:
    """An ``asyncio.Event`` set by outbox notifications, on one held connection."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._event = asyncio.Event()
        self._conn: AsyncConnection | None = None
        self._driver: Any = None

    @property
    def listening(self) -> bool:
        return self._driver is not None and not self._driver.is_closed()

    async def listen(self) -> bool:
        """(Re)start listening if not; whether notifications can now arrive."""
        if self.listening or self._engine.dialect.name != "postgresql":
            return self.listening
        await self.close()
        try:
            self._conn = await self._engine.connect()
            driver: Any = (await self._conn.get_raw_connection()).driver_connection
            await driver.add_listener(OUTBOX_CHANNEL, self._notified)
            self._driver = driver
        except Exception as exc:  # no LISTEN (other driver, database down): poll meanwhile
            log.warning("outbox_listen_unavailable", error=type(exc).__name__)
            await self.close()
        return self.listening

    async def wait(self, stop: asyncio.Event, at_most: float) -> None:
        """Until a notification, ``stop`` or ``at_most`` seconds; the notification is consumed."""
        waits = [asyncio.ensure_future(e.wait()) for e in (stop, self._event)]
        try:
            await asyncio.wait(waits, timeout=at_most, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
        self._event.clear()

    async def close(self) -> None:
        driver, conn, self._driver, self._conn = self._driver, self._conn, None, None
        with contextlib.suppress(Exception):
            if driver is not None and not driver.is_closed():
                await driver.remove_listener(OUTBOX_CHANNEL, self._notified)
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.invalidate()  # never hand a listening connection back to the pool
            with contextlib.suppress(Exception):
                await conn.close()

    def _notified(self, *_: object) -> None:
        self._event.set()
