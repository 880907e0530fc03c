"""Event-sourced aggregates on top of eventkit: load by replay, decide, append.

Domain events are frozen dataclasses; pydantic's TypeAdapter turns them into JSON and back
here, so the pure domain never sees a serialiser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from eventkit import EventStore, NewEvent, RecordedEvent, UnitOfWork
from pydantic import TypeAdapter

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


class EventCodec(Generic[E]):
    """Dataclass events ⇄ stored JSON, named by class name."""

    def __init__(self, event_types: Iterable[type[E]]) -> None:
        self._by_name = {t.__name__: t for t in event_types}
        self._adapters: dict[type[E], TypeAdapter[E]] = {
            t: TypeAdapter(t) for t in self._by_name.values()
        }

    def dump(self, event: E) -> dict[str, Any]:
        data = self._adapters[type(event)].dump_python(event, mode="json")
        assert isinstance(data, dict)
        return data

    def load(self, recorded: RecordedEvent) -> E:
        cls = self._by_name[recorded.type]
        return self._adapters[cls].validate_python(recorded.data)

    def to_new(self, event: E, metadata: Mapping[str, Any]) -> NewEvent:
        return NewEvent(type=type(event).__name__, data=self.dump(event), metadata=metadata)


@dataclass(frozen=True)
class Loaded(Generic[S]):
    state: S | None
    revision: int


class Aggregate(Generic[C, E, S]):
    """One aggregate type: its stream category and its pure decide/evolve."""

    def __init__(
        self,
        category: str,
        decide: Callable[[C, S | None], Sequence[E]],
        evolve: Callable[[S | None, E], S],
        codec: EventCodec[E],
    ) -> None:
        self.category, self.decide, self.evolve, self.codec = category, decide, evolve, codec

    def stream(self, aggregate_id: object) -> str:
        return f"{self.category}-{aggregate_id}"

    def fold(self, events: Iterable[RecordedEvent]) -> Loaded[S]:
        state: S | None = None
        revision = 0
        for recorded in events:
            state = self.evolve(state, self.codec.load(recorded))
            revision = recorded.revision
        return Loaded(state, revision)

    async def load(self, store: EventStore, aggregate_id: object, as_of: Any = None) -> Loaded[S]:
        return self.fold(await store.load(self.stream(aggregate_id), as_of=as_of))

    async def execute(
        self,
        uow: UnitOfWork,
        aggregate_id: object,
        command: C,
        metadata: Mapping[str, Any],
        expected_revision: int | None = None,
    ) -> tuple[list[E], Loaded[S]]:
        """Decide on the state as ``uow``'s transaction sees it, and append there.

        ``expected_revision`` comes from the client (If-Match) when it acts on what it saw;
        otherwise the revision just loaded guards against a concurrent writer.
        """
        current = self.fold(await uow.load(self.stream(aggregate_id)))
        events = list(self.decide(command, current.state))
        revision = current.revision if expected_revision is None else expected_revision
        if not events:  # an idempotent repeat: nothing to record
            return events, current
        new_revision = await uow.append(
            self.stream(aggregate_id), revision, [self.codec.to_new(e, metadata) for e in events]
        )
        state = current.state
        for event in events:
            state = self.evolve(state, event)
        return events, Loaded(state, new_revision)
