"""Settlement (afregning): claims received as sent, checked by finance against the contract."""

from __future__ import annotations

import math
from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.contract_wire import expected_end
from authority.domain import DomainError, PriceUnit
from authority.domain.contract import ContractState, ContractTerms, require_settleable
from authority.domain.settlement import (
    ApproveClaim,
    Claim,
    ClaimApproved,
    ClaimLine,
    ClaimState,
    ClaimTerms,
    ReceiveClaim,
    RejectClaim,
)

DAYS_PER = {"day": 1, "week": 7, "month": 30}


def units_allowed(terms: ContractTerms, claim: wire.ClaimSubmitted) -> int:
    """The scope (omfang) in the contract's price unit over the claimed period."""
    days = (claim.period_end - claim.period_start).days + 1
    if terms.unit is PriceUnit.SESSION:
        frequency = wire.Frequency.model_validate_json(terms.frequency)
        return frequency.times * math.ceil(days / DAYS_PER[frequency.per.value])
    scope = wire.Scope.model_validate_json(terms.scope)
    per_period = scope.hours if terms.unit is PriceUnit.HOUR else 1
    return per_period * math.ceil(days / DAYS_PER[scope.per.value])


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
        terms = contract.terms_in_force or contract.terms  # settled by the version in force
        command = ReceiveClaim(
            **acting.stamp(),
            claim_id=claim.claim_id,
            contract_id=claim.contract_id,
            provider_id=claim.provider_id,
            terms=ClaimTerms(
                price_per_unit_oere=terms.price_per_unit_oere,
                period_start=terms.start,
                period_end=expected_end(terms),
                units_allowed=units_allowed(terms, claim),
                payment_terms_days=terms.payment_terms_days,
            ),
            claim=Claim(
                period_start=claim.period_start,
                period_end=claim.period_end,
                lines=tuple(
                    ClaimLine(line.description, line.quantity, line.unit_price_ore)
                    for line in claim.lines
                ),
            ),
        )
        await self.kit.run(uow, self.aggregate, claim.claim_id, command, acting)

    async def decide(self, claim_id: UUID, approve: bool, acting: Acting) -> int:
        state = await self._state(claim_id)
        contract = (await self.kit.load(self.kit.aggregates.contract, state.contract_id)).state
        require_settleable(contract)  # paid only on what both signed, also after it ended
        command = ApproveClaim(**acting.stamp()) if approve else RejectClaim(**acting.stamp())
        async with self.kit.store.unit_of_work() as uow:
            events, loaded = await self.kit.run(uow, self.aggregate, claim_id, command, acting)
            ids = {
                "claim_id": claim_id,
                "contract_id": state.contract_id,
                "provider_id": state.provider_id,
            }
            out: wire.IntegrationEvent
            if isinstance(events[0], ClaimApproved):
                approved = events[0]
                out = wire.ClaimApproved(
                    **ids,
                    approved_total_ore=approved.approved_total_oere,
                    payment_due_on=approved.payment_due_on,
                )
            else:
                out = wire.ClaimRejected(**ids, reason=acting.reason or "rejected")
            await self.kit.publish(uow, acting, out, loaded.revision)
            return loaded.revision

    async def _state(self, claim_id: UUID) -> ClaimState:
        state: ClaimState | None = (await self.kit.load(self.aggregate, claim_id)).state
        if state is None:
            raise DomainError("claim_not_found", "the claim does not exist")
        return state
