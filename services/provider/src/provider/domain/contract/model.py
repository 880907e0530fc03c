"""The individual contract (individuel kontrakt): offered and signed by the authority,
countersigned by a coordinator. It is in force once both parties have signed a version; a
newer offer needs countersigning, and the signed version stays in force until it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.signing import NOTHING_TO_CHECK, HashCheck
from provider.domain.values import Frequency, Goal, PriceUnit, Scope


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractTerms:
    measure_code: str
    price_oere: int
    price_unit: PriceUnit
    goals: tuple[Goal, ...]
    scope: Scope
    frequency: Frequency
    start: date
    end: date | None
    payment_terms_days: int
    terms_sha256: str  # hash of the terms' canonical form: what exactly is being signed
    # Every term offered (IndividualTerms JSON), sealed with the child's key as received;
    # None for an offer from before the terms travelled.
    sealed_terms: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveContractOffer(Command):
    contract_id: UUID
    version: int
    order_id: UUID
    terms: ContractTerms
    authority_signed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Countersign(Command):
    contract_id: UUID
    version: int  # the version the coordinator read; guards against signing unseen terms
    hashes: HashCheck = NOTHING_TO_CHECK


class Party(StrEnum):
    AUTHORITY = "authority"
    PROVIDER = "provider"


class TerminationReason(StrEnum):
    """Why a party gives notice (opsigelse), as on the wire."""

    GOALS_MET = "goals_met"
    MEASURE_NO_LONGER_NEEDED = "measure_no_longer_needed"
    CHILD_MOVED = "child_moved"
    PROVIDER_NOT_DELIVERING = "provider_not_delivering"
    SERIOUS_BREACH = "serious_breach"
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """Notice given by either party: in force through `last_day`, ended after it."""

    given_by: Party
    reason_code: TerminationReason
    notice_given_on: date
    last_day: date
    text: str | None = None

    @property
    def immediate(self) -> bool:
        return self.last_day == self.notice_given_on


@dataclass(frozen=True, slots=True, kw_only=True)
class GiveNotice(Command):
    """The coordinator gives notice for the provider organisation."""

    contract_id: UUID
    notice: Notice


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordNotice(Command):
    """The authority announced notice (its own, or ours as it recorded it)."""

    contract_id: UUID
    notice: Notice


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordEnded(Command):
    """The scheduler says the last day under notice has passed; or (`expired_on`) the
    authority says the contract reached its expected end without an extension."""

    contract_id: UUID
    expired_on: date | None = None


ContractCommand = ReceiveContractOffer | Countersign | GiveNotice | RecordNotice | RecordEnded


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractOfferReceived(Event):
    contract_id: UUID
    version: int
    order_id: UUID
    terms: ContractTerms
    authority_signed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractCountersigned(Event):
    contract_id: UUID
    version: int
    terms_sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeGiven(Event):
    contract_id: UUID
    notice: Notice


@dataclass(frozen=True, slots=True, kw_only=True)
class OwnNoticeRecorded(Event):
    """We gave notice after the authority's earlier last day: it does not count, but we have
    given ours (the authority records it beside its own), so a second is refused."""

    contract_id: UUID
    notice: Notice


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractEnded(Event):
    contract_id: UUID
    ended_on: date


ContractEvent = (
    ContractOfferReceived | ContractCountersigned | NoticeGiven | OwnNoticeRecorded | ContractEnded
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractFacts:
    """What delivery, status reports and claims may know of a contract. The app reads it from
    the contract's state and passes it on their commands, which keeps their decide pure."""

    tenant_id: UUID
    contract_id: UUID
    in_force: bool
    goal_ids: frozenset[UUID]
    price_oere: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Contract:
    tenant_id: UUID
    contract_id: UUID
    order_id: UUID
    version: int
    terms: ContractTerms
    authority_signed_at: datetime
    countersigned_version: int | None = None
    terms_in_force: ContractTerms | None = None  # of the version both parties signed
    notice: Notice | None = None  # given by either party; in force through its last day
    ended: bool = False  # the last day under notice passed (or it ended at once)
    own_notice: bool = False  # we gave notice (counting or not): once per party

    @property
    def in_force(self) -> bool:
        """Both parties have signed a version (every offer is signed by the authority). A
        newer offer does not take it out of force until the coordinator countersigns it;
        notice does not either, until the contract has ended."""
        return self.countersigned_version is not None and not self.ended

    @property
    def pending_version(self) -> int | None:
        return None if self.countersigned_version == self.version else self.version

    @property
    def goal_ids(self) -> frozenset[UUID]:
        return frozenset(goal.goal_id for goal in (self.terms_in_force or self.terms).goals)

    @property
    def facts(self) -> ContractFacts:
        return ContractFacts(
            tenant_id=self.tenant_id,
            contract_id=self.contract_id,
            in_force=self.in_force,
            goal_ids=self.goal_ids,
            price_oere=(self.terms_in_force or self.terms).price_oere,
        )
