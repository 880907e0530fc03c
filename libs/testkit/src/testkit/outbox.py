"""What a use case published: the in-memory store's outbox, decoded as a consumer would."""

from __future__ import annotations

from typing import TypeVar

from eventkit import MemoryEventStore
from samspil_contracts import Envelope, IntegrationEvent, decode

T = TypeVar("T", bound=IntegrationEvent)


def published(store: MemoryEventStore, kind: type[T]) -> list[tuple[Envelope, T]]:
    """The committed outbox records of type ``kind`` (``IntegrationEvent``: all), in commit
    order."""
    found: list[tuple[Envelope, T]] = []
    for message in store.outbox:
        envelope, event = decode(list(message.headers), message.value)
        if isinstance(event, kind):
            found.append((envelope, event))
    return found
