"""Upcasters lift an old payload one schema version up, so consumers see only current models.

Each takes the JSON object of version N of a type and returns version N+1. They work on
plain dicts because the old model no longer exists as a class.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from samspil_contracts.common import MeasureCode, legal_basis_for
from samspil_contracts.errors import UndecodableEvent

Payload = dict[str, Any]
Upcaster = Callable[[Payload], Payload]

# Free-text measure names seen in v1 orders, lower-case, most specific first.
_MEASURE_WORDS: tuple[tuple[str, MeasureCode], ...] = (
    ("døgnophold", MeasureCode.FAMILY_RESIDENTIAL_STAY),
    ("familiebehandling", MeasureCode.FAMILY_TREATMENT),
    ("family treatment", MeasureCode.FAMILY_TREATMENT),
    ("aflastning", MeasureCode.RESPITE_CARE),
    ("respite", MeasureCode.RESPITE_CARE),
    ("kontaktperson", MeasureCode.CONTACT_PERSON),
    ("contact person", MeasureCode.CONTACT_PERSON),
    ("støtte i hjemmet", MeasureCode.SUPPORT_IN_HOME),
    ("support in the home", MeasureCode.SUPPORT_IN_HOME),
    ("anbringelse", MeasureCode.PLACEMENT),
    ("placement", MeasureCode.PLACEMENT),
)
_SECTION = re.compile(r"52\s*,?\s*stk\.?\s*3\s*,?\s*nr\.?\s*(\d{1,2})")


def measure_from_text(text: str) -> MeasureCode:
    """The measure a v1 free-text measure names (v1 producers cited the repealed Act's
    § 52 stk. 3 numbers, which the stored codes keep).

    A measure is a legal decision; guessing would be wrong, so text that names none
    is undecodable and goes to the dead letters for a person to look at.
    """
    lowered = text.lower()
    section = _SECTION.search(lowered)
    if section is not None:
        by_number = {code.number: code for code in MeasureCode}
        if int(section.group(1)) in by_number:
            return by_number[int(section.group(1))]
    for words, code in _MEASURE_WORDS:
        if words in lowered:
            return code
    raise UndecodableEvent("dk.samspil.order.placed v1: measure text names no § 52 measure")


def order_placed_v1_to_v2(v1: Payload) -> Payload:
    """v1 had ``measure`` as free text and no ``legal_basis``."""
    text = v1.get("measure")
    if not isinstance(text, str):
        raise UndecodableEvent("dk.samspil.order.placed v1: measure is not text")
    code = measure_from_text(text)
    return {**v1, "measure": code.value, "legal_basis": legal_basis_for(code)}


def without_answer_deadline(old: Payload) -> Payload:
    """OrderPlaced v2 and OrderChanged v1 carried the authority's own ``answer_deadline``
    (placed + 14 calendar days); the one deadline is now the scheduler's
    (``DeadlineScheduled`` of kind ``order_answer_due``), so the field is dropped."""
    return {k: v for k, v in old.items() if k != "answer_deadline"}


def investigation_started_v1_to_v2(v1: Payload) -> Payload:
    """v1 had no ``aware_on``: the limit counted from the start, as it then did."""
    return {**v1, "aware_on": v1.get("started_on")}


def decision_approved_v1_to_v2(v1: Payload) -> Payload:
    """v1 had no plan choice: every decision then called for a plan (barnets plan, § 91)."""
    return {**v1, "plan_made": True, "plan_kind": "barnets_plan"}


def delivery_stopped_v1_to_v2(v1: Payload) -> Payload:
    """v1 had only a free-text ``reason``: it is kept, coded as ``other``."""
    return {**v1, "reason_code": "other"}


def same_shape(v1: Payload) -> Payload:
    """The new version only widened an enumeration or added an optional field: an old
    payload is valid as it is."""
    return v1


def only_optional_added(v1: Payload) -> Payload:
    """The new version only added optional fields: an old payload is valid as it is."""
    return v1


def contract_terminated_v1_to_v2(v1: Payload) -> Payload:
    """v1 was termination at once on ``effective_on`` with a free-text reason: kept as
    notice without a period (given and last day the same), coded ``other``."""
    on = v1.get("effective_on")
    rest = {k: v for k, v in v1.items() if k not in ("initiated_by", "effective_on")}
    return {
        **rest,
        "given_by": v1.get("initiated_by"),
        "reason_code": "other",
        "notice_given_on": on,
        "last_day": on,
    }


# (type, from_version) -> upcaster to from_version + 1
UPCASTERS: Mapping[tuple[str, int], Upcaster] = {
    ("dk.samspil.order.placed", 1): order_placed_v1_to_v2,
    ("dk.samspil.order.placed", 2): without_answer_deadline,
    ("dk.samspil.order.changed", 1): without_answer_deadline,
    ("dk.samspil.case.investigation_started", 1): investigation_started_v1_to_v2,
    ("dk.samspil.deadline.reached", 1): same_shape,
    ("dk.samspil.deadline.scheduled", 1): only_optional_added,
    # v3 (v2 for closed): the kinds contract_ends, change_request_answer_due and the family
    # coordinator's (an enumeration widened)
    ("dk.samspil.deadline.reached", 2): same_shape,
    ("dk.samspil.deadline.scheduled", 2): same_shape,
    ("dk.samspil.deadline.closed", 1): same_shape,
    ("dk.samspil.case.decision_approved", 1): decision_approved_v1_to_v2,
    ("dk.samspil.case.decision_approved", 2): same_shape,  # v3 added the family coordinator
    ("dk.samspil.delivery.stopped", 1): delivery_stopped_v1_to_v2,
    ("dk.samspil.order.accepted", 1): same_shape,  # v2 added an optional order_version
    ("dk.samspil.order.declined", 1): same_shape,
    # v2 added the terms (optional: a v1 offer is read as one whose terms never travelled)
    ("dk.samspil.contract.offered", 1): only_optional_added,
    # v2 added the optional followup_ref (a v1 report names no follow-up)
    ("dk.samspil.delivery.status_report_submitted", 1): only_optional_added,
    ("dk.samspil.contract.terminated", 1): contract_terminated_v1_to_v2,
    # v2 of claims: a line's kind (default service), finance's outcome per line and a coded
    # rejection (default other) - all optional, a v1 payload is valid as it is
    ("dk.samspil.claim.submitted", 1): only_optional_added,
    ("dk.samspil.claim.approved", 1): only_optional_added,
    ("dk.samspil.claim.rejected", 1): only_optional_added,
}
