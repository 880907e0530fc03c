"""The state of a case as its events have built it."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from authority.domain.case.people import Custody, Person, Recipient
from authority.domain.case.terms import Consent, DecisionBasis, InvestigationKind, PlanKind
from authority.domain.vocabulary import Goal, MeasureCode


@dataclass(frozen=True, slots=True)
class Investigation:
    """The child investigation (børnefaglig undersøgelse, barnets lov § 20) or the narrower
    afdækning (§ 19)."""

    investigation_id: UUID
    summary: str | None = None
    started_at: datetime | None = None
    aware_since: datetime | None = None  # § 20, stk. 3 counts from here
    preliminary_assessment: str | None = None
    kind: InvestigationKind = InvestigationKind.CHILD_INVESTIGATION

    @property
    def concluded(self) -> bool:
        return self.summary is not None


class DecisionStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Decision:
    decision_id: UUID
    measure: MeasureCode
    legal_basis: str
    assessment: str
    proposed_by: str
    status: DecisionStatus = DecisionStatus.PROPOSED
    decided_by: str | None = None
    communicated_to: frozenset[Recipient] = frozenset()
    # Barnets lov § 32, stk. 2-4 (None on decisions proposed before they were recorded).
    purpose: str | None = None
    expected_duration_months: int | None = None
    consent: Consent | None = None
    basis: DecisionBasis | None = None
    parallel_justification: str | None = None
    plan_made: bool | None = None  # barnets lov § 91 (None: decided before it was recorded)
    plan_kind: PlanKind | None = None
    # A family coordinator's (seed 002): the start meeting, the latest meeting and contact.
    start_meeting_on: date | None = None
    last_meeting_on: date | None = None
    last_contact_on: date | None = None
    coordination_ended_on: date | None = None


@dataclass(frozen=True, slots=True)
class ActionPlan:
    version: int
    goals: tuple[Goal, ...]
    adopted_at: datetime
    participants: frozenset[Recipient] = frozenset()  # who made the goals (§ 92)


@dataclass(frozen=True, slots=True)
class CaseState:
    case_id: UUID
    child: Person
    parents: tuple[Person, ...]
    custody: Custody
    contact_person: str
    caseworker_id: str
    investigation: Investigation | None = None
    decisions: tuple[Decision, ...] = ()
    action_plans: tuple[ActionPlan, ...] = ()  # every version is kept
    follow_up_months: int | None = None
    erasure_requested_by: str | None = None  # a team leader; another approves (four eyes)
    erased: bool = False
    # Notifications of concern (underretninger) on the case, and the earliest receipt.
    notification_ids: tuple[UUID, ...] = ()
    aware_since: datetime | None = None
    opened_at: datetime | None = None  # when CaseOpened was recorded (the case list shows it)

    def decision(self, decision_id: UUID) -> Decision | None:
        return next((d for d in self.decisions if d.decision_id == decision_id), None)

    @property
    def investigation_concluded(self) -> bool:
        return self.investigation is not None and self.investigation.concluded

    @property
    def has_approved_decision(self) -> bool:
        return any(d.status is DecisionStatus.APPROVED for d in self.decisions)

    @property
    def action_plan(self) -> ActionPlan | None:
        """The current action plan: the latest version."""
        return self.action_plans[-1] if self.action_plans else None
