"""Firing from the index rows alone decides what the aggregate decides.

Firing does not load the deadline set: it reads the index rows (``rows_for``) and fires, per
deadline, the latest pending phase due (``app.due``). Whatever the set holds (warnings or not,
phases fired before, cancelled deadlines) and whatever the moment, that must be what
``due_occurrences`` picks from the loaded aggregate, and marking the fired phases done must
give the rows the aggregate gives once it has recorded the fires.
"""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st
from scheduler.app.due import completed_by, latest_due
from scheduler.app.phases import rows_for
from scheduler.domain import (
    Deadline,
    DeadlineFired,
    DeadlineKind,
    DeadlinePhase,
    DeadlineSet,
    DeadlineStatus,
    Refs,
    Subject,
    SubjectKind,
    Timing,
    due_occurrences,
    evolve,
)

SUBJECT = Subject(SubjectKind.CASE, uuid4())
T0 = datetime(2027, 3, 1, 8, tzinfo=UTC)


@st.composite
def deadlines(draw: st.DrawFn) -> Deadline:
    due = T0 + timedelta(hours=draw(st.integers(0, 24 * 60)))
    warn = draw(st.none() | st.integers(1, 30).map(lambda d: due - timedelta(days=d)))
    overdue = due + timedelta(days=draw(st.integers(1, 10)))
    fired = draw(st.sampled_from([None, *DeadlinePhase]))
    if fired is DeadlinePhase.WARNING and warn is None:
        fired = None
    cancelled = draw(st.booleans()) and fired is not DeadlinePhase.OVERDUE
    status = DeadlineStatus.FIRED if fired is DeadlinePhase.OVERDUE else DeadlineStatus.PENDING
    return Deadline(
        deadline_id=uuid4(),
        kind=DeadlineKind.INVESTIGATION_LIMIT,
        subject=SUBJECT,
        refs=Refs(case_id=SUBJECT.id),
        sequence=1,
        anchor=T0.date(),
        timing=Timing(due_at=due, overdue_at=overdue, warn_at=warn),
        status=DeadlineStatus.CANCELLED if cancelled else status,
        last_phase=fired,
    )


def pending_due(state: DeadlineSet, now: datetime) -> list[tuple[object, DeadlinePhase]]:
    return [
        (row.deadline_id, DeadlinePhase(row.phase))
        for row in rows_for(state)
        if row.status == "pending" and row.fire_at <= now
    ]


@settings(max_examples=200, deadline=None)
@given(
    found=st.lists(deadlines(), max_size=6),
    hours=st.integers(-24, 24 * 80),
)
def test_index_rows_fire_what_the_aggregate_would_fire(found: list[Deadline], hours: int) -> None:
    # Given a deadline set in any state, and its index rows
    state = DeadlineSet(subject=SUBJECT, deadlines=tuple(found))
    now = T0 + timedelta(hours=hours)
    # When firing picks phases from the pending rows due by now
    picked = latest_due(pending_due(state, now))
    # Then it picks exactly what the aggregate would fire
    expected = {d.deadline_id: phase for d, phase in due_occurrences(state, now)}
    assert picked == expected
    # And marking the fired phases (and the earlier ones) done gives the aggregate's rows
    after = state
    for deadline_id, phase in picked.items():
        deadline = state.find(deadline_id)
        assert deadline is not None
        after = evolve(
            after,
            DeadlineFired(
                subject=SUBJECT,
                deadline_id=deadline_id,
                phase=phase,
                due_at=deadline.due_at,
                fired_at=now,
            ),
        )
    marked = [
        row._replace(status="done")
        if row.status == "pending"
        and row.deadline_id in picked
        and DeadlinePhase(row.phase) in completed_by(picked[row.deadline_id])
        else row
        for row in rows_for(state)
    ]
    assert marked == rows_for(after)
