"""Integration events from authority and provider → deadline commands (pure mapping).

``occurred_at`` of the cause is the command's time, so a replayed or late event computes
the same dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from samspil_contracts import (
    ActionPlanAdopted,
    ChangeRequested,
    ChangeRequestGranted,
    ChangeRequestRefused,
    ClaimPaid,
    ClaimReceived,
    ClaimRejected,
    ContractInForce,
    ContractTerminated,
    CoordinationEnded,
    CoordinationMeeting,
    CoordinationMeetingHeld,
    DecidedMeasure,
    DecisionApproved,
    FamilyContactRecorded,
    FollowUpCadenceSet,
    FollowUpHeld,
    FollowUpOutcome,
    IntegrationEvent,
    InvestigationConcluded,
    InvestigationStarted,
    MeasureEnded,
    NotificationAssessed,
    NotificationReceiptSent,
    NotificationReceived,
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderPlaced,
    OrderWithdrawn,
    StatusReportSubmitted,
)

from scheduler.domain import (
    Cancel,
    Command,
    ConcludeInvestigation,
    DeadlineKind,
    RecordCoordinationMeeting,
    RecordFamilyContact,
    RecordFollowUpHeld,
    RecordStartMeeting,
    RescheduleOrderAnswer,
    Resolve,
    ResolveChangeAnswer,
    ResolveOrderAnswer,
    ScheduleActionPlan,
    ScheduleChangeAnswer,
    ScheduleClaimPayment,
    ScheduleContractEnd,
    ScheduleCoordination,
    ScheduleForContractInForce,
    ScheduleInvestigation,
    ScheduleNotification,
    ScheduleOrderAnswer,
    SetCadence,
    Subject,
    SubjectKind,
)

Translate = Callable[[Any, datetime], Command | tuple[Command, ...] | None]


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


def _terminated(e: ContractTerminated, at: datetime) -> Command:
    """Notice: the contract runs to its last day; without a period it ends at once."""
    if e.immediate:
        return Cancel(subject=_contract(e.contract_id), reason="contract terminated", at=at)
    return ScheduleContractEnd(
        contract_id=e.contract_id,
        provider_id=e.provider_id,
        order_id=e.order_id,
        last_day=e.last_day,
        at=at,
    )


def _notification_met(kind: DeadlineKind, reason: str) -> Translate:
    def translate(e: NotificationAssessed | NotificationReceiptSent, at: datetime) -> Command:
        subject = Subject(SubjectKind.NOTIFICATION, e.notification_id)
        return Resolve(subject=subject, kind=kind, reason=reason, at=at)

    return translate


def _decision_approved(e: DecisionApproved, at: datetime) -> tuple[Command, ...]:
    """Barnets lov § 91: the plan's 3 months run only when the decision says it is made; a
    family coordinator (seed 002) starts its own rhythm of meetings and contact."""
    commands: list[Command] = []
    if e.plan_made:
        commands.append(ScheduleActionPlan(case_id=e.case_id, decided_on=e.decided_on, at=at))
    if e.measure is DecidedMeasure.FAMILY_COORDINATOR:
        commands.append(
            ScheduleCoordination(
                decision_id=e.decision_id, case_id=e.case_id, decided_on=e.decided_on, at=at
            )
        )
    return tuple(commands)


def _meeting_held(e: CoordinationMeetingHeld, at: datetime) -> Command:
    if e.meeting is CoordinationMeeting.START:
        return RecordStartMeeting(decision_id=e.decision_id, held_on=e.held_on, at=at)
    return RecordCoordinationMeeting(decision_id=e.decision_id, held_on=e.held_on, at=at)


def _claim_settled(e: ClaimPaid | ClaimRejected, at: datetime) -> Command:
    """The payment deadline is met when the claim is paid, or has nothing left to pay."""
    subject = Subject(SubjectKind.CLAIM, e.claim_id)
    reason = "paid" if isinstance(e, ClaimPaid) else "rejected"
    return Resolve(subject=subject, kind=DeadlineKind.PAYMENT_DUE, reason=reason, at=at)


TRANSLATIONS: dict[type[IntegrationEvent], Translate] = {
    OrderPlaced: lambda e, at: ScheduleOrderAnswer(
        order_id=e.order_id, case_id=e.case_id, provider_id=e.provider_id, placed_at=at, at=at
    ),
    OrderChanged: lambda e, at: RescheduleOrderAnswer(
        order_id=e.order_id, case_id=e.case_id, provider_id=e.provider_id, changed_at=at, at=at
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
    ContractTerminated: _terminated,
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
        case_id=e.case_id, started_on=e.started_on, aware_on=e.aware_on, at=at
    ),
    NotificationReceived: lambda e, at: ScheduleNotification(
        notification_id=e.notification_id,
        received_at=e.received_at,
        receipt_owed=e.receipt_owed,
        case_id=e.case_id,
        at=at,
    ),
    NotificationAssessed: _notification_met(DeadlineKind.NOTIFICATION_ASSESSMENT_DUE, "assessed"),
    NotificationReceiptSent: _notification_met(
        DeadlineKind.NOTIFICATION_RECEIPT_DUE, "receipt sent"
    ),
    InvestigationConcluded: lambda e, at: ConcludeInvestigation(case_id=e.case_id, at=at),
    DecisionApproved: _decision_approved,
    ActionPlanAdopted: lambda e, at: Resolve(
        subject=Subject(SubjectKind.CASE, e.case_id),
        kind=DeadlineKind.ACTION_PLAN_DUE,
        reason="action plan adopted",
        at=at,
    ),
    # The payment deadline runs from the claim by the contract version's payment terms,
    # which the authority reads when it receives the claim; it is met when paid.
    ClaimReceived: lambda e, at: ScheduleClaimPayment(
        claim_id=e.claim_id,
        provider_id=e.provider_id,
        case_id=e.case_id,
        submitted_on=e.received_on,
        due_on=e.payment_due_on,
        at=at,
    ),
    ClaimPaid: _claim_settled,
    ClaimRejected: _claim_settled,
    ChangeRequested: lambda e, at: ScheduleChangeAnswer(
        request_id=e.request_id,
        contract_id=e.contract_id,
        case_id=e.case_id,
        requested_at=at,
        at=at,
    ),
    ChangeRequestGranted: lambda e, at: ResolveChangeAnswer(request_id=e.request_id, at=at),
    ChangeRequestRefused: lambda e, at: ResolveChangeAnswer(request_id=e.request_id, at=at),
    CoordinationMeetingHeld: _meeting_held,
    CoordinationEnded: lambda e, at: Cancel(
        subject=Subject(SubjectKind.COORDINATION, e.decision_id), reason="coordination ended", at=at
    ),
    FamilyContactRecorded: lambda e, at: RecordFamilyContact(
        decision_id=e.decision_id, contacted_on=e.contacted_on, at=at
    ),
}


def commands_for(event: IntegrationEvent, occurred_at: datetime) -> list[Command]:
    """The deadline commands ``event`` means; none when it sets no deadline."""
    found = TRANSLATIONS[type(event)](event, occurred_at)
    if found is None:
        return []
    return list(found) if isinstance(found, tuple) else [found]
