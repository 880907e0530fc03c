"""The authority's list of open deadlines folds what the scheduler announced: set, moved,
fired, then met or cancelled; a fact seen twice changes nothing, a closed one stays closed."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import reduce
from typing import Any
from uuid import uuid4

import samspil_contracts as wire
from authority.app.deadline_list import Row, fold
from samspil_contracts.testing import example_event

DUE = datetime(2027, 3, 1, 8, tzinfo=UTC)
CASE = uuid4()


def _fact(cls: type[wire.IntegrationEvent], **changes: Any) -> tuple[str, Row]:
    event = example_event(cls).model_copy(update={"deadline_id": ID, "case_id": CASE, **changes})
    return cls.__name__, event.model_dump(mode="json")


ID = uuid4()
SET = _fact(wire.DeadlineScheduled, kind=wire.DeadlineKind.INVESTIGATION_LIMIT, due_at=DUE)
MOVED = _fact(wire.DeadlineScheduled, kind=wire.DeadlineKind.INVESTIGATION_LIMIT,
              due_at=DUE.replace(day=8), warn_at=None)  # fmt: skip
FIRED = _fact(wire.DeadlineReached, kind=wire.DeadlineKind.INVESTIGATION_LIMIT, due_at=DUE,
              phase=wire.DeadlinePhase.OVERDUE)  # fmt: skip
MET = _fact(wire.DeadlineClosed, outcome=wire.DeadlineOutcome.MET)


def _replay(*facts: tuple[str, Row]) -> Row | None:
    def step(row: Row | None, numbered: tuple[int, tuple[str, Row]]) -> Row | None:
        revision, (fact, data) = numbered
        return fold(row, fact, data, revision) or row

    return reduce(step, enumerate(facts, start=1), None)


def test_a_set_deadline_is_open_on_its_case_until_it_is_met() -> None:
    # Given a § 20 limit set, When nothing else happened, Then it is open on its case
    row = _replay(SET)
    assert row is not None
    assert (row["status"], row["case_id"], row["kind"], row["due_at"]) == (
        "open", CASE, "investigation_limit", DUE,
    )  # fmt: skip
    # When it is moved, fires overdue and is then met
    moved = _replay(SET, MOVED, FIRED)
    assert moved is not None
    assert moved["phase"] == "overdue"
    closed = _replay(SET, MOVED, FIRED, MET)
    # Then it leaves the list as met
    assert closed is not None
    assert closed["status"] == "met"


def test_a_moved_deadline_shows_its_new_time() -> None:
    row = _replay(SET, MOVED)
    assert row is not None
    assert row["due_at"] == DUE.replace(day=8)


def test_a_fact_seen_again_and_a_late_fact_after_closing_change_nothing() -> None:
    # Given a deadline met
    closed = _replay(SET, MET)
    assert closed is not None
    # When the set is redelivered (same revision) or a later fact arrives
    # Then the row stays as it was
    assert fold(closed, *SET, revision=2) is None
    assert fold(closed, *FIRED, revision=3) is None


def test_a_deadline_first_seen_firing_is_listed_from_that_fact() -> None:
    # Given a deadline set before the scheduler announced every kind
    # When its overdue phase fires, Then it is listed, open, from the fired fact
    row = _replay(FIRED)
    assert row is not None
    assert (row["status"], row["phase"]) == ("open", "overdue")
