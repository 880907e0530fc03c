"""The idempotency keys in the service's own database (PostgreSQL, or SQLite embedded).

A key is claimed by inserting its row (the primary key makes the claim atomic); the answer is
written when the first request settles. A row older than ``KEEP`` is free to claim again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from servicekit.idempotency import KEEP, Begun
from servicekit.idempotency_asgi import Answer

# A claim whose request has not settled by then died with its process: free to claim again.
STALE_PENDING = timedelta(seconds=60)

metadata = MetaData()
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("owner", String(64), primary_key=True),  # sha256 of the credential
    Column("key", String(255), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", Integer),  # none while the first request runs
    Column("content_type", String(200)),
    Column("body", LargeBinary),
)


class SqlIdempotencyStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def begin(self, owner: str, key: str, fingerprint: str) -> Begun:
        now = datetime.now(UTC)
        row = {"owner": owner, "key": key, "fingerprint": fingerprint, "created_at": now}
        mine = and_(idempotency_keys.c.owner == owner, idempotency_keys.c.key == key)
        async with self.engine.begin() as conn:
            # An expired claim is forgotten first, so its key can be claimed anew.
            c = idempotency_keys.c
            old = or_(
                c.created_at < now - KEEP,
                and_(c.status.is_(None), c.created_at < now - STALE_PENDING),
            )
            await conn.execute(delete(idempotency_keys).where(mine, old))
        try:
            async with self.engine.begin() as conn:
                await conn.execute(insert(idempotency_keys).values(row))
            return "new"
        except IntegrityError:
            pass
        async with self.engine.connect() as conn:
            found = (await conn.execute(select(idempotency_keys).where(mine))).mappings().first()
        if found is None:  # abandoned meanwhile: the client may simply retry
            return "pending"
        if found["fingerprint"] != fingerprint:
            return "reused"
        if found["status"] is None:
            return "pending"
        return Answer(found["status"], found["content_type"], found["body"])

    async def finish(self, owner: str, key: str, answer: Answer) -> None:
        values = {"status": answer.status, "content_type": answer.content_type}
        async with self.engine.begin() as conn:
            await conn.execute(
                update(idempotency_keys)
                .where(idempotency_keys.c.owner == owner, idempotency_keys.c.key == key)
                .values(**values, body=answer.body)
            )

    async def abandon(self, owner: str, key: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                delete(idempotency_keys).where(
                    idempotency_keys.c.owner == owner,
                    idempotency_keys.c.key == key,
                    idempotency_keys.c.status.is_(None),
                )
            )
