"""Deciding on a measure (afgørelse): proposal, the team leader's four-eyes approval, notice."""

from uuid import UUID

from authority.domain.audit import Role, require_role, stamp
from authority.domain.case import plan, section32
from authority.domain.case.commands import (
    ApproveDecision,
    ProposeDecision,
    RecordDecisionCommunicated,
    RejectDecision,
)
from authority.domain.case.events import (
    CaseEvent,
    DecisionApproved,
    DecisionCommunicated,
    DecisionProposed,
    DecisionRejected,
)
from authority.domain.case.parties import child_is_party
from authority.domain.case.state import CaseState, Decision, DecisionStatus
from authority.domain.errors import DomainError, require, require_text


def propose(command: ProposeDecision, state: CaseState) -> list[CaseEvent]:
    # Barnets lov § 32: purpose, duration, consent, and what the decision rests on.
    checked = section32.terms(command, state)
    plan_made, plan_kind = plan.choice(command, state)
    require(
        state.decision(command.decision_id) is None,
        "decision_exists",
        "a decision with this id already exists on the case",
    )
    return [
        DecisionProposed(
            **stamp(command),
            decision_id=command.decision_id,
            measure=command.measure,
            legal_basis=require_text(command.legal_basis, "legal_basis"),
            assessment=require_text(command.assessment, "assessment"),
            purpose=checked.purpose,
            expected_duration_months=checked.expected_duration_months,
            consent=checked.consent,
            basis=checked.basis,
            parallel_justification=checked.parallel_justification,
            plan_made=plan_made,
            plan_kind=plan_kind,
        )
    ]


def approve(command: ApproveDecision, state: CaseState) -> list[CaseEvent]:
    require_role(command, Role.TEAM_LEADER)
    decision = _pending(state, command.decision_id)
    require(
        decision.proposed_by != command.actor.user_id,
        "four_eyes_required",
        "a decision must be approved by someone other than its proposer",
    )
    return [DecisionApproved(**stamp(command), decision_id=command.decision_id)]


def reject(command: RejectDecision, state: CaseState) -> list[CaseEvent]:
    require_role(command, Role.TEAM_LEADER)
    _pending(state, command.decision_id)
    require_text(command.reason, "reason")
    return [DecisionRejected(**stamp(command), decision_id=command.decision_id)]


def communicate(command: RecordDecisionCommunicated, state: CaseState) -> list[CaseEvent]:
    decision = _existing(state, command.decision_id)
    require(
        decision.status is DecisionStatus.APPROVED,
        "decision_not_approved",
        "only an approved decision can be communicated",
    )
    # § 3: the child from 10 years (on the day of notice) is a party beside the custody holders.
    child_party = child_is_party(state.child, command.at.date())
    missing = state.custody.required_recipients(child_party) - command.recipients
    require(
        not missing,
        "recipients_incomplete",
        f"the decision must reach the child and the custody holders; missing: "
        f"{', '.join(sorted(missing))}",
    )
    return [
        DecisionCommunicated(
            **stamp(command), decision_id=command.decision_id, recipients=command.recipients
        )
    ]


def _existing(state: CaseState, decision_id: UUID) -> Decision:
    decision = state.decision(decision_id)
    if decision is None:
        raise DomainError("decision_not_found", "no decision with this id on the case")
    return decision


def _pending(state: CaseState, decision_id: UUID) -> Decision:
    decision = _existing(state, decision_id)
    require(
        decision.status is DecisionStatus.PROPOSED,
        "decision_not_pending",
        f"the decision is already {decision.status.value}",
    )
    return decision
