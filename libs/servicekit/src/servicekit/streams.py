"""Reading an aggregate's stream: decode, fold from the initial state, keep the state cached.

With a ``StateCache`` a read folds only the events after a recently folded state, if the
store still has the event that state was folded from (see ``servicekit.statecache``);
``cacheable`` says which states may be kept at all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from uuid import UUID

from eventkit import RecordedEvent

from servicekit.codec import EventCodec
from servicekit.decider import Decider
from servicekit.statecache import StateCache

C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")

Reader = Callable[[int], Awaitable[list[RecordedEvent]]]  # a stream's events after a revision


@dataclass(frozen=True)
class Loaded(Generic[S]):
    state: S
    revision: int  # of the last event folded in (0: none)


class EventStream(Generic[E, S]):
    """One category of streams, ``<category>-<key>``: their codec and cached states."""

    def __init__(
        self,
        category: str,
        codec: EventCodec[E],
        cache: StateCache | None = None,
        cacheable: Callable[[S], bool] = lambda _: True,
    ) -> None:
        self.category, self.codec, self.cache, self.cacheable = category, codec, cache, cacheable

    def stream_id(self, key: object) -> str:
        return f"{self.category}-{key}"

    async def fold(
        self,
        recorded: Sequence[RecordedEvent],
        decider: Decider[C, E, S],
        start: Loaded[S] | None = None,
    ) -> Loaded[S]:
        """``recorded`` decoded and folded onto ``start`` (the initial state if none)."""
        state = decider.initial_state if start is None else start.state
        revision = 0 if start is None else start.revision
        if recorded:
            state = decider.fold(state, await self.codec.decode(recorded))
            revision = recorded[-1].revision
        return Loaded(state, revision)

    async def read(self, stream_id: str, reader: Reader, decider: Decider[C, E, S]) -> Loaded[S]:
        """Fold what ``reader`` gives after the cached state, if the store still has the
        event that state was folded from; else the whole stream."""
        cache = self.cache
        cached = cache.get(stream_id) if cache is not None else None
        if cache is not None and cached is not None:
            events = await reader(cached.revision - 1)
            if events and events[0].event_id == cached.event_id:
                start: Loaded[S] = Loaded(cached.state, cached.revision)
                loaded = await self.fold(events[1:], decider, start)
                if self.remember(stream_id, loaded, events[-1].event_id):
                    return loaded
            cache.evict(stream_id)  # stale, or no longer to be kept: read afresh
        events = await reader(0)
        loaded = await self.fold(events, decider)
        if events:
            self.remember(stream_id, loaded, events[-1].event_id)
        return loaded

    def remember(self, stream_id: str, loaded: Loaded[S], last_event_id: UUID) -> bool:
        """Keep ``loaded`` (folded up to the event ``last_event_id``) if it may be kept; else
        drop what was kept of the stream (a state that may no longer be kept, e.g. erased)."""
        if self.cache is None:
            return False
        if loaded.state is None or not self.cacheable(loaded.state):
            self.cache.evict(stream_id)
            return False
        self.cache.put(stream_id, loaded.state, loaded.revision, last_event_id)
        return True

    def forget(self, key: object) -> None:
        """Drop the cached state (e.g. the persons of an erased case)."""
        if self.cache is not None:
            self.cache.evict(self.stream_id(key))
