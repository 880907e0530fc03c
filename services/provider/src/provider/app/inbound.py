"""Process manager: what the authority and the scheduler tell a provider, into its aggregates.

Each handler runs inside the InboundPipeline's unit of work (with the inbox row), so the
domain change, the read models and the tenant's webhook commit together or not at all.
The order version is the envelope's revision of the authority's order stream.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import structlog
from eventkit import UnitOfWork
from samspil_contracts import (
    ClaimApproved,
    ClaimRejected,
    ContractInForce,
    ContractOffered,
    DeadlineKind,
    DeadlineReached,
    Envelope,
    IntegrationEvent,
    OrderChanged,
    OrderPlaced,
    OrderWithdrawn,
)

from provider.app import aggregates as agg
from provider.app import translate
from provider.app.ports import Documents, WebhookQueue
from provider.app.recording import Acting, Recorder, system
from provider.domain import DomainError, claim, contract, order
from provider.domain import capacity as cap

log = structlog.get_logger(__name__)
REMINDER_KINDS = {DeadlineKind.STATUS_REPORT_DUE, DeadlineKind.ORDER_ANSWER_DUE}


class Inbound:
    def __init__(self, recorder: Recorder, documents: Documents, webhooks: WebhookQueue) -> None:
        self.recorder, self.documents, self.webhooks = recorder, documents, webhooks

    def handlers(self) -> dict[type[IntegrationEvent], Any]:
        return {
            OrderPlaced: self.order,
            OrderChanged: self.order,
            OrderWithdrawn: self.withdrawn,
            ContractOffered: self.contract_offered,
            ContractInForce: self.in_force,
            ClaimApproved: self.claim_decided,
            ClaimRejected: self.claim_decided,
            DeadlineReached: self.deadline,
        }

    async def _notify(
        self, uow: UnitOfWork, env: Envelope, tenant: UUID, kind: str, data: dict[str, Any]
    ) -> None:
        # Ids and dates only: a tenant's webhook receiver never gets personal data in clear.
        await self.webhooks.enqueue(uow.connection, str(tenant), env.event_id, kind, data)

    async def _run(
        self, uow: UnitOfWork, acting: Acting, a: agg.Agg, key: object, command: Any
    ) -> list[Any]:
        try:
            events, _ = await self.recorder.execute(uow, a, key, command, acting)
        except DomainError as exc:
            # A refusal of an inbound fact is final (e.g. another tenant's id): log, move on.
            log.warning("inbound_refused", code=exc.code, aggregate=a.category)
            return []
        return events

    async def order(self, uow: UnitOfWork, env: Envelope, e: OrderPlaced | OrderChanged) -> None:
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = order.ReceiveOrder(
            **acting.stamp,
            order_id=e.order_id,
            order_version=env.revision,
            snapshot=translate.snapshot(e),
        )
        if not await self._run(uow, acting, agg.ORDERS, e.order_id, command):
            return
        document = {
            "case_id": str(e.case_id),
            "legal_basis": e.legal_basis,
            "child": e.child.model_dump(),
            "authority_contact": e.authority_contact.model_dump(),
        }
        await self.documents.save_order(uow.connection, e.provider_id, e.order_id, document)
        kind = "order.placed" if isinstance(e, OrderPlaced) else "order.changed"
        data = {"order_id": str(e.order_id), "version": env.revision}
        await self._notify(uow, env, e.provider_id, kind, data)

    async def withdrawn(self, uow: UnitOfWork, env: Envelope, e: OrderWithdrawn) -> None:
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = order.ReceiveOrderWithdrawn(**acting.stamp, order_id=e.order_id, reason=e.reason)
        for event in await self._run(uow, acting, agg.ORDERS, e.order_id, command):
            if event.previous_status is order.OrderStatus.ACCEPTED:
                await self._release(uow, acting, e.order_id)
        await self._notify(
            uow, env, e.provider_id, "order.withdrawn", {"order_id": str(e.order_id)}
        )

    async def _release(self, uow: UnitOfWork, acting: Acting, order_id: UUID) -> None:
        loaded = await self.recorder.load(agg.ORDERS, order_id, uow)
        if loaded.state is None or loaded.state.snapshot is None:
            return
        code = loaded.state.snapshot.measure_code
        command = cap.ReleasePlace(**acting.stamp, measure_code=code, order_id=order_id)
        await self._run(uow, acting, agg.CAPACITY, agg.capacity_id(acting.tenant_id, code), command)

    async def contract_offered(self, uow: UnitOfWork, env: Envelope, e: ContractOffered) -> None:
        ordered = None
        if e.order_id is not None:
            ordered = (await self.recorder.load(agg.ORDERS, e.order_id, uow)).state
        if ordered is None or ordered.snapshot is None or ordered.tenant_id != e.provider_id:
            # A standard contract, or an offer for an order this tenant never had.
            log.warning("offer_without_order", contract_id=str(e.contract_id))
            return
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = contract.ReceiveContractOffer(
            **acting.stamp,
            contract_id=e.contract_id,
            version=e.version,
            order_id=ordered.order_id,
            terms=translate.terms(e, ordered.snapshot),
            authority_signed_at=e.authority_signature.signed_at,
        )
        if await self._run(uow, acting, agg.CONTRACTS, e.contract_id, command):
            data = {"contract_id": str(e.contract_id), "version": e.version}
            await self._notify(uow, env, e.provider_id, "contract.offered", data)

    async def in_force(self, uow: UnitOfWork, env: Envelope, e: ContractInForce) -> None:
        # The provider already knows (it countersigned); its integrators may still want it.
        data = {"contract_id": str(e.contract_id), "version": e.version, "start": str(e.start)}
        await self._notify(uow, env, e.provider_id, "contract.in_force", data)

    async def claim_decided(
        self, uow: UnitOfWork, env: Envelope, e: ClaimApproved | ClaimRejected
    ) -> None:
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command: claim.ClaimCommand
        if isinstance(e, ClaimApproved):
            command, kind = (
                claim.RecordClaimApproved(**acting.stamp, claim_id=e.claim_id),
                "claim.approved",
            )
        else:
            command = claim.RecordClaimRejected(
                **acting.stamp, claim_id=e.claim_id, reason=e.reason
            )
            kind = "claim.rejected"
        if await self._run(uow, acting, agg.CLAIMS, e.claim_id, command):
            await self._notify(uow, env, e.provider_id, kind, {"claim_id": str(e.claim_id)})

    async def deadline(self, uow: UnitOfWork, env: Envelope, e: DeadlineReached) -> None:
        if e.provider_id is None or e.kind not in REMINDER_KINDS:
            return  # not a provider's deadline
        row = {
            "deadline_id": e.deadline_id,
            "phase": e.phase.value,
            "kind": e.kind.value,
            "order_id": e.order_id,
            "contract_id": e.contract_id,
            "due_at": e.due_at,
            "fired_at": e.fired_at,
        }
        await self.documents.add_reminder(uow.connection, e.provider_id, row)
        kind = e.kind.value.replace("_due", ".due")
        data = {k: str(v) for k, v in row.items() if v is not None}
        await self._notify(uow, env, e.provider_id, kind, data)
