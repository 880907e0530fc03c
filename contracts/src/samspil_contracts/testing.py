"""Valid example events, one per type, for tests here and in the services.

Every value is invented; the sealed boxes hold random bytes, not personal data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar
from uuid import UUID

from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import (
    ContactPerson,
    Frequency,
    Goal,
    GoalArea,
    MeasureCode,
    Period,
    Price,
    PriceUnit,
    Scope,
    legal_basis_for,
)
from samspil_contracts.registry import EVENT_TYPES
from samspil_contracts.sealed import Sealed

E = TypeVar("E", bound=IntegrationEvent)

CASE_ID = UUID("00000000-0000-4000-8000-00000000ca5e")
ORDER_ID = UUID("00000000-0000-4000-8000-0000000007de")
PROVIDER_ID = UUID("00000000-0000-4000-8000-00000000b0b0")
CONTRACT_ID = UUID("00000000-0000-4000-8000-00000000c0c0")
CLAIM_ID = UUID("00000000-0000-4000-8000-00000000c1a1")
NOTIFICATION_ID = UUID("00000000-0000-4000-8000-0000000000b1")
GOAL_ID = UUID("00000000-0000-4000-8000-00000000600a")
AT = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
TERMS = "ab" * 32

SEALED = Sealed(
    alg="A256GCM", kid="authority-2025-01", nonce="AAECAwQFBgcICQoL", ciphertext="c2VhbGVk"
)
GOAL = Goal(goal_id=GOAL_ID, area=GoalArea.SCHOOL, description="Attends school every day")
CONTACT = ContactPerson(name="Case Worker", email="cw@example.invalid")
_ORDER: dict[str, Any] = {
    "order_id": ORDER_ID,
    "case_id": CASE_ID,
    "provider_id": PROVIDER_ID,
    "measure": MeasureCode.SUPPORT_IN_HOME,
    "legal_basis": legal_basis_for(MeasureCode.SUPPORT_IN_HOME),
    "goals": (GOAL,),
    "scope": Scope(hours=6, per=Period.WEEK),
    "frequency": Frequency(times=2, per=Period.WEEK),
    "start": date(2025, 4, 1),
    "expected_duration_months": 6,
    "authority_contact": CONTACT,
    "child": SEALED,
}
_IDS: dict[str, Any] = {
    "order_id": ORDER_ID,
    "case_id": CASE_ID,
    "provider_id": PROVIDER_ID,
    "contract_id": CONTRACT_ID,
    "claim_id": CLAIM_ID,
    "notification_id": NOTIFICATION_ID,
}


def _signature(party: str) -> dict[str, Any]:
    return {"party": party, "signed_by": "Signer", "signed_at": AT}


_LINE = {"description": "Hours", "quantity": 4, "unit": "hour", "unit_price_ore": 50_000}
_PRICE = Price(amount_ore=50_000, per=PriceUnit.HOUR)
# Fields beyond the common ids, per type name.
_EXTRA: dict[str, dict[str, Any]] = {
    "dk.samspil.order.placed": _ORDER,
    "dk.samspil.order.changed": {**_ORDER, "change_reason": "More hours"},
    "dk.samspil.order.withdrawn": {"reason": "Family moved"},
    "dk.samspil.order.accepted": {"provider_contact": CONTACT, "expected_start": date(2025, 4, 1)},
    "dk.samspil.order.declined": {"reason": "no_capacity"},
    "dk.samspil.contract.offered": {
        "version": 1,
        "kind": "individual",
        "measure": MeasureCode.SUPPORT_IN_HOME,
        "standard_contract_id": UUID(int=7),
        "title": "Individual contract",
        "terms_sha256": TERMS,
        "price": _PRICE,
        "payment_terms_days": 30,
        "start": date(2025, 4, 1),
        "authority_signature": _signature("authority"),
    },
    "dk.samspil.contract.countersigned": {
        "version": 1,
        "terms_sha256": TERMS,
        "provider_signature": _signature("provider"),
    },
    "dk.samspil.contract.in_force": {"version": 1, "start": date(2025, 4, 1)},
    "dk.samspil.contract.document_shared": {
        "document_id": UUID(int=12),
        "media_type": "application/pdf",
        "size": 2048,
        "sha256": TERMS,
        "filename": SEALED,
        "content": SEALED,
        "shared_at": AT,
    },
    "dk.samspil.contract.terminated": {
        "given_by": "authority",
        "reason_code": "goals_met",
        "reason": "Measure ended",
        "notice_given_on": date(2025, 9, 1),
        "last_day": date(2025, 9, 30),
    },
    "dk.samspil.contract.provider_gave_notice": {
        "reason_code": "provider_cannot_deliver",
        "notice_given_on": date(2025, 9, 1),
        "last_day": date(2025, 10, 1),
    },
    "dk.samspil.contract.change_requested": {
        "request_id": UUID(int=13),
        "kind": "extend",
        "version_in_force": 1,
        "new_end": date(2026, 4, 1),
        "reason": SEALED,
    },
    "dk.samspil.contract.change_request_granted": {
        "request_id": UUID(int=13),
        "kind": "extend",
        "amended_version": 2,
    },
    "dk.samspil.contract.change_request_refused": {
        "request_id": UUID(int=13),
        "kind": "extend",
        "reason_code": "goals_not_supported",
        "text": "The goals are reached; no extension",
    },
    "dk.samspil.case.caseworker_assigned": {"caseworker_id": "cw-0017", "municipality": "101"},
    "dk.samspil.case.investigation_started": {
        "investigation_id": UUID(int=1),
        "started_on": date(2025, 1, 6),
        "aware_on": date(2024, 12, 20),
    },
    "dk.samspil.case.investigation_concluded": {
        "investigation_id": UUID(int=1),
        "concluded_on": date(2025, 2, 6),
    },
    "dk.samspil.case.decision_approved": {
        "decision_id": UUID(int=2),
        "measure": MeasureCode.SUPPORT_IN_HOME,
        "legal_basis": legal_basis_for(MeasureCode.SUPPORT_IN_HOME),
        "decided_on": date(2025, 2, 20),
        "plan_made": True,
        "plan_kind": "barnets_plan",
    },
    "dk.samspil.case.action_plan_adopted": {
        "action_plan_id": UUID(int=3),
        "version": 1,
        "goals": (GOAL,),
        "adopted_on": date(2025, 2, 21),
    },
    "dk.samspil.case.follow_up_cadence_set": {
        "interval_months": 4,
        "justification": "Young child: closer follow-up agreed",
    },
    "dk.samspil.case.follow_up_held": {
        "follow_up_id": UUID(int=4),
        "held_on": date(2025, 7, 1),
        "outcome": "continue",
    },
    "dk.samspil.case.coordination_meeting_held": {
        "decision_id": UUID(int=3),
        "meeting": "start",
        "held_on": date(2025, 5, 20),
    },
    "dk.samspil.case.family_contact_recorded": {
        "decision_id": UUID(int=3),
        "contacted_on": date(2025, 5, 27),
    },
    "dk.samspil.case.coordination_ended": {
        "decision_id": UUID(int=3),
        "ended_on": date(2025, 9, 30),
    },
    "dk.samspil.case.measure_ended": {"ended_on": date(2025, 9, 30), "reason": "decision"},
    "dk.samspil.case.concern_acknowledged": {
        "concern_id": UUID(int=5),
        "acknowledged_on": date(2025, 5, 2),
    },
    "dk.samspil.claim.submitted": {
        "period_start": date(2025, 4, 1),
        "period_end": date(2025, 4, 30),
        "lines": ({**_LINE, "amount_ore": 200_000},),
        "total_ore": 200_000,
    },
    "dk.samspil.contract.expired": {"expired_on": date(2025, 9, 30)},
    "dk.samspil.claim.received": {
        "contract_version": 1,
        "received_on": date(2025, 5, 2),
        "payment_due_on": date(2025, 6, 1),
    },
    "dk.samspil.claim.approved": {
        "approved_total_ore": 200_000,
        "payment_due_on": date(2025, 5, 30),
        "lines": ({"line": 1, "approved": True, "amount_ore": 200_000},),
    },
    "dk.samspil.claim.rejected": {
        "reason": "Period not covered by the contract",
        "reason_code": "outside_contract_period",
        "lines": (
            {
                "line": 1,
                "approved": False,
                "reason_code": "outside_contract_period",
                "amount_ore": 200_000,
            },
        ),
    },
    "dk.samspil.claim.paid": {"paid_on": date(2025, 5, 28), "paid_total_ore": 150_000},
    "dk.samspil.delivery.started": {"started_on": date(2025, 4, 1)},
    "dk.samspil.delivery.stopped": {
        "stopped_on": date(2025, 9, 30),
        "reason_code": "goals_reached",
        "reason": "Contract ended",
    },
    "dk.samspil.delivery.status_report_submitted": {
        "report_id": UUID(int=6),
        "period_start": date(2025, 4, 1),
        "period_end": date(2025, 6, 15),
        "progress": ({"goal_id": GOAL_ID, "area": "school", "progress": "some_progress"},),
        "narrative": SEALED,
    },
    "dk.samspil.delivery.concern_notified": {
        "concern_id": UUID(int=5),
        "noticed_at": AT,
        "severity": "urgent",
        "details": SEALED,
    },
    "dk.samspil.claim.credited": {
        "credit_note_id": UUID(int=10),
        "amount_ore": 50_000,
        "reason": "One session was cancelled",
    },
    "dk.samspil.delivery.force_incident_reported": {
        "incident_id": UUID(int=8),
        "happened_at": AT,
        "kind": "holding_back",
        "details": SEALED,
    },
    "dk.samspil.provider.material_published": {
        "version": 1,
        "name": "Example Family Support",
        "kind": "private",
        "offers": ({"measure": MeasureCode.SUPPORT_IN_HOME, "price": _PRICE},),
        "method": "Systemic family work",
        "parents_and_network": "Parents take part in every plan",
    },
    "dk.samspil.personal.child_key_granted": {"child_id": UUID(int=10), "wrapped_key": SEALED},
    "dk.samspil.personal.child_data_erased": {"child_id": UUID(int=10)},
    "dk.samspil.deadline.reached": {
        "deadline_id": UUID(int=9),
        "kind": "follow_up_due",
        "phase": "warning",
        "subject": str(CASE_ID),
        "due_at": AT,
        "fired_at": AT,
    },
    "dk.samspil.deadline.scheduled": {
        "deadline_id": UUID(int=11),
        "kind": "notification_assessment_due",
        "subject": str(NOTIFICATION_ID),
        "due_at": AT,
        "warn_at": AT,
    },
    "dk.samspil.deadline.closed": {
        "deadline_id": UUID(int=11),
        "kind": "follow_up_due",
        "subject": str(CASE_ID),
        "outcome": "met",
        "reason": "follow_up_held",
        "closed_at": AT,
    },
    "dk.samspil.notification.received": {"received_at": AT, "receipt_owed": True},
    "dk.samspil.notification.assessed": {"assessed_at": AT},
    "dk.samspil.notification.receipt_sent": {"sent_at": AT},
}


def example_event(cls: type[E]) -> E:
    """A valid instance of ``cls`` with invented values."""
    fields = {k: v for k, v in _IDS.items() if k in cls.model_fields}
    return cls.model_validate({**fields, **_EXTRA[cls.type_name]})


def all_examples() -> list[IntegrationEvent]:
    return [example_event(cls) for cls in EVENT_TYPES]
