"""The standard contract (standardkontrakt): the framework per measure type that individual
contracts are annexes to. The authority signs and offers it; a coordinator countersigns the
version it read, and a changed version needs countersigning again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.signing import NOTHING_TO_CHECK, HashCheck
from provider.domain.values import PriceUnit


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardTerms:
    measure_code: str
    title: str
    price_oere: int
    price_unit: PriceUnit
    start: date
    end: date | None
    payment_terms_days: int
    terms_sha256: str  # what exactly is being signed
    # Every term offered, in their canonical form (docs/contract-hash.md); None for an offer
    # from before the terms travelled.
    shown_terms: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveStandardOffer(Command):
    contract_id: UUID
    version: int
    terms: StandardTerms
    authority_signed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class CountersignStandard(Command):
    contract_id: UUID
    version: int
    hashes: HashCheck = NOTHING_TO_CHECK


StandardCommand = ReceiveStandardOffer | CountersignStandard


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardOfferReceived(Event):
    contract_id: UUID
    version: int
    terms: StandardTerms
    authority_signed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardCountersigned(Event):
    contract_id: UUID
    version: int
    terms_sha256: str


StandardEvent = StandardOfferReceived | StandardCountersigned


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardContract:
    tenant_id: UUID
    contract_id: UUID
    version: int
    terms: StandardTerms
    authority_signed_at: datetime
    countersigned_version: int | None = None

    @property
    def in_force(self) -> bool:
        return self.countersigned_version == self.version
