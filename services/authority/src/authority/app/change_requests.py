"""Change requests (ændringsanmodning) from providers, answered by the caseworker.

Granting an extension or a change of scope drafts the amendment at once: a new contract
version from the version in force with only the requested fields changed, signed by the
authority and offered (``Contracts.amend_and_offer``), so the provider countersigns it as
any amendment; the version in force stays so until then. Granting an early end gives
notice in the same transaction, with the provider's last day (reason ``other``, the request
named): the contract stays in force through that day and ends after it, as any notice.
"""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.contracts import Contracts
from authority.app.notice import Notice
from authority.domain import DomainError
from authority.domain.change import (
    ChangeKind,
    ChangeRequest,
    ContractChanges,
    GrantChange,
    Proposal,
    RecordChangeRequested,
    RefusalReason,
    RefuseChange,
    amended,
)
from authority.domain.contract import TerminationReason


class ChangeRequests:
    def __init__(self, kit: Kit, contracts: Contracts) -> None:
        self.kit, self.contracts = kit, contracts
        self.aggregate = kit.aggregates.change
        self.notice = Notice(kit)

    async def receive(self, uow: UnitOfWork, e: wire.ChangeRequested, acting: Acting) -> None:
        """Recorded once on the contract's requests (its own provider's only)."""
        contract = (await self.kit.load(self.kit.aggregates.contract, e.contract_id)).state
        if contract is None or contract.provider_id != e.provider_id:
            raise DomainError("contract_not_found", "no such contract with this provider")
        proposal = Proposal(
            new_end=e.new_end,
            duration_months=e.expected_duration_months,
            scope=None if e.scope is None else e.scope.model_dump_json(),
            frequency=None if e.frequency is None else e.frequency.model_dump_json(),
            last_day=e.last_day,
        )
        command = RecordChangeRequested(
            **acting.stamp(),
            contract_id=e.contract_id,
            case_id=contract.case_id,
            provider_id=e.provider_id,
            request_id=e.request_id,
            kind=ChangeKind(e.kind.value),
            version_in_force=e.version_in_force,
            proposal=proposal,
            sealed_reason=e.reason.model_dump_json(),
        )
        await self.kit.run(uow, self.aggregate, e.contract_id, command, acting)

    async def state(self, contract_id: UUID) -> ContractChanges | None:
        found: ContractChanges | None = (await self.kit.load(self.aggregate, contract_id)).state
        return found

    async def grant(
        self, contract_id: UUID, request_id: UUID, text: str | None, acting: Acting
    ) -> int | None:
        """The grant, and for extend / change_scope the amended version offered (returned)."""
        found = await self._request(contract_id, request_id)
        async with self.kit.store.unit_of_work() as uow:
            version = None
            if found.kind is not ChangeKind.END_EARLY:
                version = await self._amend(uow, contract_id, found, acting.without_revision())
            command = GrantChange(
                **acting.stamp(), request_id=request_id, amended_version=version, text=text
            )
            _, ran = await self.kit.run(uow, self.aggregate, contract_id, command, acting)
            changes: ContractChanges = ran.state
            granted = wire.ChangeRequestGranted(
                request_id=request_id,
                contract_id=contract_id,
                provider_id=changes.provider_id,
                kind=wire.ChangeKind(found.kind.value),
                amended_version=version,
                text=text or None,
            )
            await self.kit.publish(uow, acting, granted, ran.revision)
            if found.kind is ChangeKind.END_EARLY:
                await self._end_early(uow, contract_id, found, acting.without_revision())
        return version

    async def _end_early(
        self, uow: UnitOfWork, contract_id: UUID, found: ChangeRequest, acting: Acting
    ) -> None:
        last_day = found.proposal.last_day
        if last_day is None:  # an end_early request always names it; nothing to end by
            raise DomainError("invalid_change_request", "the early end names no last day")
        text = f"Ophør før tid efter leverandørens ændringsanmodning {found.request_id}"
        reason = TerminationReason.OTHER
        # Both parties agree this end: the provider asked, the caseworker grants it (also today).
        await self.notice.give_in(uow, contract_id, last_day, reason, text, acting, agreed=True)

    async def refuse(
        self,
        contract_id: UUID,
        request_id: UUID,
        code: RefusalReason,
        text: str,
        acting: Acting,
    ) -> int:
        found = await self._request(contract_id, request_id)
        async with self.kit.store.unit_of_work() as uow:
            command = RefuseChange(
                **acting.stamp(), request_id=request_id, reason_code=code, text=text
            )
            _, ran = await self.kit.run(uow, self.aggregate, contract_id, command, acting)
            changes: ContractChanges = ran.state
            refused = wire.ChangeRequestRefused(
                request_id=request_id,
                contract_id=contract_id,
                provider_id=changes.provider_id,
                kind=wire.ChangeKind(found.kind.value),
                reason_code=wire.ChangeRefusalReason(code.value),
                text=text,
            )
            await self.kit.publish(uow, acting, refused, ran.revision)
            return ran.revision

    async def _request(self, contract_id: UUID, request_id: UUID) -> ChangeRequest:
        changes = await self.state(contract_id)
        found = None if changes is None else changes.find(request_id)
        if found is None:
            raise DomainError("change_request_not_found", "the change request does not exist")
        return found

    async def _amend(
        self, uow: UnitOfWork, contract_id: UUID, found: ChangeRequest, acting: Acting
    ) -> int:
        contract, _ = await self.contracts.state(contract_id)
        base = contract.terms_in_force or contract.terms  # amend from the version in force
        terms = amended(base, found.proposal)
        signed = await self.contracts.amend_and_offer(uow, contract_id, terms, acting)
        return signed.version
