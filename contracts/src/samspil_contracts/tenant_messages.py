"""What a provider's own system sends on its commands topic and reads on its notifications.

The commands are the REST API's commands with the same fields; the envelope's ``ce_id`` is
the command id (sending it again has no second effect). Every command gets exactly one
answer on the notifications topic: ``CommandAccepted`` or ``CommandRejected``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, ClassVar
from uuid import UUID

from pydantic import Field

from samspil_contracts.agreements import TerminationReason
from samspil_contracts.change_requests import ChangeKind
from samspil_contracts.common import (
    MAX_GOALS,
    MAX_LIST,
    MAX_QUANTITY,
    MAX_REVISION,
    ContactPerson,
    Frequency,
    LongText,
    Scope,
    ShortText,
    Text,
    UnitPriceOre,
    Value,
)
from samspil_contracts.orders import DeclineReason
from samspil_contracts.tenant import TenantMessage


class TenantCommand(TenantMessage):
    direction: ClassVar[str] = "command"


class TenantEvent(TenantMessage):
    direction: ClassVar[str] = "event"


class AcceptOrder(TenantCommand):
    """Accept an order in the tenant's inbox (holds a place when capacity is tracked)."""

    type_name: ClassVar[str] = "dk.samspil.tenant.order.accept"
    schema_version: ClassVar[int] = 1
    order_id: UUID
    expected_start: date
    contact: ContactPerson
    note: str = Field("", max_length=4000)
    expected_revision: int | None = Field(None, ge=0, le=MAX_REVISION)


class DeclineOrder(TenantCommand):
    """Decline an order with a coded reason."""

    type_name: ClassVar[str] = "dk.samspil.tenant.order.decline"
    schema_version: ClassVar[int] = 1
    order_id: UUID
    reason: DeclineReason
    text: str | None = Field(None, max_length=4000)
    expected_revision: int | None = Field(None, ge=0, le=MAX_REVISION)


class CountersignContract(TenantCommand):
    """Countersign the offered version of an individual or standard contract."""

    type_name: ClassVar[str] = "dk.samspil.tenant.contract.countersign"
    schema_version: ClassVar[int] = 1
    contract_id: UUID
    version: int = Field(ge=1)
    expected_revision: int | None = Field(None, ge=0, le=MAX_REVISION)


class TerminateContract(TenantCommand):
    """Give notice (opsigelse) of an individual contract in force: it stays in force through
    the last day (today in Copenhagen + ``notice_days``) and ends after it; 0 days only for
    a serious breach."""

    type_name: ClassVar[str] = "dk.samspil.tenant.contract.terminate"
    schema_version: ClassVar[int] = 1
    contract_id: UUID
    reason_code: TerminationReason
    notice_days: int = Field(30, ge=0, le=365)
    text: Text | None = None
    expected_revision: int | None = Field(None, ge=0, le=MAX_REVISION)


class RequestContractChange(TenantCommand):
    """Ask the authority to extend a contract in force (``new_end`` or
    ``expected_duration_months``), change its ``scope`` and/or ``frequency``, or end it
    early (``last_day``); the reason is sealed before it leaves. As ``POST
    /contracts/{contract_id}/change-requests``."""

    type_name: ClassVar[str] = "dk.samspil.tenant.contract.request_change"
    schema_version: ClassVar[int] = 1
    contract_id: UUID
    request_id: UUID
    kind: ChangeKind
    new_end: date | None = None
    expected_duration_months: int | None = Field(None, ge=1, le=240)
    scope: Scope | None = None
    frequency: Frequency | None = None
    last_day: date | None = None
    reason: Text


class ReportProgress(StrEnum):
    WORSE = "worse"
    UNCHANGED = "unchanged"
    SOME_PROGRESS = "some_progress"
    CLEAR_PROGRESS = "clear_progress"
    GOAL_REACHED = "goal_reached"


class GoalStatus(Value):
    goal_id: UUID
    progress: ReportProgress
    text: Text


class SubmitStatusReport(TenantCommand):
    """A status report per goal before a follow-up; the narrative is sealed before it leaves."""

    type_name: ClassVar[str] = "dk.samspil.tenant.report.submit"
    schema_version: ClassVar[int] = 1
    contract_id: UUID
    report_id: UUID
    followup_ref: ShortText
    period_start: date
    period_end: date
    per_goal: tuple[GoalStatus, ...] = Field(min_length=1, max_length=MAX_GOALS)
    narrative: LongText


class ClaimLineIn(Value):
    description: ShortText
    units: int = Field(ge=1, le=MAX_QUANTITY)
    unit_price_oere: UnitPriceOre


class SubmitClaim(TenantCommand):
    """A claim for a period at the contract price; ``claim_number`` is unique per tenant."""

    type_name: ClassVar[str] = "dk.samspil.tenant.claim.submit"
    schema_version: ClassVar[int] = 1
    contract_id: UUID
    claim_number: Annotated[str, Field(min_length=1, max_length=30)]
    period_start: date
    period_end: date
    lines: tuple[ClaimLineIn, ...] = Field(min_length=1, max_length=MAX_LIST)


class TenantNotification(TenantEvent):
    """What the tenant's webhook receiver gets, the same ``type`` and ``data``. v2 names the
    webhook type ``type`` as the webhook does (v1: ``kind``; read as v2)."""

    type_name: ClassVar[str] = "dk.samspil.tenant.notification"
    schema_version: ClassVar[int] = 2
    type: ShortText = Field(description="The webhook type, e.g. order.placed, claim.approved")
    data: dict[str, Any]


class CommandAccepted(TenantEvent):
    """A command had its effect; ``result`` holds what REST would have answered, with the
    same types (v2: ``revision`` is an integer as in REST; v1 sent every value as text)."""

    type_name: ClassVar[str] = "dk.samspil.tenant.command.accepted"
    schema_version: ClassVar[int] = 2
    command_id: UUID
    command_type: ShortText
    result: dict[str, Any]


class CommandRejected(TenantEvent):
    """A command was refused; ``code`` is the REST problem type (``not_found`` for an id
    this tenant does not have, whoever else has it)."""

    type_name: ClassVar[str] = "dk.samspil.tenant.command.rejected"
    schema_version: ClassVar[int] = 1
    command_id: UUID
    command_type: ShortText
    code: ShortText
    message: Text


TENANT_COMMANDS: tuple[type[TenantCommand], ...] = (
    AcceptOrder,
    DeclineOrder,
    CountersignContract,
    TerminateContract,
    SubmitStatusReport,
    SubmitClaim,
    RequestContractChange,
)
TENANT_EVENTS: tuple[type[TenantEvent], ...] = (
    TenantNotification,
    CommandAccepted,
    CommandRejected,
)
TENANT_MESSAGES: tuple[type[TenantMessage], ...] = (*TENANT_COMMANDS, *TENANT_EVENTS)
TENANT_REGISTRY = {cls.type_name: cls for cls in TENANT_MESSAGES}
