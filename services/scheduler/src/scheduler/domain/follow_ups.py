"""A contract's follow-up series: one pending follow-up (and its status report) at a time.

Only the next follow-up is scheduled; holding it schedules the one after, counted from the
day it was actually held, so a late meeting moves the whole series rather than stacking up
follow-ups that are already overdue.
"""

from datetime import date, datetime

from scheduler.domain.cadence import cadence_set, validated_cadence
from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import RecordFollowUpHeld, ScheduleForContractInForce, SetCadence
from scheduler.domain.decisions import cancelled, ensure_open, existing, scheduled
from scheduler.domain.errors import DomainError
from scheduler.domain.events import DeadlineRescheduled, DeadlineScheduled, Event
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import Cadence, DeadlineSet, Refs, Subject
from scheduler.domain.planning import (
    contract_expiry_date,
    follow_up_date,
    follow_up_months,
    status_report_date,
    timing,
)
from scheduler.domain.rules import Rules

FOLLOW_UP = DeadlineKind.FOLLOW_UP_DUE
STATUS_REPORT = DeadlineKind.STATUS_REPORT_DUE


def schedule_contract(
    cmd: ScheduleForContractInForce, state: DeadlineSet | None, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if state is not None and state.latest(FOLLOW_UP) is not None:
        return []  # already in force: a repeated signal changes nothing
    if cmd.expected_end is not None and cmd.expected_end < cmd.start:
        raise DomainError("expected_end_before_start", "the contract ends before it starts")
    events: list[Event] = []
    cadence = None
    if cmd.cadence_months is not None:
        cadence = validated_cadence(cmd.cadence_months, cmd.cadence_justification, rules)
        events.append(cadence_set(cmd.subject, cadence, cmd.at))
    refs = Refs(case_id=cmd.case_id, contract_id=cmd.contract_id, provider_id=cmd.provider_id)
    events += _follow_up_pair(cmd.subject, refs, cmd.start, 1, cadence, rules, cmd.at)
    if cmd.expected_end is not None:
        events.append(
            scheduled(
                cmd.subject,
                DeadlineKind.CONTRACT_EXPIRY,
                sequence=1,
                refs=refs,
                anchor=cmd.expected_end,
                due_date=contract_expiry_date(cmd.expected_end, rules),
                rules=rules,
                at=cmd.at,
                warn_days=rules.contract_expiry_warning_days,
            )
        )
    return events


def record_held(cmd: RecordFollowUpHeld, state: DeadlineSet | None, rules: Rules) -> list[Event]:
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
    events += _follow_up_pair(
        cmd.subject,
        current.refs,
        cmd.held_on,
        current.sequence + 1,
        current_set.cadence,
        rules,
        cmd.at,
    )
    return events


def set_cadence(cmd: SetCadence, state: DeadlineSet | None, rules: Rules) -> list[Event]:
    current_set = existing(state, cmd.subject)
    ensure_open(current_set)
    cadence = validated_cadence(cmd.months, cmd.justification, rules)
    if current_set.cadence == cadence:
        return []
    events: list[Event] = [cadence_set(cmd.subject, cadence, cmd.at)]
    current = current_set.latest(FOLLOW_UP)
    if current is None or not current.is_pending:
        return events  # the new cadence applies from the next follow-up held
    months = follow_up_months(rules, cadence, current.sequence)
    follow_up = follow_up_date(current.anchor, months, rules)
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


def _follow_up_pair(
    subject: Subject,
    refs: Refs,
    anchor: date,
    sequence: int,
    cadence: Cadence | None,
    rules: Rules,
    at: datetime,
) -> list[DeadlineScheduled]:
    follow_up = follow_up_date(anchor, follow_up_months(rules, cadence, sequence), rules)
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
