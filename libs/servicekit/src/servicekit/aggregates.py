"""Event-sourced aggregates on top of eventkit: load by replay, decide, append.

Domain events are frozen dataclasses; pydantic's TypeAdapter turns them into JSON and back
here, so the pure domain never sees a serialiser.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from eventkit import EventStore, NewEvent, RecordedEvent, UnitOfWork
from pydantic import TypeAdapter

from servicekit.statecache import StateCache

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


Reader = Callable[[int], Awaitable[list[RecordedEvent]]]  # a stream's events after a revision


class Aggregate(Generic[C, E, S]):
    """One aggregate type: its stream category and its pure decide/evolve.

    With a ``cache``, loads fold only the events after a recently folded state (see
    ``servicekit.statecache``); ``cacheable`` says which states may be kept at all.
    """

    def __init__(
        self,
        category: str,
        decide: Callable[[C, S | None], Sequence[E]],
        evolve: Callable[[S | None, E], S],
        codec: EventCodec[E],
        cache: StateCache | None = None,
        cacheable: Callable[[S], bool] = lambda _: True,
    ) -> None:
        self.category, self.decide, self.evolve, self.codec = category, decide, evolve, codec
        self.cache, self.cacheable = cache, cacheable

    def stream(self, aggregate_id: object) -> str:
        return f"{self.category}-{aggregate_id}"

    def fold(self, events: Iterable[RecordedEvent], start: Loaded[S] | None = None) -> Loaded[S]:
        state, revision = (None, 0) if start is None else (start.state, start.revision)
        for recorded in events:
            state = self.evolve(state, self.codec.load(recorded))
            revision = recorded.revision
        return Loaded(state, revision)

    async def load(self, store: EventStore, aggregate_id: object, as_of: Any = None) -> Loaded[S]:
        stream = self.stream(aggregate_id)
        if as_of is not None:  # the past is read whole
            return self.fold(await store.load(stream, as_of=as_of))
        return await self.read(stream, lambda after: store.load(stream, after=after))

    async def current(self, uow: UnitOfWork, aggregate_id: object) -> Loaded[S]:
        """The state as ``uow``'s transaction sees it."""
        stream = self.stream(aggregate_id)
        return await self.read(stream, lambda after: uow.load(stream, after=after))

    async def read(self, stream: str, reader: Reader) -> Loaded[S]:
        """Fold what ``reader`` gives after the cached state, if the store still has the
        event that state was folded from; else the whole stream."""
        cache = self.cache
        cached = cache.get(stream) if cache is not None else None
        if cache is not None and cached is not None:
            events = await reader(cached.revision - 1)
            if events and events[0].event_id == cached.event_id:
                loaded = self.fold(events[1:], Loaded(cached.state, cached.revision))
                if self._keep(stream, loaded, events[-1]):
                    return loaded
            cache.evict(stream)  # stale, or no longer to be kept: read afresh
        events = await reader(0)
        loaded = self.fold(events)
        if events:
            self._keep(stream, loaded, events[-1])
        return loaded

    def forget(self, aggregate_id: object) -> None:
        """Drop the cached state (e.g. the persons of an erased case)."""
        if self.cache is not None:
            self.cache.evict(self.stream(aggregate_id))

    def _keep(self, stream: str, loaded: Loaded[S], last: RecordedEvent) -> bool:
        if self.cache is None or loaded.state is None or not self.cacheable(loaded.state):
            return False
        self.cache.put(stream, loaded.state, loaded.revision, last.event_id)
        return True

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
        current = await self.current(uow, aggregate_id)
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
