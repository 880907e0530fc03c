"""Follow-ups (opfølgning): due from the scheduler, a report from the provider, an outcome."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID, uuid4

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.app.contracts import Contracts
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
    ) -> None:
        followup_id, created = await self.due(uow, uuid4(), contract_id, period_end, acting)
        command = AttachStatusReport(**acting.stamp(), report=report)
        await self.kit.run(uow, self.aggregate, followup_id, command, acting, created)

    async def outcome(self, followup_id: UUID, command: RecordOutcome, acting: Acting) -> int:
        async with self.kit.store.unit_of_work() as uow:
            events, loaded = await self.kit.run(uow, self.aggregate, followup_id, command, acting)
            followup: FollowUpState = loaded.state
            contract, _ = await self.contracts.state(followup.contract_id)
            follow_on = acting.without_revision()
            held = wire.FollowUpHeld(
                case_id=contract.case_id,
                order_id=contract.order_id,
                contract_id=contract.contract_id,
                follow_up_id=followup_id,
                held_on=acting.at.date(),
                outcome=wire.FollowUpOutcome(command.outcome.value),
            )
            await self.kit.publish(uow, acting, held, loaded.revision)
            for event in events:
                if isinstance(event, ContractAdjustmentRequested):
                    adjusted = event.new_terms
                    terms = replace(
                        contract.terms,
                        goals=adjusted.goals,
                        scope=adjusted.scope,
                        frequency=adjusted.frequency,
                    )
                    await self.contracts.amend_in(uow, contract.contract_id, terms, follow_on)
                if isinstance(event, MeasureEndRequested):
                    await self._end(uow, contract.contract_id, follow_on)
            return loaded.revision

    async def _end(self, uow: UnitOfWork, contract_id: UUID, acting: Acting) -> None:
        on = acting.at.date()
        contract = await self.contracts.terminate_in(uow, contract_id, on, acting)
        ended = wire.MeasureEnded(
            case_id=contract.case_id,
            order_id=contract.order_id,
            contract_id=contract_id,
            ended_on=on,
            reason=wire.MeasureEndReason.DECISION,
            explanation=acting.reason,
        )
        await self.kit.publish(uow, acting, ended, 1)


__all__ = ["FollowUps", "Outcome"]
