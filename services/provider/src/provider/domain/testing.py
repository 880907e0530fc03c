"""A tiny given / when / then harness for decide / evolve aggregates (pure; used by tests).

given(decide, evolve, *history).when(command).then(*events)
given(decide, evolve, *history).when(command).then_refused("not_found")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from provider.domain.common import DomainError

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@dataclass(frozen=True)
class Given(Generic[C, E, S]):
    decide: Callable[[C, S | None], list[E]]
    evolve: Callable[[S | None, E], S]
    history: tuple[E, ...]

    @property
    def state(self) -> S | None:
        state: S | None = None
        for event in self.history:
            state = self.evolve(state, event)
        return state

    def when(self, command: C) -> When[C, E, S]:
        return When(self, command)


@dataclass(frozen=True)
class When(Generic[C, E, S]):
    given: Given[C, E, S]
    command: C

    def then(self, *expected: E) -> S | None:
        """Assert the command yields exactly `expected`; return the state they lead to."""
        events = self.given.decide(self.command, self.given.state)
        assert events == list(expected), f"expected {list(expected)!r}\n     got {events!r}"
        state = self.given.state
        for event in events:
            state = self.given.evolve(state, event)
        return state

    def then_refused(self, code: str) -> DomainError:
        try:
            events = self.given.decide(self.command, self.given.state)
        except DomainError as refusal:
            error = refusal
        else:
            raise AssertionError(f"expected refusal {code!r}, got {events!r}")
        assert error.code == code, f"refused with {error.code!r} ({error.message}), not {code!r}"
        assert error.message, "a refusal explains itself"
        return error


def given(
    decide: Callable[[C, S | None], list[E]], evolve: Callable[[S | None, E], S], *history: Any
) -> Given[C, E, S]:
    return Given(decide, evolve, tuple(history))
