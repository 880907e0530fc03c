"""Expiry at the expected end (issue 19): when the scheduler's ``contract_expiry`` fires after
the end (its overdue phase, or a due rolled past it) and no version both signed has extended
the contract, it ends on both sides and its
order is closed, in one transaction (``ContractExpired``; ``MeasureEnded`` of reason
expiry makes the scheduler close what is left)."""

from __future__ import annotations

from dataclasses import replace

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.case_wire import local_day
from authority.domain.contract import ContractExpired, ContractState, RecordContractExpired
from authority.domain.order import EndOrder, OrderStatus

WHY = "the contract reached its expected end"
# Due is 09:00 on a working day on or before the end; overdue the first working day after.
PHASES = (wire.DeadlinePhase.DUE, wire.DeadlinePhase.OVERDUE)


class Expiry:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit

    async def reached(self, uow: UnitOfWork, e: wire.DeadlineReached, a: Acting) -> None:
        expiry = e.kind is wire.DeadlineKind.CONTRACT_EXPIRY
        if not expiry or e.phase not in PHASES or e.contract_id is None:
            return
        acting = replace(a, reason=WHY)
        command = RecordContractExpired(
            **acting.stamp(), due_on=local_day(e.due_at), today=local_day(e.fired_at)
        )
        events, ran = await self.kit.run(
            uow, self.kit.aggregates.contract, e.contract_id, command, acting
        )
        if not events:
            return  # extended, open-ended, or already ended
        expired: ContractExpired = events[0]
        contract: ContractState = ran.state
        await self._close_order(uow, contract, expired, acting)
        out = wire.ContractExpired(
            contract_id=contract.contract_id,
            provider_id=contract.provider_id,
            order_id=contract.order_id,
            case_id=contract.case_id,
            expired_on=expired.expired_on,
        )
        await self.kit.publish(uow, acting, out, ran.revision)

    async def _close_order(
        self, uow: UnitOfWork, contract: ContractState, expired: ContractExpired, acting: Acting
    ) -> None:
        orders = self.kit.aggregates.order
        order = (await self.kit.load(orders, contract.order_id)).state
        if order is None or order.status is not OrderStatus.ACCEPTED:
            return
        end = EndOrder(**acting.stamp(), ended_on=expired.expired_on, by_expiry=True)
        _, ran = await self.kit.run(uow, orders, contract.order_id, end, acting)
        ended = wire.MeasureEnded(
            case_id=contract.case_id,
            order_id=contract.order_id,
            contract_id=contract.contract_id,
            ended_on=expired.expired_on,
            reason=wire.MeasureEndReason.EXPIRY,
            explanation=WHY,
        )
        await self.kit.publish(uow, acting, ended, ran.revision)
