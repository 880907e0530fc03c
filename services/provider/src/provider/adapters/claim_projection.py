"""Claims as the tenant lists them: status, credited amount, each line with the authority's
outcome (numbers and codes; descriptions stay in the event store), payment due and paid."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from provider.adapters.tables import claims_view

STATUS = {"ClaimApproved": "approved", "ClaimRejected": "rejected", "ClaimPaid": "paid"}


def _lines(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "line": number,
            "kind": line.get("kind", "service"),
            "units": line["units"],
            "unit_price_oere": line["unit_price_oere"],
            "amount_oere": line["units"] * line["unit_price_oere"],
            "outcome": None,
            "reason_code": None,
            "text": None,
        }
        for number, line in enumerate(data["lines"], start=1)
    ]


async def _decided(conn: AsyncConnection, claim_id: UUID, data: dict[str, Any]) -> list[Any]:
    """The lines with the authority's outcome (an approval naming none approved them all)."""
    query = sa.select(claims_view.c.lines).where(claims_view.c.claim_id == claim_id)
    lines: list[dict[str, Any]] = list((await conn.execute(query)).scalar() or [])
    outcomes = {o["line"]: o for o in data.get("outcomes", [])}
    for line in lines:
        found = outcomes.get(line["line"])
        approved = found["approved"] if found else data.get("reason_code") is None
        line |= {
            "outcome": "approved" if approved else "rejected",
            "reason_code": found["reason_code"] if found else data.get("reason_code"),
            "text": found["text"] if found else None,
        }
    return lines


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
            "lines": _lines(data),
        }
        await conn.execute(claims_view.insert().values(row))
        return
    values: dict[str, Any] = {"revision": revision}
    if type_ == "CreditNoteIssued":
        values["credited_oere"] = claims_view.c.credited_oere + data["amount_oere"]
    elif type_ == "ClaimPaid":
        values |= {"status": "paid", "paid_on": date.fromisoformat(data["paid_on"])}
    else:
        values |= {"status": STATUS[type_], "lines": await _decided(conn, claim_id, data)}
        if data.get("payment_due_on"):
            values["payment_due_on"] = date.fromisoformat(data["payment_due_on"])
        values["approved_total_oere"] = data.get("approved_total_oere")
    stmt = claims_view.update().where(claims_view.c.claim_id == claim_id)
    await conn.execute(stmt.values(values))
