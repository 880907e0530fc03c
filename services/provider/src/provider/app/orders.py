"""Answering an order: accept (holding a place, if the tenant tracks capacity) or decline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from eventkit import UnitOfWork
from samspil_contracts import ContactPerson, OrderAccepted, OrderDeclined
from samspil_contracts import DeclineReason as WireDeclineReason

from provider.app import aggregates as agg
from provider.app.recording import Acting
from provider.app.service import Service
from provider.domain import DomainError, order
from provider.domain import capacity as cap


@dataclass(frozen=True)
class Acceptance:
    note: str
    expected_start: date
    contact: ContactPerson

    def canonical(self) -> str:
        """The whole answer as one string (sorted-key compact JSON): equal if and only if
        the answers are."""
        answer = {
            "note": self.note,
            "expected_start": self.expected_start.isoformat(),
            "contact": self.contact.model_dump(mode="json"),
        }
        return json.dumps(answer, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Orders(Service):
    async def accept(
        self, acting: Acting, order_id: UUID, answer: Acceptance, expected_revision: int | None
    ) -> int:
        command = order.AcceptOrder(
            **acting.stamp, order_id=order_id, note=answer.note, answer=answer.canonical()
        )
        async with self.store.unit_of_work() as uow:
            accepted, loaded = await self.recorder.execute(
                uow, agg.ORDERS, order_id, command, acting, expected_revision
            )
            if not accepted:  # the same acceptance again: answered as the first time
                return loaded.revision
            snapshot = _snapshot(loaded.state)
            await self._hold_place(uow, acting, order_id, snapshot.measure_code)
            event = OrderAccepted(
                order_id=order_id,
                case_id=UUID(snapshot.case_ref),
                provider_id=acting.tenant_id,
                provider_contact=answer.contact,
                expected_start=answer.expected_start,
                order_version=_version(loaded.state),
            )
            await self.publish(uow, acting, event, order_id, loaded.revision)
        return loaded.revision

    async def _hold_place(
        self, uow: UnitOfWork, acting: Acting, order_id: UUID, measure_code: str
    ) -> None:
        """Reserve a place when the tenant publishes places for the measure; else none is kept."""
        key = agg.capacity_id(acting.tenant_id, measure_code)
        if (await self.recorder.load(agg.CAPACITY, key, uow)).state is None:
            return
        command = cap.ReservePlace(**acting.stamp, measure_code=measure_code, order_id=order_id)
        await self.recorder.execute(uow, agg.CAPACITY, key, command, acting)

    async def _release_place(
        self, uow: UnitOfWork, acting: Acting, order_id: UUID, measure_code: str
    ) -> None:
        """A changed order declined after its earlier version was accepted frees the place."""
        key = agg.capacity_id(acting.tenant_id, measure_code)
        command = cap.ReleasePlace(**acting.stamp, measure_code=measure_code, order_id=order_id)
        await self.recorder.execute(uow, agg.CAPACITY, key, command, acting)

    async def decline(
        self,
        acting: Acting,
        order_id: UUID,
        reason: order.DeclineReason,
        text: str | None,
        expected_revision: int | None,
    ) -> int:
        command = order.DeclineOrder(**acting.stamp, order_id=order_id, reason=reason, text=text)
        async with self.store.unit_of_work() as uow:
            declined, loaded = await self.recorder.execute(
                uow, agg.ORDERS, order_id, command, acting, expected_revision
            )
            if not declined:  # the same decline again: answered as the first time
                return loaded.revision
            snapshot = _snapshot(loaded.state)
            await self._release_place(uow, acting, order_id, snapshot.measure_code)
            event = OrderDeclined(
                order_id=order_id,
                case_id=UUID(snapshot.case_ref),
                provider_id=acting.tenant_id,
                reason=WireDeclineReason(reason.value),
                text=text or None,
                order_version=_version(loaded.state),
            )
            await self.publish(uow, acting, event, order_id, loaded.revision)
        return loaded.revision


def _snapshot(state: order.Order | None) -> order.OrderSnapshot:
    """The snapshot the answer refers to (an answered order always has one)."""
    if state is None or state.snapshot is None:
        raise DomainError("not_found", "No such order.")
    return state.snapshot


def _version(state: order.Order | None) -> int | None:
    """The version answered (the authority's revision of it), so a stale answer is known."""
    return None if state is None or state.version < 1 else state.version
