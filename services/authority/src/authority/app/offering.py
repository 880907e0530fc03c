"""The offer of a contract's current version: every term the provider countersigns, sealed
with the child's key, and the hash of their canonical form (docs/contract-hash.md)."""

from __future__ import annotations

import samspil_contracts as wire

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.contract_wire import legacy_terms_sha256, offered
from authority.app.standards import StandardContracts
from authority.app.terms_wire import framework_of, individual_terms
from authority.domain import DomainError
from authority.domain.contract import ContractState
from authority.domain.order import OrderState


class Offering:
    def __init__(self, kit: Kit, standards: StandardContracts) -> None:
        self.kit, self.standards = kit, standards

    async def terms(self, contract: ContractState) -> wire.IndividualTerms:
        """The current version's terms as the provider is shown them."""
        if contract.standard_contract_id is None:
            raise DomainError("no_standard_contract", "the contract names no standard contract")
        framework, _ = await self.standards.state(contract.standard_contract_id)
        measure = await self.measure(contract)
        return individual_terms(contract, measure, framework_of(framework))

    async def offer(self, contract: ContractState, acting: Acting) -> wire.ContractOffered:
        """Goals and free text may name the child: the terms travel sealed with its key,
        bound to the contract (aad its id), which the provider was granted with the order."""
        shown = await self.terms(contract)
        key = await self.kit.keyring.key_for(contract.case_id)
        box = key.seal_json(shown.model_dump(mode="json"), str(contract.contract_id))
        return offered(contract, shown, wire.Sealed.model_validate(box), acting)

    async def signed_as_offered(self, contract: ContractState, sha256: str) -> bool:
        """The provider countersigned the current version's hash: of the terms shown, or
        (an offer made before they travelled) the v1 hash."""
        shown = wire.terms_sha256(await self.terms(contract))
        return sha256 in (shown, legacy_terms_sha256(contract.terms))

    async def measure(self, contract: ContractState) -> str:
        order: OrderState | None = (
            await self.kit.load(self.kit.aggregates.order, contract.order_id)
        ).state
        if order is None:
            raise DomainError("order_not_found", "the contract's order does not exist")
        return order.measure.value
