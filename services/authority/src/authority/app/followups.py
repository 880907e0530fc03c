"""Follow-ups (opfølgning): due from the scheduler, a report from the provider, an outcome:
continue, adjust (a new contract version to sign again) or end (order and contract close)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID, uuid4

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.app.cadence import Arrangement, decide_arrangement
from authority.app.contracts import Contracts
from authority.domain.contract import ContractState, require_in_force
from authority.domain.followup import (
    AttachStatusReport,
    ContractAdjustmentRequested,
    FollowUpState,
    MeasureEndRequested,
    Outcome,
    RecordFollowUpDue,
    RecordOutcome,
    StatusReport,
)
from authority.domain.order import EndOrder


class FollowUps:
    def __init__(self, kit: Kit, contracts: Contracts) -> None:
        self.kit, self.contracts = kit, contracts
        self.aggregate = kit.aggregates.followup

    async def due(
        self, uow: UnitOfWork, followup_id: UUID, contract_id: UUID, on: date, acting: Acting
    ) -> tuple[UUID, Ran | None]:
        """One open follow-up per contract: a second 'due' (or an early report) reuses it.
        Returns its id and, when it was created here, its state (not committed yet)."""
        existing = await self.kit.views.open_followup(uow.connection, contract_id)
        if existing is not None:
            return existing, None
        # Only a contract both parties signed is followed up; anything else is refused.
        require_in_force((await self.kit.load(self.kit.aggregates.contract, contract_id)).state)
        command = RecordFollowUpDue(
            **acting.stamp(), followup_id=followup_id, contract_id=contract_id, due_on=on
        )
        _, loaded = await self.kit.run(uow, self.aggregate, followup_id, command, acting)
        return followup_id, loaded

    async def report(
        self,
        uow: UnitOfWork,
        contract_id: UUID,
        period_end: date,
        report: StatusReport,
        acting: Acting,
        followup_ref: str | None = None,
    ) -> None:
        """The report goes to the follow-up it names (the scheduler's id, which is this
        follow-up's id too) while that one is open; otherwise to the contract's open one."""
        named = _as_id(followup_ref)
        if named is not None and await self._open_of(named, contract_id):
            followup_id, created = named, None
        else:
            fresh = named if named is not None and not await self._exists(named) else uuid4()
            followup_id, created = await self.due(uow, fresh, contract_id, period_end, acting)
        command = AttachStatusReport(**acting.stamp(), report=report)
        await self.kit.run(uow, self.aggregate, followup_id, command, acting, created)

    async def _open_of(self, followup_id: UUID, contract_id: UUID) -> bool:
        state, _ = await self.state(followup_id)
        return state is not None and state.contract_id == contract_id and not state.closed

    async def _exists(self, followup_id: UUID) -> bool:
        return (await self.state(followup_id))[0] is not None

    async def state(self, followup_id: UUID) -> tuple[FollowUpState | None, int]:
        loaded = await self.kit.load(self.aggregate, followup_id)
        return loaded.state, loaded.revision

    async def outcome(
        self,
        followup_id: UUID,
        command: RecordOutcome,
        acting: Acting,
        arranged: Arrangement | None = None,
    ) -> int:
        """``arranged``: the case's follow-up arrangement decided at this follow-up (barnets
        lov § 95); published before the follow-up held, so the next one already follows it."""
        async with self.kit.store.unit_of_work() as uow:
            events, loaded = await self.kit.run(uow, self.aggregate, followup_id, command, acting)
            followup: FollowUpState = loaded.state
            contract, _ = await self.contracts.state(followup.contract_id)
            if arranged is not None and command.outcome is not Outcome.END:
                await decide_arrangement(
                    self.kit, uow, contract.case_id, contract.contract_id, arranged,
                    acting.without_revision(),
                )  # fmt: skip
            held = wire.FollowUpHeld(
                case_id=contract.case_id,
                order_id=contract.order_id,
                contract_id=contract.contract_id,
                follow_up_id=followup_id,
                held_on=acting.at.date(),
                outcome=wire.FollowUpOutcome(command.outcome.value),
            )
            await self.kit.publish(uow, acting, held, loaded.revision)
            follow_on = acting.without_revision()
            for event in events:
                if isinstance(event, ContractAdjustmentRequested):
                    await self._adjust(uow, contract, event, follow_on)
                if isinstance(event, MeasureEndRequested):
                    await self._end(uow, contract, follow_on)
            return loaded.revision

    async def _adjust(
        self,
        uow: UnitOfWork,
        contract: ContractState,
        event: ContractAdjustmentRequested,
        acting: Acting,
    ) -> None:
        new = event.new_terms
        base = contract.terms_in_force or contract.terms  # amend from the version in force
        terms = replace(base, goals=new.goals, scope=new.scope, frequency=new.frequency)
        await self.contracts.amend_and_offer(uow, contract.contract_id, terms, acting)

    async def _end(self, uow: UnitOfWork, contract: ContractState, acting: Acting) -> None:
        """Ophør by decision: the contract is terminated and the order closed, together."""
        on = acting.at.date()
        await self.contracts.terminate_in(uow, contract.contract_id, on, acting)
        end = EndOrder(**acting.stamp(), ended_on=on)
        _, order = await self.kit.run(
            uow, self.kit.aggregates.order, contract.order_id, end, acting
        )
        ended = wire.MeasureEnded(
            case_id=contract.case_id,
            order_id=contract.order_id,
            contract_id=contract.contract_id,
            ended_on=on,
            reason=wire.MeasureEndReason.DECISION,
            explanation=acting.reason,
        )
        await self.kit.publish(uow, acting, ended, order.revision)


__all__ = ["FollowUps", "Outcome"]


def _as_id(ref: str | None) -> UUID | None:
    """A follow-up ref from the provider is the scheduler's deadline id; anything else
    (a ref from before the scheduler named follow-ups) names none of ours."""
    try:
        return UUID(ref) if ref else None
    except ValueError:
        return None
