"""What happened to a case (sag)."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from authority.domain.audit import Event
from authority.domain.case.people import Custody, Person, Recipient
from authority.domain.case.terms import (
    Consent,
    CoordinationMeeting,
    DecisionBasis,
    InvestigationKind,
    PlanKind,
)
from authority.domain.vocabulary import Goal, MeasureCode


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseOpened(Event):
    case_id: UUID
    child: Person
    parents: tuple[Person, ...]
    custody: Custody
    contact_person: str
    caseworker_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseworkerAssigned(Event):
    caseworker_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class InvestigationStarted(Event):
    investigation_id: UUID
    # When the municipality became aware (§ 20, stk. 3): the first notification's receipt,
    # else the start itself. None in events recorded before it was kept.
    aware_since: datetime | None = None
    # Events stored before the afdækning (§ 19) was modelled were child investigations.
    kind: InvestigationKind = InvestigationKind.CHILD_INVESTIGATION


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationLinked(Event):
    notification_id: UUID
    received_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PreliminaryAssessmentRecorded(Event):
    assessment: str


@dataclass(frozen=True, slots=True, kw_only=True)
class InvestigationConcluded(Event):
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionProposed(Event):
    decision_id: UUID
    measure: MeasureCode
    legal_basis: str
    assessment: str
    # Barnets lov § 32, stk. 2-4; None in proposals stored before these were recorded.
    purpose: str | None = None
    expected_duration_months: int | None = None
    consent: Consent | None = None
    basis: DecisionBasis | None = None
    parallel_justification: str | None = None
    # Barnets lov § 91 / § 108; None in proposals stored before the choice was recorded.
    plan_made: bool | None = None
    plan_kind: PlanKind | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionApproved(Event):
    decision_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionRejected(Event):
    decision_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionCommunicated(Event):
    decision_id: UUID
    recipients: frozenset[Recipient]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionPlanAdopted(Event):
    version: int
    goals: tuple[Goal, ...]
    participants: frozenset[Recipient] = frozenset()  # § 92; empty in plans stored before


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpCadenceSet(Event):
    months: int
    justification: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CoordinationMeetingHeld(Event):
    decision_id: UUID
    meeting: CoordinationMeeting
    held_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class FamilyContactRecorded(Event):
    decision_id: UUID
    contacted_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class CoordinationEnded(Event):
    decision_id: UUID
    ended_on: date
    because: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ErasureRequested(Event):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildDataErased(Event):
    pass


CaseEvent = (
    CaseOpened
    | CaseworkerAssigned
    | InvestigationStarted
    | NotificationLinked
    | PreliminaryAssessmentRecorded
    | InvestigationConcluded
    | DecisionProposed
    | DecisionApproved
    | DecisionRejected
    | DecisionCommunicated
    | ActionPlanAdopted
    | FollowUpCadenceSet
    | CoordinationMeetingHeld
    | FamilyContactRecorded
    | CoordinationEnded
    | ErasureRequested
    | ChildDataErased
)
