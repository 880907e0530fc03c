"""Claims as the tenant lists them: status and credited amount per claim."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from provider.adapters.tables import claims_view


async def project_claim(
    conn: AsyncConnection, revision: int, type_: str, data: dict[str, Any]
) -> None:
    claim_id = UUID(data["claim_id"])
    if type_ == "ClaimSubmitted":
        row = {
            "claim_id": claim_id,
            "tenant_id": UUID(data["tenant_id"]),
            "claim_number": data["claim_number"],
            "contract_id": UUID(data["contract_id"]),
            "period_start": date.fromisoformat(data["period_start"]),
            "period_end": date.fromisoformat(data["period_end"]),
            "total_oere": data["total_oere"],
            "credited_oere": 0,
            "status": "submitted",
            "revision": revision,
        }
        await conn.execute(claims_view.insert().values(row))
        return
    values: dict[str, Any] = {"revision": revision}
    if type_ == "CreditNoteIssued":
        values["credited_oere"] = claims_view.c.credited_oere + data["amount_oere"]
    else:
        values["status"] = "approved" if type_ == "ClaimApproved" else "rejected"
    stmt = claims_view.update().where(claims_view.c.claim_id == claim_id)
    await conn.execute(stmt.values(values))
