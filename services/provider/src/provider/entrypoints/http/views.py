"""The rows the list endpoints answer with, typed for generated clients.

``extra="allow"``: a field the read model gains later still reaches the client (and is
documented by adding it here); the fields named are the ones a client can rely on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


class View(BaseModel):
    model_config = ConfigDict(extra="allow")


class OrderSummary(View):
    order_id: UUID
    status: str = Field(description="received, accepted, declined, withdrawn, ...")
    order_version: int = Field(description="The authority's order version (webhook `version`)")
    revision: int = Field(description="Send as If-Match / expected_revision when answering")
    measure_code: str | None
    answer_due_at: datetime | None = Field(
        description="The answer deadline, the scheduler's (the municipality's working-day "
        "rule, e.g. 5 working days, 09:00 Copenhagen time): null while `pending`, and "
        "after it was cancelled. A changed order gets a new one (webhook "
        "`order.answer_deadline`)"
    )
    answer_deadline: date | None = Field(
        description="`answer_due_at` as a date in Copenhagen; null when it is"
    )
    answer_deadline_status: str = Field(
        description="pending (the scheduler has not announced it yet), open, met or cancelled"
    )
    snapshot: dict[str, Any] | None
    free_places: int | None = None


def answer_deadline(row: dict[str, Any]) -> dict[str, Any]:
    """The scheduler's answer deadline as the inbox shows it: pending until announced."""
    status = row.get("answer_deadline_status") or "pending"
    due = row.get("answer_due_at") if status in ("open", "met") else None
    if due is not None and due.tzinfo is None:  # SQLite keeps no offset; stored in UTC
        due = due.replace(tzinfo=UTC)
    return {
        "answer_due_at": due,
        "answer_deadline": None if due is None else due.astimezone(COPENHAGEN).date(),
        "answer_deadline_status": status,
    }


class ContractSummary(View):
    contract_id: UUID
    kind: str = Field(description="individual or standard")
    order_id: UUID | None
    version: int
    countersigned_version: int | None
    terms: dict[str, Any]
    revision: int
    in_force: bool = Field(description="Also under notice, through its last day")
    notice: dict[str, Any] | None = Field(
        None, description="Notice given by either party: given_by, reason_code, last_day, ..."
    )
    ended: bool = Field(False, description="The last day under notice has passed")


class ClaimSummary(View):
    claim_id: UUID
    claim_number: str
    contract_id: UUID
    period_start: date
    period_end: date
    total_oere: int
    credited_oere: int
    status: str = Field(description="submitted, approved (wholly or in part), rejected, paid")
    revision: int
    lines: list[dict[str, Any]] | None = Field(
        None, description="Each line: kind, units, amounts, outcome and reason_code"
    )
    approved_total_oere: int | None = None
    payment_due_on: date | None = None
    paid_on: date | None = None


class Reminder(View):
    deadline_id: UUID
    phase: str = Field(description="warning, due or overdue")
    kind: str = Field(description="status_report_due or order_answer_due")
    order_id: UUID | None
    contract_id: UUID | None
    due_at: datetime
    fired_at: datetime


class AccessEntry(View):
    id: UUID
    order_id: UUID
    user_id: str
    reason: str
    at: datetime


class SharedDocumentSummary(View):
    document_id: UUID
    contract_id: UUID
    media_type: str
    size: int
    sha256: str
    filename: str = Field(description="`[erased]` once the child's data is erased")
    shared_at: datetime
