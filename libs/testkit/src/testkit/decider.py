"""Given / when / then for deciders: the history, the command, the events (or the refusal).

spec = DeciderSpec(decider, refusal=DomainError)
spec.given(opened, assigned).when(close).then(closed)     # returns the state after
spec.given(opened).when(close_again).then()               # an idempotent repeat
spec.given().when(close).then_refused("not_found")        # returns the refusal
spec.given(opened).when(close).events()                   # the events, to check one property
spec.after(open_command, assign_command)                  # the state the commands leave
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from servicekit.decider import Decider

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@dataclass(frozen=True)
class DeciderSpec(Generic[C, E, S]):
    decider: Decider[C, E, S]
    refusal: type[Exception] = Exception  # the domain's refusal; it carries a ``code``

    def given(self, *history: E) -> Given[C, E, S]:
        return Given(self, tuple(history))

    def after(self, *commands: C) -> S:
        """The state after deciding each command on the state the earlier ones left."""
        state = self.decider.initial_state
        for command in commands:
            state = self.decider.fold(state, self.decider.decide(command, state))
        return state


@dataclass(frozen=True)
class Given(Generic[C, E, S]):
    spec: DeciderSpec[C, E, S]
    history: tuple[E, ...]

    @property
    def state(self) -> S:
        return self.spec.decider.replay(self.history)

    def given(self, *more: E) -> Given[C, E, S]:
        """The same history followed by ``more``."""
        return Given(self.spec, (*self.history, *more))

    def when(self, command: C) -> When[C, E, S]:
        return When(self, command)


@dataclass(frozen=True)
class When(Generic[C, E, S]):
    given: Given[C, E, S]
    command: C

    def then(self, *expected: E) -> S:
        """The command causes exactly ``expected``; the state they lead to."""
        decider, state = self.given.spec.decider, self.given.state
        events = list(decider.decide(self.command, state))
        assert events == list(expected), f"expected {list(expected)!r}\n     got {events!r}"
        return decider.fold(state, events)

    def events(self) -> list[E]:
        """The events the command causes, for a test that checks one property of them."""
        return list(self.given.spec.decider.decide(self.command, self.given.state))

    def then_refused(self, code: str) -> Exception:
        """The command is refused with ``code``, and the refusal explains itself."""
        spec = self.given.spec
        try:
            events = spec.decider.decide(self.command, self.given.state)
        except spec.refusal as error:
            refusal = error
        else:
            raise AssertionError(f"expected refusal {code!r}, got {list(events)!r}")
        found = getattr(refusal, "code", None)
        assert found == code, f"refused with {found!r} ({refusal}), not {code!r}"
        assert str(refusal), "a refusal explains itself"
        return refusal
