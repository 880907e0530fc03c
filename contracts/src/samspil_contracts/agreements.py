"""Contracts: offered and signed by the authority, countersigned by the provider.

A contract is in force only when both parties have signed the same version.
"""

from datetime import date
from enum import StrEnum
from typing import ClassVar, Self
from uuid import UUID

from pydantic import AwareDatetime, Field, model_validator

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import (
    CadenceMonths,
    MeasureCode,
    MunicipalityCode,
    Party,
    Price,
    ShortText,
    Text,
    Value,
)
from samspil_contracts.sealed import Sealed
from samspil_contracts.terms import StandardTerms, terms_sha256


class ContractKind(StrEnum):
    STANDARD = "standard"  # standardkontrakt per measure type
    INDIVIDUAL = "individual"  # individuel kontrakt per child, annex to a standard contract


class Signature(Value):
    party: Party
    signed_by: ShortText
    signed_at: AwareDatetime


class ContractOffered(IntegrationEvent):
    """The authority signed a version and offers it to the provider to countersign.

    v2 carries every term the provider is asked to countersign (v1 had a hash of terms the
    provider never saw): ``terms_sha256`` is SHA-256 of their canonical form
    (docs/contract-hash.md), which the provider recomputes from what it was shown. v1
    offers are read with no terms.
    """

    type_name: ClassVar[str] = "dk.samspil.contract.offered"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    contract_id: UUID
    version: int = Field(ge=1)
    kind: ContractKind
    provider_id: UUID
    measure: MeasureCode
    standard_contract_id: UUID | None = None
    case_id: UUID | None = None
    order_id: UUID | None = None
    title: ShortText
    terms_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the terms' canonical form (docs/contract-hash.md)",
    )
    price: Price
    payment_terms_days: int = Field(ge=0, le=120)
    start: date
    end: date | None = None
    authority_signature: Signature
    individual_terms: Sealed | None = Field(
        None,
        description="An individual contract's IndividualTerms as JSON, sealed with the "
        "child's data key (kid child:<child_id>, aad the contract_id): goals and free text "
        "may name the child. None only in offers read from v1",
    )
    standard_terms: StandardTerms | None = Field(
        None, description="A standard contract's terms, in clear. None only in offers from v1"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind is ContractKind.INDIVIDUAL and None in (
            self.standard_contract_id,
            self.case_id,
            self.order_id,
        ):
            raise ValueError("an individual contract needs standard_contract_id, case_id, order_id")
        if self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        if self.authority_signature.party is not Party.AUTHORITY:
            raise ValueError("the offer carries the authority's signature")
        return self._terms_consistent()

    def _terms_consistent(self) -> Self:
        standard = self.kind is ContractKind.STANDARD
        if (standard and self.individual_terms) or (not standard and self.standard_terms):
            raise ValueError("the terms are of the other kind of contract")
        found = self.standard_terms
        if found is not None and (
            (found.contract_id, found.version) != (self.contract_id, self.version)
            or terms_sha256(found) != self.terms_sha256
        ):
            raise ValueError("terms_sha256 is not the hash of the standard terms offered")
        return self


class ContractCountersigned(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.contract.countersigned"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_CONTRACTS

    contract_id: UUID
    version: int = Field(ge=1)
    provider_id: UUID
    terms_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="What was signed")
    provider_signature: Signature

    @model_validator(mode="after")
    def _provider_signs(self) -> Self:
        if self.provider_signature.party is not Party.PROVIDER:
            raise ValueError("the countersignature is the provider's")
        return self


class ContractInForce(IntegrationEvent):
    """Both parties have signed the same version: the contract is in force from ``start``.

    Published by the authority once it has recorded the provider's countersignature, so
    every consumer (the scheduler's follow-up series above all) starts from one fact.
    """

    type_name: ClassVar[str] = "dk.samspil.contract.in_force"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    contract_id: UUID
    version: int = Field(ge=1)
    provider_id: UUID
    case_id: UUID
    order_id: UUID | None = None
    start: date
    expected_end: date | None = None
    # A per-case cadence in months; none means the statutory first after 3, then every 6.
    follow_up_interval_months: CadenceMonths | None = None
    # Optional since its introduction: the scheduler counts with this municipality's rules.
    municipality: MunicipalityCode | None = None


class TerminationReason(StrEnum):
    """Why a party gives notice (opsigelse) of an individual contract."""

    GOALS_MET = "goals_met"
    MEASURE_NO_LONGER_NEEDED = "measure_no_longer_needed"
    CHILD_MOVED = "child_moved"
    PROVIDER_NOT_DELIVERING = "provider_not_delivering"  # misligholdelse: may be immediate
    SERIOUS_BREACH = "serious_breach"  # væsentlig misligholdelse: may be immediate
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"
    OTHER = "other"  # the text says why


# Reasons that allow termination without notice (0 days): a breach of the contract.
IMMEDIATE_REASONS = frozenset(
    {TerminationReason.PROVIDER_NOT_DELIVERING, TerminationReason.SERIOUS_BREACH}
)


class ContractTerminated(IntegrationEvent):
    """Notice (opsigelse) of an individual contract was given by ``given_by``.

    The contract stays in force through ``last_day`` (the end of the notice period, counted
    by the party giving notice from ``notice_given_on``, Europe/Copenhagen) and ends after
    it; notice without a period (``last_day == notice_given_on``) ends it at once. Published
    by the authority, which keeps the contract, for notice from either party (the provider's
    own arrives as ``ProviderGaveNotice``). v2: who, coded reason and the notice period
    (v1 was immediate termination, kept as such by the upcaster)."""

    type_name: ClassVar[str] = "dk.samspil.contract.terminated"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    contract_id: UUID
    provider_id: UUID
    order_id: UUID | None = None  # None only in v1 records
    given_by: Party
    reason_code: TerminationReason
    reason: Text | None = None
    notice_given_on: date
    last_day: date

    @property
    def immediate(self) -> bool:
        return self.last_day == self.notice_given_on

    @model_validator(mode="after")
    def _last_day_not_before_notice(self) -> Self:
        if self.last_day < self.notice_given_on:
            raise ValueError("last_day is before notice_given_on")
        return self


class ProviderGaveNotice(IntegrationEvent):
    """The provider organisation gave notice of an individual contract; the authority records
    it and announces it to all as ``ContractTerminated`` (given_by provider)."""

    type_name: ClassVar[str] = "dk.samspil.contract.provider_gave_notice"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_CONTRACTS

    contract_id: UUID
    provider_id: UUID
    order_id: UUID
    reason_code: TerminationReason
    reason: Text | None = None
    notice_given_on: date
    last_day: date

    @model_validator(mode="after")
    def _last_day_not_before_notice(self) -> Self:
        if self.last_day < self.notice_given_on:
            raise ValueError("last_day is before notice_given_on")
        return self


class ContractExpired(IntegrationEvent):
    """The individual contract reached its expected end (the scheduler's ``contract_expiry``)
    without an extension both parties signed: it is no longer in force after ``expired_on``
    (its last day) and the order is closed. Published by the authority."""

    type_name: ClassVar[str] = "dk.samspil.contract.expired"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    contract_id: UUID
    provider_id: UUID
    order_id: UUID
    case_id: UUID
    expired_on: date
