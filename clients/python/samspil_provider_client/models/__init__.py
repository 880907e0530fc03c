"""Contains all the data models used in inputs/outputs"""

from .accept import Accept
from .access_entry import AccessEntry
from .answer_deadline_data import AnswerDeadlineData
from .answer_view import AnswerView
from .answered import Answered
from .api_key_view import ApiKeyView
from .change_answered_data import ChangeAnsweredData
from .change_answered_data_kind import ChangeAnsweredDataKind
from .change_answered_data_status import ChangeAnsweredDataStatus
from .change_kind import ChangeKind
from .change_request_answered_webhook import ChangeRequestAnsweredWebhook
from .change_request_in import ChangeRequestIn
from .change_request_view import ChangeRequestView
from .change_request_view_frequency_type_0 import ChangeRequestViewFrequencyType0
from .change_request_view_scope_type_0 import ChangeRequestViewScopeType0
from .child_erased_data import ChildErasedData
from .child_erased_webhook import ChildErasedWebhook
from .claim_approved_webhook import ClaimApprovedWebhook
from .claim_data import ClaimData
from .claim_made import ClaimMade
from .claim_paid_data import ClaimPaidData
from .claim_paid_webhook import ClaimPaidWebhook
from .claim_rejected_webhook import ClaimRejectedWebhook
from .claim_status import ClaimStatus
from .claim_summary import ClaimSummary
from .claim_summary_lines_type_0_item import ClaimSummaryLinesType0Item
from .concern import Concern
from .contact_person import ContactPerson
from .contract_ended_data import ContractEndedData
from .contract_ended_webhook import ContractEndedWebhook
from .contract_in_force_data import ContractInForceData
from .contract_in_force_webhook import ContractInForceWebhook
from .contract_offered_data import ContractOfferedData
from .contract_offered_webhook import ContractOfferedWebhook
from .contract_summary import ContractSummary
from .contract_summary_notice_type_0 import ContractSummaryNoticeType0
from .contract_summary_terms import ContractSummaryTerms
from .contract_terminated_data import ContractTerminatedData
from .contract_terminated_data_given_by import ContractTerminatedDataGivenBy
from .contract_terminated_webhook import ContractTerminatedWebhook
from .countersign import Countersign
from .countersign_contract_response_countersign_contract_contracts_contract_id_countersign_post import (
    CountersignContractResponseCountersignContractContractsContractIdCountersignPost,
)
from .countersigned import Countersigned
from .credit_claim_response_credit_claim_claims_claim_id_credit_notes_post import (
    CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost,
)
from .credit_note import CreditNote
from .deadline_data import DeadlineData
from .deadline_data_kind import DeadlineDataKind
from .deadline_data_phase import DeadlineDataPhase
from .decline import Decline
from .decline_reason import DeclineReason
from .delivery_stop_reason import DeliveryStopReason
from .delivery_view import DeliveryView
from .delivery_view_last_outcome_type_0 import DeliveryViewLastOutcomeType0
from .delivery_view_status import DeliveryViewStatus
from .document_data import DocumentData
from .document_shared_webhook import DocumentSharedWebhook
from .endpoint_view import EndpointView
from .follow_up_view import FollowUpView
from .force_kind import ForceKind
from .frequency import Frequency
from .goal_status_in import GoalStatusIn
from .healthz_response_healthz_healthz_get import HealthzResponseHealthzHealthzGet
from .horizon import Horizon
from .http_validation_error import HTTPValidationError
from .incident import Incident
from .issued_key_view import IssuedKeyView
from .line import Line
from .line_kind import LineKind
from .line_outcome_data import LineOutcomeData
from .line_outcome_data_outcome import LineOutcomeDataOutcome
from .list_webhook_deliveries_status_type_0 import ListWebhookDeliveriesStatusType0
from .log_session_response_log_session_contracts_contract_id_sessions_post import (
    LogSessionResponseLogSessionContractsContractIdSessionsPost,
)
from .material import Material
from .measure_code import MeasureCode
from .new_api_key import NewApiKey
from .new_claim import NewClaim
from .new_tenant import NewTenant
from .new_tenant_kind import NewTenantKind
from .offer import Offer
from .order_answer_deadline_webhook import OrderAnswerDeadlineWebhook
from .order_answer_due_webhook import OrderAnswerDueWebhook
from .order_changed_webhook import OrderChangedWebhook
from .order_data import OrderData
from .order_id_data import OrderIdData
from .order_placed_webhook import OrderPlacedWebhook
from .order_status import OrderStatus
from .order_summary import OrderSummary
from .order_summary_snapshot_type_0 import OrderSummarySnapshotType0
from .order_withdrawn_webhook import OrderWithdrawnWebhook
from .period import Period
from .plan import Plan
from .plan_item_in import PlanItemIn
from .price_unit import PriceUnit
from .problem import Problem
from .progress import Progress
from .publish_material_response_publish_material_material_put import (
    PublishMaterialResponsePublishMaterialMaterialPut,
)
from .read_claim_response_read_claim_claims_claim_id_get import (
    ReadClaimResponseReadClaimClaimsClaimIdGet,
)
from .read_concern_response_read_concern_concerns_concern_id_get import (
    ReadConcernResponseReadConcernConcernsConcernIdGet,
)
from .read_contract_response_read_contract_contracts_contract_id_get import (
    ReadContractResponseReadContractContractsContractIdGet,
)
from .read_deviation_response_read_deviation_contracts_contract_id_deviation_get import (
    ReadDeviationResponseReadDeviationContractsContractIdDeviationGet,
)
from .read_order_response_read_order_orders_order_id_get import (
    ReadOrderResponseReadOrderOrdersOrderIdGet,
)
from .redeliver_dead import RedeliverDead
from .redelivered import Redelivered
from .reminder import Reminder
from .report_concern_response_report_concern_concerns_post import (
    ReportConcernResponseReportConcernConcernsPost,
)
from .report_incident_response_report_incident_incidents_post import (
    ReportIncidentResponseReportIncidentIncidentsPost,
)
from .report_made import ReportMade
from .request_change_response_request_change_contracts_contract_id_change_requests_post import (
    RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost,
)
from .reveal_in import RevealIn
from .reveal_order_response_reveal_order_orders_order_id_reveal_post import (
    RevealOrderResponseRevealOrderOrdersOrderIdRevealPost,
)
from .sandbox_claim_view import SandboxClaimView
from .sandbox_contract import SandboxContract
from .sandbox_offer import SandboxOffer
from .sandbox_offer_terms import SandboxOfferTerms
from .sandbox_order import SandboxOrder
from .sandbox_state import SandboxState
from .sandbox_switch import SandboxSwitch
from .scope import Scope
from .session import Session
from .set_treatment_plan_response_set_treatment_plan_contracts_contract_id_treatment_plan_post import (
    SetTreatmentPlanResponseSetTreatmentPlanContractsContractIdTreatmentPlanPost,
)
from .shared_document_summary import SharedDocumentSummary
from .start import Start
from .start_delivery_response_start_delivery_contracts_contract_id_delivery_start_post import (
    StartDeliveryResponseStartDeliveryContractsContractIdDeliveryStartPost,
)
from .status_report import StatusReport
from .status_report_due_webhook import StatusReportDueWebhook
from .stop import Stop
from .stop_delivery_response_stop_delivery_contracts_contract_id_delivery_stop_post import (
    StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost,
)
from .submit_claim_response_submit_claim_claims_post import (
    SubmitClaimResponseSubmitClaimClaimsPost,
)
from .submit_status_report_response_submit_status_report_contracts_contract_id_status_reports_post import (
    SubmitStatusReportResponseSubmitStatusReportContractsContractIdStatusReportsPost,
)
from .terminate import Terminate
from .terminate_contract_response_terminate_contract_contracts_contract_id_terminate_post import (
    TerminateContractResponseTerminateContractContractsContractIdTerminatePost,
)
from .termination_reason import TerminationReason
from .test_data import TestData
from .trigger import Trigger
from .trigger_type import TriggerType
from .triggered import Triggered
from .triggered_data import TriggeredData
from .urgency import Urgency
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .webhook_endpoint import WebhookEndpoint
from .webhook_test_webhook import WebhookTestWebhook

