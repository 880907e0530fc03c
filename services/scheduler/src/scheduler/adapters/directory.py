"""The case directory: each case's municipality and responsible caseworker.

Fed by every consumed event that names them. Events about one case come on several topics
with no order between them, so a caseworker assignment carries its time and an older one
never overwrites a newer one; the municipality of a case does not change.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.adapters.tables import case_directory as t


class SqlCaseDirectory:
    async def note(
        self,
        conn: AsyncConnection,
        case_id: UUID,
        as_of: datetime,
        municipality: str | None = None,
        caseworker_id: str | None = None,
    ) -> None:
        if municipality is None and caseworker_id is None:
            return
        insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        row: dict[str, object] = {"case_id": case_id, "municipality": municipality}
        update: dict[str, object] = {}
        if caseworker_id is not None:
            row |= {"caseworker_id": caseworker_id, "caseworker_as_of": as_of}
        statement = insert(t).values(**row)
        new = statement.excluded
        update["municipality"] = sa.func.coalesce(t.c.municipality, new.municipality)
        if caseworker_id is not None:
            newer = sa.or_(
                t.c.caseworker_as_of.is_(None), t.c.caseworker_as_of <= new.caseworker_as_of
            )
            update["caseworker_id"] = sa.case((newer, new.caseworker_id), else_=t.c.caseworker_id)
            update["caseworker_as_of"] = sa.case(
                (newer, new.caseworker_as_of), else_=t.c.caseworker_as_of
            )
        upsert = statement.on_conflict_do_update(index_elements=[t.c.case_id], set_=update)
        await conn.execute(upsert)

    async def municipality_of(self, conn: AsyncConnection, case_id: UUID) -> str | None:
        query = sa.select(t.c.municipality).where(t.c.case_id == case_id)
        return (await conn.execute(query)).scalar_one_or_none()
