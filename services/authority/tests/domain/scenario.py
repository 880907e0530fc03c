"""given(events).when(command).then(events) for decide/evolve aggregates."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import Any, Generic, TypeVar

import pytest
from authority.domain import DomainError

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@dataclass(frozen=True)
class Aggregate(Generic[C, E, S]):
    decide: Callable[[C, S | None], list[E]]
    evolve: Callable[[S | None, E], S]
    history: tuple[E, ...] = field(default=())

    def given(self, *events: E) -> "Aggregate[C, E, S]":
        return Aggregate(self.decide, self.evolve, (*self.history, *events))

    @property
    def state(self) -> S | None:
        start: Any = None
        return reduce(self.evolve, self.history, start)  # type: ignore[arg-type]

    def when(self, command: C) -> "When[C, E, S]":
        return When(self, command)


@dataclass(frozen=True)
class When(Generic[C, E, S]):
    aggregate: Aggregate[C, E, S]
    command: C

    def then(self, *expected: E) -> S | None:
        """Assert the exact events decided; return the state after them."""
        events = self.aggregate.decide(self.command, self.aggregate.state)
        assert events == list(expected)
        return self.aggregate.given(*events).state

    def then_refused(self, code: str) -> DomainError:
        with pytest.raises(DomainError) as refused:
            self.aggregate.decide(self.command, self.aggregate.state)
        assert refused.value.code == code, refused.value.message
        return refused.value

    def events(self) -> Sequence[E]:
        """The decided events, for tests that check one property of them."""
        return self.aggregate.decide(self.command, self.aggregate.state)
