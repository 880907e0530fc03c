"""Ordering a measure from a provider, and recording the provider's answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.app.cases import Cases
from authority.app.order_wire import order_fields
from authority.app.transport import Transport
from authority.domain import DomainError
from authority.domain.case import CaseState, DecisionStatus
from authority.domain.order import (
    ChangeOrder,
    OrderDeclined,
    OrderState,
    OrderTerms,
    PlaceOrder,
    WithdrawOrder,
)

OPEN_STATUSES = ("awaiting_answer", "accepted")


class Orders:
    def __init__(self, kit: Kit, cases: Cases, transport: Transport, contact_email: str) -> None:
        self.kit, self.cases, self.transport = kit, cases, transport
        self.contact_email = contact_email
        self.aggregate = kit.aggregates.order

    async def place(self, command: PlaceOrder, acting: Acting) -> UUID:
        return await self.place_on(command.case_id, lambda _: command, acting)

    async def place_on(
        self, case_id: UUID, build: Callable[[CaseState], PlaceOrder], acting: Acting
    ) -> UUID:
        """Place the order ``build`` makes from the case (it needs the plan's goals). One
        transaction reads the case, checks the decision and writes: one connection, no
        second read of the case stream."""
        async with self.kit.store.unit_of_work() as uow:
            case = _planned((await self.cases.aggregate.current(uow, case_id)).state)
            command = build(case)
            decision = case.decision(command.decision_id)
            if decision is None or decision.status is not DecisionStatus.APPROVED:
                raise DomainError("decision_not_approved", "an order rests on an approved decision")
            await self._no_open_order(uow, case_id, command.decision_id)
            new = Ran(None, 0)  # a fresh order id: its stream is empty, no need to read it
            _, loaded = await self.kit.run(
                uow, self.aggregate, command.order_id, command, acting, current=new
            )
            await self._announce(uow, loaded.state, case, acting, loaded.revision)
        return command.order_id

    async def planned_case(self, case_id: UUID) -> CaseState:
        case, _ = await self.cases.load(case_id)
        return _planned(case)

    async def change(self, order_id: UUID, terms: OrderTerms, acting: Acting) -> int:
        state = await self.state(order_id)
        case, _ = await self.cases.load(state.case_id)
        async with self.kit.store.unit_of_work() as uow:
            command = ChangeOrder(**acting.stamp(), terms=terms)
            _, loaded = await self.kit.run(uow, self.aggregate, order_id, command, acting)
            await self._announce(uow, loaded.state, case, acting, loaded.revision)
            return loaded.revision

    async def withdraw(self, order_id: UUID, command: WithdrawOrder, acting: Acting) -> int:
        async with self.kit.store.unit_of_work() as uow:
            _, loaded = await self.kit.run(uow, self.aggregate, order_id, command, acting)
            state: OrderState = loaded.state
            withdrawn = wire.OrderWithdrawn(
                order_id=order_id,
                case_id=state.case_id,
                provider_id=state.provider_id,
                reason=command.text or command.reason_code.value,
            )
            await self.kit.publish(uow, acting, withdrawn, loaded.revision)
            return loaded.revision

    async def state(self, order_id: UUID) -> OrderState:
        loaded = await self.kit.load(self.aggregate, order_id)
        if loaded.state is None:
            raise DomainError("order_not_found", "the order does not exist")
        state: OrderState = loaded.state
        return state

    async def view(self, order_id: UUID) -> dict[str, Any]:
        """The order with the provider's answer: a decline's reason lives in its event."""
        recorded = await self.kit.store.load(self.aggregate.stream(order_id))
        loaded = await self.aggregate.replay(recorded)
        if loaded.state is None:
            raise DomainError("order_not_found", "the order does not exist")
        events = await self.aggregate.codec.decode(recorded)
        declined = [e for e in events if isinstance(e, OrderDeclined)]
        decline = declined[-1] if declined else None
        return {
            "state": loaded.state,
            "revision": loaded.revision,
            "decline": None
            if decline is None
            else {
                "reason_code": decline.reason_code.value,
                "text": decline.text,
            },
        }

    async def _child_for(
        self, uow: UnitOfWork, case: CaseState, order: OrderState
    ) -> tuple[wire.Sealed, wire.ChildKeyGranted | None]:
        """The child sealed with its own key; the provider gets the key once, wrapped for it
        (the grant to publish, if this is the first order about the child there)."""
        if case.erased:
            raise DomainError("case_erased", "the child's data on this case has been erased")
        keyring = self.kit.keyring
        key = await keyring.key_for(case.case_id)
        child_id = key.child_id
        child = {"name": case.child.name, "cpr": case.child.cpr.digits}
        sealed = wire.Sealed.model_validate(key.seal_json(child, str(order.order_id)))
        if not await keyring.store.grant(uow.connection, child_id, order.provider_id):
            return sealed, None
        wrapped = self.transport.wrap_key(order.provider_id, key.value(), child_id)
        grant = wire.ChildKeyGranted(
            provider_id=order.provider_id, child_id=child_id, wrapped_key=wrapped
        )
        return sealed, grant

    async def _no_open_order(self, uow: UnitOfWork, case_id: UUID, decision_id: UUID) -> None:
        if await self.kit.views.order_open(uow.connection, case_id, decision_id, OPEN_STATUSES):
            raise DomainError(
                "order_open",
                "the measure is already ordered; withdraw the order or await a decline",
            )

    async def _announce(
        self, uow: UnitOfWork, order: OrderState, case: CaseState, acting: Acting, revision: int
    ) -> None:
        sealed, grant = await self._child_for(uow, case, order)
        contact = wire.ContactPerson(name=case.contact_person, email=self.contact_email)
        fields = order_fields(order, case, contact, sealed)
        event: wire.IntegrationEvent
        if order.version == 1:
            event = wire.OrderPlaced.model_validate(fields)
        else:
            reason = acting.reason or "changed"
            event = wire.OrderChanged.model_validate({**fields, "change_reason": reason})
        # The key before the order that needs it, in one statement.
        granted = [] if grant is None else [(grant, 1)]
        await self.kit.publish_all(uow, acting, [*granted, (event, revision)])


def _planned(case: CaseState | None) -> CaseState:
    if case is None:
        raise DomainError("case_not_found", "the case does not exist")
    if case.action_plan is None:
        raise DomainError(
            "action_plan_missing", "adopt the child's plan (barnets plan, barnets lov § 91) first"
        )
    return case
