"""The decider: an aggregate's behaviour as three pure values, and nothing else.

``initial_state`` is the state of a stream with no events (the domain says what "nothing
yet" looks like, so no function has to handle ``None``); ``decide(command, state)`` returns
the events a command causes (or raises the domain's refusal); ``evolve(state, event)``
folds one event in. The domain exports the two functions and the initial state as plain
values (it imports nothing of this kit); the application wraps them in a ``Decider``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Decider(Generic[C, E, S]):
    initial_state: S
    decide: Callable[[C, S], Sequence[E]]
    evolve: Callable[[S, E], S]

    def fold(self, state: S, events: Iterable[E]) -> S:
        """``state`` evolved by each of ``events`` in turn."""
        for event in events:
            state = self.evolve(state, event)
        return state

    def replay(self, events: Iterable[E]) -> S:
        """The state a stream of ``events`` has: folded from the initial state."""
        return self.fold(self.initial_state, events)
