"""The individual contract (individuel kontrakt): an annex per child to the standard contract."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from authority.domain.errors import DomainError
from authority.domain.vocabulary import Goal, PriceUnit


@dataclass(frozen=True, slots=True)
class Contact:
    """A professional's work contact (not citizen data)."""

    name: str
    email: str
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class ContractTerms:
    goals: tuple[Goal, ...]  # from the action plan
    scope: str  # omfang
    frequency: str  # hyppighed
    start: date
    expected_end: date | None  # either an end or a duration (forventet varighed)
    duration_months: int | None
    follow_up_wanted: str  # the follow-up the authority wants
    special_economic_agreements: str  # særlige økonomiske aftaler; may be empty
    price_per_unit_oere: int
    unit: PriceUnit
    payment_terms_days: int
    authority_contact: Contact
    provider_contact: Contact


class Party(StrEnum):
    AUTHORITY = "authority"
    PROVIDER = "provider"


class StopReason(StrEnum):
    """The provider's coded reason for stopping delivery (as on the wire)."""

    GOALS_REACHED = "goals_reached"
    ENDED_BY_AUTHORITY = "ended_by_authority"
    CONTRACT_TERMINATED = "contract_terminated"
    FAMILY_WITHDREW = "family_withdrew"
    FAMILY_MOVED = "family_moved"
    CHILD_PLACED_ELSEWHERE = "child_placed_elsewhere"
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class DeliveryStop:
    """When the measure actually stopped at the provider, and why."""

    stopped_on: date
    reason_code: StopReason
    text: str | None = None


class TerminationReason(StrEnum):
    """Why a party gives notice (opsigelse), as on the wire."""

    GOALS_MET = "goals_met"
    MEASURE_NO_LONGER_NEEDED = "measure_no_longer_needed"
    CHILD_MOVED = "child_moved"
    PROVIDER_NOT_DELIVERING = "provider_not_delivering"
    SERIOUS_BREACH = "serious_breach"
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"
    OTHER = "other"


# Only a breach of the contract (misligholdelse) ends it without notice.
IMMEDIATE_REASONS = frozenset(
    {TerminationReason.PROVIDER_NOT_DELIVERING, TerminationReason.SERIOUS_BREACH}
)
DEFAULT_NOTICE_DAYS = 30  # the standard contract states its terms as text, not a number


@dataclass(frozen=True, slots=True)
class Termination:
    """Notice given: in force through `last_day`, ended after it (`ended`)."""

    initiated_by: Party
    effective_on: date  # the last day in force
    reason: str
    reason_code: TerminationReason = TerminationReason.OTHER
    notice_given_on: date | None = None
    text: str | None = None
    ended: bool = False

    @property
    def last_day(self) -> date:
        return self.effective_on


@dataclass(frozen=True, slots=True)
class ContractState:
    contract_id: UUID
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    versions: tuple[ContractTerms, ...]  # every version is kept; the last is current
    authority_signed: int | None = None  # the version the authority signed
    provider_signed: int | None = None  # the version the provider countersigned
    termination: Termination | None = None
    delivery_started_on: date | None = None  # when the measure actually started
    standard_contract_id: UUID | None = None  # the standard contract (annex to)
    in_force_version: int | None = None  # the last version both parties signed
    delivery_stop: DeliveryStop | None = None  # when and why the provider stopped
    # When each version came into force (both signed it), in order: claims are settled by
    # the version in force for the claimed period.
    in_force_from: tuple[tuple[int, datetime], ...] = ()
    expired_on: date | None = None  # ended at its expected end (the last day in force)
    other_notice: Termination | None = None  # the other party's notice, if both gave one

    @property
    def pending_version(self) -> int | None:
        """A newer version waiting for signatures; the one in force stays so meanwhile."""
        return None if self.version == self.in_force_version else self.version

    @property
    def terms_in_force(self) -> ContractTerms | None:
        return None if self.in_force_version is None else self.versions[self.in_force_version - 1]

    @property
    def version(self) -> int:
        return len(self.versions)

    @property
    def terms(self) -> ContractTerms:
        return self.versions[-1]

    @property
    def in_force(self) -> bool:
        """In force when both parties signed a version (begge parter har underskrevet) and it
        is not terminated. An amendment does not take it out of force: the signed version
        stays in force until both have signed the new one. Under notice it stays in force
        through the last day; only once it has ended is it out of force."""
        return not self.ended and self.in_force_version is not None

    @property
    def ended(self) -> bool:
        """Ended after the last day under notice, or at its expected end (expired)."""
        noticed = self.termination is not None and self.termination.ended
        return noticed or self.expired_on is not None


def require_in_force(state: ContractState | None) -> ContractState:
    """Guard for anything that acts on a contract: delivery, claims."""
    if state is None or not state.in_force:
        raise DomainError(
            "contract_not_in_force",
            "the contract is not in force: both parties must sign a version of it",
        )
    return state


def require_settleable(state: ContractState | None) -> ContractState:
    """Guard for settling claims: a version both parties signed, in force now or ended.

    The final settlement (afregning) comes after the measure ended, so a terminated
    contract is still settled for the time it was in force.
    """
    if state is None or not (state.authority_signed and state.provider_signed):
        raise DomainError(
            "contract_not_in_force",
            "no version of the contract was signed by both parties: nothing can be settled",
        )
    return state
