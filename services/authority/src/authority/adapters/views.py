"""The read models on SQLAlchemy Core: rewritten row by row in the command's transaction."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from authority.adapters.rows import row_for
from authority.adapters.search_index import BlindIndex
from authority.adapters.tables import VIEWS, access_log, caseworker_teams
from authority.domain.case import CaseState
from authority.domain.casefile import CaseFileState
from authority.domain.change import ContractChanges

Row = dict[str, Any]
CASE_STREAMS = ("orders", "contracts", "followups", "concerns", "claims", "notifications")
CATEGORY = {
    "orders": "order",
    "contracts": "contract",
    "followups": "followup",
    "concerns": "concern",
    "claims": "claim",
    "notifications": "notification",
}

_orders = VIEWS["orders"].c
_ORDER_OPEN = (  # built once, as the upserts below
    sa.select(_orders.order_id)
    .where(
        _orders.case_id == sa.bindparam("case_id"),
        _orders.decision_id == sa.bindparam("decision_id"),
        _orders.status.in_(sa.bindparam("statuses", expanding=True)),
    )
    .limit(1)
)


class SqlViews:
    def __init__(self, engine: AsyncEngine, index: BlindIndex | None = None) -> None:
        """``index``: the case search's blind index, kept with each case row."""
        self.engine, self.index = engine, index

    async def save(self, conn: AsyncConnection, state: object, revision: int) -> None:
        if isinstance(state, CaseFileState | ContractChanges):
            return  # read from their streams (with the case, or the contract's)
        name, row = row_for(state)
        if name in ("followups", "claims"):
            row["case_id"] = await self._case_of_contract(conn, row["contract_id"])
        await self._upsert(conn, name, {**row, "revision": revision})
        if isinstance(state, CaseState) and self.index is not None:
            await self.index.save(conn, state)

    async def save_provider(self, conn: AsyncConnection, material: Any) -> None:
        row = {
            "provider_id": UUID(str(material["provider_id"])),
            "name": material["name"],
            "kind": material["kind"],
            "material": dict(material),
            "revision": int(material["version"]),
        }
        # Only a newer version replaces the registry's: a replayed or late older event
        # (redelivery, a partition read again) must not roll the provider's material back.
        await conn.execute(_upsert_of(conn.dialect.name, "providers", newer_only=True), row)

    async def deadline(self, conn: AsyncConnection, deadline_id: UUID) -> Row | None:
        table = VIEWS["deadlines"]
        query = sa.select(table).where(table.c.deadline_id == deadline_id)
        found = (await conn.execute(query)).mappings().first()
        return dict(found) if found else None

    async def save_deadline(self, conn: AsyncConnection, row: Row) -> None:
        if row["case_id"] is None and row["contract_id"] is not None:
            row = row | {"case_id": await self._case_of_contract(conn, row["contract_id"])}
        await self._upsert(conn, "deadlines", row)

    async def reset(self, conn: AsyncConnection, name: str) -> None:
        await conn.execute(VIEWS[name].delete())
        if name == "cases" and self.index is not None:
            await self.index.reset(conn)

    async def rows(self, name: str, **filters: object) -> Sequence[Row]:
        table = VIEWS[name]
        query = sa.select(table)
        for column, value in filters.items():
            if value is not None:
                query = query.where(table.c[column] == value)
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]

    async def row(self, name: str, key: UUID) -> Row | None:
        table = VIEWS[name]
        pk = next(iter(table.primary_key.columns))
        async with self.engine.connect() as conn:
            found = (await conn.execute(sa.select(table).where(pk == key))).mappings().first()
        return dict(found) if found else None

    async def order_open(
        self, conn: AsyncConnection, case_id: UUID, decision_id: UUID, statuses: Sequence[str]
    ) -> bool:
        params = {"case_id": case_id, "decision_id": decision_id, "statuses": list(statuses)}
        return await conn.scalar(_ORDER_OPEN, params) is not None

    async def open_followup(self, conn: AsyncConnection, contract_id: UUID) -> UUID | None:
        table = VIEWS["followups"]
        query = sa.select(table.c.followup_id).where(
            table.c.contract_id == contract_id, table.c.outcome.is_(None)
        )
        found = await conn.scalar(query.order_by(table.c.due_on).limit(1))
        return found if isinstance(found, UUID) else None

    async def streams_of_case(self, case_id: UUID) -> list[str]:
        streams = [f"case-{case_id}", f"casefile-{case_id}"]
        async with self.engine.connect() as conn:
            for name in CASE_STREAMS:
                table = VIEWS[name]
                pk = next(iter(table.primary_key.columns))
                found = await conn.scalars(sa.select(pk).where(table.c.case_id == case_id))
                ids = list(found)
                streams += [f"{CATEGORY[name]}-{key}" for key in ids]
                if name == "contracts":  # each contract's change requests too
                    streams += [f"change-{key}" for key in ids]
        return streams

    async def log_access(
        self,
        conn: AsyncConnection,
        case_id: UUID,
        user_id: str,
        role: str,
        reason: str,
        what: str = "cpr",
        flagged: bool = False,
    ) -> None:
        values = {"case_id": case_id, "user_id": user_id, "role": role, "reason": reason}
        values |= {"what": what, "flagged": flagged}
        await conn.execute(access_log.insert().values(**values, at=datetime.now(UTC)))

    async def access_log(self, case_id: UUID | None, flagged: bool | None = None) -> list[Row]:
        query = sa.select(access_log).order_by(access_log.c.id)
        if case_id is not None:
            query = query.where(access_log.c.case_id == case_id)
        if flagged is not None:
            query = query.where(access_log.c.flagged.is_(flagged))
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]

    async def team_of(self, caseworker_id: str) -> str | None:
        query = sa.select(caseworker_teams.c.team).where(
            caseworker_teams.c.caseworker_id == caseworker_id
        )
        async with self.engine.connect() as conn:
            found = await conn.scalar(query)
        return None if found is None else str(found)

    async def _case_of_contract(self, conn: AsyncConnection, contract_id: UUID) -> UUID | None:
        table = VIEWS["contracts"]
        found = await conn.scalar(
            sa.select(table.c.case_id).where(table.c.contract_id == contract_id)
        )
        return found if isinstance(found, UUID) else None

    async def _upsert(self, conn: AsyncConnection, name: str, row: Row) -> None:
        await conn.execute(_upsert_of(conn.dialect.name, name), row)


@functools.cache
def _upsert_of(dialect_name: str, name: str, newer_only: bool = False) -> Any:
    """One statement per view, built once: the row is the whole state, so every column takes
    the new value (those a row lacks their defaults, as a delete and insert would);
    ``newer_only``: unless the stored row has the same or a later revision."""
    table = VIEWS[name]
    stmt = (postgresql if dialect_name == "postgresql" else sqlite).insert(table)
    pk = next(iter(table.primary_key.columns))
    fresh = {c.name: stmt.excluded[c.name] for c in table.columns if c is not pk}
    newer = table.c.revision < stmt.excluded.revision if newer_only else None
    return stmt.on_conflict_do_update(index_elements=[pk], set_=fresh, where=newer)
