"""Each aggregate state as its read-model row (no personal data in clear)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from authority.app.settlement_view import settlement_columns
from authority.domain.case import CaseState, DecisionStatus
from authority.domain.concern import ConcernState
from authority.domain.contract import ContractState
from authority.domain.followup import FollowUpState
from authority.domain.notification import NotificationState
from authority.domain.order import OrderState
from authority.domain.settlement import ClaimState, check_claim
from authority.domain.standard import StandardContractState


def initials(state: CaseState) -> str:
    if state.erased:
        return "-"
    return "".join(f"{part[0]}." for part in state.child.name.split() if part)[:20]


def case_status(state: CaseState) -> str:  # noqa: PLR0911 - one per stage
    if state.erased:
        return "erased"
    if state.erasure_requested_by is not None:
        return "erasure_requested"
    if state.action_plan is not None:
        return "action_plan_adopted"
    if any(d.status is DecisionStatus.APPROVED for d in state.decisions):
        return "decided"
    if state.decisions:
        return "decision_proposed"
    if state.investigation_concluded:
        return "investigation_concluded"
    if state.investigation is not None:
        return "investigating"
    return "opened"


def case_number(case_id: UUID) -> str:
    """The case number people read and type (sagsnummer): the case id's first 8 hex digits."""
    return case_id.hex[:8].upper()


def case_row(state: CaseState) -> dict[str, Any]:
    latest = state.decisions[-1].measure.value if state.decisions else None
    known = not state.erased and state.child.name != "[erased]"  # not a placeholder
    return {
        "case_id": state.case_id,
        "child_initials": initials(state),
        "status": case_status(state),
        "caseworker_id": state.caseworker_id,
        "case_number": case_number(state.case_id),
        "birth_year": state.child.cpr.birth_date.year if known else None,
        "opened_at": state.opened_at,
        "measure": latest,
    }


def row_for(state: object) -> tuple[str, dict[str, Any]]:  # noqa: PLR0911 - one per model
    match state:
        case CaseState():
            return "cases", case_row(state)
        case OrderState():
            return "orders", {
                "order_id": state.order_id,
                "case_id": state.case_id,
                "decision_id": state.decision_id,
                "provider_id": state.provider_id,
                "measure": state.measure.value,
                "status": state.status.value,
                "version": state.version,
            }
        case ContractState():
            return "contracts", {
                "contract_id": state.contract_id,
                "case_id": state.case_id,
                "order_id": state.order_id,
                "provider_id": state.provider_id,
                "version": state.version,
                "in_force": state.in_force,
                "terminated": state.ended,
            }
        case FollowUpState():
            return "followups", {
                "followup_id": state.followup_id,
                "contract_id": state.contract_id,
                "due_on": state.due_on,
                "has_report": state.report is not None,
                "outcome": state.outcome.value if state.outcome else None,
            }
        case ConcernState():
            return "concerns", {
                "concern_id": state.concern_id,
                "case_id": state.case_id,
                "contract_id": state.contract_id,
                "kind": state.kind.value,
                "urgency": state.urgency.value,
                "received_at": state.received_at,
                "acknowledged_by": state.acknowledged_by,
            }
        case ClaimState():
            return "claims", {
                "claim_id": state.claim_id,
                "contract_id": state.contract_id,
                "provider_id": state.provider_id,
                "status": state.status.value,
                "total_oere": state.claim.total_oere,
                "period_start": state.claim.period_start,
                "period_end": state.claim.period_end,
                "problems": check_claim(state.terms, state.claim),
                **settlement_columns(state),
            }
        case StandardContractState():
            return "standard_contracts", standard_row(state)
        case NotificationState():
            return "notifications", notification_row(state)
    raise TypeError(f"no read model for {type(state).__name__}")


def standard_row(state: StandardContractState) -> dict[str, Any]:
    specific = state.terms.specific
    return {
        "standard_contract_id": state.standard_contract_id,
        "provider_id": state.provider_id,
        "measure": state.terms.measure.value,
        "places": specific.places,
        "price_per_unit_oere": specific.price_per_unit_oere,
        "unit": specific.unit.value,
        "price_regulation": specific.price_regulation,
        "start": specific.start,
        "duration_months": specific.duration_months,
        "authority_signed": state.authority_signed,
        "provider_signed": state.provider_signed,
        "in_force": state.in_force,
    }


def notification_row(state: NotificationState) -> dict[str, Any]:
    child = state.child
    known = child is not None and child.name != "[erased]"
    assessment = state.assessment
    return {
        "notification_id": state.notification_id,
        "case_id": state.case_id,
        "received_at": state.received_at,
        "channel": state.channel.value,
        "reporter_kind": state.reporter.kind.value,
        "child_initials": "".join(f"{p[0]}." for p in child.name.split())[:20]
        if known and child is not None
        else "-",
        "assessed_at": assessment.at if assessment else None,
        "in_danger": assessment.in_danger if assessment else None,
        "acute_action_needed": assessment.acute_action_needed if assessment else None,
        "receipt_owed": state.receipt_owed,
        "receipt_sent_at": state.receipt_sent_at,
        "assessment_due_at": state.assessment_due_at or state.assessment_limit,
        "receipt_due_at": state.receipt_due_at,
    }
