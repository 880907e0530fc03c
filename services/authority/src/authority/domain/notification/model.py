"""Notifications of concern (underretninger, barnets lov §§ 133-137) as the authority's intake.

Anyone may report (§ 134); professionals must (§ 133). Within 24 hours of receipt the
municipality assesses whether the child's health or development is in danger and whether
acute action is needed (§ 135); a professional reporter gets a receipt within 6 working days
(§ 136). The scheduler owns both deadlines; this model records what was done and when.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from authority.domain.case.people import Person

# § 135: the assessment is due 24 hours (clock hours, nights and holidays too) after receipt.
ASSESSMENT_PERIOD = timedelta(hours=24)


class ReporterKind(StrEnum):
    SCHOOL = "school"  # skole
    DAYCARE = "daycare"  # dagtilbud
    HEALTH_VISITOR = "health_visitor"  # sundhedsplejerske
    HEALTH_CARE = "health_care"  # læge, hospital
    POLICE = "police"  # politi
    PROVIDER = "provider"  # leverandør: its duty to notify, through the concern flow
    OTHER_PROFESSIONAL = "other_professional"  # anden fagperson
    CITIZEN = "citizen"  # borger: family, a neighbour
    ANONYMOUS = "anonymous"  # anonym


# Reporters under the special duty of § 133: each is owed a receipt (§ 136).
PROFESSIONALS = frozenset(ReporterKind) - {ReporterKind.CITIZEN, ReporterKind.ANONYMOUS}


class Channel(StrEnum):
    """How the notification reached the authority."""

    API = "api"  # a reporter's system
    CASEWORKER = "caseworker"  # registered by a caseworker (telephone, letter, counter)
    PROVIDER = "provider"  # a provider's concern on a contract


class ReceiptChannel(StrEnum):
    DIGITAL_POST = "digital_post"  # to the reporting organisation's CVR
    PROVIDER = "provider"  # the concern's acknowledgement back to the provider
    OTHER = "other"  # by e-mail, letter or telephone outside the system


class DeadlineKind(StrEnum):
    """The scheduler's deadlines on a notification (values as on the wire)."""

    ASSESSMENT = "notification_assessment_due"
    RECEIPT = "notification_receipt_due"


@dataclass(frozen=True, slots=True, repr=False)
class Reporter:
    """Who reported. Their identity is personal data (sealed at rest) and, for a citizen,
    confidential towards the family."""

    kind: ReporterKind
    name: str | None = None
    organisation: str | None = None
    contact: str | None = None  # telephone or e-mail for questions and the receipt
    cvr: str | None = None  # the organisation's CVR number: its Digital Post address

    @property
    def professional(self) -> bool:
        return self.kind in PROFESSIONALS

    @property
    def identified(self) -> bool:
        return any((self.name, self.organisation, self.contact, self.cvr))

    def __repr__(self) -> str:
        return f"Reporter(kind={self.kind.value!r}, identity='<redacted>')"


@dataclass(frozen=True, slots=True)
class Assessment:
    """§ 135: is the child's health or development in danger, is acute action needed."""

    in_danger: bool
    acute_action_needed: bool
    text: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class NotificationState:
    notification_id: UUID
    received_at: datetime
    channel: Channel
    reporter: Reporter
    child: Person | None
    text: str | None
    case_id: UUID | None = None
    concern_id: UUID | None = None
    assessment: Assessment | None = None
    receipt_sent_at: datetime | None = None
    receipt_channel: ReceiptChannel | None = None
    assessment_due_at: datetime | None = None  # as the scheduler set it
    receipt_due_at: datetime | None = None

    @property
    def assessment_limit(self) -> datetime:
        return self.received_at + ASSESSMENT_PERIOD

    @property
    def receipt_owed(self) -> bool:
        return self.reporter.professional
