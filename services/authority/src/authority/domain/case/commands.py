"""What a caseworker or team leader asks of a case (sag)."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from authority.domain.audit import Command
from authority.domain.case.people import Custody, Person, Recipient
from authority.domain.case.terms import Consent, CoordinationMeeting, InvestigationKind
from authority.domain.vocabulary import Goal, MeasureCode


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenCase(Command):
    case_id: UUID
    child: Person
    parents: tuple[Person, ...]
    custody: Custody
    contact_person: str
    caseworker_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignCaseworker(Command):
    caseworker_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StartInvestigation(Command):
    """Start the child investigation (børnefaglig undersøgelse, barnets lov § 20) or the
    narrower afdækning (§ 19)."""

    investigation_id: UUID
    kind: InvestigationKind = InvestigationKind.CHILD_INVESTIGATION


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkNotification(Command):
    """A notification of concern (underretning) concerns this case; the municipality became
    aware of the child's need when it was received (barnets lov § 20, stk. 3)."""

    notification_id: UUID
    received_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordPreliminaryAssessment(Command):
    """The preliminary assessment (foreløbig vurdering) when the 4 months of § 20, stk. 3
    cannot be met."""

    assessment: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcludeInvestigation(Command):
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ProposeDecision(Command):
    """Propose a decision (afgørelse) on a measure, resting on a concrete individual
    assessment; under barnets lov § 32 it states purpose and expected duration (stk. 3),
    the custody holders' consent (stk. 2) and, when started in parallel with the
    investigation, why (stk. 4). See ``section32``."""

    decision_id: UUID
    measure: MeasureCode
    legal_basis: str
    assessment: str
    purpose: str | None = None
    expected_duration_months: int | None = None
    consent: Consent | None = None
    parallel_justification: str | None = None
    # Barnets lov § 91: whether the child's plan is made (required for a § 32 measure).
    plan_made: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ApproveDecision(Command):
    decision_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectDecision(Command):
    """The team leader sends a proposal back; `reason` is required."""

    decision_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordDecisionCommunicated(Command):
    decision_id: UUID
    recipients: frozenset[Recipient]


@dataclass(frozen=True, slots=True, kw_only=True)
class AdoptActionPlan(Command):
    """Adopt the child's plan (barnets plan, barnets lov § 91; formerly handleplan); a later
    adoption is a new version. ``participants``: who made its goals (§ 92)."""

    goals: tuple[Goal, ...]
    participants: frozenset[Recipient] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCoordinationMeeting(Command):
    """The family coordinator held the start meeting or a follow-up meeting."""

    decision_id: UUID
    meeting: CoordinationMeeting
    held_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFamilyContact(Command):
    """The family coordinator was in contact with the family (about weekly, seed 002)."""

    decision_id: UUID
    contacted_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class EndCoordination(Command):
    """The family coordinator's work on the decision ends (the measure ended or was
    withdrawn): nothing of its rhythm is due any more."""

    decision_id: UUID
    ended_on: date
    because: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SetFollowUpCadence(Command):
    months: int
    justification: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestErasure(Command):
    """A team leader asks to erase the child's data; another must approve it (four eyes)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EraseChildData(Command):
    """Approve a requested erasure and record it; the key shredding happens in the adapters."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EraseWithChild(Command):
    """The child's data, erased on another of its cases (approved there), is gone here too."""

    erased_on: UUID


CaseCommand = (
    OpenCase
    | AssignCaseworker
    | StartInvestigation
    | LinkNotification
    | RecordPreliminaryAssessment
    | ConcludeInvestigation
    | ProposeDecision
    | ApproveDecision
    | RejectDecision
    | RecordDecisionCommunicated
    | AdoptActionPlan
    | SetFollowUpCadence
    | RecordCoordinationMeeting
    | RecordFamilyContact
    | EndCoordination
    | RequestErasure
    | EraseChildData
    | EraseWithChild
)
