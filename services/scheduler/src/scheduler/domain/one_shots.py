"""Orders, cases and claims: deadlines scheduled once from a date and resolved by a fact.

Scheduling again while a deadline of that kind is pending (a redelivered signal) is a no-op.
A case may get a new investigation or action plan once the earlier one is settled, so those
are numbered; an order and a claim are answered and paid only once.
"""

from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import (
    Cancel,
    ConcludeInvestigation,
    Resolve,
    ResolveOrderAnswer,
    ScheduleActionPlan,
    ScheduleClaimPayment,
    ScheduleInvestigation,
    ScheduleOrderAnswer,
)
from scheduler.domain.decisions import cancelled, ensure_open, existing, scheduled
from scheduler.domain.errors import DomainError
from scheduler.domain.events import Event, SubjectClosed
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs
from scheduler.domain.planning import (
    action_plan_date,
    investigation_limit_date,
    order_answer_date,
    order_receipt_date,
    payment_date,
)
from scheduler.domain.rules import Rules

K = DeadlineKind


def schedule_order(
    cmd: ScheduleOrderAnswer, state: DeadlineSet | None, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if state is not None and state.of_kind(K.ORDER_ANSWER_DUE):
        return []
    placed_on = to_local_date(cmd.placed_at)
    refs = Refs(case_id=cmd.case_id, order_id=cmd.order_id, provider_id=cmd.provider_id)
    dues = (
        (K.ORDER_RECEIPT_DUE, order_receipt_date(placed_on, rules)),
        (K.ORDER_ANSWER_DUE, order_answer_date(placed_on, rules)),
    )
    return [
        scheduled(
            cmd.subject,
            kind,
            sequence=1,
            refs=refs,
            anchor=placed_on,
            due_date=due,
            rules=rules,
            at=cmd.at,
        )
        for kind, due in dues
    ]


def resolve_order(cmd: ResolveOrderAnswer, state: DeadlineSet | None) -> list[Event]:
    deadlines = existing(state, cmd.subject).pending(K.ORDER_ANSWER_DUE, K.ORDER_RECEIPT_DUE)
    return list(cancelled(deadlines, "answer_received", cmd.at))


def schedule_investigation(
    cmd: ScheduleInvestigation, state: DeadlineSet | None, rules: Rules
) -> list[Event]:
    ensure_open(state)
    kind = K.INVESTIGATION_LIMIT
    if state is not None and state.pending(kind):
        return []
    return [
        scheduled(
            cmd.subject,
            kind,
            sequence=state.next_sequence(kind) if state else 1,
            refs=Refs(case_id=cmd.case_id),
            anchor=cmd.started_on,
            due_date=investigation_limit_date(cmd.started_on, rules),
            rules=rules,
            at=cmd.at,
            warn_days=rules.investigation_warning_days,
        )
    ]


def conclude_investigation(cmd: ConcludeInvestigation, state: DeadlineSet | None) -> list[Event]:
    kind = K.INVESTIGATION_LIMIT
    return resolve(Resolve(subject=cmd.subject, kind=kind, reason="concluded", at=cmd.at), state)


def schedule_action_plan(
    cmd: ScheduleActionPlan, state: DeadlineSet | None, rules: Rules
) -> list[Event]:
    ensure_open(state)
    kind = K.ACTION_PLAN_DUE
    if state is not None and state.pending(kind):
        return []
    due = action_plan_date(cmd.decided_on, rules)
    sequence = state.next_sequence(kind) if state else 1
    refs = Refs(case_id=cmd.case_id)
    return [
        scheduled(
            cmd.subject,
            kind,
            sequence=sequence,
            refs=refs,
            anchor=cmd.decided_on,
            due_date=due,
            rules=rules,
            at=cmd.at,
        )
    ]


def schedule_payment(
    cmd: ScheduleClaimPayment, state: DeadlineSet | None, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if state is not None and state.of_kind(K.PAYMENT_DUE):
        return []
    due = payment_date(cmd.submitted_on, rules)
    refs = Refs(claim_id=cmd.claim_id, provider_id=cmd.provider_id)
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


def resolve(cmd: Resolve, state: DeadlineSet | None) -> list[Event]:
    current = existing(state, cmd.subject)
    if not current.of_kind(cmd.kind):
        raise DomainError("not_scheduled", f"no {cmd.kind} deadline to resolve")
    return list(cancelled(current.pending(cmd.kind), cmd.reason, cmd.at))


def cancel(cmd: Cancel, state: DeadlineSet | None) -> list[Event]:
    """Closes the subject even if nothing was scheduled yet, so a late signal cannot revive it."""
    if state is not None and state.closed:
        return []
    events: list[Event] = []
    if state is not None:
        events += cancelled(state.pending(), cmd.reason, cmd.at)
    events.append(SubjectClosed(subject=cmd.subject, reason=cmd.reason, at=cmd.at))
    return events
