"""Notifications of concern (underretninger, barnets lov §§ 133-137) received by the authority.

The scheduler owns their deadlines: the assessment within 24 hours of receipt (§ 135) and,
for a professional reporter, the receipt within 6 working days (§ 136). No personal data
here: the child, the reporter and the concern stay sealed in the authority's store.
"""

from typing import ClassVar
from uuid import UUID

from pydantic import AwareDatetime

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import MunicipalityCode


class _NotificationEvent(IntegrationEvent):
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_NOTIFICATIONS

    notification_id: UUID


class NotificationReceived(_NotificationEvent):
    """An underretning reached the authority at ``received_at``: the 24 hours of § 135 run
    from then, and if ``receipt_owed`` (a professional reporter, § 133) the 6 working days
    of § 136."""

    type_name: ClassVar[str] = "dk.samspil.notification.received"

    received_at: AwareDatetime
    receipt_owed: bool
    case_id: UUID | None = None  # known when it arrives on a case (a provider's concern)
    municipality: MunicipalityCode | None = None


class NotificationAssessed(_NotificationEvent):
    """The assessment of § 135 is recorded (whether the child is in danger, acute action)."""

    type_name: ClassVar[str] = "dk.samspil.notification.assessed"

    assessed_at: AwareDatetime


class NotificationReceiptSent(_NotificationEvent):
    """The receipt of § 136 went to the reporter."""

    type_name: ClassVar[str] = "dk.samspil.notification.receipt_sent"

    sent_at: AwareDatetime
