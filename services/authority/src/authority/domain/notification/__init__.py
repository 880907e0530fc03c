"""Notifications of concern (underretninger, barnets lov §§ 133-137): the authority's intake."""

from authority.domain.notification.decide import decide, evolve
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
    ASSESSMENT_PERIOD,
    PROFESSIONALS,
    Assessment,
    Channel,
    DeadlineKind,
    NotificationState,
    ReceiptChannel,
    Reporter,
    ReporterKind,
)

__all__ = [
    "ASSESSMENT_PERIOD",
    "PROFESSIONALS",
    "AssessNotification",
    "Assessment",
    "AttachNotification",
    "Channel",
    "DeadlineKind",
    "NotificationAssessed",
    "NotificationAttached",
    "NotificationCommand",
    "NotificationDeadlineSet",
    "NotificationEvent",
    "NotificationReceived",
    "NotificationState",
    "ReceiptChannel",
    "ReceiptSent",
    "ReceiveNotification",
    "RecordNotificationDeadline",
    "Reporter",
    "ReporterKind",
    "SendReceipt",
    "decide",
    "evolve",
]
