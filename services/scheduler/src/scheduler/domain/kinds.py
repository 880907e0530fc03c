"""The closed vocabularies of the scheduler domain.

The string values equal those of `samspil_contracts.deadlines` so the app maps them 1:1.
"""

from enum import StrEnum


class DeadlineKind(StrEnum):
    FOLLOW_UP_DUE = "follow_up_due"
    STATUS_REPORT_DUE = "status_report_due"
    ORDER_ANSWER_DUE = "order_answer_due"
    ORDER_RECEIPT_DUE = "order_receipt_due"
    INVESTIGATION_LIMIT = "investigation_limit"
    ACTION_PLAN_DUE = "action_plan_due"
    CONTRACT_EXPIRY = "contract_expiry"
    PAYMENT_DUE = "payment_due"
    NOTIFICATION_ASSESSMENT_DUE = "notification_assessment_due"  # barnets lov § 135
    NOTIFICATION_RECEIPT_DUE = "notification_receipt_due"  # barnets lov § 136
    CONTRACT_ENDS = "contract_ends"  # a contract under notice ends after its last day
    CHANGE_REQUEST_ANSWER_DUE = "change_request_answer_due"  # the caseworker's answer
    # The family coordinator's rhythm (seed 002)
    START_MEETING_DUE = "start_meeting_due"
    COORDINATION_MEETING_DUE = "coordination_meeting_due"
    CONTACT_DUE = "contact_due"


class DeadlinePhase(StrEnum):
    """Phases fire in this order; a deadline fires each phase at most once."""

    WARNING = "warning"
    DUE = "due"
    OVERDUE = "overdue"


PHASE_ORDER: tuple[DeadlinePhase, ...] = tuple(DeadlinePhase)


class DeadlineStatus(StrEnum):
    PENDING = "pending"  # some phase is still to fire
    FIRED = "fired"  # every phase has fired (the last one is OVERDUE)
    CANCELLED = "cancelled"  # resolved or withdrawn; no further phase fires


class SubjectKind(StrEnum):
    """What a deadline set is about; one set (one event stream) per subject."""

    CONTRACT = "contract"  # the follow-up series and expiry of an individual contract
    ORDER = "order"  # the provider's receipt and answer to an order
    CASE = "case"  # the child investigation limit and the action plan
    CLAIM = "claim"  # the authority's payment of a provider's claim
    NOTIFICATION = "notification"  # a notification of concern's assessment and receipt
    CHANGE_REQUEST = "change_request"  # the caseworker's answer to a provider's request
    COORDINATION = "coordination"  # a family coordinator decision's meetings and contact
