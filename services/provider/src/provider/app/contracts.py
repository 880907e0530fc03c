"""Contracts and their delivery: countersign, treatment plan, start, sessions, stop."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventkit import EventStore, UnitOfWork
from samspil_contracts import (
    DeliveryStarted,
    DeliveryStopped,
    DeliveryStopReason,
)
from servicekit.publishing import Publisher

from provider.app import aggregates as agg
from provider.app import standards
from provider.app.offered_terms import OfferedTerms
from provider.app.recording import Acting, Recorder
from provider.app.service import Service
from provider.domain import DomainError, contract, delivery
from provider.domain.signing import HashCheck


class Contracts(Service):
    def __init__(
        self,
        store: EventStore,
        recorder: Recorder,
        publisher: Publisher,
        offered: OfferedTerms | None = None,
    ) -> None:
        super().__init__(store, recorder, publisher)
        self.offered = offered  # the terms offered, to check the hash signed against

    async def countersign(
        self,
        acting: Acting,
        contract_id: UUID,
        version: int,
        expected_revision: int | None,
        shown_sha256: str | None = None,
    ) -> int:
        """Only the hash of the terms held, recomputed here (and of those the coordinator
        read, ``shown_sha256``, if sent): ``terms_hash_mismatch`` otherwise."""
        async with self.store.unit_of_work() as uow:
            if (await self.recorder.load(agg.STANDARDS, contract_id, uow)).state is not None:
                args = (acting, contract_id, version, expected_revision, shown_sha256)
                return await standards.countersign(self, uow, *args)
            held = await self._held_sha256(acting, contract_id, uow)
            command = contract.Countersign(
                **acting.stamp,
                contract_id=contract_id,
                version=version,
                hashes=HashCheck(held=held, shown=shown_sha256),
            )
            events, loaded = await self.recorder.execute(
                uow, agg.CONTRACTS, contract_id, command, acting, expected_revision
            )
            signed: contract.ContractCountersigned = events[0]
            event = standards.countersigned(
                acting, contract_id, signed.version, signed.terms_sha256
            )
            await self.publish(uow, acting, event, contract_id, loaded.revision)
        return loaded.revision

    async def _held_sha256(self, acting: Acting, contract_id: UUID, uow: UnitOfWork) -> str | None:
        found = (await self.recorder.load(agg.CONTRACTS, contract_id, uow)).state
        if found is None or found.tenant_id != acting.tenant_id or self.offered is None:
            return None  # the decider refuses a contract not found
        return await self.offered.individual_sha256(found)

    async def facts(self, acting: Acting, contract_id: UUID) -> contract.Contract:
        """The tenant's contract, or ``not_found`` (another tenant's looks just the same)."""
        state = (await self.recorder.load(agg.CONTRACTS, contract_id)).state
        if state is None or state.tenant_id != acting.tenant_id:
            raise DomainError("not_found", "No such contract.")
        result: contract.Contract = state
        return result

    async def case_of(self, order_id: UUID) -> UUID:
        state = (await self.recorder.load(agg.ORDERS, order_id)).state
        if state is None or state.snapshot is None:  # a contract's order always exists
            raise DomainError("not_found", "No such order.")
        return UUID(state.snapshot.case_ref)

    async def plan(self, acting: Acting, contract_id: UUID, items: list[delivery.PlanItem]) -> int:
        found = await self.facts(acting, contract_id)
        command = delivery.CreateTreatmentPlan(
            **acting.stamp, contract=found.facts, items=tuple(items)
        )
        return await self._deliver(acting, found, command)

    async def log_session(self, acting: Acting, contract_id: UUID, **session: Any) -> int:
        found = await self.facts(acting, contract_id)
        command = delivery.LogSession(**acting.stamp, contract=found.facts, **session)
        return await self._deliver(acting, found, command)

    async def start(self, acting: Acting, contract_id: UUID, on: date) -> int:
        found = await self.facts(acting, contract_id)
        command = delivery.StartDelivery(**acting.stamp, contract=found.facts, on=on)
        return await self._deliver(acting, found, command)

    async def stop(
        self, acting: Acting, contract_id: UUID, on: date, reason_code: str, reason: str
    ) -> int:
        found = await self.facts(acting, contract_id)
        command = delivery.StopDelivery(
            **acting.stamp, contract=found.facts, on=on, reason_code=reason_code, reason=reason
        )
        return await self._deliver(acting, found, command)

    async def _deliver(self, acting: Acting, found: contract.Contract, command: Any) -> int:
        case_id = await self.case_of(found.order_id)
        async with self.store.unit_of_work() as uow:
            events, loaded = await self.recorder.execute(
                uow, agg.DELIVERIES, found.contract_id, command, acting
            )
            for event in events:
                await self._announce(uow, acting, found, case_id, event, loaded.revision)
        return loaded.revision

    async def _announce(
        self,
        uow: UnitOfWork,
        acting: Acting,
        found: contract.Contract,
        case_id: UUID,
        event: Any,
        revision: int,
    ) -> None:
        """Start and stop concern the authority; plans and sessions stay with the provider."""
        ids = {
            "contract_id": found.contract_id,
            "order_id": found.order_id,
            "case_id": case_id,
            "provider_id": acting.tenant_id,
        }
        wire: DeliveryStarted | DeliveryStopped
        if isinstance(event, delivery.DeliveryStarted):
            wire = DeliveryStarted(**ids, started_on=event.on)
        elif isinstance(event, delivery.DeliveryStopped):
            code = DeliveryStopReason(event.reason_code)
            text = event.reason or None
            wire = DeliveryStopped(**ids, stopped_on=event.on, reason_code=code, reason=text)
        else:
            return
        await self.publish(uow, acting, wire, found.contract_id, revision)
