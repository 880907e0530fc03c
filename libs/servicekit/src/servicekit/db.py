"""Database engines: PostgreSQL in production, SQLite as the embedded quick-start default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def engine_for(url: str) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    # No ``pool_pre_ping``: on asyncpg it costs three round trips per checkout (BEGIN, ``;``,
    # ROLLBACK), a third of a consumed record's statements. A connection the server closed
    # (restart, idle kill) is refused at checkout instead, for free; one that dies in use
    # raises a disconnect error, which invalidates the pool, and the caller's retry (HTTP
    # client, Kafka redelivery, relay loop) gets a fresh connection.
    engine = create_async_engine(url, pool_size=10, max_overflow=10)
    event.listen(engine.sync_engine.pool, "checkout", _refuse_closed)
    return engine


def _refuse_closed(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Make the pool replace a connection whose socket the server has already closed."""
    driver = getattr(dbapi_connection, "driver_connection", None)
    if driver is not None and driver.is_closed():
        raise DisconnectionError("connection closed by the server")


def _sqlite_pragmas(dbapi_connection: object, _: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
