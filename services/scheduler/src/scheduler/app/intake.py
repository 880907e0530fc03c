"""Process manager: integration events from authority and provider → deadline commands.

The scheduler never asks another service anything; every deadline starts, moves or stops
because of an event it consumed. ``occurred_at`` of the cause is the command's time, so a
replayed or late event computes the same dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import structlog
from eventkit import UnitOfWork
from samspil_contracts import (
    ActionPlanAdopted,
    ClaimApproved,
    ClaimRejected,
    ClaimSubmitted,
    ContractInForce,
    ContractTerminated,
    DecisionApproved,
    Envelope,
    FollowUpCadenceSet,
    FollowUpHeld,
    FollowUpOutcome,
    IntegrationEvent,
    InvestigationConcluded,
    InvestigationStarted,
    MeasureEnded,
    OrderAccepted,
    OrderDeclined,
    OrderPlaced,
    OrderWithdrawn,
    StatusReportSubmitted,
)

from scheduler.app.deadlines import Deadlines
from scheduler.domain import (
    Cancel,
    Command,
    ConcludeInvestigation,
    DeadlineKind,
    DomainError,
    RecordFollowUpHeld,
    Resolve,
    ResolveOrderAnswer,
    ScheduleActionPlan,
    ScheduleClaimPayment,
    ScheduleForContractInForce,
    ScheduleInvestigation,
    ScheduleOrderAnswer,
    SetCadence,
    Subject,
    SubjectKind,
)

log = structlog.get_logger(__name__)
Translate = Callable[[Any, datetime], Command]


def _contract(id_: Any) -> Subject:
    return Subject(SubjectKind.CONTRACT, id_)


def _ended(e: MeasureEnded) -> Subject:
    if e.contract_id is not None:
        return _contract(e.contract_id)
    return Subject(SubjectKind.ORDER, e.order_id)


def _follow_up_held(e: FollowUpHeld, at: datetime) -> Command:
    if e.outcome is FollowUpOutcome.END:
        return Cancel(subject=_contract(e.contract_id), reason="measure ended", at=at)
    return RecordFollowUpHeld(contract_id=e.contract_id, held_on=e.held_on, at=at)


def _claim_settled(e: ClaimApproved | ClaimRejected, at: datetime) -> Command:
    subject = Subject(SubjectKind.CLAIM, e.claim_id)
    return Resolve(subject=subject, kind=DeadlineKind.PAYMENT_DUE, reason="settled", at=at)


TRANSLATIONS: dict[type[IntegrationEvent], Translate] = {
    OrderPlaced: lambda e, at: ScheduleOrderAnswer(
        order_id=e.order_id, case_id=e.case_id, provider_id=e.provider_id, placed_at=at, at=at
    ),
    OrderWithdrawn: lambda e, at: Cancel(
        subject=Subject(SubjectKind.ORDER, e.order_id), reason="order withdrawn", at=at
    ),
    OrderAccepted: lambda e, at: ResolveOrderAnswer(order_id=e.order_id, at=at),
    OrderDeclined: lambda e, at: ResolveOrderAnswer(order_id=e.order_id, at=at),
    ContractInForce: lambda e, at: ScheduleForContractInForce(
        contract_id=e.contract_id,
        case_id=e.case_id,
        provider_id=e.provider_id,
        start=e.start,
        expected_end=e.expected_end,
        cadence_months=e.follow_up_interval_months,
        at=at,
    ),
    ContractTerminated: lambda e, at: Cancel(
        subject=_contract(e.contract_id), reason="contract terminated", at=at
    ),
    FollowUpCadenceSet: lambda e, at: SetCadence(
        contract_id=e.contract_id,
        months=e.interval_months,
        justification=e.justification,
        at=at,
    ),
    FollowUpHeld: _follow_up_held,
    StatusReportSubmitted: lambda e, at: Resolve(
        subject=_contract(e.contract_id),
        kind=DeadlineKind.STATUS_REPORT_DUE,
        reason="status report received",
        at=at,
    ),
    MeasureEnded: lambda e, at: Cancel(
        subject=_contract(e.contract_id)
        if e.contract_id
        else Subject(SubjectKind.ORDER, e.order_id),
        reason="measure ended",
        at=at,
    ),
    InvestigationStarted: lambda e, at: ScheduleInvestigation(
        case_id=e.case_id, started_on=e.started_on, at=at
    ),
    InvestigationConcluded: lambda e, at: ConcludeInvestigation(case_id=e.case_id, at=at),
    DecisionApproved: lambda e, at: ScheduleActionPlan(
        case_id=e.case_id, decided_on=e.decided_on, at=at
    ),
    ActionPlanAdopted: lambda e, at: Resolve(
        subject=Subject(SubjectKind.CASE, e.case_id),
        kind=DeadlineKind.ACTION_PLAN_DUE,
        reason="action plan adopted",
        at=at,
    ),
    ClaimSubmitted: lambda e, at: ScheduleClaimPayment(
        claim_id=e.claim_id, provider_id=e.provider_id, submitted_on=at.date(), at=at
    ),
    ClaimApproved: _claim_settled,
    ClaimRejected: _claim_settled,
}


def command_for(event: IntegrationEvent, occurred_at: datetime) -> Command:
    return TRANSLATIONS[type(event)](event, occurred_at)


class Intake:
    """The inbound handler: one consumed event → at most one deadline command."""

    def __init__(self, deadlines: Deadlines) -> None:
        self.deadlines = deadlines

    async def __call__(self, uow: UnitOfWork, envelope: Envelope, event: IntegrationEvent) -> None:
        command = command_for(event, envelope.occurred_at)
        metadata = {
            "actor": envelope.producer,
            "occurred_at": envelope.occurred_at.isoformat(),
            "correlation_id": str(envelope.correlation_id),
            "causation_id": str(envelope.event_id),
        }
        try:
            await self.deadlines.execute(uow, command, metadata)
        except DomainError as exc:
            # A refusal is final (e.g. resolving what was never scheduled): record, move on.
            log.warning("intake_refused", type=envelope.type, code=exc.code)

    def handlers(self) -> dict[type[IntegrationEvent], Any]:
        return dict.fromkeys(TRANSLATIONS, self)
