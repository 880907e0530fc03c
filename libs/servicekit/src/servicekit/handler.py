"""The one command handler: load → decide → append → project → outbox, in one unit of work.

``CommandHandler.handle`` reads the stream as the transaction sees it (from the state cache
when it can), decides, appends after the revision it read (or the client's, when it acted on
what it saw: ``Acting.expected_revision``), then lets the read-model projection write its
rows and puts the integration events the change announces into the outbox, all in the
caller's transaction: the read models and Kafka see the change only if it commits.

A command that causes no events (an idempotent repeat) records, projects and sends nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar
from uuid import UUID, uuid4

from eventkit import OutboxMessage, Transaction
from samspil_contracts import IntegrationEvent

from servicekit.acting import Acting, Actor
from servicekit.decider import Decider
from servicekit.publishing import Publisher
from servicekit.streams import EventStream, Loaded

A = TypeVar("A", bound=Actor)
C = TypeVar("C")
E = TypeVar("E")
S = TypeVar("S")


@dataclass(frozen=True)
class Change(Generic[E, S]):
    """What a command did to one stream: its events, the state and revision after them."""

    stream_id: str
    events: tuple[E, ...]
    state: S
    revision: int

    @property
    def began(self) -> bool:
        """The stream began with these events (it had none before)."""
        return bool(self.events) and self.revision == len(self.events)


class Projection(Protocol[E, S]):
    """A read model kept in step with the stream, in the command's transaction."""

    async def project(self, tx: Transaction, change: Change[E, S]) -> None: ...


@dataclass(frozen=True)
class Stable:
    """An integration event under an id of its own making (the same fact, the same id), so a
    repeat of the command that caused it is dropped downstream."""

    event: IntegrationEvent
    event_id: UUID


@dataclass(frozen=True)
class Announcing(Generic[E, S]):
    """Which integration events a change announces (pure), and who publishes them."""

    publisher: Publisher
    announce: Callable[[Change[E, S]], Sequence[IntegrationEvent | Stable]]

    def messages(self, change: Change[E, S], acting: Acting[A]) -> list[OutboxMessage]:
        found = [a if isinstance(a, Stable) else Stable(a, uuid4()) for a in self.announce(change)]
        return [
            self.publisher.acting_message(acting, a.event, change.revision, a.event_id)
            for a in found
        ]


class CommandHandler(Generic[C, E, S]):
    def __init__(
        self,
        stream: EventStream[E, S],
        decider: Decider[C, E, S],
        projection: Projection[E, S] | None = None,
        announcing: Announcing[E, S] | None = None,
    ) -> None:
        self.stream, self.decider = stream, decider
        self.projection, self.announcing = projection, announcing

    async def load(self, tx: Transaction, key: object) -> Loaded[S]:
        """The state of ``key``'s stream as ``tx`` sees it."""
        stream_id = self.stream.stream_id(key)
        return await self.stream.read(
            stream_id, lambda after: tx.load(stream_id, after=after), self.decider
        )

    async def handle(
        self, tx: Transaction, key: object, command: C, acting: Acting[A]
    ) -> Change[E, S]:
        """Decide ``command`` on ``key``'s stream and record what it causes."""
        current = await self.load(tx, key)
        events = tuple(self.decider.decide(command, current.state))
        change = await self.record(
            tx, key, current, events, acting.metadata(), acting.expected_revision
        )
        if not change.events:
            return change
        if self.projection is not None:
            await self.projection.project(tx, change)
        if self.announcing is not None:
            await tx.enqueue(self.announcing.messages(change, acting))
        return change

    async def record(
        self,
        tx: Transaction,
        key: object,
        current: Loaded[S],
        events: Sequence[E],
        metadata: Mapping[str, object],
        expected_revision: int | None = None,
    ) -> Change[E, S]:
        """Append ``events``, decided on ``current``, after ``expected_revision`` (else the
        revision ``current`` was read at); the change, also kept in the state cache."""
        stream_id = self.stream.stream_id(key)
        if not events:
            return Change(stream_id, (), current.state, current.revision)
        expected = current.revision if expected_revision is None else expected_revision
        new = await self.stream.codec.encode(events, metadata)
        revision = await tx.append(stream_id, expected, new)
        change = Change(
            stream_id, tuple(events), self.decider.fold(current.state, events), revision
        )
        self.stream.remember(stream_id, Loaded(change.state, revision), new[-1].event_id)
        return change
