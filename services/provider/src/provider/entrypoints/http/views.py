"""The rows the list endpoints answer with, typed for generated clients.

``extra="allow"``: a field the read model gains later still reaches the client (and is
documented by adding it here); the fields named are the ones a client can rely on.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class View(BaseModel):
    model_config = ConfigDict(extra="allow")


class OrderSummary(View):
    order_id: UUID
    status: str = Field(description="received, accepted, declined, withdrawn, ...")
    order_version: int = Field(description="The authority's order version (webhook `version`)")
    revision: int = Field(description="Send as If-Match / expected_revision when answering")
    measure_code: str | None
    answer_deadline: date | None
    snapshot: dict[str, Any] | None
    free_places: int | None = None


class ContractSummary(View):
    contract_id: UUID
    kind: str = Field(description="individual or standard")
    order_id: UUID | None
    version: int
    countersigned_version: int | None
    terms: dict[str, Any]
    revision: int
    in_force: bool


class ClaimSummary(View):
    claim_id: UUID
    claim_number: str
    contract_id: UUID
    period_start: date
    period_end: date
    total_oere: int
    credited_oere: int
    status: str
    revision: int


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
