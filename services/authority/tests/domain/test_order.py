"""Orders: placed with full terms, changed while open, answered once, reordered after a no."""

from dataclasses import replace
from uuid import UUID

from authority.domain import MeasureCode
from authority.domain.errors import DomainError
from authority.domain.order import (
    ChangeOrder,
    DeclineReason,
    EndOrder,
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderEnded,
    OrderPlaced,
    OrderState,
    OrderStatus,
    OrderTerms,
    OrderWithdrawn,
    PlaceOrder,
    RecordOrderAccepted,
    RecordOrderDeclined,
    WithdrawalReason,
    WithdrawOrder,
    can_reorder,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, FINANCE, START, SYSTEM, TODAY, goals

order = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
TERMS = OrderTerms(
    goals=goals(),
    scope="4 hours a week",
    frequency="2 visits a week",
    start=START,
    expected_duration_months=6,
)
place = PlaceOrder(
    actor=CASEWORKER,
    at=AT,
    order_id=UUID(int=1),
    case_id=UUID(int=2),
    provider_id=UUID(int=3),
    decision_id=UUID(int=4),
    measure=MeasureCode.SUPPORT_IN_HOME,
    terms=TERMS,
)
placed = OrderPlaced(
    actor=CASEWORKER,
    at=AT,
    order_id=place.order_id,
    case_id=place.case_id,
    provider_id=place.provider_id,
    decision_id=place.decision_id,
    measure=place.measure,
    terms=TERMS,
)
accepted = OrderAccepted(actor=SYSTEM, at=AT, provider_ref="P-17")
declined = OrderDeclined(actor=SYSTEM, at=AT, reason_code=DeclineReason.NO_CAPACITY, text=None)
change = ChangeOrder(
    actor=CASEWORKER, at=AT, reason="More hours", terms=replace(TERMS, scope="6 hours a week")
)


def test_an_order_is_placed_with_its_full_terms() -> None:
    state = order.given().when(place).then(placed)
    assert state == OrderState(
        order_id=place.order_id,
        case_id=place.case_id,
        provider_id=place.provider_id,
        decision_id=place.decision_id,
        measure=place.measure,
        terms=TERMS,
    )
    order.given(placed).when(place).then_refused("order_exists")


def test_an_order_needs_goals_scope_and_a_duration() -> None:
    given = order.given()
    given.when(replace(place, terms=replace(TERMS, goals=()))).then_refused("goal_required")
    given.when(replace(place, terms=replace(TERMS, scope=""))).then_refused("scope_required")
    no_duration = replace(TERMS, expected_duration_months=0)
    given.when(replace(place, terms=no_duration)).then_refused("invalid_duration")
    given.when(replace(place, actor=FINANCE)).then_refused("forbidden_role")


def test_a_change_makes_a_new_version_the_provider_answers_afresh() -> None:
    changed = OrderChanged(
        actor=CASEWORKER, at=AT, reason="More hours", version=2, terms=change.terms
    )
    state = order.given(placed, accepted).when(change).then(changed)
    assert isinstance(state, OrderState)
    assert state.version == 2
    assert state.status is OrderStatus.AWAITING_ANSWER
    order.given(placed).when(replace(change, reason=None)).then_refused("reason_required")


def test_a_declined_or_withdrawn_order_cannot_be_changed() -> None:
    withdrawn = OrderWithdrawn(
        actor=CASEWORKER, at=AT, reason_code=WithdrawalReason.NEED_CEASED, text=None
    )
    order.given(placed, declined).when(change).then_refused("order_not_changeable")
    order.given(placed, withdrawn).when(change).then_refused("order_not_changeable")


def test_the_provider_answers_once_and_only_the_current_version() -> None:
    accept = RecordOrderAccepted(actor=SYSTEM, at=AT, provider_ref="P-17")
    order.given(placed).when(accept).then(accepted)
    order.given(placed, accepted).when(accept).then_refused("order_not_awaiting_answer")
    changed = OrderChanged(actor=CASEWORKER, at=AT, version=2, terms=change.terms)
    order.given(placed, changed).when(replace(accept, version=1)).then_refused(
        "stale_order_version"
    )


def test_a_decline_for_other_reasons_must_say_why() -> None:
    decline = RecordOrderDeclined(actor=SYSTEM, at=AT, reason_code=DeclineReason.OTHER)
    order.given(placed).when(decline).then_refused("text_required")
    order.given(placed).when(replace(decline, text="Staff on leave")).then(
        OrderDeclined(actor=SYSTEM, at=AT, reason_code=DeclineReason.OTHER, text="Staff on leave")
    )


def test_after_a_decline_the_case_may_order_elsewhere() -> None:
    assert not can_reorder(order.given(placed).state)
    assert not can_reorder(order.given(placed, accepted).state)
    assert can_reorder(order.given(placed, declined).state)


def test_a_withdrawal_closes_the_order() -> None:
    withdraw = WithdrawOrder(actor=CASEWORKER, at=AT, reason_code=WithdrawalReason.OTHER)
    order.given(placed).when(withdraw).then_refused("text_required")
    withdrawn = OrderWithdrawn(
        actor=CASEWORKER, at=AT, reason_code=WithdrawalReason.OTHER, text="Family moved abroad"
    )
    state = order.given(placed).when(replace(withdraw, text="Family moved abroad")).then(withdrawn)
    assert can_reorder(state)
    order.given(placed, withdrawn).when(withdraw).then_refused("order_closed")


def test_commands_on_a_missing_order_are_refused() -> None:
    order.given().when(change).then_refused("order_not_found")


def test_ending_the_measure_closes_an_accepted_order() -> None:
    end = EndOrder(actor=CASEWORKER, at=AT, reason="Goals reached", ended_on=TODAY)
    ended = OrderEnded(actor=CASEWORKER, at=AT, reason="Goals reached", ended_on=TODAY)
    state = order.given(placed, accepted).when(end).then(ended)
    assert isinstance(state, OrderState)
    assert state.status is OrderStatus.ENDED
    order.given(placed, accepted, ended).when(end).then_refused("order_not_running")
    order.given(placed).when(end).then_refused("order_not_running")
    order.given(placed, accepted).when(replace(end, reason=None)).then_refused("reason_required")
    order.given(placed, accepted, ended).when(change).then_refused("order_not_changeable")
