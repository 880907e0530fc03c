"""Paged, filtered queries over the read models for the UI's lists.

The app's ``Views.rows`` returns whole tables; with 10 000 cases the lists must be paged and
sorted in the database. The UI may not import the adapters (layer rule), so it names the few
view columns it reads here, typed so results come back alike from PostgreSQL and SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

PAGE = 20
Id = sa.Uuid(as_uuid=True)

cases = sa.table(
    "view_cases",
    sa.column("case_id", Id),
    sa.column("child_initials", sa.String),
    sa.column("status", sa.String),
    sa.column("caseworker_id", sa.String),
)
orders = sa.table(
    "view_orders",
    sa.column("order_id", Id),
    sa.column("case_id", Id),
    sa.column("provider_id", Id),
    sa.column("measure", sa.String),
    sa.column("status", sa.String),
)
contracts = sa.table(
    "view_contracts",
    sa.column("contract_id", Id),
    sa.column("order_id", Id),
    sa.column("case_id", Id),
)
followups = sa.table(
    "view_followups",
    sa.column("followup_id", Id),
    sa.column("case_id", Id),
    sa.column("due_on", sa.Date),
    sa.column("has_report", sa.Boolean),
    sa.column("outcome", sa.String),
)
concerns = sa.table(
    "view_concerns",
    sa.column("concern_id", Id),
    sa.column("case_id", Id),
    sa.column("kind", sa.String),
    sa.column("urgency", sa.String),
    sa.column("received_at", sa.DateTime(timezone=True)),
    sa.column("acknowledged_by", sa.String),
)
claims = sa.table(
    "view_claims",
    sa.column("claim_id", Id),
    sa.column("contract_id", Id),
    sa.column("status", sa.String),
    sa.column("total_oere", sa.BigInteger),
    sa.column("period_start", sa.Date),
)
providers = sa.table(
    "view_providers",
    sa.column("provider_id", Id),
    sa.column("name", sa.String),
    sa.column("kind", sa.String),
    sa.column("material", sa.JSON),
)


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    total: int
    number: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE))


class ReadSide:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def page(self, query: sa.Select[Any], number: int) -> Page:
        """One page of ``query`` (which must be ordered) and the total it pages through."""
        number = max(1, number)
        count = sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
        async with self.engine.connect() as conn:
            total = int(await conn.scalar(count) or 0)
            found = await conn.execute(query.limit(PAGE).offset((number - 1) * PAGE))
            return Page([dict(r) for r in found.mappings()], total, number)

    async def all(self, query: sa.Select[Any]) -> list[dict[str, Any]]:
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]


def mine(query: sa.Select[Any], case_column: Any, caseworker: str | None) -> sa.Select[Any]:
    """Restrict to the cases of one caseworker (None: the whole unit, as a team leader sees it)."""
    if caseworker is None:
        return query
    return query.where(
        case_column.in_(sa.select(cases.c.case_id).where(cases.c.caseworker_id == caseworker))
    )
