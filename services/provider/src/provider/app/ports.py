"""What the provider's application layer needs from the outside, as protocols."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from provider.domain.sandbox import SandboxCase
from provider.domain.sandbox import Step as SandboxStep


class ReadModels(Protocol):
    """The read models, kept in step with every append in the same transaction."""

    async def project(
        self, conn: AsyncConnection, stream_id: str, revision: int, type_: str, data: dict[str, Any]
    ) -> None: ...

    async def claim_number_taken(
        self, conn: AsyncConnection, tenant_id: UUID, claim_number: str
    ) -> bool: ...


class Documents(Protocol):
    """What arrived with an order that the domain does not keep (sealed child, contacts)."""

    async def save_order(
        self, conn: AsyncConnection, tenant_id: UUID, order_id: UUID, document: dict[str, Any]
    ) -> None: ...

    async def add_reminder(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None: ...

    async def set_answer_deadline(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None:
        """The scheduler set (or moved) an order's answer deadline: it replaces the last."""
        ...

    async def close_answer_deadline(
        self, conn: AsyncConnection, deadline_id: UUID, outcome: str
    ) -> None:
        """The scheduler closed the deadline (met or cancelled), if it is still the order's."""
        ...

    async def set_follow_up_deadline(
        self, conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]
    ) -> None:
        """A contract's follow-up or status-report deadline was set or moved."""
        ...

    async def close_follow_up_deadline(
        self, conn: AsyncConnection, deadline_id: UUID, outcome: str
    ) -> None: ...

    async def follow_up_after(
        self, conn: AsyncConnection, tenant_id: UUID, contract_id: UUID, report_due_at: datetime
    ) -> UUID | None:
        """The open follow-up a status report due then prepares (its ``followup_ref``)."""
        ...


class ChildKeys(Protocol):
    """Child data keys granted to tenants (wrapped), and which children were erased."""

    async def save(
        self, conn: AsyncConnection, tenant_id: UUID, child_id: UUID, wrapped: dict[str, Any]
    ) -> bool: ...

    async def load(self, tenant_id: UUID, child_id: UUID) -> dict[str, Any] | None: ...

    async def child_box(self, tenant_id: UUID, order_id: UUID) -> dict[str, Any] | None: ...

    async def is_erased(self, child_id: UUID) -> bool: ...

    async def erase(
        self, conn: AsyncConnection, child_id: UUID, case_id: UUID, marker: dict[str, Any]
    ) -> list[tuple[UUID, UUID]]: ...


class WebhookQueue(Protocol):
    async def enqueue(
        self,
        conn: AsyncConnection,
        tenant_id: str,
        event_id: UUID,
        event_type: str,
        payload: dict[str, Any],
    ) -> bool: ...


@dataclass(frozen=True)
class SandboxClaim:
    claim_id: UUID
    contract_id: UUID
    claim_number: str
    status: str


class Sandbox(Protocol):
    """The tenant's sandbox (``adapters.sandbox``): invented cases, never told an authority."""

    async def enabled(self, tenant_id: UUID) -> bool: ...
    async def set_enabled(self, tenant_id: UUID, enabled: bool, by: str) -> None: ...
    async def trigger(self, tenant_id: UUID, event_type: str, data: dict[str, Any]) -> UUID: ...
    async def open_case(self, tenant_id: UUID, today: date) -> SandboxCase: ...
    async def case(
        self, tenant_id: UUID, *, order_id: UUID | None = None, contract_id: UUID | None = None
    ) -> SandboxCase: ...
    async def step(
        self,
        tenant_id: UUID,
        order_id: UUID | None,
        contract_id: UUID | None,
        decide: Callable[[SandboxCase], SandboxStep],
    ) -> SandboxCase: ...
    async def submit_claim(self, tenant_id: UUID, contract_id: UUID, claim_number: str) -> UUID: ...
    async def claim(self, tenant_id: UUID, claim_id: UUID) -> SandboxClaim: ...


@dataclass(frozen=True)
class IssuedKey:
    key_id: UUID
    api_key: str  # the only time the key exists in clear


@dataclass(frozen=True)
class Tenant:
    tenant_id: UUID
    name: str
    kind: str


@dataclass(frozen=True)
class KeyOwner:
    tenant_id: UUID
    key_id: UUID


@dataclass(frozen=True)
class KeyRecord:
    """An API key as its tenant may see it: never the key, who made and revoked it."""

    key_id: UUID
    created_at: datetime
    created_by: str
    revoked_at: datetime | None
    revoked_by: str | None


class TenantDirectory(Protocol):
    async def create(self, name: str, kind: str) -> tuple[UUID, IssuedKey]: ...
    async def get(self, tenant_id: UUID) -> Tenant | None: ...
    async def issue_key(self, tenant_id: UUID, by: str = "ops") -> IssuedKey: ...
    async def revoke_key(self, tenant_id: UUID, key_id: UUID, by: str = "ops") -> bool: ...
    async def keys(self, tenant_id: UUID) -> list[KeyRecord]: ...
    async def owner_of(self, api_key: str) -> KeyOwner | None: ...


class TenantChannels(Protocol):
    """A tenant's own Kafka topics (direct Kafka for its systems), created with it."""

    async def provision(self, tenant_id: UUID) -> None: ...


class WebhookAdmin(Protocol):
    """The tenant-facing side of webhooks; an unknown endpoint or delivery raises
    ``LookupError`` (another tenant's is unknown too)."""

    async def register_endpoint(self, tenant_id: str, url: str, secret: str) -> None: ...
    async def endpoint(self, tenant_id: str) -> Any: ...
    async def delete_endpoint(self, tenant_id: str) -> None: ...
    async def set_endpoint_active(self, tenant_id: str, active: bool) -> None: ...
    async def ping(self, tenant_id: str) -> Any: ...
    async def deliveries(
        self, tenant_id: str, status: Any = None, limit: int = 50
    ) -> list[Any]: ...
    async def redeliver(self, tenant_id: str, delivery_id: UUID) -> Any: ...
    async def redeliver_dead(
        self, tenant_id: str, since: datetime | None = None, until: datetime | None = None
    ) -> int: ...


Row = dict[str, Any]


class Queries(Protocol):
    """The read side, always for one tenant: another tenant's rows are simply not there."""

    async def orders(self, tenant_id: UUID, status: str | None, limit: int) -> list[Row]: ...
    async def order(self, tenant_id: UUID, order_id: UUID) -> Row | None: ...
    async def log_access(
        self, tenant_id: UUID, order_id: UUID, user_id: str, reason: str
    ) -> None: ...
    async def access_log(self, tenant_id: UUID, order_id: UUID | None) -> list[Row]: ...
    async def contracts(self, tenant_id: UUID) -> list[Row]: ...
    async def contract(self, tenant_id: UUID, contract_id: UUID) -> Row | None: ...
    async def claims(self, tenant_id: UUID, status: str | None) -> list[Row]: ...
    async def claim(self, tenant_id: UUID, claim_id: UUID) -> Row | None: ...
    async def reminders(self, tenant_id: UUID) -> list[Row]: ...
