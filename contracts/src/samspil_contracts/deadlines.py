"""Deadlines the scheduler owns, announced when they warn, fall due, or pass."""

from enum import StrEnum
from typing import ClassVar, Self
from uuid import UUID

from pydantic import AwareDatetime, model_validator

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import ShortText


class DeadlineKind(StrEnum):
    """The deadlines and the law behind them: follow_up_due (opfølgning, barnets lov § 95),
    investigation_limit (børnefaglig undersøgelse, § 20, stk. 3), action_plan_due (barnets
    plan, § 91), notification_assessment_due and notification_receipt_due (underretning,
    §§ 135-136); the family coordinator's start meeting, follow-up meetings and weekly contact
    are the rhythm of seed 002; the others are the municipality's service level and the
    contract's terms."""

    FOLLOW_UP_DUE = "follow_up_due"
    STATUS_REPORT_DUE = "status_report_due"
    ORDER_ANSWER_DUE = "order_answer_due"
    ORDER_RECEIPT_DUE = "order_receipt_due"
    INVESTIGATION_LIMIT = "investigation_limit"
    ACTION_PLAN_DUE = "action_plan_due"
    CONTRACT_EXPIRY = "contract_expiry"
    PAYMENT_DUE = "payment_due"
    # Barnets lov § 135: assess a notification of concern within 24 hours of receipt.
    NOTIFICATION_ASSESSMENT_DUE = "notification_assessment_due"
    # Barnets lov § 136: a receipt to a professional reporter within 6 working days.
    NOTIFICATION_RECEIPT_DUE = "notification_receipt_due"
    # A contract under notice ends after its last day: due the day after it (opsigelse).
    CONTRACT_ENDS = "contract_ends"
    # The caseworker's answer to a provider's change request (ændringsanmodning), counted as
    # the order answer: the municipality's working days.
    CHANGE_REQUEST_ANSWER_DUE = "change_request_answer_due"
    # Family coordinator (seed 002): the start meeting within 2 months of the decision, a
    # follow-up meeting about every 8 weeks after it, contact with the family about weekly.
    START_MEETING_DUE = "start_meeting_due"
    COORDINATION_MEETING_DUE = "coordination_meeting_due"
    CONTACT_DUE = "contact_due"


class DeadlinePhase(StrEnum):
    WARNING = "warning"
    DUE = "due"
    OVERDUE = "overdue"


class DeadlineReached(IntegrationEvent):
    """v2: the notification kinds; v3: contract_ends, the change request answer kind and the
    family coordinator's kinds (older records are the same shape)."""

    type_name: ClassVar[str] = "dk.samspil.deadline.reached"
    schema_version: ClassVar[int] = 3
    topic: ClassVar[str] = topics.SCHEDULER_DEADLINES

    deadline_id: UUID
    kind: DeadlineKind
    phase: DeadlinePhase
    subject: ShortText  # the id of what the deadline is about; the partition key
    case_id: UUID | None = None
    order_id: UUID | None = None
    contract_id: UUID | None = None
    provider_id: UUID | None = None
    due_at: AwareDatetime
    fired_at: AwareDatetime


class DeadlineScheduled(IntegrationEvent):
    """A deadline was set (or moved): when it falls due, so the party who must meet it sees
    the time before it fires. v2: announced for every kind, with the ids it is about
    (v1 announced the notification deadlines only, without order, contract and provider).
    v3: the contract_ends, change request answer and family coordinator's kinds (a v2 record
    is the same shape)."""

    type_name: ClassVar[str] = "dk.samspil.deadline.scheduled"
    schema_version: ClassVar[int] = 3
    topic: ClassVar[str] = topics.SCHEDULER_DEADLINES

    deadline_id: UUID
    kind: DeadlineKind
    subject: ShortText  # the id of what the deadline is about; the partition key
    case_id: UUID | None = None
    order_id: UUID | None = None
    contract_id: UUID | None = None
    provider_id: UUID | None = None
    due_at: AwareDatetime
    warn_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _warning_first(self) -> Self:
        if self.warn_at is not None and self.warn_at > self.due_at:
            raise ValueError("warn_at is after due_at")
        return self


class DeadlineOutcome(StrEnum):
    MET = "met"  # the duty was done (follow-up held, answer received, plan adopted, ...)
    CANCELLED = "cancelled"  # it no longer applies (order withdrawn, measure ended, moved end)


class DeadlineClosed(IntegrationEvent):
    """A deadline left every list: met (also late, after it fired) or cancelled. v2: the
    contract_ends, change request answer and family coordinator's kinds (a v1 record is the
    same shape)."""

    type_name: ClassVar[str] = "dk.samspil.deadline.closed"
    schema_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.SCHEDULER_DEADLINES

    deadline_id: UUID
    kind: DeadlineKind
    subject: ShortText  # the id of what the deadline is about; the partition key
    case_id: UUID | None = None
    outcome: DeadlineOutcome
    reason: ShortText
    closed_at: AwareDatetime
