"""The provider's duty to notify (underretningspligt) and to report use of force."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.contract.model import ContractFacts


class ConcernKind(StrEnum):
    NOTIFICATION_OF_CONCERN = "notification_of_concern"  # underretning
    USE_OF_FORCE = "use_of_force"  # magtanvendelse


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    ACUTE = "acute"


@dataclass(frozen=True, slots=True, kw_only=True)
class NotifyConcern(Command):
    concern_id: UUID
    contract: ContractFacts  # the child the concern is about, as the provider knows them
    kind: ConcernKind
    urgency: Urgency
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcernNotified(Event):
    concern_id: UUID
    contract_id: UUID
    kind: ConcernKind
    urgency: Urgency
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Concern:
    tenant_id: UUID
    concern_id: UUID
    contract_id: UUID
    kind: ConcernKind
    urgency: Urgency
    summary: str  # sealed as the provider stored it
