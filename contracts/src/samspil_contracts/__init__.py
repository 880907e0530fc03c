"""Samspil integration events: the one place their schemas, envelope and topics live."""

from samspil_contracts import topics
from samspil_contracts.agreements import (
    ContractCountersigned,
    ContractInForce,
    ContractKind,
    ContractOffered,
    ContractTerminated,
    Signature,
)
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.cases import (
    ActionPlanAdopted,
    CaseworkerAssigned,
    ConcernAcknowledged,
    DecisionApproved,
    FollowUpCadenceSet,
    FollowUpHeld,
    FollowUpOutcome,
    InvestigationConcluded,
    InvestigationStarted,
    MeasureEnded,
    MeasureEndReason,
)
from samspil_contracts.claims import (
    ClaimApproved,
    ClaimCredited,
    ClaimLine,
    ClaimRejected,
    ClaimSubmitted,
)
from samspil_contracts.codec import MAX_PAYLOAD_BYTES, WireMessage, decode, encode
from samspil_contracts.common import (
    ContactPerson,
    Frequency,
    Goal,
    GoalArea,
    MeasureCode,
    Party,
    Period,
    Price,
    PriceUnit,
    Scope,
    legal_basis_for,
)
from samspil_contracts.deadlines import (
    DeadlineKind,
    DeadlinePhase,
    DeadlineReached,
    DeadlineScheduled,
)
from samspil_contracts.delivery import (
    ConcernNotified,
    ConcernSeverity,
    DeliveryStarted,
    DeliveryStopped,
    ForceIncidentReported,
    ForceKind,
    GoalProgress,
    Progress,
    StatusReportSubmitted,
)
from samspil_contracts.documents import MAX_SHARED_BYTES, DocumentShared
from samspil_contracts.envelope import Envelope
from samspil_contracts.errors import UndecodableEvent
from samspil_contracts.material import (
    MeasureOffer,
    ProviderKind,
    ProviderMaterialPublished,
    TimeHorizon,
)
from samspil_contracts.notifications import (
    NotificationAssessed,
    NotificationReceiptSent,
    NotificationReceived,
)
from samspil_contracts.orders import (
    DeclineReason,
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderPlaced,
    OrderWithdrawn,
)
from samspil_contracts.personal import ChildDataErased, ChildKeyGranted, grant_key
from samspil_contracts.registry import EVENT_TYPES, REGISTRY
from samspil_contracts.sealed import Sealed
from samspil_contracts.topics import TopicSpec, dlq

__all__ = [
    "EVENT_TYPES",
    "MAX_PAYLOAD_BYTES",
    "MAX_SHARED_BYTES",
    "REGISTRY",
    "ActionPlanAdopted",
    "CaseworkerAssigned",
    "ChildDataErased",
    "ChildKeyGranted",
    "ClaimApproved",
    "ClaimCredited",
    "ClaimLine",
    "ClaimRejected",
    "ClaimSubmitted",
    "ConcernAcknowledged",
    "ConcernNotified",
    "ConcernSeverity",
    "ContactPerson",
    "ContractCountersigned",
    "ContractInForce",
    "ContractKind",
    "ContractOffered",
    "ContractTerminated",
    "DeadlineKind",
    "DeadlinePhase",
    "DeadlineReached",
    "DeadlineScheduled",
    "DecisionApproved",
    "DeclineReason",
    "DeliveryStarted",
    "DeliveryStopped",
    "DocumentShared",
    "Envelope",
    "FollowUpCadenceSet",
    "FollowUpHeld",
    "FollowUpOutcome",
    "ForceIncidentReported",
    "ForceKind",
    "Frequency",
    "Goal",
    "GoalArea",
    "GoalProgress",
    "IntegrationEvent",
    "InvestigationConcluded",
    "InvestigationStarted",
    "MeasureCode",
    "MeasureEndReason",
    "MeasureEnded",
    "MeasureOffer",
    "NotificationAssessed",
    "NotificationReceiptSent",
    "NotificationReceived",
    "OrderAccepted",
    "OrderChanged",
    "OrderDeclined",
    "OrderPlaced",
    "OrderWithdrawn",
    "Party",
    "Period",
    "Price",
    "PriceUnit",
    "Progress",
    "ProviderKind",
    "ProviderMaterialPublished",
    "Scope",
    "Sealed",
    "Signature",
    "StatusReportSubmitted",
    "TimeHorizon",
    "TopicSpec",
    "UndecodableEvent",
    "WireMessage",
    "decode",
    "dlq",
    "encode",
    "grant_key",
    "legal_basis_for",
    "topics",
]
