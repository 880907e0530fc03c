"""The decision form: a proposal under barnets lov § 32 (purpose, expected duration, the
custody holders' consent and, in parallel with the investigation, why)."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from starlette.datastructures import FormData

from authority.domain import MeasureCode
from authority.domain.case import Consent, ProposeDecision, Recipient
from authority.domain.vocabulary import legal_basis
from authority.entrypoints.web.forms import LONG_TEXT, FieldMissing, number, text

CONSENTERS = {r.value for r in Recipient} - {Recipient.CHILD.value}  # custody holders


def propose(form: FormData, stamp: dict[str, object], _: object) -> ProposeDecision:
    measure = MeasureCode(text(form, "measure"))
    return ProposeDecision(
        **stamp,  # type: ignore[arg-type]
        decision_id=uuid4(),
        measure=measure,
        legal_basis=legal_basis(measure),
        assessment=text(form, "assessment", limit=LONG_TEXT),
        purpose=text(form, "purpose"),
        expected_duration_months=number(form, "expected_duration_months"),
        consent=consent(form),
        parallel_justification=text(form, "parallel_justification", required=False) or None,
        plan_made=plan_made(form),
    )


def plan_made(form: FormData) -> bool | None:
    """The caseworker's yes or no to the child's plan (barnets lov § 91); None if unanswered."""
    answer = form.get("plan_made")
    return {"yes": True, "no": False}.get(answer) if isinstance(answer, str) else None


def participants(form: FormData) -> frozenset[Recipient]:
    """Who made the plan's goals with the municipality (barnets lov § 92)."""
    known = {r.value for r in Recipient}
    return frozenset(Recipient(r) for r in form.getlist("participants") if r in known)


def consent(form: FormData) -> Consent | None:
    """The custody holders ticked as consenting (§ 32, stk. 2), on the date given."""
    given_by = frozenset(Recipient(r) for r in form.getlist("consent_by") if r in CONSENTERS)
    on = text(form, "consent_on", required=False)
    if not given_by or not on:
        return None
    try:
        return Consent(given_by, date.fromisoformat(on))
    except ValueError as exc:
        raise FieldMissing("consent_on") from exc
