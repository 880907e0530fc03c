"""An order as the provider sees it: the full state, the child sealed for that provider."""

from __future__ import annotations

import samspil_contracts as wire

from authority.app.case_wire import wire_goals
from authority.domain.case import CaseState
from authority.domain.order import OrderState


def order_fields(
    order: OrderState, case: CaseState, contact: wire.ContactPerson, child: wire.Sealed
) -> dict[str, object]:
    decision = case.decision(order.decision_id)
    legal_basis = (
        decision.legal_basis
        if decision
        else wire.legal_basis_for(wire.MeasureCode(order.measure.value))
    )
    terms = order.terms
    return {
        "order_id": order.order_id,
        "case_id": order.case_id,
        "provider_id": order.provider_id,
        "measure": wire.MeasureCode(order.measure.value),
        "legal_basis": legal_basis,
        "goals": wire_goals(terms.goals),
        "scope": wire.Scope.model_validate_json(terms.scope),
        "frequency": wire.Frequency.model_validate_json(terms.frequency),
        "start": terms.start,
        "expected_duration_months": terms.expected_duration_months,
        "authority_contact": contact,
        "child": child,
    }
