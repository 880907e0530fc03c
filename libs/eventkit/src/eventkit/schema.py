"""The eventkit tables (SQLAlchemy Core). ``metadata`` is what services hand to alembic.

One table definition serves PostgreSQL and SQLite; the PostgreSQL-only parts are variants:
JSONB instead of JSON, an identity column instead of SQLite's rowid alias, and ``tx_id``,
the writing transaction's id, which makes ``read_all`` gap-safe (see ``reading.py``).
On SQLite ``tx_id`` stays NULL: a single writer commits in position order anyway.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import base as postgresql_base
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import UserDefinedType

metadata = MetaData()

# A 64-bit key that is an INTEGER PRIMARY KEY (rowid alias) on SQLite, identity on PostgreSQL.
_Id = BigInteger().with_variant(Integer(), "sqlite")
_Json = JSON().with_variant(JSONB(), "postgresql")


class XID8(UserDefinedType[Any]):
    """PostgreSQL's 64-bit, never-wrapping transaction id type."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "XID8"


# Let reflection (alembic's autogenerate, schema checks) recognise the column's type.
postgresql_base.ischema_names["xid8"] = XID8


class current_xact_id(FunctionElement[Any]):  # noqa: N801 - reads like the SQL function
    """``pg_current_xact_id()`` on PostgreSQL, NULL elsewhere (used as a server default)."""

    inherit_cache = True


@compiles(current_xact_id, "postgresql")
def _pg_current_xact_id(element: current_xact_id, compiler: Any, **kw: Any) -> str:
    return "pg_current_xact_id()"


@compiles(current_xact_id)
def _no_xact_id(element: current_xact_id, compiler: Any, **kw: Any) -> str:
    return "NULL"


events = Table(
    "events",
    metadata,
    Column("position", _Id, Identity(), primary_key=True),
    Column("stream_id", String(200), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("event_id", Uuid, nullable=False, unique=True),
    Column("type", String(200), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("data", _Json, nullable=False),
    Column("metadata", _Json, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column(
        "tx_id",
        XID8().with_variant(BigInteger(), "sqlite"),
        server_default=current_xact_id(),
    ),
    UniqueConstraint("stream_id", "revision", name="uq_events_stream_revision"),
    Index("ix_events_tx_position", "tx_id", "position"),
    sqlite_autoincrement=True,  # never reuse a position, even after the last row is deleted
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", _Id, Identity(), primary_key=True),
    Column("message_id", Uuid, nullable=False, unique=True),
    Column("topic", String(249), nullable=False),
    Column("key", LargeBinary, nullable=False),
    Column("value", LargeBinary, nullable=False),
    Column("headers", _Json, nullable=False),  # [[name, base64 value], ...]
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("attempts", Integer, nullable=False, default=0, server_default="0"),
    sqlite_autoincrement=True,
)
# The relay only ever looks for unsent rows in id order.
_UNSENT = outbox.c.sent_at.is_(None)
Index("ix_outbox_unsent", outbox.c.id, postgresql_where=_UNSENT, sqlite_where=_UNSENT)

# Outbox rows Kafka refused for what they are (too large, an invalid topic): set aside by
# the relay with the reason, so one such row never stops delivery of the rows after it.
outbox_dead_letters = Table(
    "outbox_dead_letters",
    metadata,
    Column("id", _Id, primary_key=True, autoincrement=False),  # the outbox row's id
    Column("message_id", Uuid, nullable=False, unique=True),
    Column("topic", String(249), nullable=False),
    Column("key", LargeBinary, nullable=False),
    Column("value", LargeBinary, nullable=False),
    Column("headers", _Json, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("reason", String(1000), nullable=False),
)

inbox = Table(
    "inbox",
    metadata,
    Column("consumer", String(200), primary_key=True),
    Column("event_id", Uuid, primary_key=True),
    Column("processed_at", DateTime(timezone=True), nullable=False),
)

checkpoints = Table(
    "checkpoints",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("position", BigInteger, nullable=False),
)
