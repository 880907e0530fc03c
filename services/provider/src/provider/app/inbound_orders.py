"""Orders from the authority into the tenant's inbox. The order version is the envelope's
revision of the authority's order stream; the sealed child is stored as received."""

from __future__ import annotations

from uuid import UUID

from eventkit import UnitOfWork
from samspil_contracts import (
    DeadlineClosed,
    DeadlineKind,
    DeadlineScheduled,
    Envelope,
    OrderChanged,
    OrderPlaced,
    OrderWithdrawn,
)

from provider.app import aggregates as agg
from provider.app import translate
from provider.app.inbound_base import Handling
from provider.app.recording import Acting, system
from provider.domain import capacity as cap
from provider.domain import order


class OrderInbound(Handling):
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

    async def answer_deadline(self, uow: UnitOfWork, env: Envelope, e: DeadlineScheduled) -> None:
        """The scheduler set or moved an order's answer deadline (its working-day rule):
        the one the inbox shows and the tenant is told of (``order.answer_deadline``)."""
        if e.kind is not DeadlineKind.ORDER_ANSWER_DUE or e.order_id is None:
            return  # another kind, or a v1 announcement naming no order
        if e.provider_id is None:
            return
        row = {"order_id": e.order_id, "deadline_id": e.deadline_id, "due_at": e.due_at}
        await self.documents.set_answer_deadline(uow.connection, e.provider_id, row)
        data = {
            "order_id": str(e.order_id),
            "deadline_id": str(e.deadline_id),
            "due_at": e.due_at.isoformat(),
        }
        await self._notify(uow, env, e.provider_id, "order.answer_deadline", data)

    async def answer_deadline_closed(
        self, uow: UnitOfWork, env: Envelope, e: DeadlineClosed
    ) -> None:
        if e.kind is DeadlineKind.ORDER_ANSWER_DUE:
            await self.documents.close_answer_deadline(
                uow.connection, e.deadline_id, e.outcome.value
            )

    async def _release(self, uow: UnitOfWork, acting: Acting, order_id: UUID) -> None:
        loaded = await self.recorder.load(agg.ORDERS, order_id, uow)
        if loaded.state is None or loaded.state.snapshot is None:
            return
        code = loaded.state.snapshot.measure_code
        command = cap.ReleasePlace(**acting.stamp, measure_code=code, order_id=order_id)
        await self._run(uow, acting, agg.CAPACITY, agg.capacity_id(acting.tenant_id, code), command)
