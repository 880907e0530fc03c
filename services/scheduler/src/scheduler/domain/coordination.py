"""The family coordinator's rhythm (familiekoordinator, seed 002), one set per decision.

The seed's coordinator calls the start meeting with the family's professional network within
the first 2 months, holds follow-up meetings about every 8 weeks after it, and keeps in
contact with the family about once a week. The decision starts the start meeting and the
first weekly contact; holding the start meeting starts the follow-up meetings. Like the
contract's follow-ups, only the next meeting and the next contact are pending, each counted
from the day the last one actually happened, so a late meeting moves the series rather than
stacking up overdue ones. A week without contact falls due and then overdue: that is the
flag the seed's "about weekly" asks for.
"""

from datetime import date, datetime, timedelta

from scheduler.domain.calendar_dk import add_months, to_local_date
from scheduler.domain.commands import (
    RecordCoordinationMeeting,
    RecordFamilyContact,
    RecordStartMeeting,
    ScheduleCoordination,
)
from scheduler.domain.decisions import cancelled, ensure_open, existing, scheduled
from scheduler.domain.errors import DomainError
from scheduler.domain.events import Event
from scheduler.domain.kinds import DeadlineKind, DeadlineStatus
from scheduler.domain.model import Deadline, DeadlineSet, Refs
from scheduler.domain.rules import Rules

START = DeadlineKind.START_MEETING_DUE
MEETING = DeadlineKind.COORDINATION_MEETING_DUE
CONTACT = DeadlineKind.CONTACT_DUE
START_MONTHS = 2  # opstartsmøde inden for de første 2 måneder
START_WARNING_DAYS = 14
MEETING_WEEKS = 8  # opfølgningsmøder ca. hver 8. uge
MEETING_WARNING_DAYS = 7
CONTACT_DAYS = 7  # fast kontakt ca. 1 gang ugentligt: no warning, a week is short
MET = {START: "start meeting held", MEETING: "coordination meeting held", CONTACT: "contacted"}


def schedule_coordination(
    cmd: ScheduleCoordination, state: DeadlineSet, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if not state.is_new:
        return []  # a redelivered decision: its rhythm is already running
    refs = Refs(case_id=cmd.case_id)
    start_due = _rolled(add_months(cmd.decided_on, START_MONTHS), rules)
    return [
        _next(state, START, refs, cmd.decided_on, start_due, rules, cmd.at, START_WARNING_DAYS),
        _contact(state, refs, cmd.decided_on, rules, cmd.at),
    ]


def record_start(cmd: RecordStartMeeting, state: DeadlineSet, rules: Rules) -> list[Event]:
    current = _live(state, cmd, cmd.held_on)
    start = _latest(current, START)
    if start.status is DeadlineStatus.CANCELLED:
        first = current.latest(MEETING)
        if first is not None and first.anchor == cmd.held_on:
            return []  # this start meeting is already recorded
        raise DomainError("start_meeting_already_held", "the start meeting is already recorded")
    if cmd.held_on < start.anchor:
        raise DomainError("held_before_decision", "the start meeting is after the decision")
    return [*cancelled([start], MET[START], cmd.at), _meeting(current, start, cmd, rules)]


def record_meeting(cmd: RecordCoordinationMeeting, state: DeadlineSet, rules: Rules) -> list[Event]:
    current_set = _live(state, cmd, cmd.held_on)
    current = current_set.latest(MEETING)
    if current is None:
        raise DomainError("start_meeting_not_held", "the follow-ups start with the start meeting")
    if cmd.held_on == current.anchor and current.sequence > 1:
        return []  # the meeting the current one already counts from
    if cmd.held_on <= current.anchor:
        raise DomainError("held_before_previous", "held before the meeting it succeeds")
    return [
        *cancelled([current], MET[MEETING], cmd.at),
        _meeting(current_set, current, cmd, rules),
    ]


def record_contact(cmd: RecordFamilyContact, state: DeadlineSet, rules: Rules) -> list[Event]:
    current_set = _live(state, cmd, cmd.contacted_on)
    current = _latest(current_set, CONTACT)
    if cmd.contacted_on == current.anchor and current.sequence > 1:
        return []  # the contact the current expectation already counts from
    if cmd.contacted_on < current.anchor:
        raise DomainError("contact_before_previous", "a contact before the last one recorded")
    return [
        *cancelled([current], MET[CONTACT], cmd.at),
        _contact(current_set, current.refs, cmd.contacted_on, rules, cmd.at),
    ]


def _live(
    state: DeadlineSet,
    cmd: RecordStartMeeting | RecordCoordinationMeeting | RecordFamilyContact,
    on: date,
) -> DeadlineSet:
    current = existing(state, cmd.subject)
    ensure_open(current)
    if on > to_local_date(cmd.at):
        raise DomainError("held_in_future", "a meeting or contact is recorded once it happened")
    return current


def _latest(state: DeadlineSet, kind: DeadlineKind) -> Deadline:
    found = state.latest(kind)
    if found is None:
        raise DomainError("not_scheduled", f"no {kind} deadline for this coordination")
    return found


def _rolled(day: date, rules: Rules) -> date:
    # The coordinator's own duty: a holiday moves it back, so it is met in time.
    return rules.calendar.roll(day, rules.statutory_roll)


def _meeting(
    state: DeadlineSet,
    before: Deadline,
    cmd: RecordStartMeeting | RecordCoordinationMeeting,
    rules: Rules,
) -> Event:
    due = _rolled(cmd.held_on + timedelta(weeks=MEETING_WEEKS), rules)
    return _next(state, MEETING, before.refs, cmd.held_on, due, rules, cmd.at, MEETING_WARNING_DAYS)


def _contact(state: DeadlineSet, refs: Refs, anchor: date, rules: Rules, at: datetime) -> Event:
    due = _rolled(anchor + timedelta(days=CONTACT_DAYS), rules)
    return _next(state, CONTACT, refs, anchor, due, rules, at, None)


def _next(
    state: DeadlineSet,
    kind: DeadlineKind,
    refs: Refs,
    anchor: date,
    due: date,
    rules: Rules,
    at: datetime,
    warn_days: int | None,
) -> Event:
    return scheduled(
        state.subject,
        kind,
        sequence=state.next_sequence(kind),
        refs=refs,
        anchor=anchor,
        due_date=due,
        rules=rules,
        at=at,
        warn_days=warn_days,
    )
