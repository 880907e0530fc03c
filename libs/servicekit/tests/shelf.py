"""A toy decider for the kit's own tests: a shelf whose items are stocked and lent out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

SHELF = "shelf"


class Refused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Put:
    """The command: put ``item`` on the shelf, or lend it to ``reader``."""

    item: str
    reader: str | None = None


@dataclass(frozen=True)
class Moved:
    """The event: ``item`` is now at ``to`` (the shelf, or a reader)."""

    item: str
    to: str


@dataclass(frozen=True)
class Shelf:
    places: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


EMPTY = Shelf()


def decide(command: Put, state: Shelf) -> list[Moved]:
    place = state.places.get(command.item)
    if command.reader is None:
        return [] if place is not None else [Moved(command.item, SHELF)]
    if place is None:
        raise Refused("not_stocked", f"{command.item} is not on the shelf")
    if place == command.reader:
        return []  # lent to this reader already
    if place != SHELF:
        raise Refused("lent_out", f"{command.item} is lent out")
    return [Moved(command.item, command.reader)]


def evolve(state: Shelf, event: Moved) -> Shelf:
    return Shelf(MappingProxyType({**state.places, event.item: event.to}))
