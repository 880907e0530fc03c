"""Given/when/then helper for the pure scheduler domain: no clock, no I/O.

With --import-mode=importlib test modules cannot import each other, so the shared helper is
a fixture: `given(commands, rules)` decides each command against the state the earlier ones
built, from the subject's empty set (testkit's `DeciderSpec.after`), and returns the final
`DeadlineSet`.
"""

from collections.abc import Callable, Sequence
from functools import partial

import pytest
from scheduler.domain import DEFAULT_RULES, Command, DeadlineSet, DomainError, Rules, decide, evolve
from servicekit.decider import Decider
from testkit import DeciderSpec

Given = Callable[..., DeadlineSet]


def spec(command: Command, rules: Rules) -> DeciderSpec[Command, object, DeadlineSet]:
    decider = Decider(DeadlineSet(command.subject), partial(decide, rules=rules), evolve)
    return DeciderSpec(decider, refusal=DomainError)  # type: ignore[arg-type]


def _run(commands: Sequence[Command], rules: Rules = DEFAULT_RULES) -> DeadlineSet:
    state = spec(commands[0], rules).after(*commands)
    assert not state.is_new, "the commands produced no events"
    return state


@pytest.fixture
def given() -> Given:
    return _run
