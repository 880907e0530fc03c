"""The deadline rules of one municipality, as data.

Defaults follow the seeds and Danish law: statutory follow-ups first after 3 months and then
as the case's own arrangement decides (barnets lov § 95; every 6 months is the seeds' municipal
default, seed 004), the child investigation concluded within 4 months of awareness (barnets lov
§ 20, stk. 3), and the municipality's service level for
orders, status reports and payment.

Non-working days. A computed date that is not a working day moves:

* `statutory_roll` (default BACKWARD) for the authority's own duties — follow-up, investigation
  limit, action plan, contract expiry: to the previous working day, so the duty is met in time
  and never lands late because of a holiday.
* `response_roll` (default FORWARD) for what a counterparty owes — payment of a claim: to the
  next working day, the usual Danish rule that a period ending on a holiday runs to the next
  working day, so the other party keeps the full period.

Periods counted in working days (order answer/receipt, status report) land on a working day
by construction and need no roll.

Times. Every phase fires at `notify_at` local time (default 09:00) on its day: DUE on the due
date ("it is due today", while people are at work), OVERDUE `overdue_after_working_days`
working days later (the day has passed without resolution), WARNING a number of calendar days
before the due date, moved back to a working day.
"""

from dataclasses import dataclass, field, fields
from datetime import time

from scheduler.domain.calendar_dk import Roll, WorkingCalendar
from scheduler.domain.errors import DomainError
from scheduler.domain.kinds import DeadlineKind

_RESPONSE_KINDS = frozenset(
    {
        DeadlineKind.PAYMENT_DUE,
        DeadlineKind.ORDER_ANSWER_DUE,
        DeadlineKind.ORDER_RECEIPT_DUE,
        DeadlineKind.STATUS_REPORT_DUE,
    }
)


@dataclass(frozen=True, slots=True)
class Rules:
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    notify_at: time = time(9, 0)
    first_follow_up_months: int = 3  # barnets lov § 95: at the latest 3 months after the start
    # Every 6 months is the seeds' municipal default (seed 004), not the law: under § 95 the
    # first follow-up decides the case's own arrangement.
    follow_up_interval_months: int = 6
    status_report_working_days_before: int = 10
    order_answer_working_days: int = 5
    order_receipt_working_days: int = 3
    investigation_limit_months: int = 4  # barnets lov § 20, stk. 3, from awareness
    investigation_warning_days: int = 14
    action_plan_months: int = 3  # barnets plan (§ 91) within 3 months of the decision
    action_plan_warning_days: int = 14  # fixed: the caseworker is warned two weeks ahead
    contract_expiry_warning_days: int = 30
    payment_days: int = 30  # running (calendar) days after the claim
    overdue_after_working_days: int = 1
    # Barnets lov §§ 135-136, fixed by law (not a municipality's setting): the assessment in
    # clock hours after receipt (nights and holidays count: the on-call service covers them),
    # warned ahead and escalated after; the receipt to a professional in working days.
    notification_assessment_hours: int = 24
    notification_warning_hours: int = 4
    notification_escalation_hours: int = 1
    notification_receipt_working_days: int = 6
    statutory_roll: Roll = Roll.BACKWARD
    response_roll: Roll = Roll.FORWARD

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int) and value < 0:
                raise ValueError(f"{f.name} must be >= 0, got {value}")
        if min(self.first_follow_up_months, self.follow_up_interval_months) < 1:
            raise ValueError("follow-up months must be >= 1")
        if self.overdue_after_working_days < 1:
            raise ValueError("overdue_after_working_days must be >= 1")

    def roll_for(self, kind: DeadlineKind) -> Roll:
        return self.response_roll if kind in _RESPONSE_KINDS else self.statutory_roll


DEFAULT_RULES = Rules()


# Statutory outer limits a municipality's rules may tighten but never relax.
STATUTORY_FIRST_FOLLOW_UP_MONTHS = 3
STATUTORY_INVESTIGATION_MONTHS = 4  # barnets lov § 20, stk. 3
STATUTORY_ACTION_PLAN_MONTHS = 3  # barnets lov § 91: no later than 3 months after the decision
# The municipality's default interval stays within the seeds' 6 months (seed 004); a case's
# own arrangement (§ 95) may differ, within the bound of the event contract.
MAX_DEFAULT_INTERVAL_MONTHS = 6


def lawful(rules: Rules) -> Rules:
    """`rules` if they keep within the law, else a `DomainError` naming the rule."""
    limits = (
        ("first_follow_up_months", STATUTORY_FIRST_FOLLOW_UP_MONTHS),
        ("follow_up_interval_months", MAX_DEFAULT_INTERVAL_MONTHS),
        ("investigation_limit_months", STATUTORY_INVESTIGATION_MONTHS),
        ("action_plan_months", STATUTORY_ACTION_PLAN_MONTHS),
    )
    for name, limit in limits:
        if getattr(rules, name) > limit:
            raise DomainError("rule_exceeds_law", f"{name} may be at most {limit} months by law")
    return rules
