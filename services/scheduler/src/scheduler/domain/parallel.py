"""The first follow-up of a measure started alongside its investigation (barnets lov § 95).

It falls at the earlier of the investigation's conclusion and 3 months after the start: the
series is scheduled at 3 months when the contract comes into force, and brought forward to
the conclusion when the investigation concludes first. What the case decides then (its
cadence) drives the follow-ups after it.
"""

from scheduler.domain.calendar_dk import Roll, to_local_date
from scheduler.domain.commands import BringFirstFollowUpForward
from scheduler.domain.events import DeadlineRescheduled, Event
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet
from scheduler.domain.planning import status_report_date, timing
from scheduler.domain.rules import Rules

FOLLOW_UP = DeadlineKind.FOLLOW_UP_DUE
STATUS_REPORT = DeadlineKind.STATUS_REPORT_DUE
REASON = "investigation concluded (barnets lov § 95)"


def bring_first_forward(
    cmd: BringFirstFollowUpForward, state: DeadlineSet, rules: Rules
) -> list[Event]:
    """Nothing when there is no pending first follow-up counted from before the conclusion,
    or it already falls earlier: a conclusion only ever brings the first one forward."""
    first = state.latest(FOLLOW_UP)
    if state.closed or first is None or first.sequence != 1 or not first.is_pending:
        return []
    if cmd.concluded_on < first.anchor:
        return []  # concluded before the measure started: it rested on a concluded one
    follow_up = rules.calendar.roll(cmd.concluded_on, Roll.FORWARD)
    if follow_up >= first.due_at.date():
        return []
    # The provider's report: its usual working days before, but never due before today.
    today = rules.calendar.roll(to_local_date(cmd.at), Roll.FORWARD)
    report = min(follow_up, max(status_report_date(follow_up, rules), today))
    due_dates = {FOLLOW_UP: follow_up, STATUS_REPORT: report}
    return [
        DeadlineRescheduled(
            subject=cmd.subject,
            deadline_id=d.deadline_id,
            timing=timing(d.kind, due_dates[d.kind], rules, warn_days=None),
            reason=REASON,
            at=cmd.at,
        )
        for d in state.pending(FOLLOW_UP, STATUS_REPORT)
        if d.sequence == 1
    ]
