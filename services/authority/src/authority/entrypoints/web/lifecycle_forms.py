"""The forms of a measure's later life, from the case page: amend a contract (a new version
both sign), change or withdraw an order, the case's follow-up arrangement (barnets lov § 95),
hand the case to another caseworker, record that the parties were told of a decision, and
give notice of a contract (opsigelse).

Like ``delivery_forms`` they build the JSON API's request models and reuse its mapping to
commands and the app layer's use cases; nothing here calls an HTTP API.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.datastructures import FormData

from authority.app.services import Services
from authority.domain import Role
from authority.domain.case import AssignCaseworker, Recipient, RecordDecisionCommunicated
from authority.domain.contract import TerminationReason
from authority.domain.order import WithdrawalReason, WithdrawOrder
from authority.entrypoints.http.orders import (
    AmendTermsIn,
    OrderChangeIn,
    amended_terms,
    order_terms,
)
from authority.entrypoints.web.forms import FieldInvalid, actor, day, number, text
from authority.entrypoints.web.session import User


def _amount(f: FormData) -> dict[str, Any]:
    """Scope and frequency, when the form gives them (an amendment may leave them be)."""
    if not text(f, "hours", required=False) and not text(f, "times", required=False):
        return {}
    return {
        "scope": {"hours": number(f, "hours", 1, 744), "per": text(f, "hours_per")},
        "frequency": {"times": number(f, "times", 1, 100), "per": text(f, "times_per")},
    }


def _price(f: FormData) -> dict[str, Any]:
    raw = text(f, "price_kr", required=False).replace(",", ".")
    if not raw:
        return {}
    try:
        kroner = float(raw)
    except ValueError as exc:
        raise FieldInvalid("price_kr") from exc
    return {"price_per_unit_oere": round(kroner * 100), "unit": text(f, "unit")}


async def amend(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    """Only what the caseworker filled in changes; the rest stays as in the version in force."""
    a = actor(user, f)
    contract_id = UUID(p["item_id"])
    named: dict[str, Any] = _amount(f) | _price(f)
    if text(f, "duration_months", required=False):
        named["duration_months"] = number(f, "duration_months", 1, 240)
    if extra := text(f, "special_economic_agreements", required=False):
        named["special_economic_agreements"] = extra
    state, _ = await s.contracts.state(contract_id)
    terms = amended_terms(AmendTermsIn(**named), state.terms_in_force or state.terms)
    await s.contracts.amend(contract_id, terms, a)


async def terminate(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    """Notice (opsigelse): in force through the last day; 0 days only for a breach."""
    a = actor(user, f)
    reason = TerminationReason(text(f, "reason_code"))
    days = number(f, "notice_days", 0, 365)
    why = text(f, "termination_text", required=False) or None
    await s.notice.give(UUID(p["item_id"]), reason, days, why, a)


async def change_order(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    order_id = UUID(p["item_id"])
    body = OrderChangeIn(
        **_amount(f),
        start=day(f, "start"),
        expected_duration_months=number(f, "months", 1, 240),
    )
    state = await s.orders.state(order_id)
    await s.orders.change(order_id, order_terms(body, state.terms.goals), a)


async def withdraw_order(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    command = WithdrawOrder(
        **a.stamp(),
        reason_code=WithdrawalReason(text(f, "reason_code")),
        text=text(f, "withdraw_text", required=False) or None,
    )
    await s.orders.withdraw(UUID(p["item_id"]), command, a)


async def cadence(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    """Months between follow-ups; the app refuses outside the bound the scheduler honours."""
    a = actor(user, f)
    months, why = number(f, "months"), text(f, "justification")
    await s.cases.set_cadence(UUID(p["case_id"]), UUID(text(f, "contract_id")), months, why, a)


async def reassign(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f, Role.TEAM_LEADER)
    command = AssignCaseworker(**a.stamp(), caseworker_id=text(f, "caseworker_id", limit=200))
    await s.cases.execute(UUID(p["case_id"]), command, a)


async def communicated(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    """The parties ticked were told of the decision (barnets lov § 3: child and custody)."""
    a = actor(user, f)
    told = frozenset(Recipient(r) for r in f.getlist("recipients") if r in set(Recipient))
    command = RecordDecisionCommunicated(
        **a.stamp(), decision_id=UUID(p["item_id"]), recipients=told
    )
    await s.cases.execute(UUID(p["case_id"]), command, a)


ROUTES = {
    "contracts/{item_id}/amend": ("contracts", amend),
    "contracts/{item_id}/terminate": ("contracts", terminate),
    "orders/{item_id}/change": ("orders", change_order),
    "orders/{item_id}/withdraw": ("orders", withdraw_order),
    "follow-up-cadence": ("followups", cadence),
    "caseworker": ("people", reassign),
    "decisions/{item_id}/communicated": ("decision", communicated),
}
