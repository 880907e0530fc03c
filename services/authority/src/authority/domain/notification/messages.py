"""Commands and events of a notification of concern (underretning)."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from authority.domain.audit import Command, Event
from authority.domain.case.people import Person
from authority.domain.notification.model import Channel, DeadlineKind, ReceiptChannel, Reporter


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveNotification(Command):
    """Record a notification as received now (``at``): the moment the 24 hours run from."""

    notification_id: UUID
    channel: Channel
    reporter: Reporter
    child: Person | None  # None only when it arrives on a case (a provider's concern)
    text: str | None  # None only for a provider's concern: its details stay in the concern
    case_id: UUID | None = None
    concern_id: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AssessNotification(Command):
    """Record the assessment of § 135 (within 24 hours of receipt)."""

    in_danger: bool
    acute_action_needed: bool
    assessment: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachNotification(Command):
    """The notification concerns this case (a new one opened from it, or an existing one)."""

    case_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class SendReceipt(Command):
    """The receipt to the reporter (§ 136: a professional's within 6 working days)."""

    channel: ReceiptChannel


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordNotificationDeadline(Command):
    """When the scheduler set one of the notification's deadlines."""

    kind: DeadlineKind
    due_at: datetime


NotificationCommand = (
    ReceiveNotification
    | AssessNotification
    | AttachNotification
    | SendReceipt
    | RecordNotificationDeadline
)


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationReceived(Event):
    notification_id: UUID
    channel: Channel
    reporter: Reporter
    child: Person | None
    text: str | None
    case_id: UUID | None = None
    concern_id: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationAssessed(Event):
    in_danger: bool
    acute_action_needed: bool
    assessment: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationAttached(Event):
    case_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptSent(Event):
    channel: ReceiptChannel


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationDeadlineSet(Event):
    kind: DeadlineKind
    due_at: datetime


NotificationEvent = (
    NotificationReceived
    | NotificationAssessed
    | NotificationAttached
    | ReceiptSent
    | NotificationDeadlineSet
)
