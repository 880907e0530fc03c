"""What the webhook API hands back: deliveries, endpoints, errors, event types."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from provider.adapters.webhooks.schema import DeliveryStatus

Clock = Callable[[], datetime]
NO_ENDPOINT = "no active endpoint"
ADDRESS_REFUSED = "address refused"  # the endpoint resolved to a non-public address


class WebhookEventType(StrEnum):
    """The events a tenant can receive; the ``type`` field of every webhook body."""

    ORDER_PLACED = "order.placed"
    ORDER_CHANGED = "order.changed"
    ORDER_WITHDRAWN = "order.withdrawn"
    ORDER_ANSWER_DEADLINE = "order.answer_deadline"  # the scheduler set or moved it
    CONTRACT_OFFERED = "contract.offered"
    CONTRACT_IN_FORCE = "contract.in_force"
    CONTRACT_TERMINATED = "contract.terminated"  # notice given, by either party
    CONTRACT_ENDED = "contract.ended"  # the last day under notice passed
    STATUS_REPORT_DUE = "status_report.due"
    ORDER_ANSWER_DUE = "order_answer.due"
    CLAIM_APPROVED = "claim.approved"
    CLAIM_REJECTED = "claim.rejected"
    CLAIM_PAID = "claim.paid"
    CHANGE_REQUEST_ANSWERED = "change_request.answered"  # granted or refused
    DOCUMENT_SHARED = "document.shared"
    CHILD_ERASED = "child.erased"  # the child's personal data is erased: delete your copies
    WEBHOOK_TEST = "webhook.test"  # a ping the tenant asked for


class DeliveryNotFound(LookupError):
    """No such delivery for this tenant (another tenant's delivery is not found either)."""


class EndpointNotFound(LookupError):
    """The tenant has registered no webhook endpoint."""


@dataclass(frozen=True, slots=True)
class Delivery:
    id: UUID
    tenant_id: str
    event_id: UUID
    event_type: str
    body: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None

    @property
    def outcome(self) -> str | None:
        """The last attempt as the tenant is told it: classes too coarse to scan a network
        with (which status answered, or whether a port refused or timed out, stays here)."""
        if self.status is DeliveryStatus.DELIVERED:
            return "delivered"
        if self.attempts == 0 or self.last_error is None:
            return None
        if self.last_status_code is not None:
            return "rejected"
        return {NO_ENDPOINT: "no_endpoint", ADDRESS_REFUSED: "address_refused"}.get(
            self.last_error, "unreachable"
        )

    @classmethod
    def from_row(cls, row: Any) -> Delivery:
        return cls(
            id=row.id,
            tenant_id=row.tenant_id,
            event_id=row.event_id,
            event_type=row.event_type,
            body=row.body,
            status=DeliveryStatus(row.status),
            attempts=row.attempts,
            next_attempt_at=as_utc(row.next_attempt_at),
            last_status_code=row.last_status_code,
            last_error=row.last_error,
            created_at=as_utc(row.created_at),
            delivered_at=None if row.delivered_at is None else as_utc(row.delivered_at),
        )


@dataclass(frozen=True, slots=True)
class Endpoint:
    tenant_id: str
    url: str
    active: bool
    secrets: tuple[str, ...] = field(repr=False)  # newest first; kept out of repr and logs


def webhook_body(
    event_id: UUID, event_type: str, tenant_id: str, created_at: datetime, data: dict[str, Any]
) -> str:
    """The JSON every webhook carries: an envelope around the event's ``data``."""
    body = {
        "id": str(event_id),
        "type": event_type,
        "tenant_id": tenant_id,
        "created_at": created_at.isoformat(),
        "data": data,
    }
    # default=str: UUIDs, dates and decimals in payloads become their canonical strings.
    return json.dumps(body, default=str, separators=(",", ":"))


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive (they were stored as UTC): make every one aware."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
