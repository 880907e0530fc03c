"""A case's child investigation limit and action plan.

A case may get a new investigation or action plan once the earlier one is settled, so these
are numbered; scheduling again while one is open (a redelivered signal) is a no-op.
"""

from scheduler.domain.closing import resolve
from scheduler.domain.commands import (
    ConcludeInvestigation,
    Resolve,
    ScheduleActionPlan,
    ScheduleInvestigation,
)
from scheduler.domain.decisions import ensure_open, scheduled
from scheduler.domain.events import Event
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs
from scheduler.domain.planning import action_plan_date, investigation_limit_date
from scheduler.domain.rules import Rules

K = DeadlineKind


def schedule_investigation(
    cmd: ScheduleInvestigation, state: DeadlineSet, rules: Rules
) -> list[Event]:
    ensure_open(state)
    kind = K.INVESTIGATION_LIMIT
    if state.open(kind):
        return []
    # § 20, stk. 3: from when the municipality became aware, never later than the start.
    aware = min(cmd.aware_on or cmd.started_on, cmd.started_on)
    return [
        scheduled(
            cmd.subject,
            kind,
            sequence=state.next_sequence(kind),
            refs=Refs(case_id=cmd.case_id),
            anchor=aware,
            due_date=investigation_limit_date(aware, rules),
            rules=rules,
            at=cmd.at,
            warn_days=rules.investigation_warning_days,
        )
    ]


def conclude_investigation(cmd: ConcludeInvestigation, state: DeadlineSet) -> list[Event]:
    kind = K.INVESTIGATION_LIMIT
    return resolve(Resolve(subject=cmd.subject, kind=kind, reason="concluded", at=cmd.at), state)


def schedule_action_plan(cmd: ScheduleActionPlan, state: DeadlineSet, rules: Rules) -> list[Event]:
    """Barnets lov § 91: the child's plan, when the decision says one is made, no later than
    3 months after the decision (a statutory limit: moved back to a working day)."""
    ensure_open(state)
    kind = K.ACTION_PLAN_DUE
    if state.open(kind):
        return []
    due = action_plan_date(cmd.decided_on, rules)
    sequence = state.next_sequence(kind)
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
            warn_days=rules.action_plan_warning_days,
        )
    ]
