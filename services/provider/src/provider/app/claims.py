"""Claims: submitted at the contract price, numbered uniquely per tenant."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from samspil_contracts import ClaimCredited, ClaimSubmitted
from samspil_contracts import ClaimLine as WireLine
from samspil_contracts import LineKind as WireKind
from samspil_contracts import PriceUnit as WireUnit

from provider.app import aggregates as agg
from provider.app.contracts import Contracts
from provider.app.ports import ReadModels
from provider.app.recording import Acting
from provider.domain import DomainError, claim


class Claims:
    def __init__(self, contracts: Contracts, read_models: ReadModels) -> None:
        self.contracts, self.read_models = contracts, read_models

    async def submit(
        self,
        acting: Acting,
        contract_id: UUID,
        claim_number: str,
        period: tuple[date, date],
        lines: tuple[claim.ClaimLine, ...],
    ) -> UUID:
        found = await self.contracts.facts(acting, contract_id)
        case_id = await self.contracts.case_of(found.order_id)
        claim_id = uuid4()
        command = claim.SubmitClaim(
            **acting.stamp,
            claim_id=claim_id,
            claim_number=claim_number,
            contract=found.facts,
            period_start=period[0],
            period_end=period[1],
            lines=lines,
        )
        unit = WireUnit(found.terms.price_unit.value)
        async with self.contracts.store.unit_of_work() as uow:
            taken = await self.read_models.claim_number_taken(
                uow.connection, acting.tenant_id, claim_number
            )
            if taken:
                raise DomainError("duplicate_claim_number", f"Claim {claim_number} exists already.")
            events, loaded = await self.contracts.recorder.execute(
                uow, agg.CLAIMS, claim_id, command, acting
            )
            submitted: claim.ClaimSubmitted = events[0]
            event = ClaimSubmitted(
                claim_id=claim_id,
                contract_id=contract_id,
                provider_id=acting.tenant_id,
                case_id=case_id,
                period_start=submitted.period_start,
                period_end=submitted.period_end,
                lines=tuple(
                    WireLine(
                        description=line.description,
                        kind=WireKind(line.kind.value),
                        quantity=line.units,
                        unit=unit,
                        unit_price_ore=line.unit_price_oere,
                        amount_ore=line.amount_oere,
                    )
                    for line in submitted.lines
                ),
                total_ore=submitted.total_oere,
            )
            await self.contracts.publish(uow, acting, event, claim_id, loaded.revision)
        return claim_id

    async def credit(
        self, acting: Acting, claim_id: UUID, credit_note_id: UUID, amount_oere: int, reason: str
    ) -> int:
        """A credit note against the tenant's claim; retrying the same note changes nothing."""
        command = claim.IssueCreditNote(
            **acting.stamp,
            credit_note_id=credit_note_id,
            claim_id=claim_id,
            amount_oere=amount_oere,
            reason=reason,
        )
        async with self.contracts.store.unit_of_work() as uow:
            events, loaded = await self.contracts.recorder.execute(
                uow, agg.CLAIMS, claim_id, command, acting
            )
            state: claim.Claim | None = loaded.state
            if state is None:  # a claim that credit notes could be issued for exists
                raise DomainError("not_found", "No such claim.")
            for issued in events:
                event = ClaimCredited(
                    claim_id=claim_id,
                    credit_note_id=issued.credit_note_id,
                    contract_id=state.contract_id,
                    provider_id=acting.tenant_id,
                    amount_ore=issued.amount_oere,
                    reason=issued.reason,
                )
                await self.contracts.publish(uow, acting, event, claim_id, loaded.revision)
        return int(loaded.revision)
