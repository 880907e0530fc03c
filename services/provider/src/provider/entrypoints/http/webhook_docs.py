"""The webhook protocol in the OpenAPI document: the description, and one ``webhooks`` entry
per event type with its typed ``data`` (docs/providers/webhooks.md is the long form of the same)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from fastapi import FastAPI
from pydantic import BaseModel, Field, create_model

PROTOCOL = """
Samspil's API for provider organisations' own systems.

**Authentication**: the tenant's API key in `X-Api-Key: spk_…` (security scheme `ApiKey`)
or as `Authorization: Bearer spk_…`; people sign in with a bearer JWT (`HTTPBearer`).
Errors are `application/problem+json` (RFC 9457).

**Contracts**: `GET /contracts/{contract_id}` shows under `offer.terms` every term you are
asked to countersign (goals, scope, frequency, start, expected duration, the follow-up the
authority wants, special economic agreements, price and payment terms; an individual
contract's `offer.framework` shows its standard contract's general and measure-specific
terms) and `offer.terms_sha256`, the hash you sign: SHA-256 (lower-case hex) of the terms'
canonical form, JSON with keys sorted at every level, no whitespace, UTF-8 (RFC 8785; full
form: `docs/contract-hash.md`). Recompute it from `offer.terms` and send it as
`terms_sha256` when you countersign: a hash that is not the hash of the terms held is
refused (`terms_hash_mismatch`).

**Webhooks** (register with `PUT /webhooks/endpoint`; full guide: `docs/providers/webhooks.md`).
Each delivery is `POST <your url>` with a JSON envelope `{id, type, tenant_id, created_at,
data}` and the headers

* `Samspil-Webhook-Id`: the delivery id, equal on every retry: **deduplicate by it**;
* `Samspil-Webhook-Timestamp`: unix seconds when this attempt was signed;
* `Samspil-Signature`: `v1=<hex>`, the HMAC-SHA256 under your secret of
  `"<timestamp>.<raw body>"`; several comma-separated `v1=` values while a secret rotates
  (accept if any matches, compare in constant time).

