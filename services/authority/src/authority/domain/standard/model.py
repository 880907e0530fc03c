"""The standard contract (standardkontrakt): the framework per measure type between the
authority and one provider. Individual contracts per child are annexes to it."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from authority.domain.contract.model import Contact
from authority.domain.errors import DomainError
from authority.domain.vocabulary import MeasureCode, PriceUnit


@dataclass(frozen=True, slots=True)
class GeneralTerms:
    """The general terms (generelle vilkår) every standard contract carries."""

    ethics: str  # etik og menneskesyn
    payment: str  # betalingsbetingelser
    disputes_and_breach: str  # tvister og misligholdelse
    sanctions_and_termination: str  # sanktioner og opsigelse


@dataclass(frozen=True, slots=True)
class ProviderDemands:
    """What the authority demands of the provider for this measure (krav til leverandøren)."""

    opening_hours: str
    training: str  # uddannelse og kompetencer
    involvement: str  # forældre- og brugerinddragelse
    confidentiality: str  # tavshedspligt
    duty_to_notify: str  # underretningspligt
    data_storage: str  # opbevaring af data
    use_of_force: str  # magtanvendelse


@dataclass(frozen=True, slots=True)
class MeasureTerms:
    """The measure-specific terms (indsatsspecifikke vilkår)."""

    purpose: str
    demands_on_authority: str
    demands_on_provider: ProviderDemands
    places: int  # antal pladser
    insurance: str
    follow_up: str
    price_per_unit_oere: int
    unit: PriceUnit
    price_regulation: str  # prisregulering
    payment_terms_days: int
    start: date
    duration_months: int


@dataclass(frozen=True, slots=True)
class StandardTerms:
    measure: MeasureCode
    authority_contact: Contact
    provider_contact: Contact
    general: GeneralTerms
    specific: MeasureTerms


@dataclass(frozen=True, slots=True)
class StandardContractState:
    standard_contract_id: UUID
    provider_id: UUID
    terms: StandardTerms
    authority_signed: bool = False
    provider_signed: bool = False

    @property
    def in_force(self) -> bool:
        """Like every contract: in force only when both parties have signed."""
        return self.authority_signed and self.provider_signed


def require_framework_in_force(state: StandardContractState | None) -> StandardContractState:
    """An individual contract is an annex to a standard contract (rammekontrakt) in force: it
    is neither drafted nor signed into force under one that is not."""
    if state is None or not state.in_force:
        raise DomainError(
            "standard_contract_not_in_force",
            "the standard contract is not in force: both parties must sign it before an "
            "individual contract is drafted or signed under it",
        )
    return state
