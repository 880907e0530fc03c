"""What the provider reports while delivering a measure."""

from datetime import date
from enum import StrEnum
from typing import Annotated, ClassVar, Self
from uuid import UUID

from pydantic import AwareDatetime, Field, model_validator

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import MAX_GOALS, GoalArea, Text, Value
from samspil_contracts.sealed import Sealed


class _DeliveryEvent(IntegrationEvent):
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_DELIVERY

    contract_id: UUID
    order_id: UUID
    case_id: UUID
    provider_id: UUID


class DeliveryStarted(_DeliveryEvent):
    type_name: ClassVar[str] = "dk.samspil.delivery.started"

    started_on: date


class DeliveryStopReason(StrEnum):
    """Why the provider stopped delivering (coded, so the authority can act on it)."""

    GOALS_REACHED = "goals_reached"
    ENDED_BY_AUTHORITY = "ended_by_authority"
    CONTRACT_TERMINATED = "contract_terminated"
    FAMILY_WITHDREW = "family_withdrew"
    FAMILY_MOVED = "family_moved"
    CHILD_PLACED_ELSEWHERE = "child_placed_elsewhere"
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"
    OTHER = "other"


class DeliveryStopped(_DeliveryEvent):
    """v2: the reason is coded (``reason_code``); ``reason`` is optional text, required with
    ``other``. v1 had free text only and is read as ``other`` with that text."""

    schema_version: ClassVar[int] = 2
    type_name: ClassVar[str] = "dk.samspil.delivery.stopped"

    stopped_on: date
    reason_code: DeliveryStopReason
    reason: Text | None = None

    @model_validator(mode="after")
    def _other_says_why(self) -> Self:
        if self.reason_code is DeliveryStopReason.OTHER and not (self.reason or "").strip():
            raise ValueError("reason_code other needs a reason text")
        return self


class Progress(StrEnum):
    """The fixed scale for progress against one goal, worst to best."""

    REGRESSED = "regressed"
    NO_PROGRESS = "no_progress"
    SOME_PROGRESS = "some_progress"
    GOOD_PROGRESS = "good_progress"
    GOAL_REACHED = "goal_reached"


class GoalProgress(Value):
    goal_id: UUID
    area: GoalArea
    progress: Progress


class StatusReportSubmitted(_DeliveryEvent):
    """Written status before a follow-up; the narrative is about the child, so sealed.
    v2 adds ``followup_ref``: the follow-up it prepares, as the scheduler named it (the
    scheduler's deadline id, which is also the authority's follow-up id); v1 reads as none."""

    type_name: ClassVar[str] = "dk.samspil.delivery.status_report_submitted"
    schema_version: ClassVar[int] = 2

    report_id: UUID
    period_start: date
    period_end: date
    progress: Annotated[tuple[GoalProgress, ...], Field(min_length=1, max_length=MAX_GOALS)]
    narrative: Sealed
    followup_ref: Annotated[str, Field(min_length=1, max_length=200)] | None = None

    @model_validator(mode="after")
    def _period(self) -> Self:
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        return self


class ConcernSeverity(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"


class ConcernNotified(_DeliveryEvent):
    """The provider's duty to notify (underretningspligt)."""

    type_name: ClassVar[str] = "dk.samspil.delivery.concern_notified"

    concern_id: UUID
    noticed_at: AwareDatetime
    severity: ConcernSeverity
    details: Sealed


class ForceKind(StrEnum):
    PHYSICAL_RESTRAINT = "physical_restraint"
    HOLDING_BACK = "holding_back"
    REMOVAL = "removal"
    SEARCH = "search"
    OTHER = "other"


class ForceIncidentReported(_DeliveryEvent):
    """Use of force (magtanvendelse) must be reported to the authority."""

    type_name: ClassVar[str] = "dk.samspil.delivery.force_incident_reported"

    incident_id: UUID
    happened_at: AwareDatetime
    kind: ForceKind
    details: Sealed
