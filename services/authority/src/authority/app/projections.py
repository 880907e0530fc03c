"""Rebuilding the read models from the log (``python -m authority rebuild NAME``).

Commands keep the read models current in their own transaction; these projections replay
the log into them after a schema change or a bug fix. Each event re-folds its stream up to
that event and rewrites the row, so replaying is idempotent.
"""

from __future__ import annotations

from eventkit import RecordedEvent
from eventkit.reading import load_stream
from sqlalchemy.ext.asyncio import AsyncConnection

from authority.app.aggregates import AnyAggregate, Kit
from authority.app.deadline_list import DeadlineProjection

NAMES = {
    "cases": "case",
    "orders": "order",
    "contracts": "contract",
    "followups": "followup",
    "concerns": "concern",
    "claims": "claim",
    "standard_contracts": "standard",
    "notifications": "notification",
}


class StateProjection:
    def __init__(self, name: str, aggregate: AnyAggregate, kit: Kit) -> None:
        self.name, self.aggregate, self.kit = name, aggregate, kit

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None:
        if not event.stream_id.startswith(f"{self.aggregate.category}-"):
            return
        stream = await load_stream(conn, event.stream_id, None)
        loaded = await self.aggregate.replay(r for r in stream if r.revision <= event.revision)
        if loaded.state is not None:
            await self.kit.views.save(conn, loaded.state, loaded.revision)

    async def reset(self, conn: AsyncConnection) -> None:
        await self.kit.views.reset(conn, self.name)


class ProviderProjection:
    name = "providers"

    def __init__(self, kit: Kit) -> None:
        self.kit = kit

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None:
        if event.type == "ProviderMaterialRecorded":
            await self.kit.views.save_provider(conn, event.data)

    async def reset(self, conn: AsyncConnection) -> None:
        await self.kit.views.reset(conn, self.name)


Projection = StateProjection | ProviderProjection | DeadlineProjection


def projections(kit: Kit) -> list[Projection]:
    by_category = {a.category: a for a in kit.aggregates.all()}
    found: list[Projection] = [
        StateProjection(name, by_category[category], kit) for name, category in NAMES.items()
    ]
    return [*found, ProviderProjection(kit), DeadlineProjection(kit.views)]
