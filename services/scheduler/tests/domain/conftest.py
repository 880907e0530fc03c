"""Given/when/then helper for the pure scheduler domain: no clock, no I/O.

With --import-mode=importlib test modules cannot import each other, so the shared helper is
a fixture: `given(commands, rules)` decides each command against the state the earlier ones
built and returns the final `DeadlineSet`.
"""

from collections.abc import Callable, Sequence

import pytest
from scheduler.domain import DEFAULT_RULES, Command, DeadlineSet, Rules, decide, evolve

Given = Callable[..., DeadlineSet]


def _run(commands: Sequence[Command], rules: Rules = DEFAULT_RULES) -> DeadlineSet:
    state: DeadlineSet | None = None
    for command in commands:
        for event in decide(command, state, rules):
            state = evolve(state, event)
    assert state is not None, "the commands produced no events"
    return state


@pytest.fixture
def given() -> Given:
    return _run
