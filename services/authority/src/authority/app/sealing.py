"""Codecs that seal some fields of some events with the child's key, fetched when a stream
is read or written (``encode`` / ``decode``), never before: nothing has to be primed.

A subclass names which events it seals (``seals``), the subject whose child key seals them
(``subject_of``) and how fields go in and out of the box. An erased child (its key gone)
reads with the subclass's placeholders; a subject with no child linked raises
``KeyMissing``, which never reads as an erasure. The synchronous ``dump`` / ``load`` refuse
a sealed event rather than guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Generic, TypeVar
from uuid import UUID

from eventkit import NewEvent, RecordedEvent
from servicekit.codec import EventCodec

from authority.app.keyring import ChildKey, Keyring

E = TypeVar("E")
SEALED_FIELD = "personal"
UNKEYED = "personal data is sealed and opened with a fetched key: use encode / decode"


def id_of(stream_id: str) -> UUID:
    """The aggregate id of a ``<category>-<uuid>`` stream."""
    return UUID(stream_id.split("-", 1)[1])


class SealingCodec(EventCodec[E], Generic[E]):
    def __init__(self, event_types: Sequence[type[E]], keyring: Keyring) -> None:
        super().__init__(event_types)
        self.keyring = keyring

    def seals(self, event: E) -> bool:
        raise NotImplementedError

    def subject_of(self, event: E) -> UUID:
        raise NotImplementedError

    def seal(self, event: E, data: dict[str, Any], key: ChildKey, aad: str) -> dict[str, Any]:
        """``event``'s ``data`` with the personal fields moved into ``data[SEALED_FIELD]``."""
        raise NotImplementedError

    def open(self, kind: str, data: dict[str, Any], key: ChildKey, aad: str) -> dict[str, Any]:
        """The ``kind`` of event's ``data`` with the fields back (or placeholders), without
        ``SEALED_FIELD``."""
        raise NotImplementedError

    def dump(self, event: E) -> dict[str, Any]:
        if self.seals(event):
            raise TypeError(UNKEYED)
        return super().dump(event)

    def load(self, recorded: RecordedEvent) -> E:
        if SEALED_FIELD in recorded.data:
            raise TypeError(UNKEYED)
        return super().load(recorded)

    async def encode(self, events: Sequence[E], metadata: Mapping[str, object]) -> list[NewEvent]:
        return [
            NewEvent(type=type(e).__name__, data=await self._dump(e), metadata=metadata)
            for e in events
        ]

    async def decode(self, recorded: Sequence[RecordedEvent]) -> list[E]:
        return [await self._load(r) for r in recorded]

    async def _dump(self, event: E) -> dict[str, Any]:
        data = EventCodec.dump(self, event)
        if not self.seals(event):
            return data
        subject = self.subject_of(event)
        key = await self.keyring.key_for(subject)
        return self.seal(event, data, key, self.aad(event))

    async def _load(self, recorded: RecordedEvent) -> E:
        if SEALED_FIELD not in recorded.data:
            return EventCodec.load(self, recorded)
        key = await self.keyring.key_for(id_of(recorded.stream_id))
        data = self.open(recorded.type, dict(recorded.data), key, recorded.stream_id)
        return EventCodec.load(self, recorded._replace(data=data))

    def aad(self, event: E) -> str:
        """What a box is bound to: the stream it is stored in."""
        raise NotImplementedError
