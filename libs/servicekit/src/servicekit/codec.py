"""Domain events ⇄ stored JSON, named by class name.

Domain events are frozen dataclasses; pydantic's ``TypeAdapter`` turns them into JSON and back
here, so the pure domain never sees a serialiser. The kit reads and writes streams through
``decode`` and ``encode``, which may wait for what a codec needs (e.g. the data keys of a
codec that seals personal fields fetches them there, so no caller has to fetch them first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from eventkit import NewEvent, RecordedEvent
from pydantic import TypeAdapter

E = TypeVar("E")


class EventCodec(Generic[E]):
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

    async def decode(self, recorded: Sequence[RecordedEvent]) -> list[E]:
        """The events of one read of a stream."""
        return [self.load(r) for r in recorded]

    async def encode(self, events: Sequence[E], metadata: Mapping[str, object]) -> list[NewEvent]:
        """The events of one append, each with ``metadata``."""
        return [self.to_new(e, metadata) for e in events]
