"""The order inbox: versioned snapshots, and the coordinator's answer while the order is open."""

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from provider.domain import Actor, Frequency, Goal, GoalArea, Per, Role, Scope
from provider.domain.common import DomainError
from provider.domain.order import (
    AcceptOrder,
    DeclineOrder,
    DeclineReason,
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderEvent,
    OrderReceived,
    OrderSnapshot,
    OrderStatus,
    OrderWithdrawn,
    ReceiveOrder,
    ReceiveOrderWithdrawn,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
ORDER_ID = uuid4()
AT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
SYSTEM = Actor("authority-orders", Role.SYSTEM)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)
STAFF = Actor("staff-1", Role.STAFF)

SNAPSHOT = OrderSnapshot(
    measure_code="sel_52_3_2",
    case_ref="SAG-2025-0042",
    goals=(Goal(uuid4(), GoalArea.SCHOOL, "Attends school every day."),),
    scope=Scope(4, Per.WEEK),
    frequency=Frequency(2, Per.WEEK),
    start=date(2025, 4, 1),
    expected_duration_months=6,
)
CHANGED = replace(SNAPSHOT, scope=Scope(6, Per.WEEK))


def receive(version: int, snapshot: OrderSnapshot = SNAPSHOT) -> ReceiveOrder:
    return ReceiveOrder(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        order_id=ORDER_ID,
        order_version=version,
        snapshot=snapshot,
    )


def received(version: int, snapshot: OrderSnapshot = SNAPSHOT) -> OrderReceived:
    return OrderReceived(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        order_id=ORDER_ID,
        order_version=version,
        snapshot=snapshot,
    )


def withdraw() -> ReceiveOrderWithdrawn:
    return ReceiveOrderWithdrawn(
        actor=SYSTEM, tenant_id=TENANT, at=AT, order_id=ORDER_ID, reason="The family moved."
    )


def withdrawn(previous: OrderStatus | None) -> OrderWithdrawn:
    return OrderWithdrawn(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        order_id=ORDER_ID,
        reason="The family moved.",
        previous_status=previous,
    )


ACCEPT = AcceptOrder(actor=COORDINATOR, tenant_id=TENANT, at=AT, order_id=ORDER_ID, note="Ok")
ACCEPTED = OrderAccepted(
    actor=COORDINATOR, tenant_id=TENANT, at=AT, order_id=ORDER_ID, order_version=1, note="Ok"
)
ANSWER = '{"contact":{"email":"c@x.invalid","name":"C"},"expected_start":"2025-04-01"}'
ACCEPT_WITH_ANSWER = replace(ACCEPT, answer=ANSWER)
ACCEPTED_WITH_ANSWER = replace(ACCEPTED, answer=ANSWER)


def decline(reason: DeclineReason, text: str | None = None) -> DeclineOrder:
    return DeclineOrder(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, order_id=ORDER_ID, reason=reason, text=text
    )


def declined(reason: DeclineReason, text: str | None = None) -> OrderDeclined:
    return OrderDeclined(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        order_id=ORDER_ID,
        order_version=1,
        reason=reason,
        text=text,
    )


class TestReceiving:
    def test_a_new_order_is_received(self) -> None:
        state = given().when(receive(1)).then(received(1))
        assert state is not None
        assert state.status is OrderStatus.RECEIVED

    def test_the_same_version_again_changes_nothing(self) -> None:
        given(received(1)).when(receive(1)).then()

    def test_a_newer_version_replaces_the_snapshot(self) -> None:
        changed = OrderChanged(
            actor=SYSTEM,
            tenant_id=TENANT,
            at=AT,
            order_id=ORDER_ID,
            order_version=2,
            snapshot=CHANGED,
        )
        state = given(received(1)).when(receive(2, CHANGED)).then(changed)
        assert state is not None
        assert (state.version, state.snapshot) == (2, CHANGED)

    def test_a_newer_version_of_an_accepted_order_awaits_a_new_answer(self) -> None:
        changed = OrderChanged(
            actor=SYSTEM,
            tenant_id=TENANT,
            at=AT,
            order_id=ORDER_ID,
            order_version=3,
            snapshot=CHANGED,
        )
        state = given(received(1), ACCEPTED).when(receive(3, CHANGED)).then(changed)
        assert state is not None
        assert (state.version, state.status) == (3, OrderStatus.RECEIVED)

    def test_an_older_version_arriving_late_is_ignored(self) -> None:
        given(received(2, CHANGED)).when(receive(1)).then()

    def test_a_withdrawal_before_the_order_leaves_a_tombstone(self) -> None:
        state = given().when(withdraw()).then(withdrawn(None))
        assert state is not None
        assert state.status is OrderStatus.WITHDRAWN
        given(withdrawn(None)).when(receive(1)).then()

    def test_withdrawing_an_accepted_order_tells_a_place_was_held(self) -> None:
        history = (received(1), ACCEPTED)
        given(*history).when(withdraw()).then(withdrawn(OrderStatus.ACCEPTED))

    def test_an_order_of_another_tenant_is_not_found(self) -> None:
        command = replace(receive(2), tenant_id=OTHER_TENANT)
        given(received(1)).when(command).then_refused("not_found")


