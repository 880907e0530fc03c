"""Database engines: PostgreSQL in production, SQLite as the embedded quick-start default."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# A pooled connection unused for longer than this is pinged before it is handed out (the
# database may have restarted meanwhile); one back from work moments ago is not: a ping on
# every checkout would be one more round trip per request (a tenth of an order's).
IDLE_PING_SECONDS = 1.0
_CHECKED_IN = "servicekit_checked_in"


# Tracebacks and logs never show bound parameters: they hold personal data (names, CPR
# lookups, texts). Every engine of the services is made with this (``engine_for``,
# ``servicekit.migrations``, ``servicekit.alembic_env``).
SAFE = {"hide_parameters": True}


def engine_for(url: str) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, **SAFE)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    # No blanket ``pool_pre_ping``: on asyncpg it costs three round trips per checkout (BEGIN,
    # ``;``, ROLLBACK). A connection the server already closed is refused for free; one idle
    # for a while is pinged; one that dies in use raises a disconnect error, which
    # invalidates the pool, and the caller's retry (HTTP client, Kafka redelivery, relay
    # loop) gets a fresh connection.
    # orjson turns jsonb (every event's data and metadata) into dicts at a fraction of the
    # stdlib's CPU.
    engine = create_async_engine(
        url, pool_size=10, max_overflow=10, json_deserializer=orjson.loads, **SAFE
    )
    _check_at_checkout(engine)
    return engine


def _check_at_checkout(engine: AsyncEngine) -> None:
    """SQLAlchemy's ``pool_pre_ping``, only for connections idle over ``IDLE_PING_SECONDS``
    (a dead one is replaced, the pool's older ones dropped), and no connection whose socket
    the server has closed."""
    dialect, pool = engine.dialect, engine.sync_engine.pool

    def checkin(_: Any, record: Any) -> None:
        record.info[_CHECKED_IN] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _: Any) -> None:
        driver = getattr(dbapi_connection, "driver_connection", None)
        if driver is not None and driver.is_closed():
            raise DisconnectionError("connection closed by the server")
        returned = record.info.get(_CHECKED_IN)  # None: just connected, nothing to check
        if returned is None or time.monotonic() - returned <= IDLE_PING_SECONDS:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            if dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.InvalidatePoolError() from error  # the pool retries on a new one
            raise

    event.listen(pool, "checkin", checkin)
    event.listen(pool, "checkout", checkout)


def _sqlite_pragmas(dbapi_connection: object, _: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
