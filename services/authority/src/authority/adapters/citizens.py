"""Who is on which case, by keyed hash of the CPR number: the access log per citizen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from authority.adapters.keys import CprLookup
from authority.adapters.tables import access_log, citizen_index

Row = dict[str, Any]


class SqlCitizens:
    def __init__(self, engine: AsyncEngine, master_b64url: str) -> None:
        self.engine = engine
        self.lookup = CprLookup(master_b64url)

    async def index(
        self, conn: AsyncConnection, case_id: UUID, people: Sequence[tuple[str, str]]
    ) -> None:
        """``people``: (CPR digits, relation) of the child, the parents and a guardian."""
        rows = {self.lookup(cpr): relation for cpr, relation in people}
        for lookup, relation in rows.items():
            values = {"lookup": lookup, "case_id": case_id, "relation": relation}
            await conn.execute(citizen_index.insert().values(**values))

    async def access_log(self, cpr_digits: str) -> list[Row]:
        """Every access to a case this citizen is on, with the citizen's relation to it."""
        index = citizen_index
        query = (
            sa.select(access_log, index.c.relation)
            .join(index, index.c.case_id == access_log.c.case_id)
            .where(index.c.lookup == self.lookup(cpr_digits))
            .order_by(access_log.c.id)
        )
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]
