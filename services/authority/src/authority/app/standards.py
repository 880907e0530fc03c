"""Standard contracts (standardkontrakt): drafted, signed and offered to the provider, then
countersigned. Individual contracts are drafted only as annexes to one of them."""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
import structlog
from eventkit import UnitOfWork
from samspil_contracts.agreements import ContractKind, Signature

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.contract_wire import legacy_terms_sha256
from authority.app.terms_wire import standard_terms
from authority.domain import DomainError, MeasureCode
from authority.domain.contract.ends import add_months
from authority.domain.standard import (
    DraftStandardContract,
    RecordStandardCountersigned,
    SignStandardAsAuthority,
    StandardContractState,
    require_framework_in_force,
)

log = structlog.get_logger(__name__)


def offered(state: StandardContractState, acting: Acting) -> wire.ContractOffered:
    terms, specific = state.terms, state.terms.specific
    measure = wire.MeasureCode(terms.measure.value)
    shown = standard_terms(state)
    return wire.ContractOffered(
        contract_id=state.standard_contract_id,
        version=1,
        kind=ContractKind.STANDARD,
        provider_id=state.provider_id,
        measure=measure,
        title=f"Standard contract, {wire.legal_basis_for(measure)}",
        terms_sha256=wire.terms_sha256(shown),
        price=wire.Price(
            amount_ore=specific.price_per_unit_oere, per=wire.PriceUnit(specific.unit.value)
        ),
        payment_terms_days=specific.payment_terms_days,
        start=specific.start,
        end=add_months(specific.start, specific.duration_months),
        authority_signature=Signature(
            party=wire.Party.AUTHORITY, signed_by=acting.actor.user_id, signed_at=acting.at
        ),
        standard_terms=shown,
    )


def signed_as_offered(state: StandardContractState, sha256: str) -> bool:
    """The hash of the terms shown, or (an offer made before they travelled) the v1 hash."""
    return sha256 in (wire.terms_sha256(standard_terms(state)), legacy_terms_sha256(state.terms))


class StandardContracts:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.aggregate = kit.aggregates.standard

    async def draft(self, command: DraftStandardContract, acting: Acting) -> int:
        async with self.kit.store.unit_of_work() as uow:
            key = command.standard_contract_id
            _, ran = await self.kit.run(uow, self.aggregate, key, command, acting)
            return ran.revision

    async def state(self, standard_contract_id: UUID) -> tuple[StandardContractState, int]:
        loaded = await self.kit.load(self.aggregate, standard_contract_id)
        if loaded.state is None:
            raise DomainError("standard_contract_not_found", "no such standard contract")
        return loaded.state, loaded.revision

    async def sign(self, standard_contract_id: UUID, acting: Acting) -> int:
        """The authority signs and offers the framework to the provider to countersign."""
        async with self.kit.store.unit_of_work() as uow:
            command = SignStandardAsAuthority(**acting.stamp())
            _, ran = await self.kit.run(uow, self.aggregate, standard_contract_id, command, acting)
            await self.kit.publish(uow, acting, offered(ran.state, acting), ran.revision)
            return ran.revision

    async def require_in_force(self, standard_contract_id: UUID | None) -> None:
        """Refuses (``standard_contract_not_in_force``) unless both parties signed it."""
        found = None
        if standard_contract_id is not None:
            found = (await self.kit.load(self.aggregate, standard_contract_id)).state
        require_framework_in_force(found)

    async def is_standard(self, contract_id: UUID) -> bool:
        return (await self.kit.load(self.aggregate, contract_id)).state is not None

    async def countersigned(
        self, uow: UnitOfWork, event: wire.ContractCountersigned, acting: Acting
    ) -> None:
        state, _ = await self.state(event.contract_id)
        if state.provider_id != event.provider_id or not signed_as_offered(
            state, event.terms_sha256
        ):
            log.warning("countersignature_mismatch", contract_id=str(event.contract_id))
            return
        command = RecordStandardCountersigned(**acting.stamp())
        await self.kit.run(uow, self.aggregate, event.contract_id, command, acting)

    async def for_annex(self, provider_id: UUID, measure: MeasureCode) -> UUID:
        """The standard contract an individual contract with this provider is an annex to."""
        rows = await self.kit.views.rows(
            "standard_contracts", provider_id=provider_id, measure=measure.value
        )
        if not rows:
            raise DomainError(
                "no_standard_contract",
                f"there is no standard contract for {measure.value} with this provider; "
                "make one first",
            )
        in_force = [row for row in rows if row["in_force"]]
        if not in_force:
            require_framework_in_force(None)
        newest = max(in_force, key=lambda r: r["start"])
        found: UUID = newest["standard_contract_id"]
        return found