Refuse a timestamp more than **300 s** from now. Answer 2xx within **10 s**; anything else
is retried ({retries}), then the delivery is `dead` until redelivered. Delivery is at least
once and unordered; payloads are thin: **fetch the named resource** by REST and act on that.
The event types and their `data` are under `webhooks`.
"""


class Envelope(BaseModel):
    id: UUID = Field(description="The causing event's id")
    type: str = Field(description="The event type (the key under `webhooks`)")
    tenant_id: UUID
    created_at: datetime
    data: dict[str, object]


class OrderData(BaseModel):
    order_id: UUID
    version: int = Field(description="The order's revision: skip one older than yours")


class OrderIdData(BaseModel):
    order_id: UUID


class AnswerDeadlineData(BaseModel):
    order_id: UUID
    deadline_id: UUID = Field(description="A moved deadline (a changed order) has a new id")
    due_at: datetime = Field(
        description="Your answer is due then: the scheduler's working-day rule, counted from "
        "the order (version); the same instant as `answer_due_at` in `GET /orders/{order_id}`"
    )


class ContractOfferedData(BaseModel):
    contract_id: UUID
    version: int
    kind: Literal["standard"] | None = Field(None, description="Set for a standard contract")


class ContractInForceData(BaseModel):
    contract_id: UUID
    version: int
    start: date


class ContractTerminatedData(BaseModel):
    contract_id: UUID
    given_by: Literal["authority", "provider"]
    reason_code: str = Field(description="goals_met, measure_no_longer_needed, child_moved, ...")
    notice_given_on: date
    last_day: date = Field(
        description="In force through this day (Copenhagen); the same as `notice_given_on` "
        "when it ended at once (then `contract.ended` follows)"
    )


class ContractEndedData(BaseModel):
    contract_id: UUID
    ended_on: date = Field(description="The last day it was in force")


class DeadlineData(BaseModel):
    deadline_id: UUID
    phase: Literal["warning", "due", "overdue"]
    kind: Literal["status_report_due", "order_answer_due"]
    order_id: UUID | None = None
    contract_id: UUID | None = None
    due_at: datetime
    fired_at: datetime
    followup_ref: str | None = Field(
        None,
        description="`status_report.due`: the follow-up the report prepares, to name in "
        "POST /contracts/{contract_id}/status-reports (absent if not yet announced)",
    )


class LineOutcomeData(BaseModel):
    line: int = Field(description="The line's number in the claim, from 1")
    outcome: Literal["approved", "rejected"]
    reason_code: str | None = Field(
        None,
        description="A rejected line's code: price_differs_from_contract, "
        "outside_contract_period, exceeds_scope, no_special_agreement, not_delivered, "
        "already_claimed, other",
    )


class ClaimData(BaseModel):
    claim_id: UUID
    lines: list[LineOutcomeData] = Field(
        default_factory=list, description="Each line's outcome (empty: the whole claim)"
    )
    approved_total_oere: int | None = Field(
        None, description="`claim.approved`: the approved lines less your credit notes"
    )
    payment_due_on: date | None = Field(
        None, description="`claim.approved`: the contract's payment terms from the claim"
    )
    reason_code: str | None = Field(None, description="`claim.rejected`: the first line's code")


class ClaimPaidData(BaseModel):
    claim_id: UUID
    paid_on: date
    paid_total_oere: int


class ChangeAnsweredData(BaseModel):
    contract_id: UUID
    request_id: UUID
    kind: Literal["extend", "change_scope", "end_early"]
    status: Literal["granted", "refused"]
    amended_version: int | None = None  # a grant of extend or change_scope: to countersign
    reason_code: str | None = None  # a refusal's coded reason


class DocumentData(BaseModel):
    contract_id: UUID
    document_id: UUID


class ChildErasedData(BaseModel):
    case_id: UUID
    order_ids: list[UUID]


class TestData(BaseModel):
    test: Literal[True] = True


# type -> (its data, when it is sent, the REST call giving the resource's current state);
# the types are the adapters' WebhookEventType (a test keeps the two equal).
CATALOGUE: dict[str, tuple[type[BaseModel], str, str]] = {
    "order.placed": (OrderData, "The authority ordered a measure", "GET /orders/{order_id}"),
    "order.changed": (OrderData, "The authority changed an order", "GET /orders/{order_id}"),
    "order.withdrawn": (OrderIdData, "An order was withdrawn", "GET /orders/{order_id}"),
    "order.answer_deadline": (
        AnswerDeadlineData,
        "The answer deadline of an order (version) was set or moved; until it is, the "
        "order's `answer_deadline_status` is `pending` and `answer_due_at` null",
        "GET /orders/{order_id}",
    ),
    "contract.offered": (
        ContractOfferedData,
        "A contract (version) signed by the authority awaits your countersignature",
        "GET /contracts/{contract_id}",
    ),
    "contract.in_force": (
        ContractInForceData,
        "Both parties signed: the version is in force",
        "GET /contracts/{contract_id}",
    ),
    "contract.terminated": (
        ContractTerminatedData,
        "Notice was given of a contract (by you or the authority): still in force through "
        "`last_day`",
        "GET /contracts/{contract_id} (its `notice`)",
    ),
    "contract.ended": (
        ContractEndedData,
        "A contract under notice ended: no longer in force",
        "GET /contracts/{contract_id}",
    ),
    "status_report.due": (
        DeadlineData,
        "A status report falls due (warning, due, overdue)",
        "GET /contracts/{contract_id}/follow-ups (its `followup_ref`), then "
        "POST /contracts/{contract_id}/status-reports",
    ),
    "order_answer.due": (DeadlineData, "Your answer to an order falls due", "GET /orders/{id}"),
    "claim.approved": (
        ClaimData,
        "Your claim was approved, wholly or in part (each line's outcome in `lines`)",
        "GET /claims/{claim_id}",
    ),
    "claim.rejected": (
        ClaimData,
        "Every line of your claim was rejected, each with a reason code",
        "GET /claims/{claim_id}",
    ),
    "claim.paid": (
        ClaimPaidData,
        "The authority paid your approved claim",
        "GET /claims/{claim_id}",
    ),
    "change_request.answered": (
        ChangeAnsweredData,
        "The caseworker granted or refused your change request; a granted extension or "
        "change of scope comes as a new version to countersign (`contract.offered`)",
        "GET /contracts/{contract_id}/change-requests",
    ),
    "document.shared": (
        DocumentData,
        "The authority shared a document on a contract",
        "GET /contracts/{contract_id}/documents/{document_id}",
    ),
    "child.erased": (
        ChildErasedData,
        "The child's personal data was erased: delete your copies",
        "GET /orders/{order_id}",
    ),
    "webhook.test": (TestData, "A test ping you asked for", "nothing to fetch"),
}


def describe(app: FastAPI, retries: str) -> None:
    """Put the protocol and the catalogue into ``app``'s OpenAPI document."""
    app.description = PROTOCOL.replace("{retries}", retries)
    for event_type, (model, when, fetch) in CATALOGUE.items():
        _webhook(app, event_type, model, f"{when}. Fetch: `{fetch}`.")


def _webhook(app: FastAPI, name: str, model: type[BaseModel], description: str) -> None:
    title = "".join(part.title() for part in re.split(r"[._]", name))
    body = create_model(f"{title}Webhook", __base__=Envelope, data=(model, ...))

    async def receive(body: Envelope) -> None:
        """Documentation only: what Samspil POSTs to the tenant's endpoint."""

    receive.__annotations__ = {"body": body, "return": None}  # this type's own envelope
    app.webhooks.post(
        name,
        summary=name,
        description=description,
        operation_id=f"webhook_{name.replace('.', '_')}",
        status_code=200,
    )(receive)
