"""An order's receipt and answer, and a claim's payment: scheduled once, settled once.

A redelivered scheduling signal is a no-op: an order is answered and a claim paid only once.
"""

from datetime import date

from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import (
    RescheduleOrderAnswer,
    ResolveOrderAnswer,
    ScheduleClaimPayment,
    ScheduleOrderAnswer,
)
from scheduler.domain.decisions import cancelled, ensure_open, existing, scheduled
from scheduler.domain.events import Event, SubjectClosed
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs
from scheduler.domain.planning import order_answer_date, order_receipt_date, payment_date
from scheduler.domain.rules import Rules

K = DeadlineKind


def schedule_order(cmd: ScheduleOrderAnswer, state: DeadlineSet, rules: Rules) -> list[Event]:
    ensure_open(state)
    if state.of_kind(K.ORDER_ANSWER_DUE):
        return []
    return _receipt_and_answer(cmd, state, to_local_date(cmd.placed_at), rules)


def reschedule_order(cmd: RescheduleOrderAnswer, state: DeadlineSet, rules: Rules) -> list[Event]:
    """A changed order is a new version to receive and answer: the previous version's
    deadlines are cancelled (also when already met) and new ones counted from the change,
    under new ids, so every party sees the one new answer deadline."""
    ensure_open(state)
    previous = state.open(K.ORDER_ANSWER_DUE, K.ORDER_RECEIPT_DUE)
    changed_on = to_local_date(cmd.changed_at)
    return [
        *cancelled(previous, "order changed", cmd.at),
        *_receipt_and_answer(cmd, state, changed_on, rules),
    ]


def _receipt_and_answer(
    cmd: ScheduleOrderAnswer | RescheduleOrderAnswer,
    state: DeadlineSet,
    anchor: date,
    rules: Rules,
) -> list[Event]:
    refs = Refs(case_id=cmd.case_id, order_id=cmd.order_id, provider_id=cmd.provider_id)
    dues = (
        (K.ORDER_RECEIPT_DUE, order_receipt_date(anchor, rules)),
        (K.ORDER_ANSWER_DUE, order_answer_date(anchor, rules)),
    )
    return [
        scheduled(
            cmd.subject,
            kind,
            sequence=state.next_sequence(kind),
            refs=refs,
            anchor=anchor,
            due_date=due,
            rules=rules,
            at=cmd.at,
        )
        for kind, due in dues
    ]


def resolve_order(cmd: ResolveOrderAnswer, state: DeadlineSet) -> list[Event]:
    if state.is_new:
        # The answer overtook the order (they travel on different topics): close the subject
        # so the order, when it arrives, schedules no deadline for an answered order.
        return [SubjectClosed(subject=cmd.subject, reason="answered before scheduled", at=cmd.at)]
    deadlines = existing(state, cmd.subject).open(K.ORDER_ANSWER_DUE, K.ORDER_RECEIPT_DUE)
    return list(cancelled(deadlines, "answer_received", cmd.at))


def schedule_payment(cmd: ScheduleClaimPayment, state: DeadlineSet, rules: Rules) -> list[Event]:
    ensure_open(state)
    if state.of_kind(K.PAYMENT_DUE):
        return []
    due = payment_date(cmd.submitted_on, rules, cmd.due_on)
    refs = Refs(case_id=cmd.case_id, claim_id=cmd.claim_id, provider_id=cmd.provider_id)
    return [
        scheduled(
            cmd.subject,
            K.PAYMENT_DUE,
            sequence=1,
            refs=refs,
            anchor=cmd.submitted_on,
            due_date=due,
            rules=rules,
            at=cmd.at,
        )
    ]
