"""A toy decider for the kit's own tests: a shelf that stocks and lends items."""

from __future__ import annotations

from dataclasses import dataclass, replace


class Refused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Stock:
    item: str


@dataclass(frozen=True)
class Lend:
    item: str


@dataclass(frozen=True)
class Stocked:
    item: str


@dataclass(frozen=True)
class Lent:
    item: str


@dataclass(frozen=True)
class Shelf:
    items: frozenset[str] = frozenset()
    lent: frozenset[str] = frozenset()


EMPTY = Shelf()


def decide(command: Stock | Lend, state: Shelf) -> list[Stocked | Lent]:
    match command:
        case Stock(item):
            return [] if item in state.items else [Stocked(item)]
        case Lend(item):
            if item not in state.items:
                raise Refused("not_stocked", f"{item} is not on the shelf")
            return [] if item in state.lent else [Lent(item)]


def evolve(state: Shelf, event: Stocked | Lent) -> Shelf:
    match event:
        case Stocked(item):
            return replace(state, items=state.items | {item})
        case Lent(item):
            return replace(state, lent=state.lent | {item})
