"""Deadlines the scheduler owns, announced when they warn, fall due, or pass."""

from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from pydantic import AwareDatetime

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import ShortText


class DeadlineKind(StrEnum):
    FOLLOW_UP_DUE = "follow_up_due"
    STATUS_REPORT_DUE = "status_report_due"
    ORDER_ANSWER_DUE = "order_answer_due"
    ORDER_RECEIPT_DUE = "order_receipt_due"
    INVESTIGATION_LIMIT = "investigation_limit"
    ACTION_PLAN_DUE = "action_plan_due"
    CONTRACT_EXPIRY = "contract_expiry"
    PAYMENT_DUE = "payment_due"


class DeadlinePhase(StrEnum):
    WARNING = "warning"
    DUE = "due"
    OVERDUE = "overdue"


class DeadlineReached(IntegrationEvent):
    type_name: ClassVar[str] = "dk.samspil.deadline.reached"
    schema_version: ClassVar[int] = 1
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
