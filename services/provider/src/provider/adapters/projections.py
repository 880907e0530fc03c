"""Read models from the provider's own events: one code path for the synchronous projection
(called in the command's transaction) and for ``python -m provider rebuild NAME``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventkit import RecordedEvent
from sqlalchemy.ext.asyncio import AsyncConnection

from provider.adapters.claim_projection import project_claim
from provider.adapters.sql import upsert
from provider.adapters.standard_projection import project_standard
from provider.adapters.tables import claims_view, contracts_view, orders_inbox

STATUS_OF = {
    "OrderWithdrawn": "withdrawn",
    "OrderAccepted": "accepted",
    "OrderDeclined": "declined",
}


async def project_order(
    conn: AsyncConnection, revision: int, type_: str, data: dict[str, Any]
) -> None:
    key = orders_inbox.c.order_id == UUID(data["order_id"])
    now = datetime.now(UTC)
    if type_ in {"OrderReceived", "OrderChanged"}:
        snap = data["snapshot"]
        row = {
            "order_id": UUID(data["order_id"]),
            "tenant_id": UUID(data["tenant_id"]),
            "status": "received",  # a new version is open for an answer again
            "order_version": data["order_version"],
            "revision": revision,
            "snapshot": snap,
            "measure_code": snap["measure_code"],
            "updated_at": now,
        }
        await upsert(conn, orders_inbox, row, ["order_id"])
        return
    if type_ == "OrderWithdrawn" and data["previous_status"] is None:  # a tombstone
        row = {
            "order_id": UUID(data["order_id"]),
            "tenant_id": UUID(data["tenant_id"]),
            "status": "withdrawn",
            "order_version": 0,
            "revision": revision,
            "updated_at": now,
        }
        await upsert(conn, orders_inbox, row, ["order_id"])
        return
    values = {"status": STATUS_OF[type_], "revision": revision, "updated_at": now}
    await conn.execute(orders_inbox.update().where(key).values(values))


async def project_contract(
    conn: AsyncConnection, revision: int, type_: str, data: dict[str, Any]
) -> None:
    contract_id = UUID(data["contract_id"])
    now = datetime.now(UTC)
    if type_ == "ContractOfferReceived":
        row = {
            "contract_id": contract_id,
            "tenant_id": UUID(data["tenant_id"]),
            "order_id": UUID(data["order_id"]),
            "version": data["version"],
            "terms": data["terms"],
            "revision": revision,
            "updated_at": now,
        }
        await upsert(conn, contracts_view, row, ["contract_id"])
        return
    values: dict[str, Any] = {"revision": revision, "updated_at": now}
    if type_ == "ContractCountersigned":
        values["countersigned_version"] = data["version"]
    elif type_ == "NoticeGiven":
        notice = data["notice"]
        values |= {"notice": notice, "ended": notice["last_day"] == notice["notice_given_on"]}
    elif type_ == "ContractEnded":
        values["ended"] = True
    stmt = contracts_view.update().where(contracts_view.c.contract_id == contract_id)
    await conn.execute(stmt.values(values))


PROJECTORS = {
    "order": project_order,
    "contract": project_contract,
    "standard": project_standard,
    "claim": project_claim,
}
KIND = contracts_view.c.kind  # both kinds of contract share the view
RESETS = {
    "order": orders_inbox.delete(),
    "contract": contracts_view.delete().where(KIND == "individual"),
    "standard": contracts_view.delete().where(KIND == "standard"),
    "claim": claims_view.delete(),
}
NAMES = {"orders": "order", "contracts": "contract", "standards": "standard", "claims": "claim"}


class ReadModelProjector:
    """The app's ``ReadModels`` port."""

    async def project(
        self, conn: AsyncConnection, stream_id: str, revision: int, type_: str, data: dict[str, Any]
    ) -> None:
        projector = PROJECTORS.get(stream_id.partition("-")[0])
        if projector is not None:
            await projector(conn, revision, type_, data)

    async def claim_number_taken(
        self, conn: AsyncConnection, tenant_id: UUID, claim_number: str
    ) -> bool:
        query = sa.select(claims_view.c.claim_id).where(
            claims_view.c.tenant_id == tenant_id, claims_view.c.claim_number == claim_number
        )
        return (await conn.execute(query)).first() is not None


class StreamProjection:
    """An eventkit ``Projection`` over one stream category, for rebuilding from the log."""

    def __init__(self, name: str) -> None:
        self.name, self.category = name, NAMES[name]

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None:
        if event.stream_id.partition("-")[0] == self.category:
            await PROJECTORS[self.category](conn, event.revision, event.type, event.data)

    async def reset(self, conn: AsyncConnection) -> None:
        await conn.execute(RESETS[self.category])


def projections() -> list[StreamProjection]:
    return [StreamProjection(name) for name in NAMES]