__all__ = (
    "Accept",
    "AccessEntry",
    "AnswerDeadlineData",
    "AnswerView",
    "Answered",
    "ApiKeyView",
    "ChangeAnsweredData",
    "ChangeAnsweredDataKind",
    "ChangeAnsweredDataStatus",
    "ChangeKind",
    "ChangeRequestAnsweredWebhook",
    "ChangeRequestIn",
    "ChangeRequestView",
    "ChangeRequestViewFrequencyType0",
    "ChangeRequestViewScopeType0",
    "ChildErasedData",
    "ChildErasedWebhook",
    "ClaimApprovedWebhook",
    "ClaimData",
    "ClaimMade",
    "ClaimPaidData",
    "ClaimPaidWebhook",
    "ClaimRejectedWebhook",
    "ClaimStatus",
    "ClaimSummary",
    "ClaimSummaryLinesType0Item",
    "Concern",
    "ContactPerson",
    "ContractEndedData",
    "ContractEndedWebhook",
    "ContractInForceData",
    "ContractInForceWebhook",
    "ContractOfferedData",
    "ContractOfferedWebhook",
    "ContractSummary",
    "ContractSummaryNoticeType0",
    "ContractSummaryTerms",
    "ContractTerminatedData",
    "ContractTerminatedDataGivenBy",
    "ContractTerminatedWebhook",
    "Countersign",
    "CountersignContractResponseCountersignContractContractsContractIdCountersignPost",
    "Countersigned",
    "CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost",
    "CreditNote",
    "DeadlineData",
    "DeadlineDataKind",
    "DeadlineDataPhase",
    "Decline",
    "DeclineReason",
    "DeliveryStopReason",
    "DeliveryView",
    "DeliveryViewLastOutcomeType0",
    "DeliveryViewStatus",
    "DocumentData",
    "DocumentSharedWebhook",
    "EndpointView",
    "FollowUpView",
    "ForceKind",
    "Frequency",
    "GoalStatusIn",
    "HTTPValidationError",
    "HealthzResponseHealthzHealthzGet",
    "Horizon",
    "Incident",
    "IssuedKeyView",
    "Line",
    "LineKind",
    "LineOutcomeData",
    "LineOutcomeDataOutcome",
    "ListWebhookDeliveriesStatusType0",
    "LogSessionResponseLogSessionContractsContractIdSessionsPost",
    "Material",
    "MeasureCode",
    "NewApiKey",
    "NewClaim",
    "NewTenant",
    "NewTenantKind",
    "Offer",
    "OrderAnswerDeadlineWebhook",
    "OrderAnswerDueWebhook",
    "OrderChangedWebhook",
    "OrderData",
    "OrderIdData",
    "OrderPlacedWebhook",
    "OrderStatus",
    "OrderSummary",
    "OrderSummarySnapshotType0",
    "OrderWithdrawnWebhook",
    "Period",
    "Plan",
    "PlanItemIn",
    "PriceUnit",
    "Problem",
    "Progress",
    "PublishMaterialResponsePublishMaterialMaterialPut",
    "ReadClaimResponseReadClaimClaimsClaimIdGet",
    "ReadConcernResponseReadConcernConcernsConcernIdGet",
    "ReadContractResponseReadContractContractsContractIdGet",
    "ReadDeviationResponseReadDeviationContractsContractIdDeviationGet",
    "ReadOrderResponseReadOrderOrdersOrderIdGet",
    "RedeliverDead",
    "Redelivered",
    "Reminder",
    "ReportConcernResponseReportConcernConcernsPost",
    "ReportIncidentResponseReportIncidentIncidentsPost",
    "ReportMade",
    "RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost",
    "RevealIn",
    "RevealOrderResponseRevealOrderOrdersOrderIdRevealPost",
    "SandboxClaimView",
    "SandboxContract",
    "SandboxOffer",
    "SandboxOfferTerms",
    "SandboxOrder",
    "SandboxState",
    "SandboxSwitch",
    "Scope",
    "Session",
    "SetTreatmentPlanResponseSetTreatmentPlanContractsContractIdTreatmentPlanPost",
    "SharedDocumentSummary",
    "Start",
    "StartDeliveryResponseStartDeliveryContractsContractIdDeliveryStartPost",
    "StatusReport",
    "StatusReportDueWebhook",
    "Stop",
    "StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost",
    "SubmitClaimResponseSubmitClaimClaimsPost",
    "SubmitStatusReportResponseSubmitStatusReportContractsContractIdStatusReportsPost",
    "Terminate",
    "TerminateContractResponseTerminateContractContractsContractIdTerminatePost",
    "TerminationReason",
    "TestData",
    "Trigger",
    "TriggerType",
    "Triggered",
    "TriggeredData",
    "Urgency",
    "ValidationError",
    "ValidationErrorContext",
    "WebhookEndpoint",
    "WebhookTestWebhook",
)
