"""Standard contracts in the contracts view, next to individual ones (kind ``standard``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from provider.adapters.sql import upsert
from provider.adapters.tables import contracts_view


async def project_standard(
    conn: AsyncConnection, revision: int, type_: str, data: dict[str, Any]
) -> None:
    contract_id = UUID(data["contract_id"])
    now = datetime.now(UTC)
    if type_ == "StandardOfferReceived":
        row = {
            "contract_id": contract_id,
            "tenant_id": UUID(data["tenant_id"]),
            "kind": "standard",
            "order_id": None,
            "version": data["version"],
            "terms": data["terms"],
            "revision": revision,
            "updated_at": now,
        }
        await upsert(conn, contracts_view, row, ["contract_id"])
        return
    values = {"countersigned_version": data["version"], "revision": revision, "updated_at": now}
    stmt = contracts_view.update().where(contracts_view.c.contract_id == contract_id)
    await conn.execute(stmt.values(values))
