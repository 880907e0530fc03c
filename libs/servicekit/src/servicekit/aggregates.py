"""The aggregate API the authority and provider use until they move onto the decider kit.

``Aggregate(category, decide, evolve, codec, cache, cacheable)`` takes ``decide`` and
``evolve`` that handle a ``None`` state (no events yet); it sits on the kit's ``EventStream``
(reading, cache) and ``CommandHandler.record`` (append) with ``None`` as the initial state,
so both APIs read and write streams the same way. New code uses ``Decider`` and
``CommandHandler`` (see docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from eventkit import RecordedEvent, Store, Transaction

from servicekit.codec import EventCodec
from servicekit.decider import Decider
from servicekit.handler import CommandHandler
from servicekit.statecache import StateCache
from servicekit.streams import EventStream, Loaded, Reader

__all__ = ["Aggregate", "EventCodec", "Loaded"]

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


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
        self.decider: Decider[C, E, S | None] = Decider(None, decide, evolve)
        self.streams: EventStream[E, S | None] = EventStream(
            category, codec, cache, lambda state: state is not None and cacheable(state)
        )
        self.handler = CommandHandler(self.streams, self.decider)

    def stream(self, aggregate_id: object) -> str:
        return self.streams.stream_id(aggregate_id)

    def fold(
        self, events: Iterable[RecordedEvent], start: Loaded[S | None] | None = None
    ) -> Loaded[S | None]:
        """Fold with the codec's synchronous ``load`` (a codec that must fetch something
        to decode refuses it: use ``replay``)."""
        state, revision = (None, 0) if start is None else (start.state, start.revision)
        for recorded in events:
            state = self.evolve(state, self.codec.load(recorded))
            revision = recorded.revision
        return Loaded(state, revision)

    async def replay(
        self, events: Iterable[RecordedEvent], start: Loaded[S | None] | None = None
    ) -> Loaded[S | None]:
        """``events`` decoded (``codec.decode``) and folded onto ``start``."""
        return await self.streams.fold(list(events), self.decider, start)

    async def load(self, store: Store, aggregate_id: object, as_of: Any = None) -> Loaded[S | None]:
        stream = self.stream(aggregate_id)
        if as_of is not None:  # the past is read whole
            return await self.replay(await store.load(stream, as_of=as_of))
        return await self.read(stream, lambda after: store.load(stream, after=after))

    async def current(self, uow: Transaction, aggregate_id: object) -> Loaded[S | None]:
        """The state as ``uow``'s transaction sees it."""
        return await self.handler.load(uow, aggregate_id)

    async def read(self, stream: str, reader: Reader) -> Loaded[S | None]:
        return await self.streams.read(stream, reader, self.decider)

    def forget(self, aggregate_id: object) -> None:
        """Drop the cached state (e.g. the persons of an erased case)."""
        self.streams.forget(aggregate_id)

    async def execute(
        self,
        uow: Transaction,
        aggregate_id: object,
        command: C,
        metadata: Mapping[str, Any],
        expected_revision: int | None = None,
    ) -> tuple[list[E], Loaded[S | None]]:
        """Decide on the state as ``uow``'s transaction sees it, and append there.

        ``expected_revision`` comes from the client (If-Match) when it acts on what it saw;
        otherwise the revision just loaded guards against a concurrent writer.
        """
        current = await self.current(uow, aggregate_id)
        events = list(self.decide(command, current.state))
        change = await self.handler.record(
            uow, aggregate_id, current, events, metadata, expected_revision
        )
        return events, Loaded(change.state, change.revision)
