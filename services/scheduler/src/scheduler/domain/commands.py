"""Commands: imperative, frozen, keyword-only; time comes in on `at`, never from a clock.

Each command names the subject whose `DeadlineSet` it is decided against.
"""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from scheduler.domain.kinds import DeadlineKind, DeadlinePhase, SubjectKind
from scheduler.domain.model import Subject

CONTRACT_AGREED = "agreed in the individual contract"


@dataclass(frozen=True, slots=True, kw_only=True)
class _ForContract:
    contract_id: UUID
    at: datetime

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.CONTRACT, self.contract_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class _ForOrder:
    order_id: UUID
    at: datetime

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.ORDER, self.order_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class _ForCase:
    case_id: UUID
    at: datetime

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.CASE, self.case_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleForContractInForce(_ForContract):
    """Both parties signed: start the follow-up series and the expiry warning."""

    case_id: UUID
    provider_id: UUID
    start: date
    expected_end: date | None = None
    cadence_months: int | None = None
    cadence_justification: str = CONTRACT_AGREED  # the contract is the justification


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFollowUpHeld(_ForContract):
    """The follow-up meeting took place; the next one is counted from `held_on`."""

    held_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class SetCadence(_ForContract):
    months: int
    justification: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BringFirstFollowUpForward(_ForContract):
    """An investigation of the case concluded while the measure ran alongside it: the first
    follow-up falls then at the latest (barnets lov § 95), not only 3 months after the start."""

    concluded_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleContractEnd(_ForContract):
    """Notice was given (opsigelse): the contract stays in force through `last_day` and
    ends after it; what falls due after that day no longer applies."""

    provider_id: UUID
    order_id: UUID | None
    last_day: date


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleOrderAnswer(_ForOrder):
    case_id: UUID
    provider_id: UUID
    placed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class RescheduleOrderAnswer(_ForOrder):
    """The order was changed: its new version is received and answered anew, counted from
    the change; the previous version's receipt and answer deadlines no longer apply."""

    case_id: UUID
    provider_id: UUID
    changed_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolveOrderAnswer(_ForOrder):
    """The provider answered (accepted or declined): receipt and answer are both settled."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleInvestigation(_ForCase):
    started_on: date
    # Barnets lov § 20, stk. 3: the limit counts from when the municipality became aware
    # (a notification's receipt); None counts from the start.
    aware_on: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcludeInvestigation(_ForCase):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleActionPlan(_ForCase):
    decided_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleClaimPayment:
    """A claim received: payment due on `due_on`, the contract's payment terms from the
    claim (the authority counts them); without it, the municipality's default days."""

    claim_id: UUID
    provider_id: UUID
    submitted_on: date
    at: datetime
    case_id: UUID | None = None
    due_on: date | None = None

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.CLAIM, self.claim_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleNotification:
    """A notification of concern was received: its assessment (§ 135) and, if owed, the
    receipt to its professional reporter (§ 136)."""

    notification_id: UUID
    received_at: datetime
    receipt_owed: bool
    at: datetime
    case_id: UUID | None = None

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.NOTIFICATION, self.notification_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleChangeAnswer:
    """A provider asked to change a contract (ændringsanmodning): the caseworker answers
    within the municipality's answer period, counted as an order's."""

    request_id: UUID
    contract_id: UUID
    requested_at: datetime
    at: datetime
    case_id: UUID | None = None

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.CHANGE_REQUEST, self.request_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolveChangeAnswer:
    """The caseworker granted or refused the request."""

    request_id: UUID
    at: datetime

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.CHANGE_REQUEST, self.request_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class _ForCoordination:
    """About one family coordinator decision (familiekoordinator, seed 002)."""

    decision_id: UUID
    at: datetime

    @property
    def subject(self) -> Subject:
        return Subject(SubjectKind.COORDINATION, self.decision_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleCoordination(_ForCoordination):
    """A family coordinator was decided: the start meeting and the weekly contact."""

    case_id: UUID
    decided_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordStartMeeting(_ForCoordination):
    """The start meeting was held: the follow-up meetings are counted from `held_on`."""

    held_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCoordinationMeeting(_ForCoordination):
    """A follow-up meeting was held: the next one is counted from `held_on`."""

    held_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFamilyContact(_ForCoordination):
    """The coordinator was in contact with the family: the next contact a week later."""

    contacted_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolve:
    """The duty behind the subject's pending deadlines of `kind` was met (report received,
    action plan made, claim paid); they stop firing."""

    subject: Subject
    kind: DeadlineKind
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Cancel:
    """The subject is gone (order withdrawn, measure ended): cancel all and close the set."""

    subject: Subject
    reason: str = "cancelled"
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Fire:
    subject: Subject
    deadline_id: UUID
    phase: DeadlinePhase
    at: datetime

    @property
    def fired_at(self) -> datetime:
        return self.at


Command = (
    ScheduleForContractInForce
    | RecordFollowUpHeld
    | SetCadence
    | BringFirstFollowUpForward
    | ScheduleContractEnd
    | ScheduleOrderAnswer
    | RescheduleOrderAnswer
    | ResolveOrderAnswer
    | ScheduleInvestigation
    | ConcludeInvestigation
    | ScheduleActionPlan
    | ScheduleClaimPayment
    | ScheduleNotification
    | ScheduleChangeAnswer
    | ResolveChangeAnswer
    | ScheduleCoordination
    | RecordStartMeeting
    | RecordCoordinationMeeting
    | RecordFamilyContact
    | Resolve
    | Cancel
    | Fire
)
