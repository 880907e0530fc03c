"""The case directory: each case's municipality and responsible caseworker.

Fed by every consumed event that names them. Events about one case come on several topics
with no order between them, so a caseworker assignment carries its time and an older one
never overwrites a newer one; the municipality of a case does not change.

Noting a case answers, in the same round trip, which municipality it belongs to and which
version of that municipality's rules is in force (``municipality_rules`` is append-only, so
the highest version is the one in force): intake needs both before it decides.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.adapters.tables import case_directory as t
from scheduler.adapters.tables import municipality_rules as r
from scheduler.app.ports import CaseFacts


def _facts(municipality: str | None) -> tuple[Any, Any]:
    """The case's municipality (the event's, else the directory's) and its rules version."""
    given = sa.literal(municipality, sa.String(3))
    known = sa.func.coalesce(given, t.c.municipality)
    # The noted row's column by name: SQLAlchemy does not correlate a subquery in RETURNING
    # (it would scan the whole directory).
    noted = sa.literal_column(f"{t.name}.municipality", sa.String(3))
    version = sa.select(sa.func.coalesce(sa.func.max(r.c.version), 0)).where(
        r.c.municipality == sa.func.coalesce(given, noted)
    )
    return known.label("municipality"), version.scalar_subquery().label("rules_version")


class SqlCaseDirectory:
    async def note(
        self,
        conn: AsyncConnection,
        case_id: UUID,
        as_of: datetime,
        municipality: str | None = None,
        caseworker_id: str | None = None,
    ) -> CaseFacts:
        facts = _facts(municipality)
        if municipality is None and caseworker_id is None:  # nothing to note: only ask
            query = sa.select(*facts).where(t.c.case_id == case_id)
            row = (await conn.execute(query)).first()
        else:
            upsert = _upsert(conn, case_id, as_of, municipality, caseworker_id)
            row = (await conn.execute(upsert.returning(*facts))).first()
        if row is None:
            return CaseFacts(None, 0)
        return CaseFacts(row.municipality, int(row.rules_version))


def _upsert(
    conn: AsyncConnection,
    case_id: UUID,
    as_of: datetime,
    municipality: str | None,
    caseworker_id: str | None,
) -> Any:
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    row: dict[str, object] = {"case_id": case_id, "municipality": municipality}
    if caseworker_id is not None:
        row |= {"caseworker_id": caseworker_id, "caseworker_as_of": as_of}
    statement = insert(t).values(**row)
    new = statement.excluded
    update: dict[str, object] = {
        "municipality": sa.func.coalesce(t.c.municipality, new.municipality)
    }
    if caseworker_id is not None:
        newer = sa.or_(t.c.caseworker_as_of.is_(None), t.c.caseworker_as_of <= new.caseworker_as_of)
        update["caseworker_id"] = sa.case((newer, new.caseworker_id), else_=t.c.caseworker_id)
        update["caseworker_as_of"] = sa.case(
            (newer, new.caseworker_as_of), else_=t.c.caseworker_as_of
        )
    return statement.on_conflict_do_update(index_elements=[t.c.case_id], set_=update)
