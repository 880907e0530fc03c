"""The sandbox routes' request and answer models (typed for the generated client)."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from provider.entrypoints.http.reports import FollowUpView

EventType = Literal[
    "order.placed", "order.changed", "order.withdrawn", "order.answer_deadline",
    "contract.offered", "contract.in_force", "contract.terminated", "contract.ended",
    "status_report.due", "order_answer.due", "claim.approved", "claim.rejected", "claim.paid",
    "change_request.answered", "document.shared", "child.erased", "webhook.test",
]  # fmt: skip


class Trigger(BaseModel):
    type: EventType = Field(description="Any type of the catalogue (docs/providers/catalogue.md)")


class Triggered(BaseModel):
    event_id: UUID
    type: str
    data: dict[str, Any] = Field(description="Example data of the type, `sandbox: true`")


class SandboxState(BaseModel):
    enabled: bool


class Countersigned(BaseModel):
    contract_id: UUID
    countersigned_version: int
    revision: int


class ReportMade(BaseModel):
    report_id: UUID


class ClaimMade(BaseModel):
    claim_id: UUID


SANDBOX = Field(True, description="Always true: an invented object that reaches no authority")


class SandboxOrder(BaseModel):
    order_id: UUID
    status: str = Field(description="received, accepted or declined")
    order_version: int
    revision: int
    measure_code: str
    contract_id: UUID | None = Field(description="The contract offered once accepted")
    sandbox: bool = SANDBOX


class SandboxOffer(BaseModel):
    terms: dict[str, Any] = Field(description="Invented terms (no child, no personal data)")
    terms_sha256: str = Field(description="Their hash, as in `GET /contracts/{contract_id}`")


class SandboxContract(BaseModel):
    contract_id: UUID
    kind: str
    order_id: UUID
    version: int
    countersigned_version: int | None
    in_force: bool
    revision: int
    offer: SandboxOffer
    follow_ups: list[FollowUpView]
    sandbox: bool = SANDBOX


class SandboxClaimView(BaseModel):
    claim_id: UUID
    contract_id: UUID
    claim_number: str
    status: str = Field(description="approved: the sandbox authority approves at once")
    sandbox: bool = SANDBOX
