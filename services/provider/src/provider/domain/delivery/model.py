"""Delivery of the measure under one contract: treatment plan, start, sessions, stop.

One stream per contract. Every command carries the contract's facts, so decide stays pure
and can still refuse work under a contract that is not in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.contract.model import ContractFacts


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One activity of the treatment plan (behandlingsplan), towards one contract goal."""

    goal_id: UUID
    activity: str


@dataclass(frozen=True, slots=True)
class SessionLog:
    session_id: UUID
    on: date
    minutes: int
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryCommandBase(Command):
    contract: ContractFacts


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateTreatmentPlan(DeliveryCommandBase):
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StartDelivery(DeliveryCommandBase):
    on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class LogSession(DeliveryCommandBase):
    session_id: UUID  # chosen by the client so a retried log is not counted twice
    on: date
    minutes: int
    note: str


OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class StopDelivery(DeliveryCommandBase):
    on: date
    reason_code: str = OTHER  # one of the contract's DeliveryStopReason codes
    reason: str = ""  # free text; required with ``other``


DeliveryCommand = CreateTreatmentPlan | StartDelivery | LogSession | StopDelivery


@dataclass(frozen=True, slots=True, kw_only=True)
class TreatmentPlanCreated(Event):
    contract_id: UUID
    plan_version: int
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryStarted(Event):
    contract_id: UUID
    on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionLogged(Event):
    contract_id: UUID
    session: SessionLog


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryStopped(Event):
    contract_id: UUID
    on: date
    reason: str
    reason_code: str = OTHER  # stops recorded before codes were text only


DeliveryEvent = TreatmentPlanCreated | DeliveryStarted | SessionLogged | DeliveryStopped


@dataclass(frozen=True, slots=True, kw_only=True)
class Delivery:
    tenant_id: UUID
    contract_id: UUID
    plan_version: int = 0
    plan: tuple[PlanItem, ...] = ()
    started_on: date | None = None
    stopped_on: date | None = None
    sessions: tuple[SessionLog, ...] = ()
