"""Documents' bytes in the authority's own database (``bytea`` on PostgreSQL), sealed."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from authority.adapters.tables import document_blobs


class SqlBlobStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def put(self, conn: AsyncConnection, blob_id: UUID, kid: str, sealed: bytes) -> None:
        """In the caller's transaction: the bytes are kept exactly when their event is."""
        row = {"blob_id": blob_id, "kid": kid, "sealed": sealed, "created_at": datetime.now(UTC)}
        await conn.execute(document_blobs.insert().values(**row))

    async def get(self, blob_id: UUID) -> tuple[str, bytes] | None:
        query = sa.select(document_blobs.c.kid, document_blobs.c.sealed).where(
            document_blobs.c.blob_id == blob_id
        )
        async with self.engine.connect() as conn:
            found = (await conn.execute(query)).first()
        return None if found is None else (str(found[0]), bytes(found[1]))
