"""Settlement (afregning): claims received as sent and checked by finance, line by line,
against the contract version in force for the claimed period; credit notes applied; paid."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.settlement_terms import DENMARK, claim_of, claim_terms
from authority.app.settlement_wire import decision_out
from authority.domain import DomainError
from authority.domain.contract import ContractState, require_settleable
from authority.domain.settlement import (
    ApplyCreditNote,
    ApproveClaim,
    ClaimCommand,
    ClaimState,
    DecideClaimLines,
    LineOutcome,
    LineRejection,
    MarkClaimPaid,
    ReceiveClaim,
    RejectClaim,
)


class Claims:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.aggregate = kit.aggregates.claim

    async def receive(self, uow: UnitOfWork, claim: wire.ClaimSubmitted, acting: Acting) -> None:
        contract: ContractState | None = (
            await self.kit.load(self.kit.aggregates.contract, claim.contract_id)
        ).state
        if contract is None:
            raise DomainError("contract_not_found", "a claim must name a known contract")
        terms = claim_terms(contract, claim)
        received_on = acting.at.astimezone(DENMARK).date()
        due = received_on + timedelta(days=terms.payment_terms_days)
        command = ReceiveClaim(
            **acting.stamp(),
            claim_id=claim.claim_id,
            contract_id=claim.contract_id,
            provider_id=claim.provider_id,
            terms=terms,
            claim=claim_of(claim),
            payment_due_on=due,
        )
        _, ran = await self.kit.run(uow, self.aggregate, claim.claim_id, command, acting)
        out = wire.ClaimReceived(
            claim_id=claim.claim_id,
            contract_id=claim.contract_id,
            provider_id=claim.provider_id,
            case_id=contract.case_id,
            contract_version=terms.version,
            received_on=received_on,
            payment_due_on=due,
        )
        await self.kit.publish(uow, acting, out, ran.revision)

    async def credited(self, uow: UnitOfWork, note: wire.ClaimCredited, acting: Acting) -> None:
        """The provider's credit note (kreditnota) reduces what the authority pays."""
        command = ApplyCreditNote(
            **acting.stamp(), credit_note_id=note.credit_note_id, amount_oere=note.amount_ore
        )
        await self.kit.run(uow, self.aggregate, note.claim_id, command, acting)

    async def decide(
        self,
        claim_id: UUID,
        approve: bool,
        acting: Acting,
        code: LineRejection = LineRejection.OTHER,
    ) -> int:
        """Every line approved, or every line rejected (``acting.reason`` the text)."""
        command = (
            ApproveClaim(**acting.stamp())
            if approve
            else RejectClaim(**acting.stamp(), reason_code=code)
        )
        return await self._decide(claim_id, command, acting)

    async def decide_lines(
        self, claim_id: UUID, outcomes: tuple[LineOutcome, ...], acting: Acting
    ) -> int:
        command = DecideClaimLines(**acting.stamp(), outcomes=outcomes)
        return await self._decide(claim_id, command, acting)

    async def paid(self, claim_id: UUID, paid_on: date, acting: Acting) -> int:
        command = MarkClaimPaid(**acting.stamp(), paid_on=paid_on)
        return await self._record(claim_id, command, acting, await self._state(claim_id))

    async def _decide(self, claim_id: UUID, command: ClaimCommand, acting: Acting) -> int:
        state = await self._state(claim_id)
        contract = (await self.kit.load(self.kit.aggregates.contract, state.contract_id)).state
        require_settleable(contract)  # paid only on what both signed, also after it ended
        return await self._record(claim_id, command, acting, state)

    async def _record(
        self, claim_id: UUID, command: ClaimCommand, acting: Acting, state: ClaimState
    ) -> int:
        async with self.kit.store.unit_of_work() as uow:
            events, ran = await self.kit.run(uow, self.aggregate, claim_id, command, acting)
            for event in events:
                await self.kit.publish(uow, acting, decision_out(state, event), ran.revision)
            return ran.revision

    async def _state(self, claim_id: UUID) -> ClaimState:
        state: ClaimState | None = (await self.kit.load(self.aggregate, claim_id)).state
        if state is None:
            raise DomainError("claim_not_found", "the claim does not exist")
        return state
