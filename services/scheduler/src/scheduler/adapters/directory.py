"""The case directory: each case's municipality and responsible caseworker.

Fed by every consumed event that names them. Events about one case come on several topics
with no order between them, so a caseworker assignment carries its time and an older one
never overwrites a newer one; the municipality of a case does not change.

Noting a case answers, in the same round trip, which municipality it belongs to and which
version of that municipality's rules is in force (``municipality_rules`` is append-only, so
the highest version is the one in force): intake needs both before it decides. The
statements are built once (building one costs more CPU than running it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventkit import Transaction, connection_of
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from scheduler.adapters.tables import case_directory as t
from scheduler.adapters.tables import municipality_rules as r
from scheduler.app.ports import CaseFacts

_GIVEN = sa.bindparam("given", type_=sa.String(3))  # the event's municipality, if any


def _facts() -> tuple[Any, Any]:
    """The case's municipality (the event's, else the directory's) and its rules version."""
    # The row's column by name: SQLAlchemy does not correlate a subquery in RETURNING (it
    # would scan the whole directory).
    noted = sa.literal_column(f"{t.name}.municipality", sa.String(3))
    version = sa.select(sa.func.coalesce(sa.func.max(r.c.version), 0)).where(
        r.c.municipality == sa.func.coalesce(_GIVEN, noted)
    )
    known = sa.func.coalesce(_GIVEN, t.c.municipality).label("municipality")
    return known, version.scalar_subquery().label("rules_version")


def _note(insert: Any) -> Any:
    """Upsert: the municipality once known stays; a caseworker only from a newer event."""
    statement = insert(t).values(
        case_id=sa.bindparam("case"),
        municipality=_GIVEN,
        caseworker_id=sa.bindparam("caseworker"),
        caseworker_as_of=sa.bindparam("as_of"),
    )
    new = statement.excluded
    newer = sa.and_(
        new.caseworker_id.is_not(None),
        sa.or_(t.c.caseworker_as_of.is_(None), t.c.caseworker_as_of <= new.caseworker_as_of),
    )
    update = {
        "municipality": sa.func.coalesce(t.c.municipality, new.municipality),
        "caseworker_id": sa.case((newer, new.caseworker_id), else_=t.c.caseworker_id),
        "caseworker_as_of": sa.case((newer, new.caseworker_as_of), else_=t.c.caseworker_as_of),
    }
    upsert = statement.on_conflict_do_update(index_elements=[t.c.case_id], set_=update)
    return upsert.returning(*_facts())


_NOTE = {"postgresql": _note(pg_insert), "sqlite": _note(sqlite_insert)}
_ASK = sa.select(*_facts()).where(t.c.case_id == sa.bindparam("case"))


class SqlCaseDirectory:
    async def note(
        self,
        tx: Transaction,
        case_id: UUID,
        as_of: datetime,
        municipality: str | None = None,
        caseworker_id: str | None = None,
    ) -> CaseFacts:
        conn = connection_of(tx)
        if municipality is None and caseworker_id is None:  # nothing to note: only ask
            params: dict[str, object] = {"case": case_id, "given": None}
            row = (await conn.execute(_ASK, params)).first()
        else:
            params = {
                "case": case_id,
                "given": municipality,
                "caseworker": caseworker_id,
                "as_of": as_of if caseworker_id is not None else None,
            }
            row = (await conn.execute(_NOTE[conn.dialect.name], params)).first()
        if row is None:
            return CaseFacts(None, 0)
        return CaseFacts(row.municipality, int(row.rules_version))
