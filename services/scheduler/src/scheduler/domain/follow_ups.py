"""A contract's follow-up series: one pending follow-up (and its status report) at a time.

Only the next follow-up is scheduled; holding it schedules the one after, counted from the
day it was actually held, so a late meeting moves the whole series rather than stacking up
follow-ups that are already overdue.
"""

from datetime import date, datetime

from scheduler.domain.cadence import cadence_set, validated_cadence
from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import RecordFollowUpHeld, SetCadence
from scheduler.domain.decisions import cancelled, ensure_open, existing, scheduled
from scheduler.domain.errors import DomainError
from scheduler.domain.events import DeadlineRescheduled, Event, FollowUpSeriesPaused
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs
from scheduler.domain.planning import (
    follow_up_date,
    follow_up_months,
    status_report_date,
    timing,
)
from scheduler.domain.rules import Rules

FOLLOW_UP = DeadlineKind.FOLLOW_UP_DUE
STATUS_REPORT = DeadlineKind.STATUS_REPORT_DUE


def record_held(cmd: RecordFollowUpHeld, state: DeadlineSet, rules: Rules) -> list[Event]:
    current_set = existing(state, cmd.subject)
    ensure_open(current_set)
    current = current_set.latest(FOLLOW_UP)
    if current is None:
        raise DomainError("not_scheduled", "the contract has no follow-up series")
    if cmd.held_on > to_local_date(cmd.at):
        raise DomainError("held_in_future", "a follow-up cannot be recorded before it is held")
    if cmd.held_on == current.anchor and current.sequence > 1:
        return []  # this meeting is the one the current follow-up already counts from
    if cmd.held_on < current.anchor:
        raise DomainError("held_before_previous", "held before the follow-up it succeeds")
    same_round = [d for d in current_set.deadlines if d.sequence == current.sequence]
    events: list[Event] = []
    events += cancelled(
        (d for d in same_round if d.kind in (FOLLOW_UP, STATUS_REPORT)), "follow_up_held", cmd.at
    )
    events += follow_up_round(
        current_set, current.refs, cmd.held_on, current.sequence + 1, rules, cmd.at
    )
    return events


def set_cadence(cmd: SetCadence, state: DeadlineSet, rules: Rules) -> list[Event]:
    current_set = existing(state, cmd.subject)
    ensure_open(current_set)
    cadence = validated_cadence(cmd.months, cmd.justification)
    if current_set.cadence == cadence:
        return []
    events: list[Event] = [cadence_set(cmd.subject, cadence, cmd.at)]
    current = current_set.latest(FOLLOW_UP)
    if current is None or not current.is_pending:
        return events  # the new cadence applies from the next follow-up held
    months = follow_up_months(rules, cadence, current.sequence)
    follow_up = follow_up_date(current.anchor, months, rules)
    end = current_set.expected_end
    if end is not None and follow_up > end:  # the slower cadence reaches past the contract
        pair = (
            d
            for d in current_set.pending(FOLLOW_UP, STATUS_REPORT)
            if d.sequence == current.sequence
        )
        paused = FollowUpSeriesPaused(
            subject=cmd.subject, anchor=current.anchor, sequence=current.sequence, at=cmd.at
        )
        return [*events, *cancelled(pair, "after expected end", cmd.at), paused]
    due_dates = {FOLLOW_UP: follow_up, STATUS_REPORT: status_report_date(follow_up, rules)}
    for d in current_set.pending(FOLLOW_UP, STATUS_REPORT):
        new = timing(d.kind, due_dates[d.kind], rules, warn_days=None)
        if d.sequence == current.sequence and new != d.timing:
            reason = f"cadence set to {cadence.months} months"
            events.append(
                DeadlineRescheduled(
                    subject=cmd.subject,
                    deadline_id=d.deadline_id,
                    timing=new,
                    reason=reason,
                    at=cmd.at,
                )
            )
    return events


def follow_up_round(
    state: DeadlineSet, refs: Refs, anchor: date, sequence: int, rules: Rules, at: datetime
) -> list[Event]:
    """Follow-up `sequence` and its status report, counted from `anchor`; none when it would
    fall after the contract's expected end (the series pauses until the contract is extended)
    or after its last day under notice.
    """
    subject, end = state.subject, state.ends_by
    follow_up = follow_up_date(anchor, follow_up_months(rules, state.cadence, sequence), rules)
    if end is not None and follow_up > end:
        return [FollowUpSeriesPaused(subject=subject, anchor=anchor, sequence=sequence, at=at)]
    report = status_report_date(follow_up, rules)
    return [
        scheduled(
            subject,
            kind,
            sequence=sequence,
            refs=refs,
            anchor=anchor,
            due_date=due,
            rules=rules,
            at=at,
        )
        for kind, due in ((FOLLOW_UP, follow_up), (STATUS_REPORT, report))
    ]
