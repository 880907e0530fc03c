"""Pure date arithmetic: from an anchor date and the rules to when each phase fires."""

from datetime import date, timedelta

from scheduler.domain.calendar_dk import Roll, add_months, at_local
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import Cadence, Timing
from scheduler.domain.rules import Rules


def timing(kind: DeadlineKind, due_date: date, rules: Rules, warn_days: int | None) -> Timing:
    """Phase times for a deadline whose (already rolled) due date is `due_date`."""
    cal = rules.calendar
    overdue_date = cal.add_working_days(due_date, rules.overdue_after_working_days)
    warn_at = None
    if warn_days:
        # A warning is only useful early: move it back to a working day, never forward.
        warn_date = cal.roll(due_date - timedelta(days=warn_days), Roll.BACKWARD)
        warn_at = at_local(warn_date, rules.notify_at)
    return Timing(
        due_at=at_local(due_date, rules.notify_at),
        overdue_at=at_local(overdue_date, rules.notify_at),
        warn_at=warn_at,
    )


def _months_later(kind: DeadlineKind, anchor: date, months: int, rules: Rules) -> date:
    return rules.calendar.roll(add_months(anchor, months), rules.roll_for(kind))


def follow_up_months(rules: Rules, cadence: Cadence | None, sequence: int) -> int:
    """Months from the anchor to follow-up number `sequence`.

    The first follows `first_follow_up_months` after the start, the others the interval; a
    per-contract cadence replaces the interval and may bring the first one forward, never
    push it past the statutory first follow-up.
    """
    interval = cadence.months if cadence else rules.follow_up_interval_months
    return min(rules.first_follow_up_months, interval) if sequence == 1 else interval


def follow_up_date(anchor: date, months: int, rules: Rules) -> date:
    return _months_later(DeadlineKind.FOLLOW_UP_DUE, anchor, months, rules)


def status_report_date(follow_up: date, rules: Rules) -> date:
    return rules.calendar.working_days_before(follow_up, rules.status_report_working_days_before)


def order_answer_date(placed_on: date, rules: Rules) -> date:
    return rules.calendar.add_working_days(placed_on, rules.order_answer_working_days)


def order_receipt_date(placed_on: date, rules: Rules) -> date:
    return rules.calendar.add_working_days(placed_on, rules.order_receipt_working_days)


def investigation_limit_date(started_on: date, rules: Rules) -> date:
    kind = DeadlineKind.INVESTIGATION_LIMIT
    return _months_later(kind, started_on, rules.investigation_limit_months, rules)


def action_plan_date(decided_on: date, rules: Rules) -> date:
    return _months_later(DeadlineKind.ACTION_PLAN_DUE, decided_on, rules.action_plan_months, rules)


def contract_expiry_date(expected_end: date, rules: Rules) -> date:
    return rules.calendar.roll(expected_end, rules.roll_for(DeadlineKind.CONTRACT_EXPIRY))


def payment_date(submitted_on: date, rules: Rules, terms_due: date | None = None) -> date:
    """The contract's own payment date if the authority gave it, else the default days;
    rolled to a working day as the municipality's rules say."""
    due = terms_due or submitted_on + timedelta(days=rules.payment_days)
    return rules.calendar.roll(due, rules.roll_for(DeadlineKind.PAYMENT_DUE))