class TestAnswering:
    def test_a_coordinator_accepts_an_open_order(self) -> None:
        state = given(received(1)).when(ACCEPT).then(ACCEPTED)
        assert state is not None
        assert state.status is OrderStatus.ACCEPTED

    def test_a_coordinator_declines_for_lack_of_capacity(self) -> None:
        command = decline(DeclineReason.NO_CAPACITY)
        given(received(1)).when(command).then(declined(DeclineReason.NO_CAPACITY))

    def test_declining_for_another_reason_needs_a_text(self) -> None:
        history = given(received(1))
        history.when(decline(DeclineReason.OTHER)).then_refused("text_required")
        history.when(decline(DeclineReason.OTHER, " ")).then_refused("text_required")
        command = decline(DeclineReason.OTHER, "Staff on leave")
        history.when(command).then(declined(DeclineReason.OTHER, "Staff on leave"))

    @pytest.mark.parametrize("command", [ACCEPT, decline(DeclineReason.COMPETENCES)])
    def test_only_a_coordinator_answers(self, command: AcceptOrder | DeclineOrder) -> None:
        as_staff = replace(command, actor=STAFF)
        given(received(1)).when(as_staff).then_refused("forbidden")

    def test_a_withdrawn_order_is_not_answered(self) -> None:
        given(received(1), withdrawn(OrderStatus.RECEIVED)).when(ACCEPT).then_refused(
            "order_not_open"
        )

    @pytest.mark.parametrize(
        ("answered", "again"),
        [
            (ACCEPTED_WITH_ANSWER, replace(ACCEPT_WITH_ANSWER, answer='{"note":"Other"}')),
            (ACCEPTED_WITH_ANSWER, decline(DeclineReason.COMPETENCES)),
            (ACCEPTED, ACCEPT),  # recorded before the answer was kept: never the same
            (declined(DeclineReason.CONFLICT_OF_INTEREST), ACCEPT_WITH_ANSWER),
        ],
    )
    def test_a_different_second_answer_is_a_conflict(
        self, answered: OrderEvent, again: AcceptOrder | DeclineOrder
    ) -> None:
        given(received(1), answered).when(again).then_refused("order_already_answered")

    def test_the_same_acceptance_again_changes_nothing(self) -> None:
        # Given an order accepted; when the same answer comes again, then nothing happens
        given(received(1), ACCEPTED_WITH_ANSWER).when(ACCEPT_WITH_ANSWER).then()

    def test_the_same_decline_again_changes_nothing(self) -> None:
        # Given an order declined; when the same decline comes again, then nothing happens
        answered = declined(DeclineReason.OTHER, "Staff on leave")
        again = decline(DeclineReason.OTHER, "Staff on leave")
        given(received(1), answered).when(again).then()

    @pytest.mark.parametrize(
        "again",
        [decline(DeclineReason.NO_CAPACITY), decline(DeclineReason.OTHER, "Another reason")],
    )
    def test_a_decline_with_another_reason_is_a_conflict(self, again: DeclineOrder) -> None:
        answered = declined(DeclineReason.OTHER, "Staff on leave")
        given(received(1), answered).when(again).then_refused("order_already_answered")

    def test_after_a_change_the_same_acceptance_is_a_new_answer(self) -> None:
        changed = OrderChanged(
            actor=SYSTEM, tenant_id=TENANT, at=AT, order_id=ORDER_ID, order_version=2,
            snapshot=CHANGED,
        )  # fmt: skip
        accepted_v2 = replace(ACCEPTED_WITH_ANSWER, order_version=2)
        given(received(1), ACCEPTED_WITH_ANSWER, changed).when(ACCEPT_WITH_ANSWER).then(accepted_v2)

    def test_an_answer_to_another_tenants_order_is_not_found(self) -> None:
        command = replace(ACCEPT, tenant_id=OTHER_TENANT)
        given(received(1)).when(command).then_refused("not_found")

    def test_an_answer_to_an_unknown_order_is_not_found(self) -> None:
        given().when(ACCEPT).then_refused("not_found")
