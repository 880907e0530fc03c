"""Every integration event Samspil knows, by CloudEvents type."""

from collections.abc import Mapping
from types import MappingProxyType

from samspil_contracts.agreements import (
    ContractCountersigned,
    ContractExpired,
    ContractInForce,
    ContractOffered,
    ContractTerminated,
    ProviderGaveNotice,
)
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.cases import (
    ActionPlanAdopted,
    CaseworkerAssigned,
    ConcernAcknowledged,
    CoordinationEnded,
    CoordinationMeetingHeld,
    DecisionApproved,
    FamilyContactRecorded,
    FollowUpCadenceSet,
    FollowUpHeld,
    InvestigationConcluded,
    InvestigationStarted,
    MeasureEnded,
)
from samspil_contracts.change_requests import (
    ChangeRequested,
    ChangeRequestGranted,
    ChangeRequestRefused,
)
from samspil_contracts.claims import (
    ClaimApproved,
    ClaimCredited,
    ClaimPaid,
    ClaimReceived,
    ClaimRejected,
    ClaimSubmitted,
)
from samspil_contracts.deadlines import DeadlineClosed, DeadlineReached, DeadlineScheduled
from samspil_contracts.delivery import (
    ConcernNotified,
    DeliveryStarted,
    DeliveryStopped,
    ForceIncidentReported,
    StatusReportSubmitted,
)
from samspil_contracts.documents import DocumentShared
from samspil_contracts.material import ProviderMaterialPublished
from samspil_contracts.notifications import (
    NotificationAssessed,
    NotificationReceiptSent,
    NotificationReceived,
)
from samspil_contracts.orders import (
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderPlaced,
    OrderWithdrawn,
)
from samspil_contracts.personal import ChildDataErased, ChildKeyGranted

EVENT_TYPES: tuple[type[IntegrationEvent], ...] = (
    OrderPlaced,
    OrderChanged,
    OrderWithdrawn,
    OrderAccepted,
    OrderDeclined,
    ContractOffered,
    ContractCountersigned,
    ContractInForce,
    ContractTerminated,
    ContractExpired,
    ProviderGaveNotice,
    ChangeRequested,
    ChangeRequestGranted,
    ChangeRequestRefused,
    DocumentShared,
    CaseworkerAssigned,
    InvestigationStarted,
    InvestigationConcluded,
    DecisionApproved,
    ActionPlanAdopted,
    FollowUpCadenceSet,
    FollowUpHeld,
    MeasureEnded,
    CoordinationEnded,
    CoordinationMeetingHeld,
    FamilyContactRecorded,
    ConcernAcknowledged,
    ClaimSubmitted,
    ClaimCredited,
    ClaimApproved,
    ClaimRejected,
    ClaimReceived,
    ClaimPaid,
    DeliveryStarted,
    DeliveryStopped,
    StatusReportSubmitted,
    ConcernNotified,
    ForceIncidentReported,
    ProviderMaterialPublished,
    DeadlineReached,
    DeadlineScheduled,
    DeadlineClosed,
    NotificationReceived,
    NotificationAssessed,
    NotificationReceiptSent,
    ChildKeyGranted,
    ChildDataErased,
)


def _by_type() -> Mapping[str, type[IntegrationEvent]]:
    found: dict[str, type[IntegrationEvent]] = {}
    for cls in EVENT_TYPES:
        if cls.type_name in found:  # two classes, one name: decode would be ambiguous
            raise RuntimeError(f"duplicate event type {cls.type_name}")
        found[cls.type_name] = cls
    return MappingProxyType(found)


REGISTRY: Mapping[str, type[IntegrationEvent]] = _by_type()
