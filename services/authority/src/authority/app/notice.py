"""Notice (opsigelse) of an individual contract, by the caseworker or the provider, and its
end when the scheduler says the last day has passed.

The authority keeps the contract, so it announces every notice as ``ContractTerminated``
(also the provider's own, which arrives as ``ProviderGaveNotice``); the scheduler schedules
the end from it and the provider records it.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.case_wire import local_day
from authority.domain import DomainError
from authority.domain.contract import (
    ContractState,
    ContractTerminated,
    Party,
    RecordContractEnded,
    TerminateContract,
    TerminationReason,
)


class Notice:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.aggregate = kit.aggregates.contract

    async def give(
        self,
        contract_id: UUID,
        reason_code: TerminationReason,
        notice_days: int,
        text: str | None,
        acting: Acting,
    ) -> ContractState:
        """The caseworker gives notice today (Europe/Copenhagen) of ``notice_days``."""
        last_day = local_day(acting.at) + timedelta(days=notice_days)
        return await self.kit.transact(
            acting, lambda uow: self.give_in(uow, contract_id, last_day, reason_code, text, acting)
        )

    async def give_in(
        self,
        uow: UnitOfWork,
        contract_id: UUID,
        last_day: date,
        reason_code: TerminationReason,
        text: str | None,
        acting: Acting,
        agreed: bool = False,
    ) -> ContractState:
        """The authority's notice today with ``last_day``, in the caller's transaction;
        ``agreed``: an end both parties agreed, which may be today."""
        command = TerminateContract(
            **acting.stamp(),
            initiated_by=Party.AUTHORITY,
            effective_on=last_day,
            reason_code=reason_code,
            notice_given_on=local_day(acting.at),
            text=text,
            agreed=agreed,
        )
        return await self.record(uow, contract_id, command, acting)

    async def record(
        self, uow: UnitOfWork, contract_id: UUID, command: TerminateContract, acting: Acting
    ) -> ContractState:
        """Records the notice and announces it, in one transaction (the outbox). The other
        party's notice with a later last day is only recorded: the earlier one stands."""
        events, loaded = await self.kit.run(uow, self.aggregate, contract_id, command, acting)
        contract: ContractState = loaded.state
        if not any(isinstance(event, ContractTerminated) for event in events):
            return contract
        termination = contract.termination
        assert termination is not None
        assert termination.notice_given_on is not None
        announced = wire.ContractTerminated(
            contract_id=contract_id,
            provider_id=contract.provider_id,
            order_id=contract.order_id,
            given_by=wire.Party(termination.initiated_by.value),
            reason_code=wire.TerminationReason(termination.reason_code.value),
            reason=termination.text or termination.reason or None,
            notice_given_on=termination.notice_given_on,
            last_day=termination.last_day,
        )
        await self.kit.publish(uow, acting, announced, loaded.revision)
        return contract

    async def from_provider(self, uow: UnitOfWork, e: wire.ProviderGaveNotice, a: Acting) -> None:
        """The provider's notice, as it counted it; refused (logged) if not its contract."""
        contract = (await self.kit.load(self.aggregate, e.contract_id)).state
        if contract is None or contract.provider_id != e.provider_id:
            raise DomainError("contract_not_found", "no such contract with this provider")
        command = TerminateContract(
            **a.stamp(),
            initiated_by=Party.PROVIDER,
            effective_on=e.last_day,
            reason_code=TerminationReason(e.reason_code.value),
            notice_given_on=e.notice_given_on,
            text=e.reason,
        )
        await self.record(uow, e.contract_id, command, a)

    async def ended(self, uow: UnitOfWork, e: wire.DeadlineReached, a: Acting) -> None:
        """The scheduler's ``contract_ends`` fired: the contract is out of force."""
        if e.kind is not wire.DeadlineKind.CONTRACT_ENDS or e.contract_id is None:
            return
        command = RecordContractEnded(**a.stamp())
        await self.kit.run(uow, self.aggregate, e.contract_id, command, a)
