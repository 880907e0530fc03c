"""Decide and evolve for a notification of concern (underretning, barnets lov §§ 133-137)."""

from dataclasses import replace

from authority.domain.audit import CASEWORK, Role, require_role, stamp
from authority.domain.errors import DomainError, require, require_text
from authority.domain.notification.messages import (
    AssessNotification,
    AttachNotification,
    NotificationAssessed,
    NotificationAttached,
    NotificationCommand,
    NotificationDeadlineSet,
    NotificationEvent,
    NotificationReceived,
    ReceiptSent,
    ReceiveNotification,
    RecordNotificationDeadline,
    SendReceipt,
)
from authority.domain.notification.model import (
    Assessment,
    Channel,
    DeadlineKind,
    NotificationState,
    ReceiptChannel,
    ReporterKind,
)

RECEIVERS = CASEWORK | {Role.REPORTER, Role.SYSTEM}


def decide(
    command: NotificationCommand, state: NotificationState | None
) -> list[NotificationEvent]:
    if isinstance(command, ReceiveNotification):
        return [_receive(command, state)]
    if isinstance(command, RecordNotificationDeadline):
        require_role(command, Role.SYSTEM)
        _existing(state)
        return [NotificationDeadlineSet(**stamp(command), kind=command.kind, due_at=command.due_at)]
    require_role(command, CASEWORK)
    found = _existing(state)
    match command:
        case AssessNotification():
            return [_assess(command, found)]
        case AttachNotification():
            require(found.case_id is None, "notification_attached", "already on a case")
            return [NotificationAttached(**stamp(command), case_id=command.case_id)]
        case SendReceipt():
            return [_receipt(command, found)]


def _receive(command: ReceiveNotification, state: NotificationState | None) -> NotificationReceived:
    require_role(command, RECEIVERS)
    require(state is None, "notification_exists", "this notification is already recorded")
    reporter = command.reporter
    from_provider = command.channel is Channel.PROVIDER
    require(
        from_provider == (reporter.kind is ReporterKind.PROVIDER),
        "invalid_reporter",
        "a provider reports through its concern flow, and only a provider does",
    )
    require(
        command.child is not None or command.case_id is not None,
        "child_required",
        "name the child (name and CPR number) the notification is about",
    )
    if command.concern_id is None:
        require_text(command.text, "text")
    if reporter.kind is ReporterKind.ANONYMOUS:
        require(not reporter.identified, "anonymous_identified", "an anonymous report names no one")
    elif reporter.professional and not from_provider:
        # § 136: the receipt needs an addressee.
        require_text(reporter.organisation, "reporter_organisation")
    return NotificationReceived(
        **stamp(command),
        notification_id=command.notification_id,
        channel=command.channel,
        reporter=reporter,
        child=command.child,
        text=command.text,
        case_id=command.case_id,
        concern_id=command.concern_id,
    )


def _assess(command: AssessNotification, state: NotificationState) -> NotificationAssessed:
    require(state.assessment is None, "notification_assessed", "the notification is assessed")
    text = require_text(command.assessment, "assessment")
    if command.at > state.assessment_limit:
        # § 135: late is still better than never, but the file says why.
        require(
            bool(command.reason and command.reason.strip()),
            "late_assessment_reason_required",
            "the 24 hours of § 135 have passed: say why the assessment is late",
        )
    return NotificationAssessed(
        **stamp(command),
        in_danger=command.in_danger,
        acute_action_needed=command.acute_action_needed,
        assessment=text,
    )


def _receipt(command: SendReceipt, state: NotificationState) -> ReceiptSent:
    require(state.receipt_sent_at is None, "receipt_sent", "the receipt has been sent")
    reporter = state.reporter
    require(reporter.identified, "receipt_impossible", "an anonymous reporter gets no receipt")
    from_provider = state.channel is Channel.PROVIDER
    require(
        from_provider == (command.channel is ReceiptChannel.PROVIDER),
        "invalid_receipt_channel",
        "a provider's concern is acknowledged to the provider, and only its",
    )
    if command.channel is ReceiptChannel.DIGITAL_POST:
        require_text(reporter.cvr, "reporter_cvr")
    return ReceiptSent(**stamp(command), channel=command.channel)


def _existing(state: NotificationState | None) -> NotificationState:
    if state is None:
        raise DomainError("notification_not_found", "the notification does not exist")
    return state


def evolve(state: NotificationState | None, event: NotificationEvent) -> NotificationState:
    if isinstance(event, NotificationReceived):
        return NotificationState(
            notification_id=event.notification_id,
            received_at=event.at,
            channel=event.channel,
            reporter=event.reporter,
            child=event.child,
            text=event.text,
            case_id=event.case_id,
            concern_id=event.concern_id,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before NotificationReceived: corrupt stream")
    match event:
        case NotificationAssessed():
            by = event.actor.user_id
            done = Assessment(
                event.in_danger, event.acute_action_needed, event.assessment, by, event.at
            )
            return replace(state, assessment=done)
        case NotificationAttached(case_id=case_id):
            return replace(state, case_id=case_id)
        case ReceiptSent(channel=channel):
            return replace(state, receipt_sent_at=event.at, receipt_channel=channel)
        case NotificationDeadlineSet(kind=DeadlineKind.ASSESSMENT, due_at=due_at):
            return replace(state, assessment_due_at=due_at)
        case NotificationDeadlineSet(due_at=due_at):
            return replace(state, receipt_due_at=due_at)
    raise ValueError(f"cannot apply {type(event).__name__} to a notification")
