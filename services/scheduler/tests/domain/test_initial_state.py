"""Every decision starts from a state: the subject's empty set, never None.

A decision written for a ``DeadlineSet | None`` would still type-check when ``decide`` hands
it the empty set, but its ``state is None`` branch would silently never run (a new subject
is ``state.is_new``). This keeps such a signature from coming in unnoticed.
"""

import importlib
import inspect
import pkgutil
from datetime import UTC, datetime
from uuid import uuid4

import scheduler.domain
from scheduler.domain import DEFAULT_RULES, Cancel, DeadlineSet, ScheduleInvestigation

from .conftest import spec

AT = datetime(2027, 3, 1, 10, tzinfo=UTC)


def functions_taking_a_state() -> list[tuple[str, str]]:
    found = []
    for info in pkgutil.iter_modules(scheduler.domain.__path__, "scheduler.domain."):
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            parameter = inspect.signature(fn).parameters.get("state")
            if fn.__module__ == module.__name__ and parameter is not None:
                found.append((f"{info.name}.{name}", str(parameter.annotation)))
    return found


def test_no_decision_takes_a_missing_state() -> None:
    found = functions_taking_a_state()
    assert found, "the scan found the decisions"
    optional = [name for name, annotation in found if "None" in annotation]
    assert optional == [], "take `state: DeadlineSet` and test `state.is_new`"


def test_the_empty_set_is_new_until_its_first_event() -> None:
    started = ScheduleInvestigation(case_id=uuid4(), started_on=AT.date(), at=AT)
    closed = Cancel(subject=started.subject, reason="withdrawn", at=AT)
    assert DeadlineSet(started.subject).is_new
    assert not spec(started, DEFAULT_RULES).after(started).is_new
    assert not spec(closed, DEFAULT_RULES).after(closed).is_new  # closed before anything
