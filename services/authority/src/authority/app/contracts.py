"""Individual contracts: drafted from an accepted order, signed by both, then in force."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

import samspil_contracts as wire
import structlog
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.cases import Cases
from authority.app.contract_wire import in_force
from authority.app.notice import Notice
from authority.app.offering import Offering
from authority.app.standards import StandardContracts
from authority.domain import DomainError
from authority.domain.contract import (
    AmendContract,
    ContractState,
    ContractTerms,
    DraftContract,
    Party,
    RecordDeliveryStarted,
    RecordDeliveryStopped,
    RecordProviderCountersigned,
    SignAsAuthority,
    StopReason,
    TerminateContract,
    TerminationReason,
)
from authority.domain.order import OrderState, OrderStatus

log = structlog.get_logger(__name__)


class Contracts:
    def __init__(self, kit: Kit, cases: Cases, standards: StandardContracts) -> None:
        self.kit, self.cases, self.standards = kit, cases, standards
        self.aggregate = kit.aggregates.contract
        self.offering = Offering(kit, standards)

    async def accepted_order(self, order_id: UUID) -> OrderState:
        order: OrderState | None = (await self.kit.load(self.kit.aggregates.order, order_id)).state
        if order is None:
            raise DomainError("order_not_found", "the order does not exist")
        if order.status is not OrderStatus.ACCEPTED:
            raise DomainError("order_not_accepted", "a contract follows an accepted order")
        return order

    async def draft(self, command: DraftContract, acting: Acting) -> int:
        """An annex to the provider's standard contract for the measure (422 if none)."""
        if command.standard_contract_id is None:
            order = await self.accepted_order(command.order_id)
            framework = await self.standards.for_annex(command.provider_id, order.measure)
            command = replace(command, standard_contract_id=framework)
        await self.standards.require_in_force(command.standard_contract_id)
        async with self.kit.store.unit_of_work() as uow:
            _, loaded = await self.kit.run(
                uow, self.aggregate, command.contract_id, command, acting
            )
            return loaded.revision

    async def state(self, contract_id: UUID) -> tuple[ContractState, int]:
        loaded = await self.kit.load(self.aggregate, contract_id)
        if loaded.state is None:
            raise DomainError("contract_not_found", "the contract does not exist")
        return loaded.state, loaded.revision

    async def sign(self, contract_id: UUID, acting: Acting) -> ContractState:
        """The authority signs the current version and offers it to the provider."""
        await self.standards.require_in_force(
            (await self.state(contract_id))[0].standard_contract_id
        )

        async def work(uow: UnitOfWork) -> ContractState:
            command = SignAsAuthority(**acting.stamp())
            _, loaded = await self.kit.run(uow, self.aggregate, contract_id, command, acting)
            contract: ContractState = loaded.state
            offer = await self.offering.offer(contract, acting)
            await self.kit.publish(uow, acting, offer, loaded.revision)
            return contract

        return await self.kit.transact(acting, work)

    async def amend(self, contract_id: UUID, terms: ContractTerms, acting: Acting) -> int:
        return await self.kit.transact(
            acting, lambda uow: self.amend_in(uow, contract_id, terms, acting)
        )

    async def amend_in(
        self, uow: UnitOfWork, contract_id: UUID, terms: ContractTerms, acting: Acting
    ) -> int:
        command = AmendContract(**acting.stamp(), terms=terms)
        _, loaded = await self.kit.run(uow, self.aggregate, contract_id, command, acting)
        state: ContractState = loaded.state
        return state.version

    async def amend_and_offer(
        self, uow: UnitOfWork, contract_id: UUID, terms: ContractTerms, acting: Acting
    ) -> ContractState:
        """A new version the authority signs and offers at once; it is in force again only
        when the provider countersigns the new version; the signed one stays in force till then."""
        await self.standards.require_in_force(
            (await self.state(contract_id))[0].standard_contract_id
        )
        amend = AmendContract(**acting.stamp(), terms=terms)
        _, amended = await self.kit.run(uow, self.aggregate, contract_id, amend, acting)
        sign = SignAsAuthority(**acting.stamp())
        _, signed = await self.kit.run(uow, self.aggregate, contract_id, sign, acting, amended)
        contract: ContractState = signed.state
        offer = await self.offering.offer(contract, acting)
        await self.kit.publish(uow, acting, offer, signed.revision)
        return contract

    async def countersigned(
        self, uow: UnitOfWork, event: wire.ContractCountersigned, acting: Acting
    ) -> None:
        contract, _ = await self.state(event.contract_id)
        current = event.version == contract.version
        if contract.provider_id != event.provider_id or (
            current and not await self.offering.signed_as_offered(contract, event.terms_sha256)
        ):
            log.warning("countersignature_mismatch", contract_id=str(event.contract_id))
            return
        # Never in force under a framework that is not: refused, logged by its code.
        await self.standards.require_in_force(contract.standard_contract_id)
        command = RecordProviderCountersigned(**acting.stamp(), version=event.version)
        _, loaded = await self.kit.run(uow, self.aggregate, event.contract_id, command, acting)
        signed: ContractState = loaded.state
        if signed.in_force and signed.in_force_version == event.version:
            case, _ = await self.cases.load(signed.case_id)
            news = in_force(signed, case.follow_up_months)
            await self.kit.publish(uow, acting, news, loaded.revision)

    async def delivery_started(
        self, uow: UnitOfWork, event: wire.DeliveryStarted, acting: Acting
    ) -> None:
        """When the measure actually started at the provider (faktisk iværksat)."""
        await self._from_provider(uow, event.contract_id, event.provider_id)
        command = RecordDeliveryStarted(**acting.stamp(), started_on=event.started_on)
        await self.kit.run(uow, self.aggregate, event.contract_id, command, acting)

    async def delivery_stopped(
        self, uow: UnitOfWork, event: wire.DeliveryStopped, acting: Acting
    ) -> None:
        """When and why the provider stopped delivering, by its coded reason."""
        await self._from_provider(uow, event.contract_id, event.provider_id)
        command = RecordDeliveryStopped(
            **acting.stamp(),
            stopped_on=event.stopped_on,
            reason_code=StopReason(event.reason_code.value),
            text=event.reason,
        )
        await self.kit.run(uow, self.aggregate, event.contract_id, command, acting)

    async def _from_provider(self, uow: UnitOfWork, contract_id: UUID, provider_id: UUID) -> None:
        """Only the contract's own provider reports on its delivery."""
        contract = (await self.kit.load(self.aggregate, contract_id)).state
        if contract is None or contract.provider_id != provider_id:
            raise DomainError("contract_not_found", "no such contract with this provider")

    async def terminate_in(
        self, uow: UnitOfWork, contract_id: UUID, on: date, acting: Acting
    ) -> ContractState:
        """The measure ended by decision at a follow-up (ophør): the contract ends at once."""
        command = TerminateContract(
            **acting.stamp(),
            initiated_by=Party.AUTHORITY,
            effective_on=on,
            reason_code=TerminationReason.MEASURE_NO_LONGER_NEEDED,
            notice_given_on=on,
            text=acting.reason,
            ends_measure=True,
        )
        return await Notice(self.kit).record(uow, contract_id, command, acting)

    async def _framework_in_force(self, contract_id: UUID) -> None:
        contract, _ = await self.state(contract_id)
        await self.standards.require_in_force(contract.standard_contract_id)
